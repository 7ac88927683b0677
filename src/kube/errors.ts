// The one catalogue of diagnostic codes. Tests assert on codes; people read the messages.

export const ERROR_CODES = {
  'yaml-syntax': 'the text is not valid YAML or JSON',
  'too-large': 'an input is larger than the lab accepts',
  'alias-limit': 'YAML aliases expand to too much data (an alias bomb?)',
  'too-deep': 'the document nests deeper than the lab accepts',
  'not-an-object': 'a document must be a mapping with apiVersion and kind',
  'missing-field': 'a required field is missing',
  'wrong-type': 'a field has the wrong type',
  'unknown-field': 'a field that this kind does not have',
  'duplicate': 'two objects of the same kind share a name',
  'invalid-name': 'a name that Kubernetes would not accept',
  'invalid-label': 'a label key or value that Kubernetes would not accept',
  'label-not-string': 'a label value (or selector value) that is not a string',
  'invalid-ip': 'an IP address that cannot be parsed',
  'invalid-cidr': 'a CIDR that cannot be parsed',
  'except-not-subset': 'an ipBlock except entry that is not a strict subset of its cidr',
  'invalid-port': 'a port number outside 1-65535 or an invalid port name',
  'invalid-end-port': 'an endPort that is below port, or set with a named or missing port',
  'invalid-protocol': 'a protocol other than TCP, UDP and SCTP',
  'invalid-operator': 'a label selector operator other than In, NotIn, Exists and DoesNotExist',
  'invalid-values': 'selector values that do not fit the operator',
  'invalid-selector': 'a workload selector that is empty or does not match its pod template labels',
  'invalid-policy-type': 'a policyTypes entry other than Ingress and Egress',
  'empty-peer': 'a from/to entry with none of podSelector, namespaceSelector and ipBlock',
  'mixed-peer': 'a from/to entry that mixes ipBlock with a selector',
  'unsupported-kind': 'a kind the lab does not evaluate (skipped)',
  'unknown-kind': 'a misspelt kind (a near miss of one the lab reads, such as NetworkPolicies)',
  'invalid-flag': 'a command-line flag or value the CLI does not accept',
  'read-failed': 'a file could not be read',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
