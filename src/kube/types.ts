// The shared vocabulary of reading Kubernetes text: locations, diagnostics, label selectors, addresses.

/** A place in an input text: file name plus 1-based line and column. */
export interface SourceLocation {
  file: string;
  line: number;
  col: number;
}

export type Severity = 'error' | 'warning';

/** One problem found in the input, in the `FILE:LINE:COL: error[CODE]: message` sense. */
export interface Diagnostic extends SourceLocation {
  severity: Severity;
  code: string;
  message: string;
  /** The same message in Japanese, written beside the English (paths, values and names unchanged). Every
   * diagnostic the editor can show has one; only the CLI's own (read-failed, invalid-flag, ...) lack it. */
  messageJa?: string;
}

/** A parsed IP address: v4 as a 32-bit value, v6 as a 128-bit value, both as bigint. */
export interface IPAddress {
  family: 4 | 6;
  value: bigint;
  text: string;
}

export interface Cidr {
  family: 4 | 6;
  /** The network address with host bits cleared. */
  base: bigint;
  prefix: number;
  text: string;
}

export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface SelectorRequirement {
  key: string;
  operator: SelectorOperator;
  values: readonly string[];
}

/** A metav1.LabelSelector. Empty (no labels, no expressions) selects everything. */
export interface LabelSelector {
  matchLabels: Readonly<Record<string, string>>;
  matchExpressions: readonly SelectorRequirement[];
}


export type Protocol = 'TCP' | 'UDP' | 'SCTP';
export const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

/** A container port (or an ExternalEndpoint port) that an endpoint declares. */
export interface DeclaredPort {
  name: string | null;
  port: number;
  protocol: Protocol;
}

