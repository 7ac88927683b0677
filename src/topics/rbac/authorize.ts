// The API server's RBAC authorizer, pure: rule matching, binding visiting and reason strings exactly as upstream words
// them, plus impersonation's groups, SelfSubjectRulesReview, `kubectl auth can-i --list` and a who-can listing.
import { checkDnsLabel, checkDnsSubdomain } from '../../kube/index';
import { aggregateClusterRoles, compareGoStrings, type Aggregation } from './aggregate';
import type {
  Binding,
  BindingMiss,
  Decision,
  Grant,
  PolicyRule,
  RbacModel,
  Request,
  Role,
  RoleRef,
  RuleMiss,
  Subject,
  SubjectKind,
  UserInfo,
} from './model';

/** The group the API server's privileged-groups authorizer allows everything, before RBAC is asked. */
export const SYSTEM_MASTERS = 'system:masters';
export const ALL_AUTHENTICATED = 'system:authenticated';
export const ALL_UNAUTHENTICATED = 'system:unauthenticated';
export const ANONYMOUS = 'system:anonymous';
export const SERVICE_ACCOUNT_USERNAME_PREFIX = 'system:serviceaccount:';
export const ALL_SERVICE_ACCOUNTS_GROUP = 'system:serviceaccounts';
export const SERVICE_ACCOUNT_GROUP_PREFIX = 'system:serviceaccounts:';

// ---- the index ---------------------------------------------------------------------------------------------------

/** A role and its effective rules (for an aggregated ClusterRole, the aggregated list; otherwise as written). */
export interface IndexedRole {
  role: Role;
  rules: readonly PolicyRule[];
}

/** A binding with its roleRef resolved once (GetRoleReferenceRules), or the error upstream would report. */
export interface IndexedBinding {
  binding: Binding;
  /** The role the roleRef names, or null when it does not exist. */
  role: Role | null;
  /** The role's effective rules; empty when the role is missing. */
  rules: readonly PolicyRule[];
  /** The lister's error message when the role is missing (e.g. `clusterrole.rbac.authorization.k8s.io "x" not found`). */
  error: string | null;
}

/** A binding (by its position in its sorted list) with one of its subjects. */
export interface BindingHit {
  entry: IndexedBinding;
  /** Position of the binding in its list (visiting order). */
  pos: number;
  subjectIndex: number;
}

/**
 * The subjects of one list of bindings, by what they match: a user name, a group, or a service account's full user
 * name (`system:serviceaccount:NS:NAME`, NS defaulted to a RoleBinding's own). Each hit list is in visiting order and
 * holds a binding once, with the first of its subjects under that key.
 */
export interface SubjectLookup {
  users: ReadonlyMap<string, readonly BindingHit[]>;
  groups: ReadonlyMap<string, readonly BindingHit[]>;
  serviceAccounts: ReadonlyMap<string, readonly BindingHit[]>;
}

/** Everything a request needs, computed once per model. */
export interface RbacIndex {
  model: RbacModel;
  aggregation: Aggregation;
  /** By roleKey(kind, namespace, name); ClusterRoles with namespace ''. */
  roles: ReadonlyMap<string, IndexedRole>;
  /** Every ClusterRoleBinding, sorted by name. */
  clusterRoleBindings: readonly IndexedBinding[];
  /** RoleBindings by namespace, each list sorted by name. */
  roleBindings: ReadonlyMap<string, readonly IndexedBinding[]>;
  /** The ClusterRoleBindings' subjects, so that a request visits only the bindings that reach its user. */
  clusterSubjects: SubjectLookup;
  /** Each namespace's RoleBindings' subjects. */
  namespaceSubjects: ReadonlyMap<string, SubjectLookup>;
}

/** The key of a role in RbacIndex.roles ('' namespace for ClusterRoles). Names and namespaces cannot hold '/'. */
export function roleKey(kind: Role['kind'], namespace: string, name: string): string {
  return `${kind}/${kind === 'ClusterRole' ? '' : namespace}/${name}`;
}

/** A role by kind, namespace (ignored for ClusterRoles) and name, with its effective rules; null when absent. */
export function findRole(index: RbacIndex, kind: Role['kind'], namespace: string, name: string): IndexedRole | null {
  return lookupRole(index.roles, kind, namespace, name);
}

function lookupRole(
  roles: ReadonlyMap<string, IndexedRole>,
  kind: Role['kind'],
  namespace: string,
  name: string,
): IndexedRole | null {
  // A Role is only ever got from a namespace's lister: with no namespace (a ClusterRoleBinding's) nothing is found.
  if (kind === 'Role' && namespace === '') return null;
  return roles.get(roleKey(kind, namespace, name)) ?? null;
}

/** The rules of a roleRef, or the error (pkg/registry/rbac/validation/rule.go, GetRoleReferenceRules; listers' NotFound). */
function resolveRoleRef(
  roles: ReadonlyMap<string, IndexedRole>,
  roleRef: RoleRef,
  bindingNamespace: string,
): { role: IndexedRole | null; error: string | null } {
  const kind: string = roleRef.kind;
  if (kind !== 'Role' && kind !== 'ClusterRole') {
    return { role: null, error: `unsupported role reference kind: ${goQuote(kind)}` };
  }
  const found = lookupRole(roles, roleRef.kind, bindingNamespace, roleRef.name);
  if (found !== null) return { role: found, error: null };
  // apierrors.NewNotFound(rbacv1.Resource("role"|"clusterrole"), name): `%s %q not found` with resource.group.
  const resource = kind === 'Role' ? 'role' : 'clusterrole';
  return { role: null, error: `${resource}.rbac.authorization.k8s.io ${goQuote(roleRef.name)} not found` };
}

/**
 * Indexes a model: aggregates ClusterRoles, resolves every binding's roleRef, and sorts ClusterRoleBindings and each
 * namespace's RoleBindings by name (upstream visits them in lister order, which is a Go map's: name order is the
 * deterministic stand-in, and only reasons and errors' order can depend on it, never `allowed`).
 */
export function indexRbac(model: RbacModel): RbacIndex {
  const aggregation = aggregateClusterRoles(model.roles);
  const roles = new Map<string, IndexedRole>();
  for (const role of model.roles) {
    const rules = role.kind === 'ClusterRole' ? (aggregation.rules.get(role.name) ?? role.rules) : role.rules;
    // Later duplicates win, as applying the input in order would (aggregation makes the same choice).
    roles.set(roleKey(role.kind, role.namespace, role.name), { role, rules });
  }
  const clusterRoleBindings: IndexedBinding[] = [];
  const roleBindings = new Map<string, IndexedBinding[]>();
  for (const binding of model.bindings) {
    const cluster = binding.kind === 'ClusterRoleBinding';
    const { role, error } = resolveRoleRef(roles, binding.roleRef, cluster ? '' : binding.namespace);
    const entry: IndexedBinding = { binding, role: role?.role ?? null, rules: role?.rules ?? [], error };
    if (cluster) clusterRoleBindings.push(entry);
    else {
      const list = roleBindings.get(binding.namespace);
      if (list) list.push(entry);
      else roleBindings.set(binding.namespace, [entry]);
    }
  }
  const byName = (a: IndexedBinding, b: IndexedBinding): number => compareGoStrings(a.binding.name, b.binding.name);
  clusterRoleBindings.sort(byName);
  const namespaceSubjects = new Map<string, SubjectLookup>();
  for (const [namespace, list] of roleBindings) {
    list.sort(byName);
    namespaceSubjects.set(namespace, lookupSubjects(list, namespace));
  }
  const clusterSubjects = lookupSubjects(clusterRoleBindings, '');
  return { model, aggregation, roles, clusterRoleBindings, roleBindings, clusterSubjects, namespaceSubjects };
}

/** Files every subject under the key appliesToUser would match it by (a ServiceAccount with no namespace at all: none). */
function lookupSubjects(entries: readonly IndexedBinding[], namespace: string): SubjectLookup {
  const users = new Map<string, BindingHit[]>();
  const groups = new Map<string, BindingHit[]>();
  const serviceAccounts = new Map<string, BindingHit[]>();
  entries.forEach((entry, pos) => {
    entry.binding.subjects.forEach((s, subjectIndex) => {
      let map: Map<string, BindingHit[]>;
      let key = s.name;
      if (s.kind === 'User') map = users;
      else if (s.kind === 'Group') map = groups;
      else if (s.kind === 'ServiceAccount') {
        const ns = s.namespace.length > 0 ? s.namespace : namespace;
        if (ns.length === 0) return;
        map = serviceAccounts;
        key = `${SERVICE_ACCOUNT_USERNAME_PREFIX}${ns}:${s.name}`;
      } else return;
      const hits = map.get(key);
      if (!hits) map.set(key, [{ entry, pos, subjectIndex }]);
      else if ((hits[hits.length - 1] as BindingHit).pos !== pos) hits.push({ entry, pos, subjectIndex });
    });
  });
  return { users, groups, serviceAccounts };
}

const NO_HITS: readonly BindingHit[] = [];

/**
 * The bindings of a list whose subjects apply to the user, each with its first applying subject, in visiting order:
 * what walking the list with appliesTo finds, found by looking the user's name and groups up instead.
 */
export function reachingIn(lookup: SubjectLookup | undefined, user: UserInfo): readonly BindingHit[] {
  if (lookup === undefined) return NO_HITS;
  let only = lookup.users.get(user.name);
  let parts: (readonly BindingHit[])[] | null = null;
  const sa = lookup.serviceAccounts.get(user.name);
  if (sa !== undefined) {
    if (only === undefined) only = sa;
    else parts = [only, sa];
  }
  for (const g of user.groups) {
    const hits = lookup.groups.get(g);
    if (hits === undefined) continue;
    if (only === undefined) only = hits;
    else if (parts === null) parts = [only, hits];
    else parts.push(hits);
  }
  if (parts === null) return only ?? NO_HITS;
  // Several keys hit: merge in visiting order, keeping per binding its first applying subject.
  const all = parts.flat().sort((a, b) => a.pos - b.pos || a.subjectIndex - b.subjectIndex);
  return all.filter((h, i) => i === 0 || (all[i - 1] as BindingHit).pos !== h.pos);
}

// ---- rule matching (pkg/apis/rbac/v1/evaluation_helpers.go) -------------------------------------------------------

type RuleFields = Pick<PolicyRule, 'verbs' | 'apiGroups' | 'resources' | 'resourceNames' | 'nonResourceURLs'>;

/** True when the rule names the verb or `*` (evaluation_helpers.go, VerbMatches). */
export function verbMatches(rule: Pick<PolicyRule, 'verbs'>, requestedVerb: string): boolean {
  for (const v of rule.verbs) if (v === '*' || v === requestedVerb) return true;
  return false;
}

/** True when the rule names the API group or `*` (evaluation_helpers.go, APIGroupMatches). */
export function apiGroupMatches(rule: Pick<PolicyRule, 'apiGroups'>, requestedGroup: string): boolean {
  for (const g of rule.apiGroups) if (g === '*' || g === requestedGroup) return true;
  return false;
}

/**
 * True when a rule resource is `*`, equals `resource[/subresource]`, or, for a request with a subresource, is a star,
 * a slash and that subresource, e.g. `*` + `/log` (evaluation_helpers.go, ResourceMatches).
 */
export function resourceMatches(
  rule: Pick<PolicyRule, 'resources'>,
  combinedRequestedResource: string,
  requestedSubresource: string,
): boolean {
  for (const r of rule.resources) {
    if (r === '*' || r === combinedRequestedResource) return true;
    if (requestedSubresource.length === 0) continue;
    if (r.length === requestedSubresource.length + 2 && r.startsWith('*/') && r.endsWith(requestedSubresource)) {
      return true;
    }
  }
  return false;
}

/** True when the rule has no resourceNames, or names the requested one (evaluation_helpers.go, ResourceNameMatches). */
export function resourceNameMatches(rule: Pick<PolicyRule, 'resourceNames'>, requestedName: string): boolean {
  if (rule.resourceNames.length === 0) return true;
  for (const n of rule.resourceNames) if (n === requestedName) return true;
  return false;
}

/**
 * True when a rule URL is `*`, equals the path, or ends in `*` and the path starts with it minus all its trailing
 * stars (strings.TrimRight) (evaluation_helpers.go, NonResourceURLMatches).
 */
export function nonResourceURLMatches(rule: Pick<PolicyRule, 'nonResourceURLs'>, requestedURL: string): boolean {
  for (const u of rule.nonResourceURLs) {
    if (u === '*' || u === requestedURL) return true;
    if (u.endsWith('*')) {
      let k = u.length - 1;
      while (k > 0 && u.charCodeAt(k - 1) === 42) k--;
      if (hasPrefix(requestedURL, u, k)) return true;
    }
  }
  return false;
}

/** requestedURL starts with the first k code units of u, without slicing. */
function hasPrefix(s: string, u: string, k: number): boolean {
  if (s.length < k) return false;
  for (let i = 0; i < k; i++) if (s.charCodeAt(i) !== u.charCodeAt(i)) return false;
  return true;
}

function combinedResource(request: Extract<Request, { kind: 'resource' }>): string {
  return request.subresource.length > 0 ? `${request.resource}/${request.subresource}` : request.resource;
}

function allowsPrepared(rule: RuleFields, request: Request, combined: string): boolean {
  if (request.kind === 'resource') {
    return (
      verbMatches(rule, request.verb) &&
      apiGroupMatches(rule, request.apiGroup) &&
      resourceMatches(rule, combined, request.subresource) &&
      resourceNameMatches(rule, request.name)
    );
  }
  return verbMatches(rule, request.verb) && nonResourceURLMatches(rule, request.path);
}

/** True when the rule grants the request (plugin/pkg/auth/authorizer/rbac/rbac.go, RuleAllows). */
export function ruleAllows(request: Request, rule: RuleFields): boolean {
  return allowsPrepared(rule, request, request.kind === 'resource' ? combinedResource(request) : '');
}

/**
 * The first field, in RuleAllows' order, that keeps the rule from granting the request, or null when it grants it.
 * A rule that only has nonResourceURLs meeting a resource request (or only resources meeting a non-resource request)
 * misses on 'kind'.
 */
export function firstMiss(request: Request, rule: RuleFields): RuleMiss | null {
  if (request.kind === 'resource') {
    if (rule.resources.length === 0 && rule.nonResourceURLs.length > 0) return 'kind';
    if (!verbMatches(rule, request.verb)) return 'verb';
    if (!apiGroupMatches(rule, request.apiGroup)) return 'apiGroup';
    if (!resourceMatches(rule, combinedResource(request), request.subresource)) return 'resource';
    if (!resourceNameMatches(rule, request.name)) return 'resourceName';
    return null;
  }
  if (rule.nonResourceURLs.length === 0 && rule.resources.length > 0) return 'kind';
  if (!verbMatches(rule, request.verb)) return 'verb';
  if (!nonResourceURLMatches(rule, request.path)) return 'nonResourceURL';
  return null;
}

// ---- subjects and reasons (pkg/registry/rbac/validation/rule.go) ------------------------------------------------

/** username === `system:serviceaccount:NS:NAME`, compared without building it (serviceaccount/util.go, MatchesUsername). */
export function matchesServiceAccountUsername(namespace: string, name: string, username: string): boolean {
  const p = SERVICE_ACCOUNT_USERNAME_PREFIX.length;
  if (!username.startsWith(SERVICE_ACCOUNT_USERNAME_PREFIX) || !username.startsWith(namespace, p)) return false;
  const sep = p + namespace.length;
  return username.charCodeAt(sep) === 58 && username.length - sep - 1 === name.length && username.startsWith(name, sep + 1);
}

/**
 * True when the binding subject is the user: User by name, Group by membership, ServiceAccount by its username with
 * the subject's namespace or else the one given (the RoleBinding's; '' for ClusterRoleBindings, matching nobody)
 * (rule.go, appliesToUser).
 */
export function appliesToUser(user: UserInfo, subject: Pick<Subject, 'kind' | 'name' | 'namespace'>, namespace: string): boolean {
  switch (subject.kind) {
    case 'User':
      return user.name === subject.name;
    case 'Group':
      return user.groups.includes(subject.name);
    case 'ServiceAccount': {
      const saNamespace = subject.namespace.length > 0 ? subject.namespace : namespace;
      if (saNamespace.length === 0) return false;
      return matchesServiceAccountUsername(saNamespace, subject.name, user.name);
    }
    default:
      return false;
  }
}

/** The index of the first subject that applies to the user, or -1 (rule.go, appliesTo). */
export function appliesTo(user: UserInfo, subjects: readonly Subject[], namespace: string): number {
  for (let i = 0; i < subjects.length; i++) if (appliesToUser(user, subjects[i] as Subject, namespace)) return i;
  return -1;
}

/** `User "alice"`, `Group "g"`, `ServiceAccount "sa/ns"` (rule.go, describeSubject). */
export function describeSubject(subject: Pick<Subject, 'kind' | 'name' | 'namespace'>, bindingNamespace: string): string {
  if (subject.kind === 'ServiceAccount') {
    const ns = subject.namespace.length > 0 ? subject.namespace : bindingNamespace;
    return `${subject.kind} ${goQuote(`${subject.name}/${ns}`)}`;
  }
  return `${subject.kind} ${goQuote(subject.name)}`;
}

/**
 * `ClusterRoleBinding "b" of ClusterRole "r" to User "u"` / `RoleBinding "b/ns" of Role "r" to ...`
 * (rule.go, clusterRoleBindingDescriber.String and roleBindingDescriber.String).
 */
export function describeBinding(binding: Binding, subject: Pick<Subject, 'kind' | 'name' | 'namespace'>): string {
  const ref = `${binding.roleRef.kind} ${goQuote(binding.roleRef.name)}`;
  if (binding.kind === 'ClusterRoleBinding') {
    return `ClusterRoleBinding ${goQuote(binding.name)} of ${ref} to ${describeSubject(subject, '')}`;
  }
  return `RoleBinding ${goQuote(`${binding.name}/${binding.namespace}`)} of ${ref} to ${describeSubject(subject, binding.namespace)}`;
}

/**
 * An errors aggregate's Error(): one error as itself, several deduplicated in order inside `[a, b]`
 * (staging/src/k8s.io/apimachinery/pkg/util/errors/errors.go, aggregate.Error).
 */
export function formatErrorAggregate(messages: readonly string[]): string {
  if (messages.length === 0) return '';
  if (messages.length === 1) return messages[0] as string;
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const m of messages) {
    if (seen.has(m)) continue;
    seen.add(m);
    unique.push(m);
  }
  return unique.length === 1 ? (unique[0] as string) : `[${unique.join(', ')}]`;
}

/** Go's `%q` of a string (strconv.Quote): escapes `"`, `\`, control and non-printable characters. */
export function goQuote(s: string): string {
  if (/^[\x20-\x7e]*$/.test(s) && !/["\\]/.test(s)) return `"${s}"`;
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (cp >= 0x20 && cp < 0x7f) out += ch;
    else if (cp < 0x80) out += GO_CONTROL_ESCAPES[cp] ?? `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd'; // a lone surrogate has no UTF-8 form: Go would see U+FFFD
    else if (PRINTABLE.test(ch)) out += ch;
    else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

const GO_CONTROL_ESCAPES: Readonly<Record<number, string>> = {
  7: '\\a',
  8: '\\b',
  9: '\\t',
  10: '\\n',
  11: '\\v',
  12: '\\f',
  13: '\\r',
};
// unicode.IsPrint: letters, marks, numbers, punctuation, symbols (and ASCII space, handled above).
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

// ---- the authorizer ---------------------------------------------------------------------------------------------

const PRIVILEGED: Decision = { allowed: true, by: 'privileged-group', grant: null, misses: [], reason: '' };

/**
 * Decides a request as the API server does: system:masters first (the privileged-groups authorizer), then RBAC
 * visiting ClusterRoleBindings, then (namespace != '') that namespace's RoleBindings, allowing on the first rule that
 * matches; a denial's reason holds the errors of bindings to missing roles, and its misses (computed when first read)
 * every binding that reached the user (plugin/pkg/auth/authorizer/rbac/rbac.go, Authorize; rule.go, VisitRulesFor).
 */
export function authorize(index: RbacIndex, user: UserInfo, request: Request): Decision {
  if (user.groups.includes(SYSTEM_MASTERS)) return PRIVILEGED;
  const namespace = request.kind === 'resource' ? request.namespace : '';
  const combined = request.kind === 'resource' ? combinedResource(request) : '';
  let errors: string[] | null = null;
  // The bindings that do not reach the user are skipped without a look, as appliesTo would skip them.
  for (let pass = 0; pass < 2; pass++) {
    if (pass === 1 && namespace.length === 0) break;
    const hits = reachingIn(pass === 0 ? index.clusterSubjects : index.namespaceSubjects.get(namespace), user);
    for (const { entry, subjectIndex } of hits) {
      if (entry.error !== null) (errors ??= []).push(entry.error);
      const ruleIndex = firstAllowing(entry.rules, request, combined);
      if (ruleIndex >= 0) return allowed(entry, subjectIndex, ruleIndex);
    }
  }
  return denied(index, user, request, errors === null ? '' : `RBAC: ${formatErrorAggregate(errors)}`);
}

/** A denial whose misses are worked out when first read: bulk callers that only look at `allowed` never pay for them. */
function denied(index: RbacIndex, user: UserInfo, request: Request, reason: string): Decision {
  let misses: readonly BindingMiss[] | null = null;
  return {
    allowed: false,
    by: null,
    grant: null,
    get misses(): readonly BindingMiss[] {
      return (misses ??= missesFor(index, user, request));
    },
    reason,
  };
}

const NONE: readonly IndexedBinding[] = [];

function firstAllowing(rules: readonly PolicyRule[], request: Request, combined: string): number {
  for (let i = 0; i < rules.length; i++) if (allowsPrepared(rules[i] as PolicyRule, request, combined)) return i;
  return -1;
}

function allowed(entry: IndexedBinding, subjectIndex: number, ruleIndex: number): Decision {
  const subject = entry.binding.subjects[subjectIndex] as Subject;
  const rule = entry.rules[ruleIndex] as PolicyRule;
  const grant: Grant = { binding: entry.binding, subjectIndex, role: entry.role as Role, ruleIndex, rule };
  return { allowed: true, by: 'rule', grant, misses: [], reason: `RBAC: allowed by ${describeBinding(entry.binding, subject)}` };
}

/**
 * The bindings that reach the user in a namespace ('' = cluster-wide), in visiting order: the ClusterRoleBindings,
 * then that namespace's RoleBindings (the lists VisitRulesFor walks, filtered by appliesTo).
 */
export function reachingBindings(index: RbacIndex, user: UserInfo, namespace: string): readonly BindingHit[] {
  const cluster = reachingIn(index.clusterSubjects, user);
  if (namespace.length === 0) return cluster;
  const local = reachingIn(index.namespaceSubjects.get(namespace), user);
  return local.length === 0 ? cluster : [...cluster, ...local];
}

function missesFor(index: RbacIndex, user: UserInfo, request: Request): BindingMiss[] {
  const namespace = request.kind === 'resource' ? request.namespace : '';
  return reachingBindings(index, user, namespace).map(({ entry, subjectIndex }) => ({
    binding: entry.binding,
    subjectIndex,
    role: entry.role,
    rules: entry.rules.map((rule, ruleIndex) => ({ ruleIndex, miss: firstMiss(request, rule) ?? 'kind', rule })),
  }));
}

/**
 * Every rule that applies to the user in the namespace, in visiting order: what a SelfSubjectRulesReview is built
 * from (rule.go, DefaultRuleResolver.RulesFor). system:masters is not special here; missing roles add nothing.
 */
export function rulesFor(index: RbacIndex, user: UserInfo, namespace: string): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const { entry } of reachingBindings(index, user, namespace)) out.push(...entry.rules);
  return out;
}

// ---- impersonation (staging/src/k8s.io/apiserver/pkg/endpoints/filters/impersonation.go) -------------------------

/**
 * Splits `system:serviceaccount:NS:NAME` into its parts when NS is a DNS label and NAME a DNS subdomain, else null
 * (staging/src/k8s.io/apiserver/pkg/authentication/serviceaccount/util.go, SplitUsername).
 */
export function splitServiceAccountUsername(username: string): { namespace: string; name: string } | null {
  if (!username.startsWith(SERVICE_ACCOUNT_USERNAME_PREFIX)) return null;
  const parts = username.slice(SERVICE_ACCOUNT_USERNAME_PREFIX.length).split(':');
  if (parts.length !== 2) return null;
  const [namespace = '', name = ''] = parts;
  if (checkDnsLabel(namespace) !== null || checkDnsSubdomain(name) !== null) return null;
  return { namespace, name };
}

/**
 * The user `--as NAME --as-group G...` makes (impersonation.go, WithImpersonation): a service account named with no
 * groups gets system:serviceaccounts and system:serviceaccounts:NS; then system:authenticated is appended unless a
 * group already is system:authenticated or system:unauthenticated, and system:anonymous gets system:unauthenticated
 * (unless present) instead.
 */
export function userFor(name: string, groups: readonly string[]): UserInfo {
  let out = [...groups];
  const sa = splitServiceAccountUsername(name);
  if (sa !== null && groups.length === 0) out = [ALL_SERVICE_ACCOUNTS_GROUP, SERVICE_ACCOUNT_GROUP_PREFIX + sa.namespace];
  if (name !== ANONYMOUS) {
    if (!out.some((g) => g === ALL_AUTHENTICATED || g === ALL_UNAUTHENTICATED)) out.push(ALL_AUTHENTICATED);
  } else if (!out.includes(ALL_UNAUTHENTICATED)) out.push(ALL_UNAUTHENTICATED);
  return { name, groups: out };
}

// ---- who can ------------------------------------------------------------------------------------------------------

/** A subject some binding grants a request, and through which binding, role and rule. */
export interface WhoCanEntry {
  kind: SubjectKind;
  /** ServiceAccount: the subject's namespace, or the RoleBinding's when left out; others: as written (usually ''). */
  namespace: string;
  name: string;
  binding: Binding;
  subjectIndex: number;
  role: Role;
  /** The first rule of the role's effective rules that grants the request. */
  ruleIndex: number;
  rule: PolicyRule;
}

/**
 * Who can make the request, as kubectl-who-can lists it: every subject, as written, of every binding whose role
 * grants it, ClusterRoleBindings first, then (namespace != '') that namespace's RoleBindings, each by name. Groups are
 * not expanded; a ClusterRoleBinding's ServiceAccount subject without a namespace matches nobody and is left out.
 */
export function whoCan(index: RbacIndex, request: Request): WhoCanEntry[] {
  const namespace = request.kind === 'resource' ? request.namespace : '';
  const combined = request.kind === 'resource' ? combinedResource(request) : '';
  const out: WhoCanEntry[] = [];
  const visit = (entry: IndexedBinding): void => {
    const ruleIndex = firstAllowing(entry.rules, request, combined);
    if (ruleIndex < 0 || entry.role === null) return;
    const { binding } = entry;
    binding.subjects.forEach((s, subjectIndex) => {
      let ns = s.namespace;
      if (s.kind === 'ServiceAccount' && ns === '') {
        if (binding.kind === 'ClusterRoleBinding') return;
        ns = binding.namespace;
      }
      const rule = entry.rules[ruleIndex] as PolicyRule;
      out.push({ kind: s.kind, namespace: ns, name: s.name, binding, subjectIndex, role: entry.role as Role, ruleIndex, rule });
    });
  };
  index.clusterRoleBindings.forEach(visit);
  if (namespace.length > 0) (index.roleBindings.get(namespace) ?? NONE).forEach(visit);
  return out;
}

// ---- kubectl auth can-i --list (staging/src/k8s.io/kubectl/pkg/cmd/auth/cani.go) ----------------------------------

interface FlatRule {
  verbs: string[];
  apiGroups: readonly string[];
  resources: readonly string[];
  resourceNames: readonly string[];
  nonResourceURLs: readonly string[];
}

/** Go's `%v` of a []string: `[a b c]`, `[]` when empty. */
function goList(list: readonly string[]): string {
  return `[${list.join(' ')}]`;
}

/** The generated rbacv1.PolicyRule String(), which SortableRuleSlice compares (verbs first). */
function policyRuleString(r: FlatRule): string {
  return (
    `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},Resources:${goList(r.resources)},` +
    `ResourceNames:${goList(r.resourceNames)},NonResourceURLs:${goList(r.nonResourceURLs)},}`
  );
}

/** One rule per group × resource × verb (× resourceName), then per URL × verb (kubectl/pkg/util/rbac/rbac.go, BreakdownRule). */
function breakdownRule(rule: FlatRule): FlatRule[] {
  const out: FlatRule[] = [];
  for (const group of rule.apiGroups) {
    for (const resource of rule.resources) {
      for (const verb of rule.verbs) {
        if (rule.resourceNames.length > 0) {
          for (const name of rule.resourceNames) {
            out.push({ verbs: [verb], apiGroups: [group], resources: [resource], resourceNames: [name], nonResourceURLs: [] });
          }
        } else out.push({ verbs: [verb], apiGroups: [group], resources: [resource], resourceNames: [], nonResourceURLs: [] });
      }
    }
  }
  for (const url of rule.nonResourceURLs) {
    for (const verb of rule.verbs) out.push({ verbs: [verb], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [url] });
  }
  return out;
}

/** Merges the verbs of rules with one group, one resource and at most one name (rbac.go, CompactRules). */
function compactRules(rules: readonly FlatRule[]): FlatRule[] {
  const compacted: FlatRule[] = [];
  // Upstream appends the merged rules in Go map order (random); insertion order is the deterministic stand-in, and
  // the stable sort by String() that follows leaves only rules with equal strings in this order.
  const simple = new Map<string, FlatRule>();
  for (const rule of rules) {
    const isSimple =
      rule.resourceNames.length <= 1 &&
      rule.nonResourceURLs.length === 0 &&
      rule.apiGroups.length === 1 &&
      rule.resources.length === 1;
    if (!isSimple) {
      compacted.push(rule);
      continue;
    }
    const key = JSON.stringify([rule.apiGroups[0], rule.resources[0], rule.resourceNames.length > 0, rule.resourceNames[0] ?? '']);
    const existing = simple.get(key);
    // CompactRules (kubectl/pkg/util/rbac/rbac.go) appends only the verbs the row does not have yet.
    if (existing) {
      for (const verb of rule.verbs) if (!existing.verbs.includes(verb)) existing.verbs.push(verb);
    } else simple.set(key, { ...rule, verbs: [...rule.verbs] });
  }
  for (const rule of simple.values()) compacted.push(rule);
  return compacted;
}

/** `pods`, `deployments.apps`, `*.*`, `pods.x/log` (kubectl/pkg/describe/describe.go, CombineResourceGroup). */
function combineResourceGroup(resources: readonly string[], groups: readonly string[]): string {
  const first = resources[0];
  if (first === undefined) return '';
  const slash = first.indexOf('/');
  let combine = slash < 0 ? first : first.slice(0, slash);
  const group = groups[0];
  if (group !== undefined && group !== '') combine += `.${group}`;
  if (slash >= 0) combine += `/${first.slice(slash + 1)}`;
  return combine;
}

/**
 * Prints rules as `kubectl auth can-i --list` does (cani.go, printStatus): the review's resource rules then its
 * non-resource rules, broken down, compacted, stably sorted by their Go String(), and aligned by kubectl's tabwriter
 * (min width 6, padding 3). Pass what rulesFor returns.
 */
export function formatRulesTable(rules: readonly PolicyRule[], options: { noHeaders?: boolean } = {}): string {
  // RBACAuthorizer.RulesFor keeps a rule as a resource rule when it has resources and as a non-resource rule when it
  // has URLs; convertToPolicyRule lists the resource rules first.
  const converted: FlatRule[] = [];
  for (const r of rules) {
    if (r.resources.length > 0) {
      converted.push({ verbs: [...r.verbs], apiGroups: r.apiGroups, resources: r.resources, resourceNames: r.resourceNames, nonResourceURLs: [] });
    }
  }
  for (const r of rules) {
    if (r.nonResourceURLs.length > 0) {
      converted.push({ verbs: [...r.verbs], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: r.nonResourceURLs });
    }
  }
  const keyed = compactRules(converted.flatMap(breakdownRule)).map((rule) => ({ rule, key: policyRuleString(rule) }));
  keyed.sort((a, b) => compareGoStrings(a.key, b.key)); // Array.prototype.sort is stable, as sort.Stable
  let text = options.noHeaders ? '' : 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n';
  for (const { rule: r } of keyed) {
    text += `${combineResourceGroup(r.resources, r.apiGroups)}\t${goList(r.nonResourceURLs)}\t${goList(r.resourceNames)}\t${goList(r.verbs)}\n`;
  }
  return tabwrite(text, 6, 3);
}

interface TabCell {
  text: string;
  width: number;
}

/**
 * Go's text/tabwriter with a space pad char and no flags: cells end at '\t' or '\v', lines at '\n' or '\f'; a column
 * block's width is its widest cell plus padding (at least minwidth); a line's last cell is not aligned; a line of one
 * cell (or '\f') ends the batch (text/tabwriter/tabwriter.go, Write, format, writeLines).
 */
export function tabwrite(text: string, minwidth: number, padding: number): string {
  let out = '';
  let lines: TabCell[][] = [[]];
  let cell = '';
  let width = 0;
  const terminateCell = (): number => {
    const line = lines[lines.length - 1] as TabCell[];
    line.push({ text: cell, width });
    cell = '';
    width = 0;
    return line.length;
  };
  const flush = (): void => {
    if (cell.length > 0) terminateCell();
    out += formatBlock(lines, [], 0, lines.length, minwidth, padding);
    lines = [[]];
  };
  for (const ch of text) {
    if (ch === '\t' || ch === '\v' || ch === '\n' || ch === '\f') {
      const ncells = terminateCell();
      if (ch === '\n' || ch === '\f') {
        lines.push([]);
        if (ch === '\f' || ncells === 1) flush();
      }
    } else {
      cell += ch;
      width++; // utf8.RuneCount: one per code point
    }
  }
  flush();
  return out;
}

function formatBlock(lines: TabCell[][], widths: number[], line0: number, line1: number, minwidth: number, padding: number): string {
  let out = '';
  const column = widths.length;
  let start = line0;
  for (let th = line0; th < line1; th++) {
    if (column >= (lines[th] as TabCell[]).length - 1) continue;
    // A cell exists in this column: the lines before it are printed, then the block of lines that have the column.
    out += writeLines(lines, widths, start, th);
    start = th;
    let width = minwidth;
    for (; th < line1; th++) {
      const line = lines[th] as TabCell[];
      if (column >= line.length - 1) break;
      width = Math.max(width, (line[column] as TabCell).width + padding);
    }
    widths.push(width);
    out += formatBlock(lines, widths, start, th, minwidth, padding);
    widths.pop();
    start = th;
  }
  return out + writeLines(lines, widths, start, line1);
}

function writeLines(lines: TabCell[][], widths: readonly number[], line0: number, line1: number): string {
  let out = '';
  for (let i = line0; i < line1; i++) {
    const line = lines[i] as TabCell[];
    line.forEach((c, j) => {
      out += c.text;
      const w = widths[j];
      if (w !== undefined) out += ' '.repeat(w - c.width);
    });
    if (i + 1 < lines.length) out += '\n';
  }
  return out;
}
