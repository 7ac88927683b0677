// Reads the CLI's input files: files, folders of manifests, or - for standard input.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, SourceText } from '../topics/netpol/index';

const MANIFEST = /\.(ya?ml|json)$/i;

/** Reads the inputs; unreadable files become diagnostics. */
export function readInputs(files: readonly string[], readStdin: () => string): { inputs: SourceText[]; problems: Diagnostic[] } {
  const inputs: SourceText[] = [];
  const problems: Diagnostic[] = [];
  const fail = (file: string, message: string): void => {
    problems.push({ file, line: 1, col: 1, severity: 'error', code: 'read-failed', message });
  };
  for (const file of files) {
    if (file === '-') {
      inputs.push({ file: '<stdin>', text: readStdin() });
      continue;
    }
    try {
      if (statSync(file).isDirectory()) {
        const names = readdirSync(file).filter((n) => MANIFEST.test(n)).sort();
        if (names.length === 0) fail(file, 'the directory holds no .yaml, .yml or .json files');
        for (const name of names) inputs.push({ file: join(file, name), text: readFileSync(join(file, name), 'utf8') });
      } else {
        inputs.push({ file, text: readFileSync(file, 'utf8') });
      }
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      fail(file, code === 'ENOENT' ? 'no such file or directory' : `cannot read: ${(err as Error).message}`);
    }
  }
  return { inputs, problems };
}

