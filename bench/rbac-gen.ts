// Makes a large, realistic RBAC cluster for the benchmark (aggregated and non-resource ClusterRoles, Roles, bindings to
// Users, Groups and ServiceAccounts) and SubjectAccessReviews to ask it; seeded, so every run measures the same input.
import { rng } from './cluster-gen';

export interface RbacGenOptions {
  namespaces: number;
  /** Roles and ClusterRoles together. */
  roles: number;
  /** RoleBindings and ClusterRoleBindings together. */
  bindings: number;
  reviews: number;
  seed?: number;
}

export interface RbacGenerated {
  /** Namespaces, ServiceAccounts, roles and bindings: one multi-document YAML text. */
  cluster: string;
  /** authorization.k8s.io/v1 SubjectAccessReviews: one multi-document YAML text. */
  reviews: string;
}

export const RBAC_BENCH_SIZE: RbacGenOptions = { namespaces: 30, roles: 200, bindings: 500, reviews: 5000 };


interface Rule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

interface GenRole {
  kind: 'Role' | 'ClusterRole';
  name: string;
  namespace: string;
  labels: Record<string, string>;
  rules: Rule[];
  /** The label an aggregated ClusterRole selects on; null for plain roles. */
  aggregateLabel: string | null;
}

interface GenSubject {
  kind: 'User' | 'Group' | 'ServiceAccount';
  name: string;
  /** Written only when non-empty (a RoleBinding's ServiceAccount defaults to the binding's namespace). */
  namespace: string;
}

interface GenBinding {
  kind: 'RoleBinding' | 'ClusterRoleBinding';
  name: string;
  namespace: string;
  roleRef: { kind: 'Role' | 'ClusterRole'; name: string };
  subjects: GenSubject[];
  /** The generated role it points at, or null for a default role (view, edit, admin, ...). */
  role: GenRole | null;
}

interface Resource {
  group: string;
  resource: string;
  subresources: readonly string[];
  namespaced: boolean;
}

const R = (group: string, resource: string, subresources: readonly string[] = [], namespaced = true): Resource => ({ group, resource, subresources, namespaced });
const RESOURCES: readonly Resource[] = [
  R('', 'pods', ['log', 'exec', 'portforward', 'status']),
  R('', 'services', ['proxy']),
  R('', 'configmaps'),
  R('', 'secrets'),
  R('', 'serviceaccounts', ['token']),
  R('', 'persistentvolumeclaims'),
  R('', 'events'),
  R('', 'endpoints'),
  R('apps', 'deployments', ['scale', 'status']),
  R('apps', 'statefulsets', ['scale']),
  R('apps', 'daemonsets'),
  R('apps', 'replicasets'),
  R('batch', 'jobs'),
  R('batch', 'cronjobs'),
  R('networking.k8s.io', 'networkpolicies'),
  R('networking.k8s.io', 'ingresses'),
  R('autoscaling', 'horizontalpodautoscalers'),
  R('policy', 'poddisruptionbudgets'),
  R('rbac.authorization.k8s.io', 'roles'),
  R('rbac.authorization.k8s.io', 'rolebindings'),
  R('monitoring.coreos.com', 'servicemonitors'),
  R('monitoring.coreos.com', 'prometheusrules'),
  R('', 'nodes', ['status', 'proxy'], false),
  R('', 'namespaces', [], false),
  R('', 'persistentvolumes', [], false),
  R('storage.k8s.io', 'storageclasses', [], false),
  R('rbac.authorization.k8s.io', 'clusterroles', [], false),
];
const NAMESPACED = RESOURCES.filter((r) => r.namespaced);
const CLUSTER_SCOPED = RESOURCES.filter((r) => !r.namespaced);
const res = (name: string): Resource => RESOURCES.find((r) => r.resource === name)!;

const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'update', 'patch', 'delete'];
const ALL_VERBS = [...READ, ...WRITE, 'deletecollection'];

/** What people write Roles for: each purpose is a few rules over related resources. */
const PURPOSES: Readonly<Record<string, readonly { resources: readonly string[]; verbs: readonly string[]; named?: boolean }[]>> = {
  'app-reader': [{ resources: ['pods', 'services', 'configmaps', 'endpoints'], verbs: READ }, { resources: ['deployments', 'replicasets'], verbs: READ }],
  deployer: [{ resources: ['deployments', 'statefulsets', 'deployments/scale'], verbs: [...READ, ...WRITE] }, { resources: ['services', 'configmaps'], verbs: [...READ, 'create', 'update', 'patch'] }],
  'config-editor': [{ resources: ['configmaps'], verbs: [...READ, 'update', 'patch'] }, { resources: ['secrets'], verbs: ['get'], named: true }],
  'secret-reader': [{ resources: ['secrets'], verbs: ['get', 'watch'], named: true }],
  'job-runner': [{ resources: ['jobs', 'cronjobs'], verbs: [...READ, 'create', 'delete'] }, { resources: ['pods', 'pods/log'], verbs: ['get', 'list'] }],
  'log-viewer': [{ resources: ['pods', 'pods/log'], verbs: ['get', 'list'] }, { resources: ['events'], verbs: READ }],
  debugger: [{ resources: ['pods'], verbs: ['get', 'list'] }, { resources: ['pods/exec', 'pods/portforward'], verbs: ['create'] }],
  'netpol-admin': [{ resources: ['networkpolicies'], verbs: ['*'] }],
  scaler: [{ resources: ['deployments/scale', 'statefulsets/scale'], verbs: ['get', 'update', 'patch'] }, { resources: ['horizontalpodautoscalers'], verbs: [...READ, ...WRITE] }],
  monitoring: [{ resources: ['servicemonitors', 'prometheusrules'], verbs: ['*'] }, { resources: ['pods', 'services', 'endpoints'], verbs: READ }],
  'rbac-manager': [{ resources: ['roles', 'rolebindings'], verbs: [...READ, ...WRITE] }],
  'storage-user': [{ resources: ['persistentvolumeclaims'], verbs: [...READ, 'create', 'delete'] }],
};
const CLUSTER_PURPOSES: Readonly<Record<string, readonly { resources: readonly string[]; verbs: readonly string[] }[]>> = {
  'node-reader': [{ resources: ['nodes', 'nodes/status'], verbs: READ }],
  'namespace-viewer': [{ resources: ['namespaces'], verbs: READ }],
  'pv-admin': [{ resources: ['persistentvolumes', 'storageclasses'], verbs: [...READ, ...WRITE] }],
  'cluster-auditor': [{ resources: ['clusterroles', 'roles', 'rolebindings'], verbs: READ }, { resources: ['namespaces', 'nodes'], verbs: ['get', 'list'] }],
};
const NON_RESOURCE_PURPOSES: Readonly<Record<string, readonly { urls: readonly string[]; verbs: readonly string[] }[]>> = {
  'metrics-scraper': [{ urls: ['/metrics', '/metrics/cadvisor'], verbs: ['get'] }],
  'health-checker': [{ urls: ['/healthz', '/healthz/*', '/readyz', '/livez'], verbs: ['get'] }],
  'api-discovery': [{ urls: ['/api', '/api/*', '/apis', '/apis/*', '/openapi/*'], verbs: ['get'] }],
  'log-reader': [{ urls: ['/logs', '/logs/*'], verbs: ['get'] }],
  profiler: [{ urls: ['/debug/pprof/*'], verbs: ['get', 'post'] }],
};
const PATHS = ['/metrics', '/metrics/cadvisor', '/healthz', '/healthz/etcd', '/readyz', '/livez', '/version', '/api', '/api/v1', '/apis/apps/v1', '/openapi/v2', '/logs/kube-apiserver.log', '/debug/pprof/heap', '/configz'];

const APPS = ['payments', 'checkout', 'catalog', 'search', 'auth', 'billing', 'mail', 'media', 'gateway', 'analytics'];
const ENVS = ['prod', 'staging', 'dev'];
const SA_NAMES = ['default', 'deployer', 'ci-runner', 'prometheus'];
const PEOPLE = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'mallory', 'niaj', 'olivia', 'peggy', 'rupert', 'sybil', 'trent', 'victor', 'walter', 'zoe'];
const SHARED_GROUPS = ['developers', 'sre', 'oncall', 'auditors', 'release-managers'];
const AGGREGATES = ['monitoring', 'operations', 'support', 'security'];
const AGGREGATE_KEY = (name: string): string => `bench.cks-lab.dev/aggregate-to-${name}`;
const AGGREGATE_TO_VIEW = 'rbac.authorization.k8s.io/aggregate-to-view';
const AGGREGATE_TO_EDIT = 'rbac.authorization.k8s.io/aggregate-to-edit';
const DEFAULT_CLUSTER_ROLES = ['view', 'edit', 'admin'];
const ALL_AUTHENTICATED = 'system:authenticated';
const SA_GROUP = 'system:serviceaccounts';

/** Every YAML scalar the generator writes, quoted unless plainly safe (`*`, `""`, `system:...`, `/path` get quotes). */
function q(s: string): string {
  return /^[a-z][a-z0-9.-]*$/i.test(s) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(s) ? s : JSON.stringify(s);
}
const flow = (list: readonly string[]): string => `[${list.map(q).join(', ')}]`;

function ruleYaml(rule: Rule): string {
  const lines: string[] = [];
  if (rule.nonResourceURLs.length > 0) lines.push(`- nonResourceURLs: ${flow(rule.nonResourceURLs)}`);
  else {
    lines.push(`- apiGroups: ${flow(rule.apiGroups)}`, `  resources: ${flow(rule.resources)}`);
    if (rule.resourceNames.length > 0) lines.push(`  resourceNames: ${flow(rule.resourceNames)}`);
  }
  lines.push(`  verbs: ${flow(rule.verbs)}`);
  return lines.join('\n');
}

function roleYaml(role: GenRole): string {
  const meta = [`  name: ${q(role.name)}`];
  if (role.namespace) meta.push(`  namespace: ${q(role.namespace)}`);
  const labels = Object.entries(role.labels);
  if (labels.length > 0) meta.push('  labels:', ...labels.map(([k, v]) => `    ${k}: ${JSON.stringify(v)}`));
  const body = role.aggregateLabel
    ? `aggregationRule:\n  clusterRoleSelectors:\n  - matchLabels:\n      ${role.aggregateLabel}: "true"\nrules: []`
    : `rules:\n${role.rules.map(ruleYaml).join('\n')}`;
  return `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${role.kind}\nmetadata:\n${meta.join('\n')}\n${body}`;
}

function bindingYaml(b: GenBinding): string {
  const meta = [`  name: ${q(b.name)}`];
  if (b.namespace) meta.push(`  namespace: ${q(b.namespace)}`);
  const subjects = b.subjects.map((s) =>
    s.kind === 'ServiceAccount'
      ? `- kind: ServiceAccount\n  name: ${q(s.name)}${s.namespace ? `\n  namespace: ${q(s.namespace)}` : ''}`
      : `- kind: ${s.kind}\n  apiGroup: rbac.authorization.k8s.io\n  name: ${q(s.name)}`,
  );
  return (
    `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${b.kind}\nmetadata:\n${meta.join('\n')}\n` +
    `roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ${b.roleRef.kind}\n  name: ${q(b.roleRef.name)}\nsubjects:\n${subjects.join('\n')}`
  );
}

interface User {
  name: string;
  groups: string[];
}

interface Attributes {
  namespace: string;
  verb: string;
  group: string;
  resource: string;
  subresource: string;
  name: string;
}

function reviewYaml(user: User, request: Attributes | { path: string; verb: string }): string {
  const spec: string[] = [];
  if (user.name) spec.push(`  user: ${q(user.name)}`);
  if (user.groups.length > 0) spec.push(`  groups: ${flow(user.groups)}`);
  if ('path' in request) spec.push(`  nonResourceAttributes: {path: ${q(request.path)}, verb: ${q(request.verb)}}`);
  else {
    // Empty attributes are left out, as kubectl leaves them out of the reviews it sends.
    const fields = (['namespace', 'verb', 'group', 'resource', 'subresource', 'name'] as const).filter((k) => request[k] !== '');
    spec.push(`  resourceAttributes: {${fields.map((k) => `${k}: ${q(request[k])}`).join(', ')}}`);
  }
  return `apiVersion: authorization.k8s.io/v1\nkind: SubjectAccessReview\nspec:\n${spec.join('\n')}`;
}

/** A cluster with the requested numbers of namespaces, roles and bindings, and reviews asking it. */
export function generateRbac(options: RbacGenOptions): RbacGenerated {
  const random = rng(options.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const chance = (p: number): boolean => random() < p;
  const some = <T>(list: readonly T[], max: number): T[] => {
    const n = 1 + Math.floor(random() * Math.min(max, list.length));
    return [...new Set(Array.from({ length: n }, () => pick(list)))];
  };

  const namespaces = Array.from({ length: options.namespaces }, (_, i) => {
    const base = `${APPS[i % APPS.length]}-${ENVS[Math.floor(i / APPS.length) % ENVS.length]}`;
    return i < APPS.length * ENVS.length ? base : `${base}-${i}`;
  });
  const appOf = (ns: string): string => ns.slice(0, ns.indexOf('-'));
  const serviceAccounts = namespaces.flatMap((ns) => [...SA_NAMES, appOf(ns)].map((name) => ({ namespace: ns, name })));
  const teamGroups = APPS.map((a) => `team-${a}`);
  // Each person has fixed groups, as their identity provider would give them.
  const people: User[] = PEOPLE.map((p, i) => ({
    name: `${p}@example.com`,
    groups: [...new Set([teamGroups[i % teamGroups.length]!, ...(chance(0.6) ? [pick(SHARED_GROUPS)] : []), ALL_AUTHENTICATED])],
  }));

  // A rule from a purpose's template, varied a little: fewer verbs, a named object, an extra subresource.
  const ruleFrom = (t: { resources: readonly string[]; verbs: readonly string[]; named?: boolean }, namespace: string): Rule => {
    const resources = [...t.resources];
    const apiGroups = [...new Set(resources.map((r) => res(r.split('/')[0]!).group))];
    const verbs = t.verbs.includes('*') || !chance(0.25) ? [...t.verbs] : some(t.verbs, t.verbs.length);
    const app = namespace ? appOf(namespace) : pick(APPS);
    const resourceNames = t.named || chance(0.05) ? [`${app}-${pick(['config', 'tls', 'credentials', 'db'])}`] : [];
    return { verbs, apiGroups, resources, resourceNames, nonResourceURLs: [] };
  };
  const randomRule = (scoped: readonly Resource[]): Rule => {
    const group = pick(scoped).group;
    const inGroup = scoped.filter((r) => r.group === group);
    const resources = some(inGroup, 3).map((r) => (r.subresources.length > 0 && chance(0.2) ? `${r.resource}/${pick(r.subresources)}` : r.resource));
    return { verbs: chance(0.5) ? [...READ] : some(ALL_VERBS, 4), apiGroups: [group], resources, resourceNames: [], nonResourceURLs: [] };
  };

  // Roles: a third are ClusterRoles (a few aggregated, a few for non-resource URLs, one wildcard), the rest per namespace.
  const roles: GenRole[] = [];
  const clusterCount = Math.max(AGGREGATES.length + 3, Math.round(options.roles * 0.3));
  const aggregates = AGGREGATES.slice(0, Math.min(AGGREGATES.length, Math.max(1, Math.round(options.roles * 0.02))));
  for (const name of aggregates) {
    // operations also takes in monitoring's roles by way of monitoring itself: a two-step aggregation chain.
    const labels: Record<string, string> = name === 'monitoring' && aggregates.includes('operations') ? { [AGGREGATE_KEY('operations')]: 'true' } : {};
    roles.push({ kind: 'ClusterRole', name: `acme:${name}-all`, namespace: '', labels, rules: [], aggregateLabel: AGGREGATE_KEY(name) });
  }
  roles.push({ kind: 'ClusterRole', name: 'acme:break-glass', namespace: '', labels: {}, rules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'], resourceNames: [], nonResourceURLs: [] }], aggregateLabel: null });
  const nonResourceNames = Object.keys(NON_RESOURCE_PURPOSES);
  const nonResourceCount = Math.max(1, Math.round(options.roles * 0.03));
  for (let i = 0; i < nonResourceCount; i++) {
    const purpose = nonResourceNames[i % nonResourceNames.length]!;
    const rules = NON_RESOURCE_PURPOSES[purpose]!.map((t) => ({ verbs: [...t.verbs], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [...t.urls] }));
    roles.push({ kind: 'ClusterRole', name: `acme:${purpose}${i < nonResourceNames.length ? '' : `-${i}`}`, namespace: '', labels: {}, rules, aggregateLabel: null });
  }
  const clusterPurposes = [...Object.keys(CLUSTER_PURPOSES), ...Object.keys(PURPOSES)];
  for (let i = 0; roles.length < clusterCount; i++) {
    const purpose = clusterPurposes[i % clusterPurposes.length]!;
    const templates = CLUSTER_PURPOSES[purpose] ?? PURPOSES[purpose]!;
    const rules = templates.map((t) => ruleFrom(t, ''));
    if (chance(0.3)) rules.push(randomRule(chance(0.5) ? CLUSTER_SCOPED : NAMESPACED));
    if (chance(0.05)) rules.push({ verbs: ['get', 'update'], apiGroups: ['apps'], resources: ['*/scale'], resourceNames: [], nonResourceURLs: [] });
    const labels: Record<string, string> = {};
    if (chance(0.45)) labels[AGGREGATE_KEY(pick(aggregates))] = 'true';
    // CRD operators add their roles to the default view/edit roles this way.
    if (purpose === 'monitoring' || chance(0.1)) labels[chance(0.5) ? AGGREGATE_TO_VIEW : AGGREGATE_TO_EDIT] = 'true';
    roles.push({ kind: 'ClusterRole', name: `acme:${purpose}${i < clusterPurposes.length ? '' : `-${i}`}`, namespace: '', labels, rules, aggregateLabel: null });
  }
  const purposeNames = Object.keys(PURPOSES);
  const namespaceRoles = options.roles - roles.length;
  for (let i = 0; i < namespaceRoles; i++) {
    const nsIndex = i % namespaces.length;
    const slot = Math.floor(i / namespaces.length);
    const purpose = purposeNames[(nsIndex + slot) % purposeNames.length]!;
    const namespace = namespaces[nsIndex]!;
    const rules = PURPOSES[purpose]!.map((t) => ruleFrom(t, namespace));
    if (chance(0.25)) rules.push(randomRule(NAMESPACED));
    const name = slot < purposeNames.length ? purpose : `${purpose}-${slot}`;
    roles.push({ kind: 'Role', name, namespace, labels: {}, rules, aggregateLabel: null });
  }
  const clusterRoles = roles.filter((r) => r.kind === 'ClusterRole');
  const breakGlass = clusterRoles.find((r) => r.name === 'acme:break-glass')!;
  const healthChecker = clusterRoles.find((r) => r.name === 'acme:health-checker') ?? breakGlass;
  const grantable = clusterRoles.filter((r) => r !== breakGlass);
  const namespacedClusterRoles = clusterRoles.filter((r) => r.rules.some((x) => x.resources.length > 0) || r.aggregateLabel);
  const rolesIn = new Map<string, GenRole[]>();
  for (const r of roles) if (r.kind === 'Role') rolesIn.set(r.namespace, [...(rolesIn.get(r.namespace) ?? []), r]);

  // Bindings: an eighth are ClusterRoleBindings, the rest RoleBindings to the namespace's Roles or to ClusterRoles.
  const bindings: GenBinding[] = [];
  const saSubject = (namespace: string, ownNamespace: string): GenSubject => {
    const sa = pick(serviceAccounts.filter((s) => s.namespace === namespace));
    // Half the RoleBindings leave a same-namespace ServiceAccount's namespace out; it defaults to the binding's.
    return { kind: 'ServiceAccount', name: sa.name, namespace: namespace === ownNamespace && chance(0.5) ? '' : namespace };
  };
  const subjectsFor = (namespace: string): GenSubject[] => {
    const n = 1 + Math.floor(random() * 3);
    const out: GenSubject[] = [];
    for (let k = 0; k < n; k++) {
      const roll = random();
      if (roll < 0.5) out.push(saSubject(namespace === '' || chance(0.1) ? pick(namespaces) : namespace, namespace));
      else if (roll < 0.8) out.push({ kind: 'User', name: pick(people).name, namespace: '' });
      else {
        const group = namespace && chance(0.3) ? `system:serviceaccounts:${namespace}` : chance(0.5) ? pick(teamGroups) : pick(SHARED_GROUPS);
        out.push({ kind: 'Group', name: group, namespace: '' });
      }
    }
    return out.filter((s, i) => out.findIndex((t) => t.kind === s.kind && t.name === s.name && t.namespace === s.namespace) === i);
  };
  const clusterBindings = Math.max(2, Math.round(options.bindings * 0.12));
  const toClusterRoles = Math.round(options.bindings * 0.3);
  const taken = new Set<string>();
  const unique = (base: string, scope: string): string => {
    let name = base;
    for (let k = 2; taken.has(`${scope}/${name}`); k++) name = `${base}-${k}`;
    taken.add(`${scope}/${name}`);
    return name;
  };
  for (let i = 0; i < options.bindings; i++) {
    if (i < clusterBindings) {
      // The first three are the usual special cases: view for some, health checks for everyone, break-glass for one.
      const role = i === 0 ? null : i === 1 ? healthChecker : i === 2 ? breakGlass : grantable[i % grantable.length]!;
      const roleName = role?.name ?? 'view';
      const subjects: GenSubject[] =
        i === 1 ? [{ kind: 'Group', name: ALL_AUTHENTICATED, namespace: '' }] : i === 2 ? [{ kind: 'User', name: 'admin@example.com', namespace: '' }] : subjectsFor('');
      bindings.push({ kind: 'ClusterRoleBinding', name: unique(roleName.replace('acme:', 'acme-'), 'crb'), namespace: '', roleRef: { kind: 'ClusterRole', name: roleName }, subjects, role });
      continue;
    }
    const namespace = namespaces[i % namespaces.length]!;
    if (i < clusterBindings + toClusterRoles) {
      // Most RoleBindings to ClusterRoles name the defaults (view, edit, admin), the rest the cluster's own.
      const role = chance(0.5) ? null : pick(namespacedClusterRoles);
      const roleName = role?.name ?? pick(DEFAULT_CLUSTER_ROLES);
      bindings.push({ kind: 'RoleBinding', name: unique(roleName.replace('acme:', ''), namespace), namespace, roleRef: { kind: 'ClusterRole', name: roleName }, subjects: subjectsFor(namespace), role });
    } else {
      const role = pick(rolesIn.get(namespace) ?? []);
      bindings.push({ kind: 'RoleBinding', name: unique(role.name, namespace), namespace, roleRef: { kind: 'Role', name: role.name }, subjects: subjectsFor(namespace), role });
    }
  }

  const cluster = [
    ...namespaces.map((ns) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n  labels:\n    team: ${appOf(ns)}`),
    ...serviceAccounts.map((sa) => `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${sa.name}\n  namespace: ${sa.namespace}`),
    ...roles.map(roleYaml),
    ...bindings.map(bindingYaml),
  ];

  // Reviews: most ask for something a binding's role grants (sometimes with a verb, namespace or name changed), the
  // rest ask at random; a tenth are non-resource requests, a few come from system:masters.
  const saUser = (namespace: string, name: string): User => ({
    name: `system:serviceaccount:${namespace}:${name}`,
    groups: [SA_GROUP, `system:serviceaccounts:${namespace}`, ALL_AUTHENTICATED],
  });
  const userOf = (s: GenSubject, bindingNamespace: string): User => {
    if (s.kind === 'ServiceAccount') return saUser(s.namespace || bindingNamespace, s.name);
    if (s.kind === 'User') return people.find((p) => p.name === s.name) ?? { name: s.name, groups: [ALL_AUTHENTICATED] };
    const members = people.filter((p) => p.groups.includes(s.name));
    // Group-only reviews: who-can style questions about a group's members, with no user name.
    return members.length > 0 && chance(0.5) ? pick(members) : { name: '', groups: [s.name] };
  };
  const randomUser = (): User => {
    const roll = random();
    if (roll < 0.5) {
      const sa = pick(serviceAccounts);
      return saUser(sa.namespace, sa.name);
    }
    if (roll < 0.85) return pick(people);
    return { name: '', groups: [pick([...teamGroups, ...SHARED_GROUPS])] };
  };
  const randomAttributes = (namespace: string): Attributes => {
    const clusterScoped = chance(0.1);
    const r = pick(clusterScoped ? CLUSTER_SCOPED : NAMESPACED);
    return {
      namespace: clusterScoped ? '' : namespace,
      verb: pick(ALL_VERBS),
      group: r.group,
      resource: r.resource,
      subresource: r.subresources.length > 0 && chance(0.15) ? pick(r.subresources) : '',
      name: chance(0.3) ? `${appOf(namespace)}-${pick(['config', 'tls', 'web', 'db'])}` : '',
    };
  };
  const fromRule = (rule: Rule, namespace: string): Attributes => {
    const written = pick(rule.resources);
    const [resource, subresource = ''] = written.split('/');
    const known = resource === '*' ? pick(RESOURCES) : res(resource!);
    const sub = subresource === '*' ? '' : subresource;
    return {
      namespace: known.namespaced ? namespace : '',
      verb: rule.verbs.includes('*') ? pick(ALL_VERBS) : pick(rule.verbs),
      group: rule.apiGroups.includes('*') ? known.group : pick(rule.apiGroups),
      resource: known.resource,
      subresource: sub,
      name: rule.resourceNames.length > 0 ? pick(rule.resourceNames) : chance(0.2) ? `${appOf(namespace)}-web` : '',
    };
  };
  const reviews: string[] = [];
  for (let i = 0; i < options.reviews; i++) {
    const roll = random();
    if (roll < 0.1) {
      reviews.push(reviewYaml(randomUser(), { path: pick(PATHS), verb: chance(0.85) ? 'get' : pick(['post', 'put', 'delete']) }));
      continue;
    }
    if (roll < 0.105) {
      reviews.push(reviewYaml({ name: 'kubernetes-admin', groups: ['system:masters', ALL_AUTHENTICATED] }, randomAttributes(pick(namespaces))));
      continue;
    }
    if (roll < 0.4) {
      reviews.push(reviewYaml(randomUser(), randomAttributes(pick(namespaces))));
      continue;
    }
    const b = pick(bindings);
    const user = userOf(pick(b.subjects), b.namespace);
    const namespace = b.namespace || pick(namespaces);
    const rules = b.role?.rules.filter((r) => r.resources.length > 0) ?? [];
    let attributes = rules.length > 0 && chance(0.8) ? fromRule(pick(rules), namespace) : randomAttributes(namespace);
    // Near misses: the same request with another verb, in another namespace, or for another object.
    const twist = random();
    if (twist < 0.12) attributes = { ...attributes, verb: pick(ALL_VERBS) };
    else if (twist < 0.2 && attributes.namespace !== '') attributes = { ...attributes, namespace: pick(namespaces) };
    else if (twist < 0.25) attributes = { ...attributes, name: `${appOf(namespace)}-other` };
    reviews.push(reviewYaml(user, attributes));
  }
  return { cluster: cluster.join('\n---\n') + '\n', reviews: reviews.join('\n---\n') + '\n' };
}
