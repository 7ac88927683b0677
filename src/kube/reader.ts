// Typed, located access to one parsed document, validating as the API server would. Every topic's kind
// readers use it, so a wrong type, an unknown field or a bad label reads the same in every topic.
import type { DeclaredPort, Diagnostic, IPAddress, LabelSelector, Protocol, SelectorOperator, SelectorRequirement, SourceLocation } from './types';
import type { ErrorCode } from './errors';
import { msg, type Message } from './message';
import type { PMap, PNode, SourceDocument } from './yaml-source';
import type { FieldShape, Shape } from './fields';
import { parseIP } from './ip';
import { checkDnsLabel, checkDnsSubdomain, checkLabelKey, checkLabelValue, checkPathSegmentName, checkPortName } from './validation';

/** Thrown by a kind reader to drop a broken object: the problem was reported, the rest still loads. */
export class Invalid extends Error {}

/** How a kind's names are validated: DNS label (Namespace), DNS subdomain (most), path segment (RBAC). */
export type NameRule = 'label' | 'subdomain' | 'path-segment';

/** An object's metadata as the API server keeps it. */
export interface ObjectMeta {
  name: string;
  /** The object's namespace (`default` when a namespaced object names none); '' for cluster-scoped kinds. */
  namespace: string;
  labels: Record<string, string>;
  location: SourceLocation;
}

export const EMPTY_SELECTOR: LabelSelector = { matchLabels: {}, matchExpressions: [] };

/** Allowed fields listed in full in an "unknown field" message when there are at most this many. */
const LISTED_FIELDS = 12;

/** Walks one document, reporting problems with their locations into `out`. */
export class ObjectReader {
  /** Errors found in the object being read; the object is dropped if there are any. */
  errors = 0;
  /** The object being read (`Pod default/web`), added to every message. */
  what = '';

  constructor(
    readonly doc: SourceDocument,
    private readonly out: Diagnostic[],
  ) {}

  at(node: PNode | number): SourceLocation {
    return this.doc.locate(typeof node === 'number' ? node : node.offset);
  }

  /** Problems reported so far (offset, code, message): a node checked twice is reported once. */
  private readonly reported = new Set<string>();

  report(node: PNode | number, code: ErrorCode | (string & {}), message: Message, severity: 'error' | 'warning' = 'error'): void {
    const en = this.what ? ` (${this.what})` : '';
    const ja = this.what ? `（${this.what}）` : '';
    const offset = typeof node === 'number' ? node : node.offset;
    const key = `${offset}\0${severity}\0${code}\0${message.en}${en}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    if (severity === 'error') this.errors++;
    this.out.push({ ...this.at(node), severity, code, message: message.en + en, messageJa: message.ja + ja });
  }

  // ---- typed access -------------------------------------------------------------------------

  map(node: PNode | undefined, path: string): PMap | null {
    if (!node || isNull(node)) return null;
    if (node.type !== 'map') {
      this.report(node, 'wrong-type', msg(`${path} must be a mapping`, `${path} はマッピングでなければなりません`));
      return null;
    }
    return node;
  }

  list(node: PNode | undefined, path: string): readonly PNode[] | null {
    if (!node || isNull(node)) return null;
    if (node.type !== 'seq') {
      this.report(node, 'wrong-type', msg(`${path} must be a list`, `${path} はリストでなければなりません`));
      return null;
    }
    return node.items;
  }

  string(node: PNode | undefined, path: string): string | null {
    if (!node || isNull(node)) return null;
    if (node.type !== 'scalar' || typeof node.value !== 'string') {
      this.report(node, 'wrong-type', msg(`${path} must be a string, not ${describe(node).en}`, `${path} は文字列でなければなりません（いまは${describe(node).ja}）`));
      return null;
    }
    return node.value;
  }

  /** A list of strings; null entries read as "" (JSON null in a string field). */
  strings(node: PNode | undefined, path: string): string[] {
    const out: string[] = [];
    (this.list(node, path) ?? []).forEach((item, i) => {
      if (isNull(item)) out.push('');
      else {
        const text = this.string(item, `${path}[${i}]`);
        if (text !== null) out.push(text);
      }
    });
    return out;
  }

  bool(node: PNode | undefined, path: string): boolean {
    if (!node || isNull(node)) return false;
    if (node.type !== 'scalar' || typeof node.value !== 'boolean') {
      this.report(node, 'wrong-type', msg(`${path} must be true or false, not ${describe(node).en}`, `${path} は true か false でなければなりません（いまは${describe(node).ja}）`));
      return false;
    }
    return node.value;
  }

  integer(node: PNode | undefined, path: string): number | null {
    if (!node || isNull(node)) return null;
    if (node.type !== 'scalar' || typeof node.value !== 'number' || !Number.isInteger(node.value)) {
      this.report(node, 'wrong-type', msg(`${path} must be an integer, not ${describe(node).en}`, `${path} は整数でなければなりません（いまは${describe(node).ja}）`));
      return null;
    }
    return node.value;
  }

  /**
   * Reports every field of `node` that is not in `allowed`, at the key, with a "did you mean" (kubectl's strict
   * field validation rejects it). `type` names the Kubernetes type when the list is too long to print.
   */
  onlyFields(node: PMap, allowed: readonly string[], path: string, type?: string): void {
    for (const entry of node.entries.values()) {
      if (!allowed.includes(entry.key)) {
        const near = closest(entry.key, allowed);
        const field = `${path ? path + '.' : ''}${entry.key}`;
        const hint = near
          ? msg(`; did you mean ${near}?`, `。${near} の誤りではありませんか`)
          : type && allowed.length > LISTED_FIELDS
            ? msg(`; ${type} has no such field`, `（${type} にはこのフィールドがありません）`)
            : msg(`; expected one of ${allowed.join(', ')}`, `。書けるのは ${allowed.join(', ')} です`);
        this.report(entry.keyOffset, 'unknown-field', msg(`unknown field ${field}${hint.en}`, `${field} というフィールドはありません${hint.ja}`));
      }
    }
  }

  /**
   * Strict field validation of `node` as a `shape` at every level: each field its type does not have is an
   * `unknown-field` error. Values of another type (a list where a mapping belongs) are left to the readers.
   */
  fields(node: PNode | undefined, shape: Shape, path: string): void {
    if (!node || node.type !== 'map') return;
    this.onlyFields(node, Object.keys(shape.fields), path, shape.name);
    for (const entry of node.entries.values()) {
      const field: FieldShape | undefined = shape.fields[entry.key];
      if (field === undefined || field === '') continue;
      const at = path ? `${path}.${entry.key}` : entry.key;
      if (isListShape(field)) {
        if (entry.value.type === 'seq') entry.value.items.forEach((item, i) => this.fields(item, field[0], `${at}[${i}]`));
      } else this.fields(entry.value, field, at);
    }
  }

  labels(node: PNode | undefined, path: string): Record<string, string> {
    const labels: Record<string, string> = {};
    const map = this.map(node, path);
    if (!map) return labels;
    for (const entry of map.entries.values()) {
      const keyProblem = checkLabelKey(entry.key);
      if (keyProblem) this.report(entry.keyOffset, 'invalid-label', msg(`${path}: key "${entry.key}": ${keyProblem.en}`, `${path} のキー "${entry.key}": ${keyProblem.ja}`));
      const v = entry.value;
      if (isNull(v)) {
        labels[entry.key] = ''; // JSON null decodes to "" in a string field, as the API server reads it
        continue;
      }
      if (v.type !== 'scalar' || typeof v.value !== 'string') {
        const text = v.type === 'scalar' && v.value !== null ? `"${v.text ?? String(v.value)}"` : null;
        const quoted = text ? msg(` (quote it: ${text})`, `。引用符で囲んで ${text} と書きます`) : msg('', '');
        this.report(v, 'label-not-string', msg(`${path}.${entry.key} must be a string, not ${describe(v).en}${quoted.en}`, `${path}.${entry.key} は文字列でなければなりません（いまは${describe(v).ja}）${quoted.ja}`));
        continue;
      }
      const valueProblem = checkLabelValue(v.value);
      if (valueProblem) this.report(v, 'invalid-label', msg(`${path}.${entry.key}: value "${v.value}": ${valueProblem.en}`, `${path}.${entry.key} の値 "${v.value}": ${valueProblem.ja}`));
      labels[entry.key] = v.value;
    }
    return labels;
  }

  /**
   * metadata.name, namespace and labels. A namespaced object without a namespace is in `default` (the request's
   * namespace, as `kubectl apply` sends it). Throws Invalid when the name is missing.
   */
  metadata(node: PMap, kind: string, namespaced: boolean, nameRule: NameRule = 'subdomain', nameOptional = false): ObjectMeta {
    const meta = this.map(node.entries.get('metadata')?.value, 'metadata');
    const name = this.string(meta?.entries.get('name')?.value, 'metadata.name') ?? (nameOptional ? '' : null);
    if (nameOptional && name === '') {
      this.what = kind;
      return { name, namespace: '', labels: {}, location: this.at(node) };
    }
    if (name === null) {
      this.report(meta ?? node, 'missing-field', msg(`${kind}: metadata.name is required`, `${kind}: metadata.name は必須です`));
      throw new Invalid();
    }
    const nameNode = meta?.entries.get('name')?.value ?? node;
    const nameProblem = nameRule === 'label' ? checkDnsLabel(name) : nameRule === 'path-segment' ? checkPathSegmentName(name) : checkDnsSubdomain(name);
    const namespaceNode = meta?.entries.get('namespace')?.value;
    const namespace = namespaced ? this.string(namespaceNode, 'metadata.namespace') || 'default' : '';
    this.what = namespaced ? `${kind} ${namespace}/${name}` : `${kind} ${name}`;
    if (nameProblem) this.report(nameNode, 'invalid-name', msg(`metadata.name "${name}": ${nameProblem.en}`, `metadata.name "${name}": ${nameProblem.ja}`));
    if (namespaced && namespaceNode && namespace !== 'default') {
      const nsProblem = checkDnsLabel(namespace);
      if (nsProblem) this.report(namespaceNode, 'invalid-name', msg(`metadata.namespace "${namespace}": ${nsProblem.en}`, `metadata.namespace "${namespace}": ${nsProblem.ja}`));
    }
    const labels = this.labels(meta?.entries.get('labels')?.value, 'metadata.labels');
    return { name, namespace, labels, location: this.at(node) };
  }

  protocol(node: PNode | undefined, path: string): Protocol {
    const text = this.string(node, path);
    if (text === null) return 'TCP';
    if (text === 'TCP' || text === 'UDP' || text === 'SCTP') return text;
    this.report(node ?? 0, 'invalid-protocol', msg(`${path} "${text}" is not supported; use TCP, UDP or SCTP (upper case)`, `${path} の "${text}" は使えません。TCP、UDP、SCTP のいずれかを大文字で書きます`));
    return 'TCP';
  }

  ip(node: PNode | undefined, path: string): IPAddress | null {
    const text = this.string(node, path);
    if (text === null || text === '') return null;
    const ip = parseIP(text);
    if (!ip) this.report(node ?? 0, 'invalid-ip', msg(`${path} "${text}" is not an IPv4 or IPv6 address`, `${path} の "${text}" は IPv4 アドレスでも IPv6 アドレスでもありません`));
    return ip;
  }

  /** Every container's ports (validateContainerPorts: numbers in range, names unique within a container). */
  containerPorts(podSpec: PMap | null, path: string): DeclaredPort[] {
    const ports: DeclaredPort[] = [];
    const containers = this.list(podSpec?.entries.get('containers')?.value, `${path}.containers`) ?? [];
    containers.forEach((c, ci) => {
      const names = new Set<string>();
      const container = this.map(c, `${path}.containers[${ci}]`);
      const list = this.list(container?.entries.get('ports')?.value, `${path}.containers[${ci}].ports`) ?? [];
      list.forEach((p, pi) => {
        const at = `${path}.containers[${ci}].ports[${pi}]`;
        const port = this.map(p, at);
        if (!port) return;
        const numberNode = port.entries.get('containerPort')?.value;
        const number = this.integer(numberNode, `${at}.containerPort`);
        if (number === null) {
          if (!numberNode || isNull(numberNode)) this.report(port, 'missing-field', msg(`${at}.containerPort is required`, `${at}.containerPort は必須です`));
          return;
        }
        if (number < 1 || number > 65535) {
          this.report(numberNode ?? port, 'invalid-port', msg(`${at}.containerPort ${number} is outside 1-65535`, `${at}.containerPort の ${number} は 1-65535 の範囲外です`));
          return;
        }
        const protocolNode = port.entries.get('protocol')?.value;
        // SetDefaults_ContainerPort turns an empty protocol into TCP.
        const protocol = protocolNode?.type === 'scalar' && protocolNode.value === '' ? 'TCP' : this.protocol(protocolNode, `${at}.protocol`);
        const nameNode = port.entries.get('name')?.value;
        const name = this.string(nameNode, `${at}.name`);
        if (name !== null && name !== '') {
          const problem = checkPortName(name);
          if (problem) this.report(nameNode ?? port, 'invalid-port', msg(`${at}.name "${name}": ${problem.en}`, `${at}.name "${name}": ${problem.ja}`));
          if (names.has(name)) this.report(nameNode ?? port, 'duplicate', msg(`${at}.name "${name}" is used by another port of this container`, `${at}.name の "${name}" は、このコンテナーの別のポートがすでに使っています`));
          names.add(name);
        }
        ports.push({ name: name || null, port: number, protocol });
      });
    });
    return ports;
  }

  /** A metav1.LabelSelector, validated as apimachinery does; null when absent. */
  selector(node: PNode | undefined, path: string): LabelSelector | null {
    const map = this.map(node, path);
    if (!map) return null;
    const matchLabels = this.labels(map.entries.get('matchLabels')?.value, `${path}.matchLabels`);
    const matchExpressions: SelectorRequirement[] = [];
    (this.list(map.entries.get('matchExpressions')?.value, `${path}.matchExpressions`) ?? []).forEach((e, i) => {
      const at = `${path}.matchExpressions[${i}]`;
      const expr = this.map(e, at);
      if (!expr) {
        this.report(e, 'missing-field', msg(`${at} must set key and operator`, `${at} には key と operator が必要です`));
        return;
      }
      const keyNode = expr.entries.get('key')?.value;
      const key = this.string(keyNode, `${at}.key`);
      if (key === null) {
        if (!keyNode || isNull(keyNode)) this.report(expr, 'missing-field', msg(`${at}.key is required`, `${at}.key は必須です`));
        return;
      }
      const keyProblem = checkLabelKey(key);
      if (keyProblem) this.report(keyNode ?? expr, 'invalid-label', msg(`${at}.key "${key}": ${keyProblem.en}`, `${at}.key "${key}": ${keyProblem.ja}`));
      const opNode = expr.entries.get('operator')?.value;
      const operator = this.string(opNode, `${at}.operator`);
      if (operator === null) {
        if (!opNode || isNull(opNode)) this.report(expr, 'missing-field', msg(`${at}.operator is required`, `${at}.operator は必須です`));
        return;
      }
      const valuesNode = expr.entries.get('values')?.value;
      const values: string[] = [];
      (this.list(valuesNode, `${at}.values`) ?? []).forEach((v, j) => {
        if (isNull(v)) {
          values.push('');
          return;
        }
        if (v.type !== 'scalar' || typeof v.value !== 'string') {
          this.report(v, 'label-not-string', msg(`${at}.values[${j}] must be a string, not ${describe(v).en}`, `${at}.values[${j}] は文字列でなければなりません（いまは${describe(v).ja}）`));
          return;
        }
        const problem = checkLabelValue(v.value);
        if (problem) this.report(v, 'invalid-label', msg(`${at}.values[${j}] "${v.value}": ${problem.en}`, `${at}.values[${j}] "${v.value}": ${problem.ja}`));
        values.push(v.value);
      });
      const valueCount = valuesNode && valuesNode.type === 'seq' ? valuesNode.items.length : 0;
      if (operator === 'In' || operator === 'NotIn') {
        if (valueCount === 0) this.report(valuesNode ?? expr, 'invalid-values', msg(`${at}.values must be non-empty when operator is ${operator}`, `operator が ${operator} のとき、${at}.values は空にできません`));
      } else if (operator === 'Exists' || operator === 'DoesNotExist') {
        if (valueCount > 0) this.report(valuesNode ?? expr, 'invalid-values', msg(`${at}.values must be empty when operator is ${operator}`, `operator が ${operator} のとき、${at}.values は空でなければなりません`));
      } else {
        this.report(opNode ?? expr, 'invalid-operator', msg(`${at}.operator "${operator}" is not a valid operator; use In, NotIn, Exists or DoesNotExist`, `${at}.operator の "${operator}" は演算子ではありません。In、NotIn、Exists、DoesNotExist のいずれかを書きます`));
        return;
      }
      matchExpressions.push({ key, operator: operator as SelectorOperator, values });
    });
    return { matchLabels, matchExpressions };
  }
}

function isListShape(field: Shape | readonly [Shape]): field is readonly [Shape] {
  return Array.isArray(field);
}

export function isNull(node: PNode): boolean {
  return node.type === 'scalar' && (node.value === null || node.value === undefined);
}

/** How a value reads in a message: "a mapping", "the string "x"", "the number 8" (マッピング, 文字列 "x", 数値 8). */
export function describe(node: PNode): Message {
  if (node.type === 'map') return msg('a mapping', 'マッピング');
  if (node.type === 'seq') return msg('a list', 'リスト');
  const v = node.value;
  if (v === null || v === undefined) return msg('null', 'null');
  if (typeof v === 'string') {
    const text = `"${v.length > 40 ? v.slice(0, 40) + '…' : v}"`;
    return msg(`the string ${text}`, `文字列 ${text}`);
  }
  if (typeof v === 'number' || typeof v === 'bigint') return msg(`the number ${String(v)}`, `数値 ${String(v)}`);
  if (typeof v === 'boolean') return msg(`the boolean ${String(v)}`, `真偽値 ${String(v)}`);
  return msg('a value of another type', '別の型の値');
}

/** The allowed name nearest to a misspelt one (edit distance at most 3), for "did you mean". */
export function closest(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = 4;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}
