// Name and label syntax as apimachinery validates it (DNS-1123 names, qualified label keys, IANA service names).
// Each check returns its reason in both languages (apimachinery's English wording), or null when valid.
import { msg, type Message } from './message';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const IANA_SVC_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const HAS_LETTER = /[a-z]/;

/** Namespace names: a DNS-1123 label. Returns a reason, or null when valid. */
export function checkDnsLabel(name: string): Message | null {
  if (name.length > 63) return msg('must be no more than 63 characters', '63 文字以内でなければなりません');
  if (!DNS1123_LABEL.test(name)) {
    return msg(
      "must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
      '英小文字・数字・「-」だけで書き、先頭と末尾は英小文字か数字でなければなりません',
    );
  }
  return null;
}

/** Object names (pods, policies, workloads): a DNS-1123 subdomain. */
export function checkDnsSubdomain(name: string): Message | null {
  if (name.length > 253) return msg('must be no more than 253 characters', '253 文字以内でなければなりません');
  if (!DNS1123_SUBDOMAIN.test(name)) {
    return msg(
      "must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
      '英小文字・数字・「-」・「.」だけで書き、先頭と末尾は英小文字か数字でなければなりません',
    );
  }
  return null;
}

/** Label keys: `[prefix/]name`, the prefix a DNS subdomain, the name at most 63 characters. */
export function checkLabelKey(key: string): Message | null {
  const parts = key.split('/');
  let name = key;
  if (parts.length === 2) {
    const prefix = parts[0] ?? '';
    name = parts[1] ?? '';
    if (prefix.length === 0) return msg('prefix part must be non-empty', 'プレフィックス部分（「/」の前）が空です');
    const prefixProblem = checkDnsSubdomain(prefix);
    if (prefixProblem) return msg(`prefix part ${prefixProblem.en}`, `プレフィックス部分（「/」の前）は${prefixProblem.ja}`);
  } else if (parts.length > 2) {
    return msg(
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', with an optional DNS subdomain prefix and '/'",
      '英数字・「-」・「_」・「.」で書きます。「/」で区切るプレフィックス（DNS サブドメイン）は 1 つまでです',
    );
  }
  if (name.length === 0) return msg('name part must be non-empty', '名前部分が空です');
  if (name.length > 63) return msg('name part must be no more than 63 characters', '名前部分は 63 文字以内でなければなりません');
  if (!QUALIFIED_NAME_PART.test(name)) {
    return msg(
      "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
      '名前部分は英数字・「-」・「_」・「.」だけで書き、先頭と末尾は英数字でなければなりません',
    );
  }
  return null;
}

/** Label values: empty, or at most 63 characters of the qualified-name alphabet. */
export function checkLabelValue(value: string): Message | null {
  if (value === '') return null;
  if (value.length > 63) return msg('must be no more than 63 characters', '63 文字以内でなければなりません');
  if (!QUALIFIED_NAME_PART.test(value)) {
    return msg(
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
      'ラベルの値は空にするか、英数字・「-」・「_」・「.」だけで書き、先頭と末尾を英数字にします',
    );
  }
  return null;
}

/** Named ports: an IANA_SVC_NAME (at most 15 characters, at least one letter, no '--'). */
export function checkPortName(name: string): Message | null {
  if (name.length > 15) return msg('a port name must be no more than 15 characters', 'ポート名は 15 文字以内でなければなりません');
  if (!IANA_SVC_NAME.test(name)) {
    return msg(
      "a port name must contain only lower case alphanumeric characters and '-', and start and end with an alphanumeric character",
      'ポート名は英小文字・数字・「-」だけで書き、先頭と末尾は英小文字か数字でなければなりません',
    );
  }
  if (name.includes('--')) return msg('a port name must not contain consecutive hyphens', 'ポート名に「-」を続けて書くことはできません');
  if (!HAS_LETTER.test(name)) return msg('a port name must contain at least one letter', 'ポート名には英字が 1 文字以上必要です');
  return null;
}

/** Names RBAC objects accept (path.IsValidPathSegmentName): anything but `.`, `..`, and names with `/` or `%`. */
export function checkPathSegmentName(name: string): Message | null {
  if (name === '.' || name === '..') return msg(`may not be '${name}'`, `「${name}」は使えません`);
  if (name.includes('/')) return msg("may not contain '/'", '「/」は使えません');
  if (name.includes('%')) return msg("may not contain '%'", '「%」は使えません');
  return null;
}
