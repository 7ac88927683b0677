// The one textual form of a diagnostic, shared by the CLI and anything else that prints them.
import type { Diagnostic } from './types';

/** `FILE:LINE:COL: error[CODE]: message` (or `warning[CODE]`). */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.col}: ${d.severity}[${d.code}]: ${d.message}`;
}
