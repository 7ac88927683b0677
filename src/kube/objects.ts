// The object registry (apiVersion/kind -> reader) and the readers of the objects every topic shares:
// Namespace, Pod, ServiceAccount and the workloads with their pod templates. A topic adds its own kinds.
import type { DeclaredPort, Diagnostic, IPAddress, SourceLocation } from './types';
import type { PMap, PNode, SourceDocument } from './yaml-source';
import { Invalid, ObjectReader, closest, describe, isNull, type NameRule, type ObjectMeta } from './reader';
import { checkDnsLabel, checkDnsSubdomain } from './validation';
import { selectorMatches } from './label-selector';
import { msg, type Message } from './message';
import * as api from './fields';
import type { Shape } from './fields';

export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** Reads one kind. `read` reports problems through the reader; it may throw Invalid to drop the object. */
export interface KindReader<T = unknown> {
  apiVersion: string;
  kind: string;
  namespaced: boolean;
  /** Namespaces are DNS labels, RBAC names path segments, other names DNS subdomains. */
  nameRule?: NameRule;
  /** Objects that are never stored (a SubjectAccessReview) need no name. */
  nameOptional?: boolean;
  /** Its API type: every field it does not have, at any level, is an `unknown-field` error (src/kube/fields.ts). */
  shape: Shape;
  read(r: ObjectReader, node: PMap, meta: ObjectMeta): T;
}

/** One object read from the input: its metadata, its kind's value, and the document it came from. */
export interface KubeObject<T = unknown> {
  reader: KindReader<T>;
  kind: string;
  meta: ObjectMeta;
  value: T;
  /** The object's node and document, for topics that read further (Pod Security reads the whole PodSpec). */
  node: PMap;
  doc: SourceDocument;
}

/** The objects of one kind, typed by its reader. */
export function objectsOf<T>(objects: readonly KubeObject[], reader: KindReader<T>): KubeObject<T>[] {
  return objects.filter((o): o is KubeObject<T> => o.reader === (reader as KindReader));
}

/**
 * Reads every document with the registry's kinds. Kinds the registry does not have are skipped with a warning
 * (`unsupported-kind`); `kind: List` (and any `...List` with items) is read item by item.
 */
export function readObjects(documents: readonly SourceDocument[], kinds: readonly KindReader[]): { objects: KubeObject[]; diagnostics: Diagnostic[] } {
  const byKind = new Map<string, KindReader>();
  for (const k of kinds) if (!byKind.has(k.kind)) byKind.set(k.kind, k);
  const diagnostics: Diagnostic[] = [];
  const objects: KubeObject[] = [];
  for (const doc of documents) {
    const r = new ObjectReader(doc, diagnostics);
    readOne(r, doc.root, '', byKind, objects);
  }
  return { objects, diagnostics };
}

function readOne(r: ObjectReader, node: PNode, path: string, byKind: ReadonlyMap<string, KindReader>, out: KubeObject[]): void {
  r.what = '';
  if (node.type !== 'map') {
    r.report(
      node,
      'not-an-object',
      msg(
        `${path || 'document'} is ${describe(node).en}; expected a Kubernetes object with apiVersion and kind`,
        `${path ? `${path} は` : 'ドキュメントが'}${describe(node).ja}${/[\x21-\x7e]$/.test(describe(node).ja) ? ' ' : ''}です。apiVersion と kind を持つ Kubernetes のオブジェクトを書きます`,
      ),
    );
    return;
  }
  const kindNode = node.entries.get('kind')?.value;
  const kind = r.string(kindNode, `${path}kind`);
  const apiVersion = r.string(node.entries.get('apiVersion')?.value, `${path}apiVersion`);
  if (kind === null) {
    if (!kindNode) r.report(node, 'missing-field', msg(`${path || 'object'}: kind is required`, `${path ? `${path}: ` : ''}kind は必須です`));
    return;
  }
  const items = node.entries.get('items')?.value;
  if (kind.endsWith('List') && items) {
    const list = r.list(items, `${path}items`);
    list?.forEach((item, i) => readOne(r, item, `${path}items[${i}].`, byKind, out));
    return;
  }
  if (apiVersion === null) {
    if (!node.entries.get('apiVersion')) r.report(node, 'missing-field', msg(`${kind}: apiVersion is required`, `${kind}: apiVersion は必須です`));
    return;
  }
  const reader = byKind.get(kind);
  if (reader === undefined || apiVersion !== reader.apiVersion) {
    // `NetworkPolicies`, `Rolebinding`: a near miss of a kind the lab reads is named.
    const near = reader === undefined ? closest(kind, [...byKind.keys()]) : null;
    const nearMiss = near && near !== kind ? near : null;
    const why =
      reader === undefined
        ? msg(`kind ${kind} is not evaluated by the lab${nearMiss ? ` (did you mean ${nearMiss}?)` : ''}`, `kind ${kind} はラボが評価しない種類です${nearMiss ? `（${nearMiss} の誤りではありませんか）` : ''}`)
        : msg(`${apiVersion} ${kind} is not ${reader.apiVersion} ${kind}`, `${apiVersion} の ${kind} は ${reader.apiVersion} の ${kind} ではありません`);
    // A near miss is a typo kubectl would refuse ("no matches for kind"): an error, not a quiet skip.
    if (nearMiss) r.report(kindNode ?? node, 'unknown-kind', msg(`${why.en}; kubectl would find no such kind`, `${why.ja}。kubectl はこの種類を見つけられません`));
    else r.report(kindNode ?? node, 'unsupported-kind', msg(`${why.en}; skipped`, `${why.ja}。読み飛ばします`), 'warning');
    return;
  }
  r.errors = 0;
  try {
    let meta: ObjectMeta;
    try {
      meta = r.metadata(node, kind, reader.namespaced, reader.nameRule, reader.nameOptional);
    } finally {
      // Strict field validation, once per object whichever topics read it (kubectl's fieldValidation=Strict).
      r.fields(node, reader.shape, '');
    }
    const value = reader.read(r, node, meta);
    if (r.errors === 0) out.push({ reader, kind, meta, value, node, doc: r.doc });
  } catch (err) {
    if (!(err instanceof Invalid)) throw err;
  }
  r.what = '';
}

/**
 * Reports objects that share an id (kind and name, or whatever `idOf` says) as `duplicate`, as `kubectl apply`
 * of both would silently keep one. Keeps the first in input order (files in the order they first appear in
 * `items`, which callers give in input order: a lesson's cluster before the learner's text), so the learner's
 * copy is the one reported; returns the kept objects.
 */
export function uniqueObjects<T extends { location: SourceLocation }>(
  items: readonly T[],
  idOf: (item: T) => string,
  what: (item: T) => Message,
  diagnostics: Diagnostic[],
): T[] {
  const kept = new Map<string, T>();
  const rank = new Map<string, number>();
  for (const item of items) if (!rank.has(item.location.file)) rank.set(item.location.file, rank.size);
  const inInputOrder = [...items].sort((a, b) => rank.get(a.location.file)! - rank.get(b.location.file)! || a.location.line - b.location.line || a.location.col - b.location.col);
  for (const item of inInputOrder) {
    const id = idOf(item);
    const seen = kept.get(id);
    if (seen) {
      const first = seen.location;
      diagnostics.push({
        ...item.location,
        severity: 'error',
        code: 'duplicate',
        message: `${what(item).en} ${id} is defined twice (also at ${first.file}:${first.line}:${first.col})`,
        messageJa: `${what(item).ja} ${id} が 2 回定義されています（もう 1 つは ${first.file}:${first.line}:${first.col}）`,
      });
    } else kept.set(id, item);
  }
  return [...kept.values()];
}

export function compareLocation(a: { location: SourceLocation }, b: { location: SourceLocation }): number {
  const x = a.location;
  const y = b.location;
  if (x.file !== y.file) return x.file < y.file ? -1 : 1;
  return x.line - y.line || x.col - y.col;
}

/** Diagnostics in input-file order, then line and column (stable otherwise). */
export function sortDiagnostics(list: Diagnostic[], fileOrder: readonly string[] = []): Diagnostic[] {
  const rank = new Map<string, number>();
  for (const file of [...fileOrder, ...list.map((d) => d.file)]) if (!rank.has(file)) rank.set(file, rank.size);
  return list
    .map((d, i) => ({ d, i }))
    .sort((a, b) => rank.get(a.d.file)! - rank.get(b.d.file)! || a.d.line - b.d.line || a.d.col - b.d.col || a.i - b.i)
    .map((x) => x.d);
}

// ---- the common kinds ----------------------------------------------------------------------------

/** What the topics read of a PodSpec; `node` is the whole spec for topics that read more. */
export interface PodSpecInfo {
  ports: readonly DeclaredPort[];
  hostNetwork: boolean;
  nodeName: string | null;
  /** spec.serviceAccountName, else the deprecated spec.serviceAccount, else `default` (as the API server defaults it). */
  serviceAccountName: string;
  node: PMap | null;
  /** The spec's path in its object: `spec`, `spec.template.spec`, `spec.jobTemplate.spec.template.spec`. */
  path: string;
}

export interface NamespaceValue {
  /** The labels with `kubernetes.io/metadata.name`, which the API server always sets. */
  labels: Readonly<Record<string, string>>;
}

export interface PodValue {
  spec: PodSpecInfo;
  ip: IPAddress | null;
}

export type WorkloadKind = 'Deployment' | 'ReplicaSet' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob';

export interface WorkloadValue {
  kind: WorkloadKind;
  /** The pod template's labels. */
  labels: Readonly<Record<string, string>>;
  spec: PodSpecInfo;
}

function podSpec(r: ObjectReader, spec: PMap | null, path: string): PodSpecInfo {
  const ports = r.containerPorts(spec, path);
  const hostNetwork = r.bool(spec?.entries.get('hostNetwork')?.value, `${path}.hostNetwork`);
  const nodeName = r.string(spec?.entries.get('nodeName')?.value, `${path}.nodeName`);
  const saNode = spec?.entries.get('serviceAccountName')?.value;
  const legacyNode = spec?.entries.get('serviceAccount')?.value;
  const sa = r.string(saNode, `${path}.serviceAccountName`) || r.string(legacyNode, `${path}.serviceAccount`) || '';
  if (sa !== '') {
    const problem = checkDnsSubdomain(sa);
    if (problem) r.report(saNode ?? legacyNode ?? 0, 'invalid-name', msg(`${path}.serviceAccountName "${sa}": ${problem.en}`, `${path}.serviceAccountName "${sa}": ${problem.ja}`));
  }
  return { ports, hostNetwork, nodeName, serviceAccountName: sa || 'default', node: spec, path };
}

export const NamespaceKind: KindReader<NamespaceValue> = {
  apiVersion: 'v1',
  kind: 'Namespace',
  namespaced: false,
  nameRule: 'label',
  shape: api.Namespace,
  read: (_r, _node, meta) => ({ labels: { ...meta.labels, [NAMESPACE_NAME_LABEL]: meta.name } }),
};

export const PodKind: KindReader<PodValue> = {
  apiVersion: 'v1',
  kind: 'Pod',
  namespaced: true,
  shape: api.Pod,
  read(r, node) {
    const spec = r.map(node.entries.get('spec')?.value, 'spec');
    const info = podSpec(r, spec, 'spec');
    const status = r.map(node.entries.get('status')?.value, 'status');
    let ipNode = status?.entries.get('podIP')?.value;
    let ipPath = 'status.podIP';
    if (!ipNode || isNull(ipNode)) {
      const ips = r.list(status?.entries.get('podIPs')?.value, 'status.podIPs');
      const first = ips?.[0] ? r.map(ips[0], 'status.podIPs[0]') : null;
      ipNode = first?.entries.get('ip')?.value;
      ipPath = 'status.podIPs[0].ip';
    }
    return { spec: info, ip: r.ip(ipNode, ipPath) };
  },
};

export const ServiceAccountKind: KindReader<Record<string, never>> = {
  apiVersion: 'v1',
  kind: 'ServiceAccount',
  namespaced: true,
  shape: api.ServiceAccount,
  read: () => ({}),
};

function workload(kind: WorkloadKind, apiVersion: string, shape: Shape): KindReader<WorkloadValue> {
  return {
    apiVersion,
    kind,
    namespaced: true,
    shape,
    read(r, node, meta) {
      let spec = r.map(node.entries.get('spec')?.value, 'spec');
      let path = 'spec';
      if (kind === 'CronJob') {
        const jobTemplate = r.map(spec?.entries.get('jobTemplate')?.value, 'spec.jobTemplate');
        spec = r.map(jobTemplate?.entries.get('spec')?.value, 'spec.jobTemplate.spec');
        path = 'spec.jobTemplate.spec';
      }
      const template = r.map(spec?.entries.get('template')?.value, `${path}.template`);
      const templateMeta = r.map(template?.entries.get('metadata')?.value, `${path}.template.metadata`);
      const labels = r.labels(templateMeta?.entries.get('labels')?.value, `${path}.template.metadata.labels`);
      const info = podSpec(r, r.map(template?.entries.get('spec')?.value, `${path}.template.spec`), `${path}.template.spec`);
      if (kind === 'Deployment' || kind === 'ReplicaSet' || kind === 'StatefulSet' || kind === 'DaemonSet') {
        // apps/v1 requires a non-empty selector that matches the pod template's labels.
        const selectorNode = spec?.entries.get('selector')?.value;
        const selector = r.selector(selectorNode, 'spec.selector');
        if (!selector) {
          if (!selectorNode || isNull(selectorNode)) r.report(spec ?? node, 'missing-field', msg('spec.selector is required', 'spec.selector は必須です'));
        } else if (Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0) {
          r.report(selectorNode ?? node, 'invalid-selector', msg('spec.selector must not be empty', 'spec.selector は空にできません'));
        } else if (!selectorMatches(selector, labels)) {
          r.report(selectorNode ?? node, 'invalid-selector', msg('spec.selector does not match the template labels', 'spec.selector が Pod テンプレートのラベルに一致しません'));
        }
      }
      if (kind === 'StatefulSet') {
        const problem = checkDnsLabel(meta.name);
        if (problem) r.report(node, 'invalid-name', msg(`a StatefulSet name ${problem.en}`, `StatefulSet の名前は${problem.ja}`));
      }
      if (kind === 'CronJob' && meta.name.length > 52) r.report(node, 'invalid-name', msg('a CronJob name must be no more than 52 characters', 'CronJob の名前は 52 文字以内でなければなりません'));
      return { kind, labels, spec: info };
    },
  };
}

export const WORKLOAD_KINDS: readonly KindReader<WorkloadValue>[] = [
  workload('Deployment', 'apps/v1', api.Deployment),
  workload('ReplicaSet', 'apps/v1', api.ReplicaSet),
  workload('StatefulSet', 'apps/v1', api.StatefulSet),
  workload('DaemonSet', 'apps/v1', api.DaemonSet),
  workload('Job', 'batch/v1', api.Job),
  workload('CronJob', 'batch/v1', api.CronJob),
];

/** The kinds every topic may read: Namespace, Pod, ServiceAccount and the workloads. */
export const COMMON_KINDS: readonly KindReader[] = [NamespaceKind, PodKind, ServiceAccountKind, ...WORKLOAD_KINDS];
