// Name and label syntax as apimachinery validates it (DNS-1123 names, qualified label keys, IANA service names).

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const IANA_SVC_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const HAS_LETTER = /[a-z]/;

/** Namespace names: a DNS-1123 label. Returns a reason, or null when valid. */
export function checkDnsLabel(name: string): string | null {
  if (name.length > 63) return 'must be no more than 63 characters';
  if (!DNS1123_LABEL.test(name)) {
    return "must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
  }
  return null;
}

/** Object names (pods, policies, workloads): a DNS-1123 subdomain. */
export function checkDnsSubdomain(name: string): string | null {
  if (name.length > 253) return 'must be no more than 253 characters';
  if (!DNS1123_SUBDOMAIN.test(name)) {
    return "must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
  }
  return null;
}

/** Label keys: `[prefix/]name`, the prefix a DNS subdomain, the name at most 63 characters. */
export function checkLabelKey(key: string): string | null {
  const parts = key.split('/');
  let name = key;
  if (parts.length === 2) {
    const prefix = parts[0] ?? '';
    name = parts[1] ?? '';
    if (prefix.length === 0) return 'prefix part must be non-empty';
    const prefixProblem = checkDnsSubdomain(prefix);
    if (prefixProblem) return `prefix part ${prefixProblem}`;
  } else if (parts.length > 2) {
    return "a qualified name must consist of alphanumeric characters, '-', '_' or '.', with an optional DNS subdomain prefix and '/'";
  }
  if (name.length === 0) return 'name part must be non-empty';
  if (name.length > 63) return 'name part must be no more than 63 characters';
  if (!QUALIFIED_NAME_PART.test(name)) {
    return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  }
  return null;
}

/** Label values: empty, or at most 63 characters of the qualified-name alphabet. */
export function checkLabelValue(value: string): string | null {
  if (value === '') return null;
  if (value.length > 63) return 'must be no more than 63 characters';
  if (!QUALIFIED_NAME_PART.test(value)) {
    return "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  }
  return null;
}

/** Named ports: an IANA_SVC_NAME (at most 15 characters, at least one letter, no '--'). */
export function checkPortName(name: string): string | null {
  if (name.length > 15) return 'a port name must be no more than 15 characters';
  if (!IANA_SVC_NAME.test(name)) {
    return "a port name must contain only lower case alphanumeric characters and '-', and start and end with an alphanumeric character";
  }
  if (name.includes('--')) return "a port name must not contain consecutive hyphens";
  if (!HAS_LETTER.test(name)) return 'a port name must contain at least one letter';
  return null;
}

/** Names RBAC objects accept (path.IsValidPathSegmentName): anything but `.`, `..`, and names with `/` or `%`. */
export function checkPathSegmentName(name: string): string | null {
  if (name === '.' || name === '..') return `may not be '${name}'`;
  if (name.includes('/')) return "may not contain '/'";
  if (name.includes('%')) return "may not contain '%'";
  return null;
}
