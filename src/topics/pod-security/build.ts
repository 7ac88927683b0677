// Objects -> the Pod Security model: every Pod and every object with a pod template (read for the checks),
// the namespaces with their labels (a Namespace defined again later is relabelled: its labels merge over the
// earlier ones), and the admission configuration.
import {
  NamespaceKind,
  ObjectReader,
  PodKind,
  WORKLOAD_KINDS,
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

export const PodTemplateKind: KindReader<Record<string, never>> = { apiVersion: 'v1', kind: 'PodTemplate', namespaced: true, read: () => ({}) };
export const ReplicationControllerKind: KindReader<Record<string, never>> = { apiVersion: 'v1', kind: 'ReplicationController', namespaced: true, read: () => ({}) };

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

export interface PsaNamespace {
  name: string;
  labels: Readonly<Record<string, string>>;
  /** null: not declared in the input (an existing namespace without labels, like `default`). */
  location: SourceLocation | null;
  /** The labels before the last definition, when the namespace was defined more than once. */
  previous: { labels: Readonly<Record<string, string>>; location: SourceLocation } | null;
  order: number;
  /** Every definition's labels in input order (one for most namespaces). */
  history: readonly { labels: Readonly<Record<string, string>>; order: number }[];
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
  const kept = new Set([...TEMPLATE_KINDS].flatMap((kind) => uniqueObjects(read.filter((x) => x.kind === kind), (x) => `${x.namespace}/${x.name}`, () => kind, diagnostics)));
  const namespaces = new Map<string, PsaNamespace>();
  objects.forEach((o, order) => {
    if (o.reader !== (NamespaceKind as KindReader)) return;
    const before = namespaces.get(o.meta.name);
    // Declared again (the learner relabelling a lesson's namespace): the labels merge over the earlier ones, as
    // `kubectl label` (or an apply that keeps the others) leaves them.
    const labels = { ...before?.labels, ...(o.value as { labels: Record<string, string> }).labels };
    namespaces.set(o.meta.name, {
      name: o.meta.name,
      labels,
      location: o.meta.location,
      previous: before && before.location ? { labels: before.labels, location: before.location } : null,
      order,
      history: [...(before?.history ?? []), { labels, order }],
    });
  });
  for (const x of kept) {
    if (!namespaces.has(x.namespace)) namespaces.set(x.namespace, { name: x.namespace, labels: { 'kubernetes.io/metadata.name': x.namespace }, location: null, previous: null, order: -1, history: [] });
  }
  const configs = [...objectsOf(objects, PodSecurityConfigurationKind), ...objectsOf(objects, AdmissionConfigurationKind)].filter((c) => c.value !== null);
  for (const extra of configs.slice(1)) {
    diagnostics.push({ ...extra.meta.location, severity: 'error', code: 'duplicate', message: 'a second PodSecurity configuration; the API server reads one' });
  }
  const config = (configs[0]?.value as PodSecurityConfig | undefined) ?? DEFAULT_CONFIG;
  return { model: { objects: read.filter((x) => kept.has(x)), namespaces, config }, diagnostics };
}

/**
 * The labels a namespace had when an object was created: those of the last definition before it in the input (as
 * `kubectl apply` creates in order), else its first definition.
 */
export function labelsAt(ns: PsaNamespace, order: number): Readonly<Record<string, string>> {
  let labels = ns.history[0]?.labels ?? ns.labels;
  for (const h of ns.history) if (h.order < order) labels = h.labels;
  return labels;
}

/** Where a field at fault is written: the field itself, or its nearest written parent when it is missing. */
export function locateField(obj: PsaObject, path: FieldPath): SourceLocation {
  const { node } = nodeAt(obj.source.node, path);
  return obj.source.doc.locate(node.offset);
}
