// The cluster's default RBAC policy (the API server's bootstrap ClusterRoles and ClusterRoleBindings) of one
// pinned Kubernetes version, transcribed from upstream's bootstrap policy as pure data.
import { RBAC_GROUP, type Binding, type PolicyRule, type Role, type Subject } from './model';

/** The Kubernetes minor version whose bootstrap policy this module transcribes. */
export const DEFAULT_POLICY_VERSION = 'v1.36';

/**
 * Where the data was read. The store this was transcribed from holds policy.go of the v1.36 line at a master
 * commit taken just after the v1.36.0-alpha.1 tag (CHANGELOG-1.36.md at that commit lists only alpha.1); the
 * file at the v1.36.0 tag itself was not readable, so later 1.36 changes to it, if any, are not reflected.
 */
export const DEFAULT_POLICY_SOURCE =
  'kubernetes/kubernetes plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go' +
  ' @ 898b9f800267a757615ecfb71fc377d04d996c6b (v1.36 line, after v1.36.0-alpha.1)';

// Feature gates read by the rules transcribed below, at their v1.36 defaults (pkg/features/kube_features.go,
// staging/src/k8s.io/component-base/zpages/features/kube_features.go):
//   DynamicResourceAllocation  GA since 1.34, locked on since 1.35  -> view/edit get the resource.k8s.io rules.
//   GenericWorkload            alpha since 1.35, off               -> no scheduling.k8s.io workloads rules.
//   ComponentFlagz, ComponentStatusz  alpha since 1.32, off        -> system:monitoring has no /flagz, /statusz.
// Roles whose rules hang on other gates (system:node, system:kube-scheduler, system:node-proxier,
// system:kubelet-api-admin, system:cluster-trust-bundle-discovery, ...) are not transcribed.

const BOOTSTRAP_LABELS = { 'kubernetes.io/bootstrapping': 'rbac-defaults' } as const;
const AGGREGATE_TO_ADMIN = 'rbac.authorization.k8s.io/aggregate-to-admin';
const AGGREGATE_TO_EDIT = 'rbac.authorization.k8s.io/aggregate-to-edit';
const AGGREGATE_TO_VIEW = 'rbac.authorization.k8s.io/aggregate-to-view';

// The verb sets of policy.go.
const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'update', 'patch', 'delete', 'deletecollection'];
const READ_WRITE = [...READ, ...WRITE];
const READ_UPDATE = ['get', 'list', 'watch', 'update', 'patch'];

// API groups as policy.go names them.
const CORE = '';
const APPS = 'apps';
const AUTHENTICATION = 'authentication.k8s.io';
const AUTHORIZATION = 'authorization.k8s.io';
const AUTOSCALING = 'autoscaling';
const BATCH = 'batch';
const CERTIFICATES = 'certificates.k8s.io';
const COORDINATION = 'coordination.k8s.io';
const DISCOVERY = 'discovery.k8s.io';
const EVENTS = 'events.k8s.io';
const EXTENSIONS = 'extensions';
const NETWORKING = 'networking.k8s.io';
const POLICY = 'policy';
const RESOURCE = 'resource.k8s.io';
const STORAGE = 'storage.k8s.io';

/** Go's sort.Strings on ASCII: code-unit order, which is what Array.prototype.sort does without a comparator. */
function sorted(values: readonly string[]): readonly string[] {
  return Object.freeze([...values].sort());
}

/**
 * A resource rule, as rbacv1helpers.NewRule(verbs...).Groups(...).Resources(...).Names(...).RuleOrDie() builds it:
 * RuleOrDie sorts every list (pkg/apis/rbac/v1/helpers.go).
 */
function r(verbs: readonly string[], groups: readonly string[], resources: readonly string[], names: readonly string[] = []): PolicyRule {
  return Object.freeze({
    verbs: sorted(verbs),
    apiGroups: sorted(groups),
    resources: sorted(resources),
    resourceNames: sorted(names),
    nonResourceURLs: Object.freeze([]),
    location: null,
  });
}

/** A non-resource rule: NewRule(verbs...).URLs(...).RuleOrDie(), lists sorted the same way. */
function u(verbs: readonly string[], urls: readonly string[]): PolicyRule {
  return Object.freeze({
    verbs: sorted(verbs),
    apiGroups: Object.freeze([]),
    resources: Object.freeze([]),
    resourceNames: Object.freeze([]),
    nonResourceURLs: sorted(urls),
    location: null,
  });
}

/** A bootstrap ClusterRole: addClusterRoleLabel adds kubernetes.io/bootstrapping=rbac-defaults to every one. */
function clusterRole(
  name: string,
  rules: readonly PolicyRule[],
  extra: { labels?: Readonly<Record<string, string>>; aggregateFrom?: string } = {},
): Role {
  return Object.freeze({
    kind: 'ClusterRole',
    name,
    namespace: '',
    labels: Object.freeze({ ...extra.labels, ...BOOTSTRAP_LABELS }),
    rules: Object.freeze([...rules]),
    aggregationRule:
      extra.aggregateFrom === undefined
        ? null
        : Object.freeze({
            clusterRoleSelectors: Object.freeze([
              Object.freeze({
                matchLabels: Object.freeze({ [extra.aggregateFrom]: 'true' }),
                matchExpressions: Object.freeze([]),
              }),
            ]),
          }),
    builtIn: true,
    location: null,
  });
}

function group(name: string): Subject {
  return Object.freeze({ kind: 'Group', name, namespace: '', apiGroup: RBAC_GROUP, location: null });
}

function user(name: string): Subject {
  return Object.freeze({ kind: 'User', name, namespace: '', apiGroup: RBAC_GROUP, location: null });
}

function serviceAccount(namespace: string, name: string): Subject {
  // rbacv1helpers' SAs() leaves apiGroup empty, as the API server does for ServiceAccount subjects.
  return Object.freeze({ kind: 'ServiceAccount', name, namespace, apiGroup: '', location: null });
}

/** NewClusterBinding(name): a ClusterRoleBinding named after the ClusterRole it binds. */
function clusterBinding(roleName: string, subjects: readonly Subject[]): Binding {
  return Object.freeze({
    kind: 'ClusterRoleBinding',
    name: roleName,
    namespace: '',
    roleRef: Object.freeze({ kind: 'ClusterRole', name: roleName, apiGroup: RBAC_GROUP, location: null }),
    subjects: Object.freeze([...subjects]),
    builtIn: true,
    location: null,
  });
}

// viewRules() of policy.go (with DynamicResourceAllocation on, GenericWorkload off).
const VIEW_RULES: readonly PolicyRule[] = [
  r(READ, [CORE], ['pods', 'replicationcontrollers', 'replicationcontrollers/scale', 'serviceaccounts',
    'services', 'services/status', 'endpoints', 'persistentvolumeclaims', 'persistentvolumeclaims/status', 'configmaps']),
  r(READ, [CORE], ['limitranges', 'resourcequotas', 'bindings',
    'pods/status', 'resourcequotas/status', 'namespaces/status', 'replicationcontrollers/status', 'pods/log']),
  r(READ, [CORE], ['namespaces']),
  r(READ, [CORE, EVENTS], ['events']),
  r(READ, [DISCOVERY], ['endpointslices']),
  r(READ, [APPS], ['controllerrevisions',
    'statefulsets', 'statefulsets/status', 'statefulsets/scale',
    'daemonsets', 'daemonsets/status',
    'deployments', 'deployments/status', 'deployments/scale',
    'replicasets', 'replicasets/status', 'replicasets/scale']),
  r(READ, [AUTOSCALING], ['horizontalpodautoscalers', 'horizontalpodautoscalers/status']),
  r(READ, [BATCH], ['jobs', 'cronjobs', 'cronjobs/status', 'jobs/status']),
  r(READ, [EXTENSIONS], ['daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status',
    'ingresses', 'ingresses/status', 'replicasets', 'replicasets/scale', 'replicasets/status', 'replicationcontrollers/scale',
    'networkpolicies']),
  r(READ, [POLICY], ['poddisruptionbudgets', 'poddisruptionbudgets/status']),
  r(READ, [NETWORKING], ['networkpolicies', 'ingresses', 'ingresses/status']),
  r(READ, [RESOURCE], ['resourceclaims', 'resourceclaims/status', 'resourceclaimtemplates']),
];

// editRules() of policy.go (with DynamicResourceAllocation on, GenericWorkload off).
const EDIT_RULES: readonly PolicyRule[] = [
  r(READ, [CORE], ['pods/attach', 'pods/proxy', 'pods/exec', 'pods/portforward', 'secrets', 'services/proxy']),
  r(['impersonate'], [CORE], ['serviceaccounts']),
  r(WRITE, [CORE], ['pods', 'pods/attach', 'pods/proxy', 'pods/exec', 'pods/portforward']),
  r(['create'], [CORE], ['pods/eviction']),
  r(WRITE, [CORE], ['replicationcontrollers', 'replicationcontrollers/scale', 'serviceaccounts',
    'services', 'services/proxy', 'persistentvolumeclaims', 'configmaps', 'secrets']),
  r(['create'], [CORE], ['serviceaccounts/token']),
  r(WRITE, [CORE, EVENTS], ['events']),
  r(WRITE, [APPS], ['statefulsets', 'statefulsets/scale', 'daemonsets',
    'deployments', 'deployments/scale', 'deployments/rollback', 'replicasets', 'replicasets/scale']),
  r(WRITE, [AUTOSCALING], ['horizontalpodautoscalers']),
  r(WRITE, [BATCH], ['jobs', 'cronjobs']),
  r(WRITE, [EXTENSIONS], ['daemonsets', 'deployments', 'deployments/scale', 'deployments/rollback', 'ingresses',
    'replicasets', 'replicasets/scale', 'replicationcontrollers/scale', 'networkpolicies']),
  r(WRITE, [POLICY], ['poddisruptionbudgets']),
  r(WRITE, [NETWORKING], ['networkpolicies', 'ingresses']),
  r(READ_WRITE, [COORDINATION], ['leases']),
  r(WRITE, [RESOURCE], ['resourceclaims', 'resourceclaimtemplates']),
];

// ClusterRoles(), in upstream order, of those transcribed.
const ROLES: readonly Role[] = Object.freeze([
  // a "root" role which can do absolutely anything
  clusterRole('cluster-admin', [r(['*'], ['*'], ['*']), u(['*'], ['*'])]),
  clusterRole('system:discovery', [
    u(['get'], ['/livez', '/readyz', '/healthz', '/version', '/version/', '/openapi', '/openapi/*', '/api', '/api/*', '/apis', '/apis/*']),
  ]),
  clusterRole('system:monitoring', [
    u(['get'], ['/metrics', '/metrics/slis', '/livez', '/readyz', '/healthz', '/livez/*', '/readyz/*', '/healthz/*']),
    r(['get'], [CORE], ['nodes/metrics']),
  ]),
  clusterRole('system:basic-user', [
    r(['create'], [AUTHORIZATION], ['selfsubjectaccessreviews', 'selfsubjectrulesreviews']),
    r(['create'], [AUTHENTICATION], ['selfsubjectreviews']),
  ]),
  clusterRole('system:public-info-viewer', [u(['get'], ['/livez', '/readyz', '/healthz', '/version', '/version/'])]),
  // The three aggregated roles: no rules of their own; the aggregation controller fills them from the roles
  // their selectors match. edit aggregates into admin and view into edit through their own labels.
  clusterRole('admin', [], { aggregateFrom: AGGREGATE_TO_ADMIN }),
  clusterRole('edit', [], { labels: { [AGGREGATE_TO_ADMIN]: 'true' }, aggregateFrom: AGGREGATE_TO_EDIT }),
  clusterRole('view', [], { labels: { [AGGREGATE_TO_EDIT]: 'true' }, aggregateFrom: AGGREGATE_TO_VIEW }),
  clusterRole('system:aggregate-to-admin', [
    r(['create'], [AUTHORIZATION], ['localsubjectaccessreviews']),
    r(READ_WRITE, ['rbac.authorization.k8s.io'], ['roles', 'rolebindings']),
  ], { labels: { [AGGREGATE_TO_ADMIN]: 'true' } }),
  clusterRole('system:aggregate-to-edit', EDIT_RULES, { labels: { [AGGREGATE_TO_EDIT]: 'true' } }),
  clusterRole('system:aggregate-to-view', VIEW_RULES, { labels: { [AGGREGATE_TO_VIEW]: 'true' } }),
  clusterRole('system:heapster', [
    r(READ, [CORE], ['events', 'pods', 'nodes', 'namespaces']),
    r(READ, [EXTENSIONS], ['deployments']),
  ]),
  clusterRole('system:node-bootstrapper', [
    r(['create', 'get', 'list', 'watch'], [CERTIFICATES], ['certificatesigningrequests']),
  ]),
  clusterRole('system:auth-delegator', [
    r(['create'], [AUTHENTICATION], ['tokenreviews']),
    r(['create'], [AUTHORIZATION], ['subjectaccessreviews']),
  ]),
  clusterRole('system:kube-dns', [r(['list', 'watch'], [CORE], ['endpoints', 'services'])]),
  clusterRole('system:volume-scheduler', [
    r(READ_UPDATE, [CORE], ['persistentvolumes']),
    r(READ, [STORAGE], ['storageclasses']),
    r(READ_UPDATE, [CORE], ['persistentvolumeclaims']),
  ]),
  clusterRole('system:service-account-issuer-discovery', [
    u(['get'], ['/.well-known/openid-configuration', '/.well-known/openid-configuration/', '/openid/v1/jwks', '/openid/v1/jwks/']),
  ]),
]);

// ClusterRoleBindings(), in upstream order, of those whose role is transcribed (user.* and serviceaccount.*
// constants of k8s.io/apiserver spelled out).
const BINDINGS: readonly Binding[] = Object.freeze([
  clusterBinding('cluster-admin', [group('system:masters')]),
  clusterBinding('system:monitoring', [group('system:monitoring')]),
  clusterBinding('system:discovery', [group('system:authenticated')]),
  clusterBinding('system:basic-user', [group('system:authenticated')]),
  clusterBinding('system:public-info-viewer', [group('system:authenticated'), group('system:unauthenticated')]),
  clusterBinding('system:kube-dns', [serviceAccount('kube-system', 'kube-dns')]),
  clusterBinding('system:volume-scheduler', [user('system:kube-scheduler')]),
  clusterBinding('system:service-account-issuer-discovery', [group('system:serviceaccounts')]),
]);

/** The default ClusterRoles transcribed here, in upstream order (a fresh array of frozen roles). */
export function defaultRoles(): Role[] {
  return [...ROLES];
}

/** The default ClusterRoleBindings transcribed here, in upstream order (a fresh array of frozen bindings). */
export function defaultBindings(): Binding[] {
  return [...BINDINGS];
}
