// The RBAC topic's kinds (Role, ClusterRole, RoleBinding, ClusterRoleBinding), read and validated as the API
// server does (pkg/apis/rbac/validation/validation.go, defaults from pkg/apis/rbac/v1/defaults.go), and the
// build step that joins them with the cluster's default policy, ServiceAccounts and pods into the RbacModel.
import {
  COMMON_KINDS,
  NamespaceKind,
  PodKind,
  ServiceAccountKind,
  WORKLOAD_KINDS,
  api,
  checkDnsSubdomain,
  checkPathSegmentName,
  isNull,
  msg,
  objectsOf,
  uniqueObjects,
  type Diagnostic,
  type KindReader,
  type KubeObject,
  type LabelSelector,
  type Message,
  type ObjectReader,
  type PMap,
  type PNode,
} from '../../kube/index';
import { RBAC_GROUP, type Binding, type PodIdentity, type PolicyRule, type RbacModel, type Role, type RoleRef, type ServiceAccount, type Subject, type SubjectKind } from './model';
import { defaultBindings, defaultRoles } from './defaults';

const API_VERSION = 'rbac.authorization.k8s.io/v1';

/** `PATH: Unsupported value: "VALUE": supported values: "a", "b"` as the API server's field.NotSupported words it. */
function unsupported(path: string, value: string, values: readonly string[]): Message {
  const list = values.map((v) => `"${v}"`).join(', ');
  return msg(`${path}: Unsupported value: "${value}": supported values: ${list}`, `${path} の "${value}" は使えません。使える値: ${list}`);
}

const VERBS_REQUIRED = (path: string): Message =>
  msg(`${path}.verbs: Required value: verbs must contain at least one value`, `${path}.verbs は必須です。動詞（verb）を 1 つ以上書きます`);
const NAME_REQUIRED = (path: string): Message => msg(`${path}.name: Required value`, `${path}.name は必須です`);

type RoleValue = Pick<Role, 'rules' | 'aggregationRule'>;
type BindingValue = Pick<Binding, 'roleRef' | 'subjects'>;

function rules(r: ObjectReader, node: PMap, namespaced: boolean): PolicyRule[] {
  const out: PolicyRule[] = [];
  (r.list(node.entries.get('rules')?.value, 'rules') ?? []).forEach((item, i) => {
    const path = `rules[${i}]`;
    const rule = r.map(item, path);
    if (!rule) {
      if (isNull(item)) r.report(item, 'invalid-rule', VERBS_REQUIRED(path));
      return;
    }
    const list = (key: string): string[] => r.strings(rule.entries.get(key)?.value, `${path}.${key}`);
    const [verbs, apiGroups, resources, resourceNames, nonResourceURLs] = ['verbs', 'apiGroups', 'resources', 'resourceNames', 'nonResourceURLs'].map(list) as [string[], string[], string[], string[], string[]];
    const at = (key: string): PNode | PMap => rule.entries.get(key)?.value ?? rule;
    if (verbs.length === 0) r.report(at('verbs'), 'invalid-rule', VERBS_REQUIRED(path));
    if (nonResourceURLs.length > 0) {
      if (namespaced) r.report(at('nonResourceURLs'), 'invalid-rule', msg(`${path}.nonResourceURLs: Invalid value: namespaced rules cannot apply to non-resource URLs`, `${path}.nonResourceURLs: Role（名前空間のルール）には nonResourceURLs を書けません`));
      if (apiGroups.length > 0 || resources.length > 0 || resourceNames.length > 0) {
        r.report(at('nonResourceURLs'), 'invalid-rule', msg(`${path}.nonResourceURLs: Invalid value: rules cannot apply to both regular resources and non-resource URLs`, `${path}.nonResourceURLs: 1 つのルールにリソースと nonResourceURLs を両方は書けません`));
      }
    } else {
      if (apiGroups.length === 0) r.report(at('apiGroups'), 'invalid-rule', msg(`${path}.apiGroups: Required value: resource rules must supply at least one api group (use "" for the core group)`, `${path}.apiGroups は必須です。API グループを 1 つ以上書きます（コアグループは ""）`));
      if (resources.length === 0) r.report(at('resources'), 'invalid-rule', msg(`${path}.resources: Required value: resource rules must supply at least one resource`, `${path}.resources は必須です。リソースを 1 つ以上書きます`));
    }
    out.push({ verbs, apiGroups, resources, resourceNames, nonResourceURLs, location: r.at(item) });
  });
  return out;
}

function aggregationRule(r: ObjectReader, node: PMap): Role['aggregationRule'] {
  const value = node.entries.get('aggregationRule')?.value;
  const rule = r.map(value, 'aggregationRule');
  if (!rule) return null;
  const selectors: LabelSelector[] = [];
  (r.list(rule.entries.get('clusterRoleSelectors')?.value, 'aggregationRule.clusterRoleSelectors') ?? []).forEach((s, i) => {
    const selector = r.selector(s, `aggregationRule.clusterRoleSelectors[${i}]`);
    if (selector) selectors.push(selector);
  });
  if (selectors.length === 0) {
    r.report(rule, 'invalid-aggregation', msg(
        'aggregationRule.clusterRoleSelectors: Required value: at least one clusterRoleSelector required if aggregationRule is non-nil',
        'aggregationRule を書くなら aggregationRule.clusterRoleSelectors にセレクターを 1 つ以上書きます',
      ));
  }
  return { clusterRoleSelectors: selectors };
}

function roleKind(kind: 'Role' | 'ClusterRole'): KindReader<RoleValue> {
  const namespaced = kind === 'Role';
  return {
    apiVersion: API_VERSION,
    kind,
    namespaced,
    nameRule: 'path-segment',
    shape: namespaced ? api.Role : api.ClusterRole,
    read(r, node) {
      return { rules: rules(r, node, namespaced), aggregationRule: namespaced ? null : aggregationRule(r, node) };
    },
  };
}

function roleRef(r: ObjectReader, node: PMap, kinds: readonly ('Role' | 'ClusterRole')[]): RoleRef {
  const refNode = node.entries.get('roleRef')?.value;
  const ref = r.map(refNode, 'roleRef');
  if (!ref) {
    r.report(refNode ?? node, 'invalid-role-ref', msg('roleRef: Required value: a binding must name the role it grants', 'roleRef は必須です。バインディングは与えるロールを名指しします'));
    return { kind: kinds[0]!, name: '', apiGroup: RBAC_GROUP, location: r.at(node) };
  }
  const kindNode = ref.entries.get('kind')?.value;
  const kind = r.string(kindNode, 'roleRef.kind') ?? '';
  if (!(kinds as readonly string[]).includes(kind)) {
    r.report(kindNode ?? ref, 'invalid-role-ref', unsupported('roleRef.kind', kind, kinds));
  }
  const groupNode = ref.entries.get('apiGroup')?.value;
  // SetDefaults_RoleBinding / SetDefaults_ClusterRoleBinding fill an empty apiGroup in.
  const apiGroup = r.string(groupNode, 'roleRef.apiGroup') || RBAC_GROUP;
  if (apiGroup !== RBAC_GROUP) r.report(groupNode ?? ref, 'invalid-role-ref', unsupported('roleRef.apiGroup', apiGroup, [RBAC_GROUP]));
  const nameNode = ref.entries.get('name')?.value;
  const name = r.string(nameNode, 'roleRef.name') ?? '';
  if (name === '') r.report(nameNode ?? ref, 'invalid-role-ref', msg('roleRef.name: Required value', 'roleRef.name は必須です'));
  else {
    const problem = checkPathSegmentName(name);
    if (problem) r.report(nameNode ?? ref, 'invalid-role-ref', msg(`roleRef.name: Invalid value: "${name}": ${problem.en}`, `roleRef.name の "${name}" は正しくありません。${problem.ja}`));
  }
  return { kind: kind as RoleRef['kind'], name, apiGroup, location: r.at(ref) };
}

function subjects(r: ObjectReader, node: PMap, namespaced: boolean): Subject[] {
  const out: Subject[] = [];
  (r.list(node.entries.get('subjects')?.value, 'subjects') ?? []).forEach((item, i) => {
    const path = `subjects[${i}]`;
    const s = r.map(item, path);
    if (!s) {
      if (isNull(item)) r.report(item, 'invalid-subject', NAME_REQUIRED(path));
      return;
    }
    const get = (key: string): string => r.string(s.entries.get(key)?.value, `${path}.${key}`) ?? '';
    const at = (key: string): PNode | PMap => s.entries.get(key)?.value ?? s;
    const kind = get('kind');
    const name = get('name');
    const namespace = get('namespace');
    let apiGroup = get('apiGroup');
    // SetDefaults_Subject: User and Group subjects default to the RBAC group; ServiceAccounts stay in the core group.
    if (apiGroup === '' && (kind === 'User' || kind === 'Group')) apiGroup = RBAC_GROUP;
    if (name === '') r.report(at('name'), 'invalid-subject', NAME_REQUIRED(path));
    if (kind === 'ServiceAccount') {
      const problem = name === '' ? null : checkDnsSubdomain(name);
      if (problem) r.report(at('name'), 'invalid-subject', msg(`${path}.name: Invalid value: "${name}": ${problem.en}`, `${path}.name の "${name}" は正しくありません。${problem.ja}`));
      if (apiGroup !== '') r.report(at('apiGroup'), 'invalid-subject', msg(
            `${path}.apiGroup: Unsupported value: "${apiGroup}": supported values: "" (a ServiceAccount is in the core group)`,
            `${path}.apiGroup の "${apiGroup}" は使えません。ServiceAccount はコアグループなので "" を書きます`,
          ));
      if (!namespaced && namespace === '') {
        r.report(at('namespace'), 'invalid-subject', msg(`${path}.namespace: Required value: a ServiceAccount subject of a ClusterRoleBinding must name its namespace`, `${path}.namespace は必須です。ClusterRoleBinding の ServiceAccount には名前空間を書きます`));
      }
    } else if (kind === 'User' || kind === 'Group') {
      if (apiGroup !== RBAC_GROUP) r.report(at('apiGroup'), 'invalid-subject', unsupported(`${path}.apiGroup`, apiGroup, [RBAC_GROUP]));
    } else {
      r.report(at('kind'), 'invalid-subject', unsupported(`${path}.kind`, kind, ['ServiceAccount', 'User', 'Group']));
    }
    out.push({ kind: kind as SubjectKind, name, namespace, apiGroup, location: r.at(item) });
  });
  return out;
}

function bindingKind(kind: 'RoleBinding' | 'ClusterRoleBinding'): KindReader<BindingValue> {
  const namespaced = kind === 'RoleBinding';
  return {
    apiVersion: API_VERSION,
    kind,
    namespaced,
    nameRule: 'path-segment',
    shape: namespaced ? api.RoleBinding : api.ClusterRoleBinding,
    read(r, node) {
      const ref = roleRef(r, node, namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole']);
      return { roleRef: ref, subjects: subjects(r, node, namespaced) };
    },
  };
}

export const RoleKind = roleKind('Role');
export const ClusterRoleKind = roleKind('ClusterRole');
export const RoleBindingKind = bindingKind('RoleBinding');
export const ClusterRoleBindingKind = bindingKind('ClusterRoleBinding');

/** The kinds the RBAC topic reads: its own four, and Namespaces, ServiceAccounts, Pods and workloads. */
export const RBAC_KINDS: readonly KindReader[] = [...COMMON_KINDS, RoleKind, ClusterRoleKind, RoleBindingKind, ClusterRoleBindingKind];

export interface BuildOptions {
  /** Include the cluster's default roles and bindings (cluster-admin, admin, edit, view, ...). */
  defaults: boolean;
}

/**
 * Builds the model: the input's roles and bindings over the default policy (an input object with a default's
 * name replaces it, as `kubectl apply` would configure it), sorted so that input order never matters.
 */
export function buildRbac(objects: readonly KubeObject[], options: BuildOptions): { model: RbacModel; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const roleId = (x: { kind: string; namespace: string; name: string }): string => (x.namespace ? `${x.namespace}/${x.name}` : x.name);
  // Two objects of one kind and name are an error, as `kubectl apply` of both would silently keep one.
  const roles: Role[] = [RoleKind, ClusterRoleKind].flatMap((k) =>
    uniqueObjects(
      objectsOf(objects, k).map((o) => ({
        kind: k.kind as Role['kind'],
        name: o.meta.name,
        namespace: o.meta.namespace,
        labels: o.meta.labels,
        ...o.value,
        builtIn: false,
        location: o.meta.location,
      })),
      roleId,
      () => msg(k.kind, k.kind),
      diagnostics,
    ),
  );
  const bindings: Binding[] = [RoleBindingKind, ClusterRoleBindingKind].flatMap((k) =>
    uniqueObjects(
      objectsOf(objects, k).map((o) => ({
        kind: k.kind as Binding['kind'],
        name: o.meta.name,
        namespace: o.meta.namespace,
        ...o.value,
        builtIn: false,
        location: o.meta.location,
      })),
      roleId,
      () => msg(k.kind, k.kind),
      diagnostics,
    ),
  );
  if (options.defaults) {
    const taken = new Set([...roles, ...bindings].map((x) => `${x.kind} ${roleId(x)}`));
    roles.push(...defaultRoles().filter((x) => !taken.has(`${x.kind} ${roleId(x)}`)));
    bindings.push(...defaultBindings().filter((x) => !taken.has(`${x.kind} ${roleId(x)}`)));
  }
  // A binding to a role that does not exist is valid (the API server accepts it) but grants nothing: say so.
  const roleIds = new Set(roles.map((r) => `${r.kind} ${r.namespace}/${r.name}`));
  for (const b of bindings) {
    if (b.builtIn || !b.roleRef.location) continue;
    const ns = b.roleRef.kind === 'Role' ? b.namespace : '';
    if (roleIds.has(`${b.roleRef.kind} ${ns}/${b.roleRef.name}`)) continue;
    const where = b.roleRef.kind === 'Role' ? ` in namespace ${ns}` : '';
    const binding = `${b.kind} ${b.namespace ? `${b.namespace}/` : ''}${b.name}`;
    diagnostics.push({
      ...b.roleRef.location,
      severity: 'warning',
      code: 'missing-role',
      message: `roleRef names ${b.roleRef.kind} ${b.roleRef.name}, which does not exist${where}: ${binding} grants nothing`,
      messageJa: `roleRef が指す ${b.roleRef.kind} ${b.roleRef.name} は${b.roleRef.kind === 'Role' ? `名前空間 ${ns} に` : ''}存在しません。${binding} は何も許可しません`,
    });
  }
  // A ServiceAccount declared again (the learner's copy of one the cluster has) is what `kubectl apply` calls
  // "configured": the lab reads nothing else of it, so the copies are one account.
  const serviceAccounts: ServiceAccount[] = [
    ...new Map(objectsOf(objects, ServiceAccountKind).map((o) => [`${o.meta.namespace}/${o.meta.name}`, { name: o.meta.name, namespace: o.meta.namespace, location: o.meta.location }] as const)).values(),
  ];
  const pods: PodIdentity[] = [
    ...objectsOf(objects, PodKind).map((o) => identity(o, 'Pod', o.value.spec.serviceAccountName)),
    ...WORKLOAD_KINDS.flatMap((k) => objectsOf(objects, k).map((o) => identity(o, o.value.kind, o.value.spec.serviceAccountName))),
  ];
  const namespaces = new Set<string>(objectsOf(objects, NamespaceKind).map((o) => o.meta.name));
  for (const x of [...roles, ...bindings, ...serviceAccounts, ...pods]) if (x.namespace) namespaces.add(x.namespace);
  const byScope = (a: { kind: string; namespace: string; name: string }, b: { kind: string; namespace: string; name: string }): number =>
    cmp(a.namespace === '' ? 0 : 1, b.namespace === '' ? 0 : 1) || cmp(a.namespace, b.namespace) || cmp(a.name, b.name);
  const model: RbacModel = {
    roles: roles.sort(byScope),
    bindings: bindings.sort(byScope),
    serviceAccounts: serviceAccounts.sort((a, b) => cmp(a.namespace, b.namespace) || cmp(a.name, b.name)),
    pods: pods.sort((a, b) => cmp(a.id, b.id)),
    namespaces: [...namespaces].sort(cmp),
  };
  return { model, diagnostics };
}

function identity(o: KubeObject, source: string, serviceAccountName: string): PodIdentity {
  return { id: `${o.meta.namespace}/${o.meta.name}`, source, name: o.meta.name, namespace: o.meta.namespace, serviceAccountName, location: o.meta.location };
}

function cmp<T extends string | number>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
