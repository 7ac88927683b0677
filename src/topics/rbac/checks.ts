// The RBAC topic's lesson checks: expected access as "default plus exceptions" over identities, verbs, resources,
// namespaces and names; and structural checks an examiner makes (no wildcards, a named binding exists, no
// ClusterRoleBinding for a subject, an object is gone).
import type { CheckKind, LessonFail, Localized } from '../../core/index';
import type { Decision, RbacModel, Request } from './model';
import { appliesTo, type RbacIndex } from './authorize';
import { resolveResource } from './api-resources';
import { parseIdentity, type Identity } from './identities';
import { describeDecision } from './explain';

export type AccessVerdict = 'allowed' | 'denied';

/** A resource as a check names it (`pods`, `pods/log`, `deployments.apps`), resolved as kubectl resolves it. */
export interface ResourceRef {
  text: string;
  group: string;
  resource: string;
  subresource: string;
  /** Cluster-scoped resources are asked without a namespace, as a real request for them is. */
  namespaced: boolean;
}

export interface AccessException {
  identities: readonly string[] | null;
  verbs: readonly string[] | null;
  resources: readonly string[] | null;
  namespaces: readonly string[] | null;
  names: readonly string[] | null;
  verdict: AccessVerdict;
}

/** Expected access: every identity x verb x resource x namespace x name cell, "default plus exceptions". */
export interface AccessCheck {
  identities: readonly string[];
  verbs: readonly string[];
  resources: readonly ResourceRef[];
  /** `*` asks across all namespaces (a request with no namespace, like `kubectl get pods -A`). */
  namespaces: readonly string[];
  /** '' asks for no particular name (list, create); others ask for that object. */
  names: readonly string[];
  default: AccessVerdict;
  except: readonly AccessException[];
}

/** Structural checks on what the learner wrote. */
export interface RbacStructureCheck {
  /** No Role or ClusterRole the learner wrote has `*` in verbs, apiGroups or resources. */
  noWildcards: boolean;
  /** These bindings exist (kind, name, namespace; optionally the role they grant). */
  bindings: readonly { kind: string; name: string; namespace: string; role: string | null }[];
  /** No ClusterRoleBinding the learner or the lesson wrote reaches these identities. */
  noClusterRoleBindingFor: readonly string[];
  /** These objects must not exist (`ClusterRoleBinding/ci-admin`, `RoleBinding/prod/x`). */
  absent: readonly string[];
  /** These objects must exist (`ServiceAccount/default/pod-sa`): a binding to an account nobody created is valid. */
  present: readonly string[];
}

export interface RbacResult {
  model: RbacModel;
  index: RbacIndex;
  /** authorize(), remembered per user and request. */
  decide(identity: Identity, request: Request): Decision;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A list of strings, or one string; reports anything else. */
function strings(v: unknown, at: string, fail: LessonFail, required = true): string[] | null {
  if (v === undefined) {
    if (required) fail(at, 'is required');
    return null;
  }
  const list = typeof v === 'string' ? [v] : v;
  if (!Array.isArray(list) || !list.every((x) => typeof x === 'string') || (required && list.length === 0)) {
    fail(at, 'must be a string or a list of strings');
    return null;
  }
  return list as string[];
}

function resourceRef(text: string, at: string, fail: LessonFail): ResourceRef {
  const [name = '', subresource = ''] = text.split('/', 2);
  const r = resolveResource(name);
  if (!r.known && name !== '*') fail(at, `"${name}" is not a resource this Kubernetes version serves`);
  return { text, group: r.group, resource: r.resource, subresource, namespaced: r.namespaced !== false };
}

function identities(v: unknown, at: string, fail: LessonFail, required: boolean): string[] | null {
  const list = strings(v, at, fail, required);
  for (const ref of list ?? []) {
    const parsed = parseIdentity(ref);
    if ('error' in parsed) fail(at, parsed.error);
  }
  return list;
}

const verdictOf = (v: unknown, at: string, fail: LessonFail): AccessVerdict => {
  if (v !== 'allowed' && v !== 'denied') fail(at, 'must be allowed or denied');
  return v as AccessVerdict;
};

/** The request one cell asks. */
export function cellRequest(verb: string, resource: ResourceRef, namespace: string, name: string): Request {
  return {
    kind: 'resource',
    verb,
    namespace: resource.namespaced && namespace !== '*' ? namespace : '',
    apiGroup: resource.group,
    resource: resource.resource,
    subresource: resource.subresource,
    name,
  };
}

/** The verdict an access check expects for one cell. */
export function expectedAccess(spec: AccessCheck, identity: string, verb: string, resource: ResourceRef, namespace: string, name: string): AccessVerdict {
  let verdict = spec.default;
  const has = (list: readonly string[] | null, value: string): boolean => list === null || list.includes(value);
  for (const x of spec.except) {
    if (has(x.identities, identity) && has(x.verbs, verb) && has(x.resources, resource.text) && has(x.namespaces, namespace) && has(x.names, name)) {
      verdict = x.verdict;
    }
  }
  return verdict;
}

/** Every cell of an access check, with the identity resolved against the model. */
export function* accessCells(spec: AccessCheck, model: RbacModel): Generator<{ identity: Identity; verb: string; resource: ResourceRef; namespace: string; name: string }> {
  for (const ref of spec.identities) {
    const identity = parseIdentity(ref, model);
    if ('error' in identity) continue;
    for (const verb of spec.verbs) {
      for (const resource of spec.resources) {
        // A cluster-scoped resource is asked once, without a namespace.
        const namespaces = resource.namespaced ? spec.namespaces : spec.namespaces.slice(0, 1);
        for (const namespace of namespaces) for (const name of spec.names) yield { identity, verb, resource, namespace, name };
      }
    }
  }
}

const SHOWN = 4;

function where(resource: ResourceRef, namespace: string, name: string): { en: string; ja: string } {
  const what = name ? `${resource.text} "${name}"` : resource.text;
  if (!resource.namespaced) return { en: `${what} (cluster-wide)`, ja: `${what}（クラスタ全体）` };
  if (namespace === '*') return { en: `${what} in every namespace`, ja: `すべての namespace の ${what}` };
  return { en: `${what} in namespace ${namespace}`, ja: `namespace ${namespace} の ${what}` };
}

export const accessCheck: CheckKind<AccessCheck, RbacModel, RbacResult> = {
  key: 'access',
  parse(value, path, fail) {
    if (!isObj(value)) {
      fail(path, 'must be a mapping');
      return null;
    }
    const known = ['identities', 'verbs', 'resources', 'namespaces', 'names', 'default', 'except'];
    for (const key of Object.keys(value)) if (!known.includes(key)) fail(`${path}.${key}`, `is not an access field (${known.join(', ')})`);
    const ids = identities(value.identities, `${path}.identities`, fail, true) ?? [];
    const verbs = strings(value.verbs, `${path}.verbs`, fail) ?? [];
    const resources = (strings(value.resources, `${path}.resources`, fail) ?? []).map((r) => resourceRef(r, `${path}.resources`, fail));
    const namespaces = strings(value.namespaces, `${path}.namespaces`, fail, false) ?? ['default'];
    const names = strings(value.names, `${path}.names`, fail, false) ?? [''];
    const except: AccessException[] = [];
    if (value.except !== undefined && !Array.isArray(value.except)) fail(`${path}.except`, 'must be a list');
    (Array.isArray(value.except) ? value.except : []).forEach((e: unknown, i: number) => {
      const at = `${path}.except[${i}]`;
      if (!isObj(e)) return fail(at, 'must be a mapping');
      for (const key of Object.keys(e)) if (![...known, 'verdict'].includes(key) || key === 'default' || key === 'except') fail(`${at}.${key}`, 'is not an exception field');
      const within = (key: 'identities' | 'verbs' | 'resources' | 'namespaces' | 'names', all: readonly string[]): string[] | null => {
        const list = key === 'identities' ? identities(e[key], `${at}.${key}`, fail, false) : strings(e[key], `${at}.${key}`, fail, false);
        for (const x of list ?? []) if (!all.includes(x)) fail(`${at}.${key}`, `"${x}" is not among the check's ${key}`);
        return list;
      };
      except.push({
        identities: within('identities', ids),
        verbs: within('verbs', verbs),
        resources: within('resources', resources.map((r) => r.text)),
        namespaces: within('namespaces', namespaces),
        names: within('names', names),
        verdict: verdictOf(e.verdict, `${at}.verdict`, fail),
      });
    });
    return { identities: ids, verbs, resources, namespaces, names, default: verdictOf(value.default, `${path}.default`, fail), except };
  },
  run(spec, { model, result }) {
    const wrong: Localized[] = [];
    for (const cell of accessCells(spec, model)) {
      const want = expectedAccess(spec, cell.identity.ref, cell.verb, cell.resource, cell.namespace, cell.name);
      const request = cellRequest(cell.verb, cell.resource, cell.namespace, cell.name);
      const decision = result.decide(cell.identity, request);
      if ((decision.allowed ? 'allowed' : 'denied') === want) continue;
      const w = where(cell.resource, cell.namespace, cell.name);
      // Too much access names what grants it; too little is said plainly (the graph and Why? show the near misses).
      const why = want === 'denied' ? describeDecision(decision, request) : { en: '', ja: '' };
      wrong.push(
        want === 'allowed'
          ? { en: `${cell.identity.ref} should be able to ${cell.verb} ${w.en}, but cannot.`, ja: `${cell.identity.ref} は ${w.ja} を ${cell.verb} できるべきですが、できません。` }
          : { en: `${cell.identity.ref} can ${cell.verb} ${w.en}, but should not. ${why.en}`, ja: `${cell.identity.ref} は ${w.ja} を ${cell.verb} できますが、できてはいけません。${why.ja}` },
      );
    }
    const problems = wrong.slice(0, SHOWN);
    if (wrong.length > SHOWN) {
      const more = wrong.length - SHOWN;
      problems.push({ en: `…and ${more} more request${more > 1 ? 's' : ''}.`, ja: `…ほか ${more} 件のリクエスト。` });
    }
    return problems;
  },
};

const BINDING_KINDS = ['RoleBinding', 'ClusterRoleBinding'];
const OBJECT = /^(Role|ClusterRole|RoleBinding|ClusterRoleBinding|ServiceAccount)\/(([^/]+)\/)?([^/]+)$/;

export const rbacStructureCheck: CheckKind<RbacStructureCheck, RbacModel, RbacResult> = {
  key: 'rbac',
  parse(value, path, fail) {
    if (!isObj(value)) {
      fail(path, 'must be a mapping');
      return null;
    }
    const known = ['noWildcards', 'bindings', 'noClusterRoleBindingFor', 'absent', 'present'];
    for (const key of Object.keys(value)) if (!known.includes(key)) fail(`${path}.${key}`, `is not an rbac check field (${known.join(', ')})`);
    if (value.noWildcards !== undefined && typeof value.noWildcards !== 'boolean') fail(`${path}.noWildcards`, 'must be true or false');
    const bindings: RbacStructureCheck['bindings'][number][] = [];
    (Array.isArray(value.bindings) ? value.bindings : []).forEach((b: unknown, i: number) => {
      const at = `${path}.bindings[${i}]`;
      if (!isObj(b) || typeof b.name !== 'string' || !BINDING_KINDS.includes(b.kind as string)) {
        return fail(at, 'must be {kind: RoleBinding|ClusterRoleBinding, name, namespace, role}');
      }
      if (b.kind === 'RoleBinding' && typeof b.namespace !== 'string') fail(`${at}.namespace`, 'is required for a RoleBinding');
      bindings.push({ kind: b.kind as string, name: b.name, namespace: b.kind === 'RoleBinding' ? String(b.namespace) : '', role: typeof b.role === 'string' ? b.role : null });
    });
    if (value.bindings !== undefined && !Array.isArray(value.bindings)) fail(`${path}.bindings`, 'must be a list');
    const absent = strings(value.absent, `${path}.absent`, fail, false) ?? [];
    for (const a of absent) if (!OBJECT.test(a)) fail(`${path}.absent`, `"${a}" must be KIND/NAME or KIND/NAMESPACE/NAME`);
    const present = strings(value.present, `${path}.present`, fail, false) ?? [];
    for (const a of present) if (!OBJECT.test(a)) fail(`${path}.present`, `"${a}" must be KIND/NAME or KIND/NAMESPACE/NAME`);
    return {
      noWildcards: value.noWildcards === true,
      bindings,
      noClusterRoleBindingFor: identities(value.noClusterRoleBindingFor, `${path}.noClusterRoleBindingFor`, fail, false) ?? [],
      absent,
      present,
    };
  },
  run(spec, { model, attemptFiles }) {
    const problems: Localized[] = [];
    if (spec.noWildcards) {
      for (const role of model.roles) {
        if (role.builtIn || !role.location || !attemptFiles.has(role.location.file)) continue;
        const id = role.namespace ? `${role.kind} ${role.namespace}/${role.name}` : `${role.kind} ${role.name}`;
        role.rules.forEach((rule, i) => {
          const fields = (['verbs', 'apiGroups', 'resources'] as const).filter((f) => rule[f].includes('*'));
          if (fields.length > 0) {
            const list = fields.join(', ');
            problems.push({ en: `${id} rule ${i + 1} uses "*" in ${list}; name exactly what is needed.`, ja: `${id} のルール ${i + 1} は ${list} に "*" を使っています。必要なものだけを明示しましょう。` });
          }
        });
      }
    }
    for (const b of spec.bindings) {
      const found = model.bindings.find((x) => x.kind === b.kind && x.name === b.name && x.namespace === b.namespace);
      const id = b.namespace ? `${b.kind} ${b.namespace}/${b.name}` : `${b.kind} ${b.name}`;
      if (!found) problems.push({ en: `There is no ${id}.`, ja: `${id} がありません。` });
      else if (b.role !== null && `${found.roleRef.kind}/${found.roleRef.name}` !== b.role && found.roleRef.name !== b.role) {
        problems.push({ en: `${id} grants ${found.roleRef.kind} ${found.roleRef.name}, not ${b.role}.`, ja: `${id} が付与しているのは ${found.roleRef.kind} ${found.roleRef.name} で、${b.role} ではありません。` });
      }
    }
    for (const ref of spec.noClusterRoleBindingFor) {
      const identity = parseIdentity(ref, model);
      if ('error' in identity) continue;
      for (const b of model.bindings) {
        if (b.kind !== 'ClusterRoleBinding' || b.builtIn) continue;
        if (appliesTo(identity.user, b.subjects, '') >= 0) {
          problems.push({ en: `ClusterRoleBinding ${b.name} reaches ${ref} in every namespace.`, ja: `ClusterRoleBinding ${b.name} が ${ref} にすべての namespace で権限を与えています。` });
        }
      }
    }
    const exists = (ref: string): boolean => {
      const m = OBJECT.exec(ref)!;
      const [kind, namespace, name] = [m[1]!, m[3] ?? '', m[4]!];
      const all = [...model.roles, ...model.bindings, ...model.serviceAccounts.map((s) => ({ ...s, kind: 'ServiceAccount' }))];
      return all.some((x) => x.kind === kind && x.name === name && x.namespace === namespace);
    };
    for (const a of spec.absent) {
      if (exists(a)) problems.push({ en: `${a.replace(/\//, ' ')} still exists.`, ja: `${a.replace(/\//, ' ')} がまだ残っています。` });
    }
    for (const a of spec.present) {
      if (!exists(a)) problems.push({ en: `There is no ${a.replace(/\//, ' ')}.`, ja: `${a.replace(/\//, ' ')} がありません。` });
    }
    return problems;
  },
};
