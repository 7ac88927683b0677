// Objects -> the Pod Security model: every Pod and every object with a pod template (read for the checks),
// the namespaces with their labels (a Namespace defined again later is relabelled: its labels merge over the
// earlier ones), and the admission configuration.
import {
  NAMESPACE_NAME_LABEL,
  NamespaceKind,
  ObjectReader,
  PodKind,
  WORKLOAD_KINDS,
  msg,
  api,
  objectsOf,
  uniqueObjects,
  type Diagnostic,
  type KindReader,
  type KubeObject,
  type SourceLocation,
} from '../../kube/index';
import { readPodTemplate, nodeAt, type PodTemplateView } from './read';
import { AdmissionConfigurationKind, DEFAULT_CONFIG, PodSecurityConfigurationKind, type PodSecurityConfig } from './config';
import type { FieldPath } from './model';
import { PRIVILEGED_POLICY, policyToEvaluate } from './levels';

export const PodTemplateKind: KindReader<Record<string, never>> = { apiVersion: 'v1', kind: 'PodTemplate', namespaced: true, shape: api.PodTemplate, read: () => ({}) };
export const ReplicationControllerKind: KindReader<Record<string, never>> = {
  apiVersion: 'v1',
  kind: 'ReplicationController',
  namespaced: true,
  shape: api.ReplicationController,
  read: () => ({}),
};

export const POD_SECURITY_KINDS: readonly KindReader[] = [
  NamespaceKind,
  PodKind,
  ...WORKLOAD_KINDS,
  PodTemplateKind,
  ReplicationControllerKind,
  PodSecurityConfigurationKind,
  AdmissionConfigurationKind,
];

/** A Pod, or an object with a pod template, as Pod Security judges it. */
export interface PsaObject {
  kind: string;
  namespace: string;
  name: string;
  location: SourceLocation;
  isPod: boolean;
  /** null for a ReplicationController without a template (nothing to judge). */
  template: PodTemplateView | null;
  /** metadata.uid when given (the kubelet's messages name it). */
  uid: string | null;
  /** The index of its document among all read objects: what was applied before what. */
  order: number;
  source: KubeObject;
}

/** One definition of a Namespace in the input: what it asked for, and whether the API server took it. */
export interface NamespaceDefinition {
  /** The labels it asks for: its own merged over the namespace's labels before it (as `kubectl label` merges). */
  labels: Readonly<Record<string, string>>;
  /** The namespace's labels before it; null when it creates the namespace. */
  before: Readonly<Record<string, string>> | null;
  /** The PodSecurity plugin refuses it (labels it cannot read): the namespace keeps `before`. */
  refused: boolean;
  order: number;
  location: SourceLocation;
}

export interface PsaNamespace {
  name: string;
  /** Its labels after every definition (a refused one changes nothing). */
  labels: Readonly<Record<string, string>>;
  /** The last definition's place; null: not declared in the input (an existing namespace like `default`). */
  location: SourceLocation | null;
  /** The labels before the last definition, when that definition relabelled an existing namespace. */
  previous: { labels: Readonly<Record<string, string>>; location: SourceLocation } | null;
  /** The last definition's place in the input (-1 when none). */
  order: number;
  /** Every definition in input order (one for most namespaces). */
  history: readonly NamespaceDefinition[];
  /** A namespace every cluster has (`default`, `kube-system`, ...), unlabelled before the input changes it. */
  preexisting: boolean;
}

/** The namespaces a cluster starts with. */
export const PREEXISTING_NAMESPACES: ReadonlySet<string> = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

const nameLabel = (name: string): Record<string, string> => ({ [NAMESPACE_NAME_LABEL]: name });

/** Admission.ValidateNamespace's refusal: unreadable labels on create, or new or changed ones on update. */
function refuses(next: Readonly<Record<string, string>>, before: Readonly<Record<string, string>> | null): boolean {
  const nextErrors = policyToEvaluate(next, PRIVILEGED_POLICY).errors;
  if (nextErrors.length === 0) return false;
  if (before === null) return true;
  const oldErrors = policyToEvaluate(before, PRIVILEGED_POLICY).errors;
  return oldErrors.length === 0 || JSON.stringify(oldErrors) !== JSON.stringify(nextErrors);
}

export interface PodSecurityModel {
  objects: readonly PsaObject[];
  namespaces: ReadonlyMap<string, PsaNamespace>;
  config: PodSecurityConfig;
}

const TEMPLATE_KINDS = new Set(['Pod', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'PodTemplate', 'ReplicationController']);

export function buildPodSecurity(objects: readonly KubeObject[]): { model: PodSecurityModel; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const read: PsaObject[] = [];
  objects.forEach((o, order) => {
    if (!TEMPLATE_KINDS.has(o.kind)) return;
    const r = new ObjectReader(o.doc, diagnostics);
    r.what = `${o.kind} ${o.meta.namespace}/${o.meta.name}`;
    const template = readPodTemplate(o, r);
    const uidNode = nodeAt(o.node, ['metadata', 'uid']);
    const uid = uidNode.found && uidNode.node.type === 'scalar' && typeof uidNode.node.value === 'string' ? uidNode.node.value : null;
    read.push({ kind: o.kind, namespace: o.meta.namespace, name: o.meta.name, location: o.meta.location, isPod: o.kind === 'Pod', template, uid, order, source: o });
  });
  const kept = new Set([...TEMPLATE_KINDS].flatMap((kind) => uniqueObjects(read.filter((x) => x.kind === kind), (x) => `${x.namespace}/${x.name}`, () => msg(kind, kind), diagnostics)));
  const namespaces = new Map<string, PsaNamespace>();
  const namespace = (name: string): PsaNamespace => {
    let ns = namespaces.get(name);
    if (!ns) {
      const preexisting = PREEXISTING_NAMESPACES.has(name);
      ns = { name, labels: nameLabel(name), location: null, previous: null, order: -1, history: [], preexisting };
      namespaces.set(name, ns);
    }
    return ns;
  };
  objects.forEach((o, order) => {
    if (o.reader !== (NamespaceKind as KindReader)) return;
    const ns = namespace(o.meta.name);
    // The namespace as it stands before this definition: null if it does not exist yet (or every create so far
    // was refused).
    const before = ns.preexisting || ns.history.some((h) => !h.refused) ? ns.labels : null;
    // Declared again (the learner relabelling a lesson's namespace): the labels merge over the earlier ones, as
    // `kubectl label` (or an apply that keeps the others) leaves them.
    const labels = { ...before, ...(o.value as { labels: Record<string, string> }).labels };
    const refused = refuses(labels, before);
    namespaces.set(o.meta.name, {
      ...ns,
      labels: refused ? (before ?? labels) : labels,
      location: o.meta.location,
      previous: before && (ns.preexisting || ns.history.length > 0) ? { labels: before, location: ns.location ?? o.meta.location } : null,
      order,
      history: [...ns.history, { labels, before, refused, order, location: o.meta.location }],
    });
  });
  for (const x of kept) namespace(x.namespace);
  const configs = [...objectsOf(objects, PodSecurityConfigurationKind), ...objectsOf(objects, AdmissionConfigurationKind)].filter((c) => c.value !== null);
  for (const extra of configs.slice(1)) {
    diagnostics.push({ ...extra.meta.location, severity: 'error', code: 'duplicate', message: 'a second PodSecurity configuration; the API server reads one', messageJa: 'PodSecurity の設定が 2 つ目です。API サーバーが読むのは 1 つだけです' });
  }
  const config = (configs[0]?.value as PodSecurityConfig | undefined) ?? DEFAULT_CONFIG;
  return { model: { objects: read.filter((x) => kept.has(x)), namespaces, config }, diagnostics };
}

/**
 * The labels a namespace had when an object was created: as the definitions before it in the input left them (as
 * `kubectl apply` creates in order). An object given before its namespace is created meets the namespace's
 * first accepted labels (kubectl would say the namespace is not found; judging it as it will be is kinder).
 */
export function labelsAt(ns: PsaNamespace, order: number): Readonly<Record<string, string>> {
  let labels = ns.preexisting ? nameLabel(ns.name) : (ns.history.find((h) => !h.refused)?.labels ?? ns.labels);
  for (const h of ns.history) if (h.order < order && !h.refused) labels = h.labels;
  return labels;
}

/** Where a field at fault is written: the field itself, or its nearest written parent when it is missing. */
export function locateField(obj: PsaObject, path: FieldPath): SourceLocation {
  const { node } = nodeAt(obj.source.node, path);
  return obj.source.doc.locate(node.offset);
}
