// The permissions a CKS examiner looks for in RBAC (wildcards, secrets, exec, workload creation, bind/escalate,
// impersonation, nodes/proxy, token requests, webhooks, cluster-admin on a ServiceAccount), found rule by rule.
import type { Localized } from '../../core/index';
import type { Binding, PolicyRule, Role, Subject, UserInfo } from './model';
import { RBAC_GROUP } from './model';
import {
  ALL_SERVICE_ACCOUNTS_GROUP,
  SERVICE_ACCOUNT_GROUP_PREFIX,
  apiGroupMatches,
  appliesToUser,
  findRole,
  resourceMatches,
  verbMatches,
  type IndexedBinding,
  type IndexedRole,
  type RbacIndex,
} from './authorize';

// Sources: kubernetes.io/docs/concepts/security/rbac-good-practices/ ("Least privilege" for wildcard and
// cluster-admin-sa, with "Minimize distribution of privileged tokens"; "Privilege escalation risks" for the others
// but pods-exec); pods-exec: KEP-4006 and kubernetes/kubernetes#134577 (WebSocket exec, `create` also required
// from v1.35 behind the AuthorizePodWebsocketUpgradeCreatePermission gate, beta and on by default).

/** The kinds of risk, in the order a role's risks are listed for one rule. */
export const RISK_IDS = [
  'wildcard',
  'cluster-admin-sa',
  'read-secrets',
  'pods-exec',
  'create-pods',
  'create-persistentvolumes',
  'bind',
  'escalate',
  'impersonate',
  'nodes-proxy',
  'token-request',
  'webhooks',
] as const;

export type RiskId = (typeof RISK_IDS)[number];

/** A binding that gives a risky role to some of its subjects. */
export interface RiskGrant {
  binding: Binding;
  /** The subjects that get the risk, with their index in binding.subjects. */
  subjects: readonly { index: number; subject: Subject }[];
  /** Where the binding grants: the RoleBinding's namespace, '' for a ClusterRoleBinding (every namespace and cluster scope). */
  namespace: string;
}

/** One risky rule of one role (a rule can carry several risks, e.g. a `*` rule carries most of them). */
export interface Risk {
  id: RiskId;
  role: { kind: Role['kind']; namespace: string; name: string };
  /** Index into the role's effective rules (IndexedRole.rules: for an aggregated ClusterRole, the aggregated list). */
  ruleIndex: number;
  rule: PolicyRule;
  /** For an aggregated ClusterRole, the ClusterRole the rule was copied from; null for a role's own rules. */
  aggregatedFrom: string | null;
  /** The risky verbs the rule grants (for `wildcard`, the rule's verbs). */
  verbs: readonly string[];
  /** What it reaches, kubectl-style (`pods/exec`, `deployments.apps`); for `wildcard`, the rule's resources. */
  resources: readonly string[];
  /** The rule's resourceNames: when not empty, the risk is narrowed to those objects (it is still there). */
  resourceNames: readonly string[];
  /** The bindings that give it, ClusterRoleBindings first, then RoleBindings by namespace; empty when unbound. */
  grants: readonly RiskGrant[];
  /**
   * True when the risk is all the cluster's default policy: a default role (cluster-admin, admin, edit,
   * system:aggregate-to-edit, ...) given by default bindings only, or by none. A learner's binding of a default
   * role makes it false, so that `edit` bound to a ServiceAccount is not toned down.
   */
  builtIn: boolean;
  why: Localized;
}

/** One request shape a risk is about: a verb set on a group/resource[/subresource], and the resource's scope. */
interface Target {
  verbs: readonly string[];
  group: string;
  resource: string;
  subresource: string;
  /** Namespaced resources can be granted by a Role or RoleBinding; cluster-scoped ones only by ClusterRoleBindings. */
  namespaced: boolean;
}

const CORE = '';
const ADMISSION = 'admissionregistration.k8s.io';
const READ = ['get', 'list', 'watch'];
// The proxy's HTTP methods map to these verbs; GET alone already reaches the kubelet's exec over WebSocket.
const PROXY_VERBS = ['get', 'create', 'update', 'patch', 'delete'];
const WRITE_TEMPLATE = ['create', 'update', 'patch'];

const t = (verbs: readonly string[], group: string, resource: string, namespaced: boolean, subresource = ''): Target => ({
  verbs,
  group,
  resource,
  subresource,
  namespaced,
});

/** The rule-matched risks and what each is about (wildcard and cluster-admin-sa are found from the rule's shape). */
const TARGETS: Readonly<Record<Exclude<RiskId, 'wildcard' | 'cluster-admin-sa'>, readonly Target[]>> = {
  'read-secrets': [t(READ, CORE, 'secrets', true)],
  // create: exec over SPDY, and from v1.35 over WebSocket too; get alone: exec over WebSocket before v1.35.
  'pods-exec': [t(['create', 'get'], CORE, 'pods', true, 'exec')],
  // Changing a workload's pod template (update/patch) makes its controller create pods just as creating it does.
  // A pod's own serviceAccountName is immutable, so only create counts for pods.
  'create-pods': [
    t(['create'], CORE, 'pods', true),
    t(WRITE_TEMPLATE, CORE, 'replicationcontrollers', true),
    t(WRITE_TEMPLATE, 'apps', 'deployments', true),
    t(WRITE_TEMPLATE, 'apps', 'replicasets', true),
    t(WRITE_TEMPLATE, 'apps', 'statefulsets', true),
    t(WRITE_TEMPLATE, 'apps', 'daemonsets', true),
    t(WRITE_TEMPLATE, 'batch', 'jobs', true),
    t(WRITE_TEMPLATE, 'batch', 'cronjobs', true),
  ],
  'create-persistentvolumes': [t(['create'], CORE, 'persistentvolumes', false)],
  bind: [t(['bind'], RBAC_GROUP, 'roles', true), t(['bind'], RBAC_GROUP, 'clusterroles', false)],
  escalate: [t(['escalate'], RBAC_GROUP, 'roles', true), t(['escalate'], RBAC_GROUP, 'clusterroles', false)],
  impersonate: [
    t(['impersonate'], CORE, 'users', false),
    t(['impersonate'], CORE, 'groups', false),
    t(['impersonate'], CORE, 'serviceaccounts', true),
  ],
  'nodes-proxy': [t(PROXY_VERBS, CORE, 'nodes', false, 'proxy')],
  'token-request': [t(['create'], CORE, 'serviceaccounts', true, 'token')],
  webhooks: [
    t(['create', 'update', 'patch', 'delete', 'deletecollection'], ADMISSION, 'validatingwebhookconfigurations', false),
    t(['create', 'update', 'patch', 'delete', 'deletecollection'], ADMISSION, 'mutatingwebhookconfigurations', false),
  ],
};

const WHY: Readonly<Record<RiskId, Localized>> = {
  wildcard: {
    en: '`*` grants every verb, resource or API group, including those added later (custom resources, new subresources), so the rule reaches much more than it names: usually Secrets, pods/exec and RBAC itself.',
    ja: '`*` はすべての動詞・リソース・API グループを許可し、後から追加されるもの (カスタムリソースや新しいサブリソース) も含みます。そのためルールは書かれている以上に広く、たいていは Secret、pods/exec、RBAC 自体にまで及びます。',
  },
  'cluster-admin-sa': {
    en: 'A ServiceAccount bound to a role with `*` on `*` is an administrator (of the whole cluster, or of the namespace for a RoleBinding): every pod that runs as it, and anyone who steals its token, has that power.',
    ja: '`*` に `*` を許すロールに結び付いた ServiceAccount は管理者です (ClusterRoleBinding ならクラスタ全体、RoleBinding ならその namespace)。その ServiceAccount で動くすべての Pod と、そのトークンを盗んだ誰もが同じ力を持ちます。',
  },
  'read-secrets': {
    en: 'Reading Secrets reveals their contents, and list and watch return the contents of every Secret, not just their names; a ServiceAccount token found there gives that account\'s permissions.',
    ja: 'Secret を読めれば中身が見えます。list と watch も名前だけでなく、すべての Secret の中身を返します。そこに ServiceAccount のトークンがあれば、そのアカウントの権限が手に入ります。',
  },
  'pods-exec': {
    en: 'exec runs commands inside the containers of the namespace, so the user reads their mounted Secrets and ServiceAccount tokens and acts with their permissions.',
    ja: 'exec で namespace 内のコンテナの中でコマンドを実行できるため、マウントされた Secret や ServiceAccount のトークンを読み、その権限で操作できます。',
  },
  'create-pods': {
    en: 'Anyone who can create pods in a namespace (directly, or by creating or changing a workload such as a Deployment, DaemonSet or Job) can run them as any ServiceAccount of that namespace and so gain its permissions, and can mount its Secrets, ConfigMaps and volumes.',
    ja: 'namespace で Pod を作成できる人 (直接、または Deployment、DaemonSet、Job などのワークロードの作成や変更を通じて) は、その namespace の任意の ServiceAccount で Pod を動かしてその権限を得られます。Secret、ConfigMap、ボリュームもマウントできます。',
  },
  'create-persistentvolumes': {
    en: 'Creating PersistentVolumes includes hostPath volumes, which give a pod the node\'s filesystem: from there other containers\' data and the kubelet\'s credentials are within reach.',
    ja: 'PersistentVolume を作成できると hostPath ボリュームも作れ、Pod がノードのファイルシステムに触れられます。そこから他のコンテナのデータや kubelet の認証情報にまで手が届きます。',
  },
  bind: {
    en: 'bind lets the user create bindings to roles with permissions they do not have themselves, skipping RBAC\'s own check against privilege escalation.',
    ja: 'bind があると、自分が持っていない権限を含むロールへのバインディングを作成でき、RBAC 自身の権限昇格チェックを素通りします。',
  },
  escalate: {
    en: 'escalate lets the user create or update roles with permissions they do not have themselves, skipping RBAC\'s own check against privilege escalation: they can grant themselves anything.',
    ja: 'escalate があると、自分が持っていない権限を含むロールを作成・更新でき、RBAC 自身の権限昇格チェックを素通りします。自分に何でも与えられます。',
  },
  impersonate: {
    en: 'impersonate lets the user act as other users, groups or ServiceAccounts (kubectl --as) and so gain all of their permissions.',
    ja: 'impersonate があると、他のユーザー・グループ・ServiceAccount になりすまして (kubectl --as) 操作でき、その権限をすべて得られます。',
  },
  'nodes-proxy': {
    en: 'nodes/proxy reaches the kubelet API, which runs commands in every pod on the node and bypasses audit logging and admission control; even `get` is enough, over WebSocket.',
    ja: 'nodes/proxy は kubelet API に届き、ノード上のすべての Pod でコマンドを実行でき、監査ログとアドミッション制御も迂回します。WebSocket を使えば `get` だけで十分です。',
  },
  'token-request': {
    en: 'create on serviceaccounts/token mints tokens (TokenRequest) for existing ServiceAccounts, so the user gains the permissions of those accounts.',
    ja: 'serviceaccounts/token の create で既存の ServiceAccount のトークンを発行 (TokenRequest) でき、そのアカウントの権限を得られます。',
  },
  webhooks: {
    en: 'Whoever controls validating or mutating webhook configurations controls webhooks that see every object admitted to the cluster (mutating ones can also change them), and can remove the webhooks that enforce policy.',
    ja: 'ValidatingWebhookConfiguration や MutatingWebhookConfiguration を操作できる人は、クラスタに受け入れられるすべてのオブジェクトを見る (mutating なら書き換えもできる) Webhook を操り、ポリシーを強制する Webhook を取り除くこともできます。',
  },
};

// exec with `get` alone: a weaker (version-dependent) form of pods-exec, worded on its own.
const WHY_EXEC_GET_ONLY: Localized = {
  en: 'exec over WebSocket is a GET: before Kubernetes v1.35 (or with the AuthorizePodWebsocketUpgradeCreatePermission feature gate off), `get` on pods/exec alone runs commands in the namespace\'s containers, and with them reads their Secrets and tokens. From v1.35 `create` is needed as well.',
  ja: 'WebSocket での exec は GET です。Kubernetes v1.35 より前 (または AuthorizePodWebsocketUpgradeCreatePermission フィーチャーゲートが無効) では、pods/exec の `get` だけで namespace 内のコンテナでコマンドを実行でき、その Secret やトークンも読めます。v1.35 からは `create` も必要です。',
};

/** `pods/exec`, `deployments.apps`, `roles.rbac.authorization.k8s.io`: kubectl's resource.group spelling. */
function resourceName(target: Target): string {
  const group = target.group === '' ? '' : `.${target.group}`;
  return target.subresource === '' ? `${target.resource}${group}` : `${target.resource}${group}/${target.subresource}`;
}

/**
 * True when a request with this verb on the target can carry an object name, so that a rule's resourceNames can
 * allow it: create and deletecollection of a top-level resource cannot (the name is not known when authorizing).
 */
function nameable(verb: string, target: Target): boolean {
  return target.subresource !== '' || (verb !== 'create' && verb !== 'deletecollection');
}

/** The target's verbs the rule grants, matched with the authorizer's own matchers (so every kind of `*` counts). */
function grantedVerbs(rule: PolicyRule, target: Target): string[] {
  if (rule.resources.length === 0) return [];
  const combined = target.subresource === '' ? target.resource : `${target.resource}/${target.subresource}`;
  if (!apiGroupMatches(rule, target.group) || !resourceMatches(rule, combined, target.subresource)) return [];
  return target.verbs.filter((v) => verbMatches(rule, v) && (rule.resourceNames.length === 0 || nameable(v, target)));
}

const isFullAccess = (rule: PolicyRule): boolean =>
  rule.verbs.includes('*') && rule.apiGroups.includes('*') && rule.resources.includes('*');

// `*` in nonResourceURLs alone (a read of every non-resource path) is left out: the good-practices page is about
// verbs and resources.
const hasWildcard = (rule: PolicyRule): boolean =>
  rule.verbs.includes('*') || rule.apiGroups.includes('*') || rule.resources.includes('*');

/** A ServiceAccount subject, or a group every ServiceAccount (of a namespace) belongs to. */
function isServiceAccountSubject(subject: Subject): boolean {
  if (subject.kind === 'ServiceAccount') return true;
  return subject.kind === 'Group' && (subject.name === ALL_SERVICE_ACCOUNTS_GROUP || subject.name.startsWith(SERVICE_ACCOUNT_GROUP_PREFIX));
}

function grantOf(binding: Binding, keep: (subject: Subject) => boolean): RiskGrant | null {
  const subjects = binding.subjects.flatMap((subject, index) => (keep(subject) ? [{ index, subject }] : []));
  if (subjects.length === 0) return null;
  return { binding, subjects, namespace: binding.kind === 'ClusterRoleBinding' ? '' : binding.namespace };
}

const isBuiltIn = (role: Role, grants: readonly RiskGrant[]): boolean => role.builtIn && grants.every((g) => g.binding.builtIn);

/** Every binding whose roleRef resolves to each role, in visiting order (ClusterRoleBindings, then by namespace). */
function bindingsByRole(index: RbacIndex): Map<Role, IndexedBinding[]> {
  const out = new Map<Role, IndexedBinding[]>();
  const add = (entry: IndexedBinding): void => {
    if (entry.role === null) return;
    const list = out.get(entry.role);
    if (list) list.push(entry);
    else out.set(entry.role, [entry]);
  };
  index.clusterRoleBindings.forEach(add);
  const namespaces = [...index.roleBindings.keys()].sort();
  for (const ns of namespaces) (index.roleBindings.get(ns) ?? []).forEach(add);
  return out;
}

function risksOfRole(index: RbacIndex, indexed: IndexedRole, bindings: readonly IndexedBinding[]): Risk[] {
  const { role, rules } = indexed;
  const sources = role.kind === 'ClusterRole' ? index.aggregation.sources.get(role.name) : undefined;
  const ref = { kind: role.kind, namespace: role.namespace, name: role.name };
  // The default cluster-admin is meant to hold `*`: only giving it to a ServiceAccount is a finding.
  const rootRole = role.builtIn && role.kind === 'ClusterRole' && role.name === 'cluster-admin';
  const allGrants = (clusterOnly: boolean): RiskGrant[] =>
    bindings.flatMap((e) => {
      if (clusterOnly && e.binding.kind !== 'ClusterRoleBinding') return [];
      const g = grantOf(e.binding, () => true);
      return g ? [g] : [];
    });
  const out: Risk[] = [];
  const push = (id: RiskId, ruleIndex: number, rule: PolicyRule, fields: Pick<Risk, 'verbs' | 'resources' | 'grants' | 'why'>): void => {
    out.push({
      id,
      role: ref,
      ruleIndex,
      rule,
      aggregatedFrom: sources?.[ruleIndex] ?? null,
      resourceNames: rule.resourceNames,
      builtIn: isBuiltIn(role, fields.grants),
      ...fields,
    });
  };
  rules.forEach((rule, ruleIndex) => {
    if (isFullAccess(rule)) {
      const grants = bindings.flatMap((e) => {
        const g = grantOf(e.binding, isServiceAccountSubject);
        return g ? [g] : [];
      });
      if (grants.length > 0) push('cluster-admin-sa', ruleIndex, rule, { verbs: rule.verbs, resources: rule.resources, grants, why: WHY['cluster-admin-sa'] });
    }
    if (rootRole) return;
    if (hasWildcard(rule)) {
      // Non-resource URLs are only ever granted cluster-wide.
      const nonResource = rule.resources.length === 0;
      const resources = nonResource ? rule.nonResourceURLs : rule.resources;
      push('wildcard', ruleIndex, rule, { verbs: rule.verbs, resources, grants: allGrants(nonResource), why: WHY.wildcard });
    }
    for (const [id, targets] of Object.entries(TARGETS) as [keyof typeof TARGETS, readonly Target[]][]) {
      const verbs = new Set<string>();
      const resources: string[] = [];
      let namespaced = false;
      for (const target of targets) {
        // A Role (or a RoleBinding) never grants a cluster-scoped resource: the authorizer asks for it with no namespace.
        if (!target.namespaced && role.kind === 'Role') continue;
        const granted = grantedVerbs(rule, target);
        if (granted.length === 0) continue;
        granted.forEach((v) => verbs.add(v));
        resources.push(resourceName(target));
        namespaced ||= target.namespaced;
      }
      if (verbs.size === 0) continue;
      const why = id === 'pods-exec' && !verbs.has('create') ? WHY_EXEC_GET_ONLY : WHY[id];
      push(id, ruleIndex, rule, { verbs: [...verbs], resources, grants: allGrants(!namespaced), why });
    }
  });
  const order = (id: RiskId): number => RISK_IDS.indexOf(id);
  return out.sort((a, b) => a.ruleIndex - b.ruleIndex || order(a.id) - order(b.id));
}

/**
 * Every risky rule of every role (the default policy's included, marked builtIn), in the model's role order, then
 * rule order, then RISK_IDS order; each with the bindings that give it. Unbound roles are listed too (grants empty).
 */
export function findRisks(index: RbacIndex): Risk[] {
  const byRole = bindingsByRole(index);
  const out: Risk[] = [];
  for (const indexed of index.roles.values()) out.push(...risksOfRole(index, indexed, byRole.get(indexed.role) ?? []));
  return out;
}

/**
 * The risks the user reaches through bindings whose subjects apply to it (by name, group or ServiceAccount), in
 * the namespace given (its RoleBindings and every ClusterRoleBinding) or, without one, anywhere. Each risk keeps
 * only those grants and subjects. system:masters, which bypasses RBAC, is not a binding and is not reported here.
 */
export function risksForSubject(index: RbacIndex, user: UserInfo, namespace?: string): Risk[] {
  const out: Risk[] = [];
  for (const risk of findRisks(index)) {
    const grants = risk.grants.flatMap((g) => {
      if (namespace !== undefined && g.namespace !== '' && g.namespace !== namespace) return [];
      const subjects = g.subjects.filter((s) => appliesToUser(user, s.subject, g.binding.namespace));
      return subjects.length > 0 ? [{ ...g, subjects }] : [];
    });
    if (grants.length === 0) continue;
    const role = findRole(index, risk.role.kind, risk.role.namespace, risk.role.name)?.role;
    out.push({ ...risk, grants, builtIn: role !== undefined && isBuiltIn(role, grants) });
  }
  return out;
}
