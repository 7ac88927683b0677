// The built-in API resources of a plain cluster of the pinned Kubernetes version, as discovery lists them, and
// the resolution `kubectl auth can-i` applies to its RESOURCE argument (short names, singulars, groups).

/** The Kubernetes minor version this table describes (the same as the default RBAC policy's). */
export const API_RESOURCES_VERSION = 'v1.36';

/** One resource of discovery (an APIResource of its preferred group version) with its subresources. */
export interface ApiResource {
  /** The plural, the name RBAC rules use. */
  name: string;
  /** The singular (for every built-in resource, the kind lower-cased). */
  singularName: string;
  shortNames: readonly string[];
  /** '' for the core (legacy) group. */
  group: string;
  /** The group's preferred version. */
  version: string;
  /** Other versions of the group serving this resource by default (autoscaling/v1 for HPAs). */
  otherVersions: readonly string[];
  kind: string;
  namespaced: boolean;
  /** The subresources (`pods/log` is `log` of pods), sorted. */
  subresources: readonly string[];
}

interface Row {
  n: string;
  k: string;
  ns: boolean;
  s?: readonly string[];
  sub?: readonly string[];
  v?: readonly string[];
}

function groupOf(group: string, version: string, rows: readonly Row[]): readonly ApiResource[] {
  return rows.map((row) =>
    Object.freeze({
      name: row.n,
      singularName: row.k.toLowerCase(),
      shortNames: Object.freeze([...(row.s ?? [])]),
      group,
      version,
      otherVersions: Object.freeze([...(row.v ?? [])]),
      kind: row.k,
      namespaced: row.ns,
      subresources: Object.freeze([...(row.sub ?? [])].sort()),
    }),
  );
}

// Which kinds each group version has: k8s.io/api at v0.36.0 (the Kubernetes v1.36.0 tag), <group>/<version>/register.go;
// every GA group version is served by default, and beta ones are not (storagemigration.k8s.io has only v1beta1 in
// 1.36, so it is absent). Scope, singulars and subresources: api/discovery/*.json of kubernetes/kubernetes and the
// storage maps of pkg/registry/<group>/rest/storage_*.go. Short names: the ShortNames() method of each resource's
// REST storage, cited per group below. Groups are listed in discovery order (core first, then /apis by the
// aggregator's APIService priority, pkg/controlplane/apiserver/aggregator.go and its kube-apiserver counterpart),
// which is the priority order kubectl's RESTMapper and short-name expander follow.
const TABLE: readonly ApiResource[] = Object.freeze([
  // Core v1. Short names: pkg/registry/core/<resource>/storage/storage.go (componentstatus/rest.go): cs, cm, ep, ev,
  // limits, ns, no, pvc, pv, po, rc, quota, sa, svc. pods/resize is registered when InPlacePodVerticalScaling is
  // on (GA in 1.35); pods/eviction, replicationcontrollers/scale and serviceaccounts/token answer with kinds of
  // other groups (policy Eviction, autoscaling Scale, authentication TokenRequest).
  ...groupOf('', 'v1', [
    { n: 'bindings', k: 'Binding', ns: true },
    { n: 'componentstatuses', k: 'ComponentStatus', ns: false, s: ['cs'] },
    { n: 'configmaps', k: 'ConfigMap', ns: true, s: ['cm'] },
    { n: 'endpoints', k: 'Endpoints', ns: true, s: ['ep'] },
    { n: 'events', k: 'Event', ns: true, s: ['ev'] },
    { n: 'limitranges', k: 'LimitRange', ns: true, s: ['limits'] },
    { n: 'namespaces', k: 'Namespace', ns: false, s: ['ns'], sub: ['finalize', 'status'] },
    { n: 'nodes', k: 'Node', ns: false, s: ['no'], sub: ['proxy', 'status'] },
    { n: 'persistentvolumeclaims', k: 'PersistentVolumeClaim', ns: true, s: ['pvc'], sub: ['status'] },
    { n: 'persistentvolumes', k: 'PersistentVolume', ns: false, s: ['pv'], sub: ['status'] },
    {
      n: 'pods', k: 'Pod', ns: true, s: ['po'],
      sub: ['attach', 'binding', 'ephemeralcontainers', 'eviction', 'exec', 'log', 'portforward', 'proxy', 'resize', 'status'],
    },
    { n: 'podtemplates', k: 'PodTemplate', ns: true },
    { n: 'replicationcontrollers', k: 'ReplicationController', ns: true, s: ['rc'], sub: ['scale', 'status'] },
    { n: 'resourcequotas', k: 'ResourceQuota', ns: true, s: ['quota'], sub: ['status'] },
    { n: 'secrets', k: 'Secret', ns: true },
    { n: 'serviceaccounts', k: 'ServiceAccount', ns: true, s: ['sa'], sub: ['token'] },
    { n: 'services', k: 'Service', ns: true, s: ['svc'], sub: ['proxy', 'status'] },
  ]),
  // apiregistration.k8s.io/v1 (staging/src/k8s.io/kube-aggregator/pkg/registry/apiservice/etcd): no short names.
  ...groupOf('apiregistration.k8s.io', 'v1', [{ n: 'apiservices', k: 'APIService', ns: false, sub: ['status'] }]),
  // apps/v1. Short names: pkg/registry/apps/{daemonset,deployment,replicaset,statefulset}/storage/storage.go.
  ...groupOf('apps', 'v1', [
    { n: 'controllerrevisions', k: 'ControllerRevision', ns: true },
    { n: 'daemonsets', k: 'DaemonSet', ns: true, s: ['ds'], sub: ['status'] },
    { n: 'deployments', k: 'Deployment', ns: true, s: ['deploy'], sub: ['scale', 'status'] },
    { n: 'replicasets', k: 'ReplicaSet', ns: true, s: ['rs'], sub: ['scale', 'status'] },
    { n: 'statefulsets', k: 'StatefulSet', ns: true, s: ['sts'], sub: ['scale', 'status'] },
  ]),
  // events.k8s.io/v1: pkg/registry/core/event/storage/storage.go serves both groups, hence `ev` here too.
  ...groupOf('events.k8s.io', 'v1', [{ n: 'events', k: 'Event', ns: true, s: ['ev'] }]),
  // authentication.k8s.io/v1 (pkg/registry/authentication/{tokenreview,selfsubjectreview}): create-only, no short names.
  ...groupOf('authentication.k8s.io', 'v1', [
    { n: 'selfsubjectreviews', k: 'SelfSubjectReview', ns: false },
    { n: 'tokenreviews', k: 'TokenReview', ns: false },
  ]),
  // authorization.k8s.io/v1 (pkg/registry/authorization/*): the review kinds, create-only, no short names.
  ...groupOf('authorization.k8s.io', 'v1', [
    { n: 'localsubjectaccessreviews', k: 'LocalSubjectAccessReview', ns: true },
    { n: 'selfsubjectaccessreviews', k: 'SelfSubjectAccessReview', ns: false },
    { n: 'selfsubjectrulesreviews', k: 'SelfSubjectRulesReview', ns: false },
    { n: 'subjectaccessreviews', k: 'SubjectAccessReview', ns: false },
  ]),
  // autoscaling/v2, also served as v1. Short name: pkg/registry/autoscaling/horizontalpodautoscaler/storage/storage.go.
  ...groupOf('autoscaling', 'v2', [
    { n: 'horizontalpodautoscalers', k: 'HorizontalPodAutoscaler', ns: true, s: ['hpa'], sub: ['status'], v: ['v1'] },
  ]),
  // batch/v1. Short name: pkg/registry/batch/cronjob/storage/storage.go (jobs has none).
  ...groupOf('batch', 'v1', [
    { n: 'cronjobs', k: 'CronJob', ns: true, s: ['cj'], sub: ['status'] },
    { n: 'jobs', k: 'Job', ns: true, sub: ['status'] },
  ]),
  // certificates.k8s.io/v1. Short name: pkg/registry/certificates/certificates/storage/storage.go.
  ...groupOf('certificates.k8s.io', 'v1', [
    { n: 'certificatesigningrequests', k: 'CertificateSigningRequest', ns: false, s: ['csr'], sub: ['approval', 'status'] },
  ]),
  // networking.k8s.io/v1. Short names: pkg/registry/networking/{ingress,networkpolicy,ipaddress}/storage/storage.go
  // (ing, netpol, ip); ingressclasses and servicecidrs have none.
  ...groupOf('networking.k8s.io', 'v1', [
    { n: 'ingressclasses', k: 'IngressClass', ns: false },
    { n: 'ingresses', k: 'Ingress', ns: true, s: ['ing'], sub: ['status'] },
    { n: 'ipaddresses', k: 'IPAddress', ns: false, s: ['ip'] },
    { n: 'networkpolicies', k: 'NetworkPolicy', ns: true, s: ['netpol'] },
    { n: 'servicecidrs', k: 'ServiceCIDR', ns: false, sub: ['status'] },
  ]),
  // policy/v1. Short name: pkg/registry/policy/poddisruptionbudget/storage/storage.go.
  ...groupOf('policy', 'v1', [
    { n: 'poddisruptionbudgets', k: 'PodDisruptionBudget', ns: true, s: ['pdb'], sub: ['status'] },
  ]),
  // rbac.authorization.k8s.io/v1 (pkg/registry/rbac/*/policybased): no short names.
  ...groupOf('rbac.authorization.k8s.io', 'v1', [
    { n: 'clusterrolebindings', k: 'ClusterRoleBinding', ns: false },
    { n: 'clusterroles', k: 'ClusterRole', ns: false },
    { n: 'rolebindings', k: 'RoleBinding', ns: true },
    { n: 'roles', k: 'Role', ns: true },
  ]),
  // storage.k8s.io/v1. Short names: pkg/registry/storage/{storageclass,volumeattributesclass}/storage/storage.go
  // (sc, vac); the CSI kinds and volumeattachments have none.
  ...groupOf('storage.k8s.io', 'v1', [
    { n: 'csidrivers', k: 'CSIDriver', ns: false },
    { n: 'csinodes', k: 'CSINode', ns: false },
    { n: 'csistoragecapacities', k: 'CSIStorageCapacity', ns: true },
    { n: 'storageclasses', k: 'StorageClass', ns: false, s: ['sc'] },
    { n: 'volumeattachments', k: 'VolumeAttachment', ns: false, sub: ['status'] },
    { n: 'volumeattributesclasses', k: 'VolumeAttributesClass', ns: false, s: ['vac'] },
  ]),
  // admissionregistration.k8s.io/v1 (pkg/registry/admissionregistration/*): no short names. MutatingAdmissionPolicy
  // is GA (v1) in 1.36.
  ...groupOf('admissionregistration.k8s.io', 'v1', [
    { n: 'mutatingadmissionpolicies', k: 'MutatingAdmissionPolicy', ns: false },
    { n: 'mutatingadmissionpolicybindings', k: 'MutatingAdmissionPolicyBinding', ns: false },
    { n: 'mutatingwebhookconfigurations', k: 'MutatingWebhookConfiguration', ns: false },
    { n: 'validatingadmissionpolicies', k: 'ValidatingAdmissionPolicy', ns: false, sub: ['status'] },
    { n: 'validatingadmissionpolicybindings', k: 'ValidatingAdmissionPolicyBinding', ns: false },
    { n: 'validatingwebhookconfigurations', k: 'ValidatingWebhookConfiguration', ns: false },
  ]),
  // apiextensions.k8s.io/v1. Short names: staging/src/k8s.io/apiextensions-apiserver/pkg/registry/customresourcedefinition/etcd.go.
  ...groupOf('apiextensions.k8s.io', 'v1', [
    { n: 'customresourcedefinitions', k: 'CustomResourceDefinition', ns: false, s: ['crd', 'crds'], sub: ['status'] },
  ]),
  // scheduling.k8s.io/v1. Short name: pkg/registry/scheduling/priorityclass/storage/storage.go.
  ...groupOf('scheduling.k8s.io', 'v1', [{ n: 'priorityclasses', k: 'PriorityClass', ns: false, s: ['pc'] }]),
  // coordination.k8s.io/v1 (pkg/registry/coordination/lease): no short names; leasecandidates is beta only.
  ...groupOf('coordination.k8s.io', 'v1', [{ n: 'leases', k: 'Lease', ns: true }]),
  // node.k8s.io/v1 (pkg/registry/node/runtimeclass): no short names.
  ...groupOf('node.k8s.io', 'v1', [{ n: 'runtimeclasses', k: 'RuntimeClass', ns: false }]),
  // discovery.k8s.io/v1 (pkg/registry/discovery/endpointslice): no short names.
  ...groupOf('discovery.k8s.io', 'v1', [{ n: 'endpointslices', k: 'EndpointSlice', ns: true }]),
  // flowcontrol.apiserver.k8s.io/v1 (pkg/registry/flowcontrol/*): no short names.
  ...groupOf('flowcontrol.apiserver.k8s.io', 'v1', [
    { n: 'flowschemas', k: 'FlowSchema', ns: false, sub: ['status'] },
    { n: 'prioritylevelconfigurations', k: 'PriorityLevelConfiguration', ns: false, sub: ['status'] },
  ]),
  // resource.k8s.io/v1, GA and served by default since 1.34 (pkg/registry/resource/*): no short names.
  ...groupOf('resource.k8s.io', 'v1', [
    { n: 'deviceclasses', k: 'DeviceClass', ns: false },
    { n: 'resourceclaims', k: 'ResourceClaim', ns: true, sub: ['status'] },
    { n: 'resourceclaimtemplates', k: 'ResourceClaimTemplate', ns: true },
    { n: 'resourceslices', k: 'ResourceSlice', ns: false },
  ]),
]);

/** The built-in resources of the pinned version, in discovery order (core first, then /apis groups by priority). */
export const API_RESOURCES: readonly ApiResource[] = TABLE;

/** What `resolveResource` found for a `kubectl auth can-i` RESOURCE argument. */
export interface ResolvedResource {
  /** The API group ('' for core, for `*`, and for a name discovery does not know). */
  group: string;
  /** The plural resource; `*` for `*`; the argument exactly as written when unknown. */
  resource: string;
  /** The version the mapper picked ('' for `*` and unknown names). */
  version: string;
  /** null for `*` and for unknown names. */
  namespaced: boolean | null;
  known: boolean;
  /** The lines kubectl prints on stderr while resolving (non-colour form), in order. */
  warnings: readonly string[];
}

/** users and groups: resources the impersonate verb uses that discovery does not list (cani.go nonStandardResourceNames). */
const NON_STANDARD_RESOURCE_NAMES: ReadonlySet<string> = new Set(['users', 'groups']);

interface Gvr {
  group: string;
  version: string;
  resource: string;
}

/** One group version of discovery, in order, as ServerGroupsAndResources lists them. */
interface VersionList {
  group: string;
  version: string;
  resources: readonly ApiResource[];
}

const VERSION_LISTS: readonly VersionList[] = (() => {
  const lists: VersionList[] = [];
  const byKey = new Map<string, ApiResource[]>();
  const add = (group: string, version: string, res: ApiResource): void => {
    const key = `${group}/${version}`;
    let list = byKey.get(key);
    if (list === undefined) {
      list = [];
      byKey.set(key, list);
      lists.push({ group, version, resources: list });
    }
    list.push(res);
  };
  // Within a group the preferred version comes first; groups keep the table's order.
  for (const res of TABLE) add(res.group, res.version, res);
  const ordered: VersionList[] = [];
  for (const list of lists) {
    ordered.push(list);
    const others = new Set(list.resources.flatMap((res) => res.otherVersions));
    for (const version of others) {
      ordered.push({ group: list.group, version, resources: list.resources.filter((res) => res.otherVersions.includes(version)) });
    }
  }
  return ordered;
})();

/** Groups in discovery order (core first). */
const GROUP_ORDER: readonly string[] = [...new Set(VERSION_LISTS.map((list) => list.group))];

/** schema.ParseResourceArg: `res.version.group` (two dots or more) is fully specified; `res.group` is group-qualified. */
function parseResourceArg(arg: string): { full: Gvr | null; group: string; resource: string } {
  let full: Gvr | null = null;
  if ((arg.match(/\./g) ?? []).length >= 2) {
    const first = arg.indexOf('.');
    const second = arg.indexOf('.', first + 1);
    full = { resource: arg.slice(0, first), version: arg.slice(first + 1, second), group: arg.slice(second + 1) };
  }
  const dot = arg.indexOf('.');
  return dot >= 0 ? { full, group: arg.slice(dot + 1), resource: arg.slice(0, dot) } : { full, group: '', resource: arg };
}

/**
 * client-go restmapper shortcutExpander.expandResourceShortcut: an exact plural or singular name is kept; else
 * the first short name in discovery order wins (warning about lower-priority matches); else, with a group, a
 * short name of a group the given group prefixes.
 */
function expandShortcut(gvr: Gvr, warnings: string[]): Gvr {
  for (const list of VERSION_LISTS) {
    if (gvr.group !== '' && gvr.group !== list.group) continue;
    for (const res of list.resources) {
      if (gvr.resource === res.name || gvr.resource === res.singularName) return gvr;
    }
  }
  let found: { group: string; resource: string } | null = null;
  const warned = new Set<string>();
  for (const list of VERSION_LISTS) {
    if (gvr.group !== '' && gvr.group !== list.group) continue;
    for (const res of list.resources) {
      if (!res.shortNames.includes(gvr.resource)) continue;
      if (found === null) {
        found = { group: list.group, resource: res.name };
        continue;
      }
      if (found.group === list.group && found.resource === res.name) continue;
      const longForm = list.group === '' ? res.name : `${res.name}.${list.group}`;
      if (!warned.has(longForm)) {
        warnings.push(`Warning: short name "${gvr.resource}" could also match lower priority resource ${longForm}`);
        warned.add(longForm);
      }
    }
  }
  if (found !== null) return { group: found.group, version: '', resource: found.resource };
  if (gvr.group === '') return gvr;
  for (const list of VERSION_LISTS) {
    if (!list.group.startsWith(gvr.group)) continue;
    for (const res of list.resources) {
      if (res.shortNames.includes(gvr.resource)) return { group: list.group, version: gvr.version, resource: res.name };
    }
  }
  return gvr;
}

/** The DefaultRESTMapper of one group version (plural and singular, one per resource), as ResourcesFor matches. */
function matchesIn(list: VersionList, gvr: Gvr): Gvr[] {
  const out: Gvr[] = [];
  const named = (res: ApiResource): boolean => res.name === gvr.resource || res.singularName === gvr.resource;
  const hit = (res: ApiResource): Gvr => ({ group: list.group, version: list.version, resource: res.name });
  if (gvr.group !== '' && gvr.version !== '') {
    if (list.group === gvr.group && list.version === gvr.version) {
      const res = list.resources.find(named);
      if (res !== undefined) out.push(hit(res));
    }
  } else if (gvr.group !== '') {
    if (list.group === gvr.group) out.push(...list.resources.filter(named).map(hit));
    // No exact match in this mapper: a group the given one prefixes (storageclasses.storage).
    if (out.length === 0 && list.group.startsWith(gvr.group)) out.push(...list.resources.filter(named).map(hit));
  } else if (gvr.version !== '') {
    if (list.version === gvr.version) out.push(...list.resources.filter(named).map(hit));
  } else {
    out.push(...list.resources.filter(named).map(hit));
  }
  return out;
}

/** The priority patterns of restmapper.NewDiscoveryRESTMapper: core v1, each group's versions in order, then each group. */
const PRIORITY: readonly { group: string; version: string | null }[] = [
  ...VERSION_LISTS.map((list) => ({ group: list.group, version: list.version })),
  ...GROUP_ORDER.map((group) => ({ group, version: null })),
];

/** meta.PriorityRESTMapper.ResourceFor over the MultiRESTMapper of every group version; null when none or ambiguous. */
function resourceFor(input: Gvr, warnings: string[]): Gvr | null {
  const gvr = expandShortcut(input, warnings);
  if (gvr.resource === '') return null;
  const all: Gvr[] = [];
  for (const list of VERSION_LISTS) {
    for (const m of matchesIn(list, gvr)) {
      if (!all.some((x) => x.group === m.group && x.version === m.version && x.resource === m.resource)) all.push(m);
    }
  }
  if (all.length <= 1) return all[0] ?? null;
  let remaining = all;
  for (const pattern of PRIORITY) {
    const matched = remaining.filter((x) => x.group === pattern.group && (pattern.version === null || x.version === pattern.version));
    if (matched.length === 1) return matched[0] ?? null;
    if (matched.length > 1) remaining = matched;
  }
  return null;
}

function lookup(group: string, resource: string): ApiResource | undefined {
  return TABLE.find((res) => res.group === group && res.name === resource);
}

/**
 * What `kubectl auth can-i VERB RESOURCE` makes of RESOURCE (staging/src/k8s.io/kubectl/pkg/cmd/auth/cani.go
 * resourceFor, v1.36), against this table as discovery: `*` stays `*` (group ''); otherwise the argument is
 * lower-cased and parsed by schema.ParseResourceArg (`res`, `res.group`, `res.version.group`); a fully specified
 * form is tried first, then group and resource alone, each through the short-name expander and the priority
 * RESTMapper, so plural, singular (the kind lower-cased), short name and group prefixes resolve and a name in
 * several groups goes to the first in discovery order (`events`, `ev` -> core). The caller splits `RESOURCE/NAME`
 * at the first '/' first: a subresource is never part of the argument (kubectl takes it from --subresource).
 *
 * An unknown name comes back exactly as written (not lower-cased), group '', known false, and kubectl prints
 * `Warning: the server doesn't have a resource type 'foo'` or, with a group,
 * `Warning: the server doesn't have a resource type 'foo' in group 'bar'` (both lower-cased, then a blank line),
 * except for `users` and `groups`, which it accepts silently for impersonate. kubectl's mapper also knows the
 * guessed `<kind>lists` names; this table does not. Resources the cluster adds (CRDs, aggregated APIs) are unknown.
 */
export function resolveResource(arg: string): ResolvedResource {
  if (arg === '*') return { group: '', resource: '*', version: '', namespaced: null, known: true, warnings: [] };
  const warnings: string[] = [];
  const parsed = parseResourceArg(arg.toLowerCase());
  let gvr: Gvr | null = null;
  if (parsed.full !== null) gvr = resourceFor(parsed.full, warnings);
  gvr ??= resourceFor({ group: parsed.group, version: '', resource: parsed.resource }, warnings);
  if (gvr === null) {
    const groupResource = parsed.group === '' ? parsed.resource : `${parsed.resource}.${parsed.group}`;
    if (!NON_STANDARD_RESOURCE_NAMES.has(groupResource)) {
      warnings.push(
        parsed.group === ''
          ? `Warning: the server doesn't have a resource type '${parsed.resource}'`
          : `Warning: the server doesn't have a resource type '${parsed.resource}' in group '${parsed.group}'`,
      );
    }
    return { group: '', resource: arg, version: '', namespaced: null, known: false, warnings };
  }
  const res = lookup(gvr.group, gvr.resource);
  return { group: gvr.group, resource: gvr.resource, version: gvr.version, namespaced: res?.namespaced ?? null, known: true, warnings };
}

/**
 * Whether a resource of a group is namespaced (its scope in discovery), or null when the table does not know it.
 * kubectl auth can-i warns `Warning: resource 'nodes' is not namespace scoped` (with ` in group 'g'` for a named
 * group) when such a resource is asked about without --all-namespaces.
 */
export function isNamespaced(group: string, resource: string): boolean | null {
  return lookup(group, resource)?.namespaced ?? null;
}
