// Tests of the RBAC risk finder: one positive and one negative case per risk id, `*` matching, scope (a Role or a
// RoleBinding never reaches cluster-scoped resources), aggregated defaults, builtIn marking and risksForSubject.
import { describe, expect, it } from 'vitest';
import { indexRbac, userFor } from './authorize';
import { defaultBindings, defaultRoles } from './defaults';
import { RBAC_GROUP } from './model';
import type { Binding, PolicyRule, RbacModel, Role } from './model';
import { clusterRole, crb, model, rb, role, rule, subject } from './test-builders';
import { RISK_IDS, findRisks, risksForSubject, type Risk, type RiskId } from './risks';

// ---- builders ----------------------------------------------------------------------------------------------------

const res = (verbs: string[], apiGroups: string[], resources: string[], resourceNames: string[] = []): PolicyRule =>
  rule({ verbs, apiGroups, resources, resourceNames });
const withDefaults = (roles: readonly Role[] = [], bindings: readonly Binding[] = []): RbacModel =>
  model([...defaultRoles(), ...roles], [...defaultBindings(), ...bindings]);

const risks = (m: RbacModel): Risk[] => findRisks(indexRbac(m));
/** The risk ids found on one learner ClusterRole `r` holding the single rule given. */
const idsOf = (p: PolicyRule, kind: 'ClusterRole' | 'Role' = 'ClusterRole'): RiskId[] =>
  risks(model([kind === 'ClusterRole' ? clusterRole('r', [p]) : role('a', 'r', [p])])).map((r) => r.id);
const ofRole = (list: readonly Risk[], name: string): Risk[] => list.filter((r) => r.role.name === name);

const alice = subject('User', 'alice');

// ---- one positive and one negative case per risk id ----------------------------------------------------------------

describe('findRisks, per risk id', () => {
  const cases: { id: RiskId; yes: PolicyRule; no: PolicyRule }[] = [
    { id: 'wildcard', yes: res(['*'], [''], ['pods']), no: res(['get', 'list'], [''], ['pods']) },
    { id: 'read-secrets', yes: res(['list'], [''], ['secrets']), no: res(['get', 'list', 'watch'], [''], ['configmaps']) },
    { id: 'pods-exec', yes: res(['create'], [''], ['pods/exec']), no: res(['get', 'create'], [''], ['pods/log', 'pods/attach']) },
    { id: 'create-pods', yes: res(['create'], [''], ['pods']), no: res(['update', 'patch', 'delete'], [''], ['pods']) },
    { id: 'create-persistentvolumes', yes: res(['create'], [''], ['persistentvolumes']), no: res(['create'], [''], ['persistentvolumeclaims']) },
    { id: 'bind', yes: res(['bind'], [RBAC_GROUP], ['clusterroles']), no: res(['create', 'update'], [RBAC_GROUP], ['rolebindings', 'clusterroles']) },
    { id: 'escalate', yes: res(['escalate'], [RBAC_GROUP], ['roles']), no: res(['update', 'patch'], [RBAC_GROUP], ['roles']) },
    { id: 'impersonate', yes: res(['impersonate'], [''], ['users']), no: res(['get', 'list'], [''], ['users', 'serviceaccounts']) },
    { id: 'nodes-proxy', yes: res(['get'], [''], ['nodes/proxy']), no: res(['get', 'list'], [''], ['nodes', 'nodes/status']) },
    { id: 'token-request', yes: res(['create'], [''], ['serviceaccounts/token']), no: res(['create'], [''], ['serviceaccounts']) },
    {
      id: 'webhooks',
      yes: res(['patch'], ['admissionregistration.k8s.io'], ['validatingwebhookconfigurations']),
      no: res(['get', 'list', 'watch'], ['admissionregistration.k8s.io'], ['mutatingwebhookconfigurations']),
    },
  ];

  for (const { id, yes, no } of cases) {
    it(`${id}: flagged`, () => {
      expect(idsOf(yes)).toContain(id);
    });
    it(`${id}: not flagged`, () => {
      expect(idsOf(no)).toEqual([]);
    });
  }

  it('cluster-admin-sa: the default cluster-admin bound to a ServiceAccount', () => {
    const found = risks(withDefaults([], [crb('ci', 'cluster-admin', [alice, subject('ServiceAccount', 'deployer', 'ci')])]));
    const hit = found.filter((r) => r.id === 'cluster-admin-sa');
    expect(hit).toHaveLength(1);
    expect(hit[0]?.role).toEqual({ kind: 'ClusterRole', namespace: '', name: 'cluster-admin' });
    expect(hit[0]?.builtIn).toBe(false);
    // Only the ServiceAccount subject is the finding; alice is an admin by design.
    expect(hit[0]?.grants.map((g) => g.subjects.map((s) => s.index))).toEqual([[1]]);
  });

  it('cluster-admin-sa: cluster-admin bound to a user is not a finding, and cluster-admin itself is not either', () => {
    const found = risks(withDefaults([], [crb('root', 'cluster-admin', [alice, subject('Group', 'ops')])]));
    expect(ofRole(found, 'cluster-admin')).toEqual([]);
  });

  it('cluster-admin-sa: any `*` on `*` role, through a RoleBinding, and to every ServiceAccount of a namespace', () => {
    const all = clusterRole('god', [res(['*'], ['*'], ['*'])]);
    const found = risks(model([all], [rb('a', 'sas', 'ClusterRole', 'god', [subject('Group', 'system:serviceaccounts:a')])]));
    const hit = found.find((r) => r.id === 'cluster-admin-sa');
    expect(hit?.grants).toEqual([expect.objectContaining({ namespace: 'a' })]);
    expect(found.find((r) => r.id === 'wildcard')).toBeDefined();
  });

  it('gives each risk its own words in English and Japanese', () => {
    const whys = new Set<string>();
    for (const r of risks(model([clusterRole('r', [res(['*'], ['*'], ['*'])])], [crb('b', 'r', [subject('ServiceAccount', 's', 'a')])]))) {
      expect(r.why.en.length).toBeGreaterThan(40);
      expect(r.why.ja).toMatch(/[\u3040-\u30ff]/);
      whys.add(r.why.en);
    }
    expect(whys.size).toBe(RISK_IDS.length);
  });
});

// ---- matching as RBAC matches ------------------------------------------------------------------------------------

describe('findRisks, matching', () => {
  it('a rule of `*` on `*` carries every rule risk', () => {
    const ids = idsOf(res(['*'], ['*'], ['*']));
    expect(new Set(ids)).toEqual(new Set(RISK_IDS.filter((id) => id !== 'cluster-admin-sa')));
  });

  it('counts `*` in verbs, apiGroups and resources, and `*` + `/exec`', () => {
    expect(idsOf(res(['get'], ['*'], ['secrets']))).toEqual(['wildcard', 'read-secrets']);
    expect(idsOf(res(['watch'], [''], ['*']))).toEqual(['wildcard', 'read-secrets']);
    expect(idsOf(res(['create'], [''], ['*/exec']))).toEqual(['pods-exec']);
    expect(idsOf(res(['*'], [RBAC_GROUP], ['roles']))).toEqual(['wildcard', 'bind', 'escalate']);
  });

  it('flags a `*` verb on non-resource URLs (granted cluster-wide only)', () => {
    const found = risks(model([clusterRole('r', [rule({ verbs: ['*'], nonResourceURLs: ['/metrics'] })])], [rb('a', 'x', 'ClusterRole', 'r', [alice])]));
    expect(found.map((r) => [r.id, r.resources, r.grants.length])).toEqual([['wildcard', ['/metrics'], 0]]);
  });

  it('matches the API group: deployments in the core group, or secrets in apps, are nothing', () => {
    expect(idsOf(res(['create'], [''], ['deployments']))).toEqual([]);
    expect(idsOf(res(['get'], ['apps'], ['secrets']))).toEqual([]);
    const found = risks(model([clusterRole('r', [res(['patch'], ['apps', 'batch'], ['daemonsets', 'cronjobs'])])]));
    expect(found.map((r) => [r.id, r.verbs, r.resources])).toEqual([['create-pods', ['patch'], ['daemonsets.apps', 'cronjobs.batch']]]);
  });

  it('pods/exec with get alone is flagged with its own why (WebSocket exec before v1.35)', () => {
    const [getOnly] = risks(model([clusterRole('r', [res(['get'], [''], ['pods/exec'])])]));
    const [create] = risks(model([clusterRole('r', [res(['create'], [''], ['pods/exec'])])]));
    expect(getOnly?.verbs).toEqual(['get']);
    expect(getOnly?.why.en).toContain('v1.35');
    expect(create?.why.en).not.toContain('v1.35');
  });

  it('resourceNames narrow a risk but cannot grant a top-level create', () => {
    const [bindView] = risks(model([clusterRole('r', [res(['bind'], [RBAC_GROUP], ['clusterroles'], ['view'])])]));
    expect(bindView?.id).toBe('bind');
    expect(bindView?.resourceNames).toEqual(['view']);
    expect(idsOf(res(['create'], [''], ['pods'], ['p']))).toEqual([]);
    expect(idsOf(res(['create'], [''], ['pods/exec'], ['p']))).toEqual(['pods-exec']);
  });

  it('a Role never reaches cluster-scoped resources: nodes/proxy, PersistentVolumes, webhooks, users', () => {
    expect(idsOf(res(['get'], [''], ['nodes/proxy']), 'Role')).toEqual([]);
    expect(idsOf(res(['create'], [''], ['persistentvolumes']), 'Role')).toEqual([]);
    expect(idsOf(res(['create'], ['admissionregistration.k8s.io'], ['validatingwebhookconfigurations']), 'Role')).toEqual([]);
    const found = risks(model([role('a', 'r', [res(['impersonate'], [''], ['users', 'serviceaccounts'])])]));
    expect(found.map((r) => [r.id, r.resources])).toEqual([['impersonate', ['serviceaccounts']]]);
  });

  it('a RoleBinding does not give a ClusterRole\'s cluster-scoped risks; a ClusterRoleBinding does', () => {
    const m = model(
      [clusterRole('r', [res(['get'], [''], ['nodes/proxy'])])],
      [rb('a', 'local', 'ClusterRole', 'r', [alice]), crb('global', 'r', [subject('User', 'bob')])],
    );
    const [hit] = risks(m);
    expect(hit?.grants.map((g) => g.binding.name)).toEqual(['global']);
  });
});

// ---- roles, bindings, defaults -----------------------------------------------------------------------------------

describe('findRisks, roles and bindings', () => {
  it('reports a Role in namespace a, bound in a, with that namespace', () => {
    const m = model(
      [role('a', 'reader', [res(['get'], [''], ['secrets'])])],
      [rb('a', 'readers', 'Role', 'reader', [alice]), rb('b', 'elsewhere', 'Role', 'reader', [subject('User', 'bob')])],
    );
    const found = risks(m);
    expect(found).toHaveLength(1);
    expect(found[0]?.role).toEqual({ kind: 'Role', namespace: 'a', name: 'reader' });
    expect(found[0]?.ruleIndex).toBe(0);
    // The RoleBinding in b names a Role "reader" of b, which does not exist: it gives nothing.
    expect(found[0]?.grants).toEqual([{ binding: m.bindings[0], subjects: [{ index: 0, subject: alice }], namespace: 'a' }]);
  });

  it('lists unbound roles with no grants', () => {
    const [hit] = risks(model([clusterRole('r', [res(['escalate'], [RBAC_GROUP], ['clusterroles'])])]));
    expect(hit?.grants).toEqual([]);
  });

  it('gives the rule index of the role\'s effective rules', () => {
    const found = risks(model([clusterRole('r', [res(['get'], [''], ['pods']), res(['get'], [''], ['configmaps']), res(['list'], [''], ['secrets'])])]));
    expect(found.map((r) => [r.id, r.ruleIndex])).toEqual([['read-secrets', 2]]);
  });

  it('flags admin and edit for secrets through aggregation, and not view', () => {
    const found = risks(withDefaults());
    for (const name of ['admin', 'edit', 'system:aggregate-to-edit']) {
      const secrets = ofRole(found, name).filter((r) => r.id === 'read-secrets');
      expect(secrets.length, name).toBeGreaterThan(0);
      expect(secrets[0]?.verbs).toEqual(['get', 'list', 'watch']);
    }
    expect(ofRole(found, 'edit').find((r) => r.id === 'read-secrets')?.aggregatedFrom).toBe('system:aggregate-to-edit');
    expect(ofRole(found, 'admin').find((r) => r.id === 'read-secrets')?.aggregatedFrom).toBe('edit');
    expect(ofRole(found, 'view')).toEqual([]);
  });

  it('follows a learner\'s role aggregated into view', () => {
    const extra = clusterRole('peek', [res(['get'], [''], ['secrets'])], { labels: { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' } });
    const found = risks(withDefaults([extra]));
    expect(ofRole(found, 'view').map((r) => [r.id, r.aggregatedFrom])).toEqual([['read-secrets', 'peek']]);
    expect(ofRole(found, 'peek').map((r) => r.id)).toEqual(['read-secrets']);
  });

  it('marks the default policy builtIn, and not once a learner binds a default role', () => {
    const defaults = risks(withDefaults());
    expect(defaults.length).toBeGreaterThan(0);
    expect(defaults.every((r) => r.builtIn)).toBe(true);
    expect(ofRole(defaults, 'cluster-admin')).toEqual([]);

    const bound = risks(withDefaults([], [rb('a', 'devs', 'ClusterRole', 'edit', [subject('ServiceAccount', 'ci')])]));
    expect(ofRole(bound, 'edit').every((r) => !r.builtIn && r.grants[0]?.namespace === 'a')).toBe(true);
    expect(ofRole(bound, 'admin').every((r) => r.builtIn)).toBe(true);
    const own = risks(model([clusterRole('r', [res(['get'], [''], ['secrets'])])]));
    expect(own[0]?.builtIn).toBe(false);
  });
});

// ---- risksForSubject ---------------------------------------------------------------------------------------------

describe('risksForSubject', () => {
  const m = withDefaults(
    [role('a', 'exec', [res(['create'], [''], ['pods/exec'])]), clusterRole('tokens', [res(['create'], [''], ['serviceaccounts/token'])])],
    [
      rb('a', 'exec', 'Role', 'exec', [alice, subject('Group', 'devs')]),
      crb('tokens', 'tokens', [subject('ServiceAccount', 'minter', 'ci')]),
      rb('b', 'edit', 'ClusterRole', 'edit', [subject('ServiceAccount', 'app')]),
    ],
  );
  const index = indexRbac(m);

  it('lists what reaches the user, with only the subjects that apply to it', () => {
    const found = risksForSubject(index, userFor('alice', []));
    expect(found.map((r) => [r.id, r.role.name])).toEqual([['pods-exec', 'exec']]);
    expect(found[0]?.grants[0]?.subjects).toEqual([{ index: 0, subject: alice }]);
    expect(risksForSubject(index, userFor('carol', ['devs'])).map((r) => r.id)).toEqual(['pods-exec']);
  });

  it('keeps to the namespace given (its RoleBindings and every ClusterRoleBinding)', () => {
    expect(risksForSubject(index, userFor('alice', []), 'a')).toHaveLength(1);
    expect(risksForSubject(index, userFor('alice', []), 'b')).toEqual([]);
    const minter = userFor('system:serviceaccount:ci:minter', []);
    expect(risksForSubject(index, minter, 'anywhere').map((r) => r.id)).toEqual(['token-request']);
  });

  it('resolves a RoleBinding\'s ServiceAccount subject in the binding\'s namespace, and is not builtIn', () => {
    const found = risksForSubject(index, userFor('system:serviceaccount:b:app', []));
    expect(new Set(found.map((r) => r.role.name))).toEqual(new Set(['edit']));
    expect(found.map((r) => r.id)).toContain('read-secrets');
    expect(found.every((r) => !r.builtIn)).toBe(true);
    expect(risksForSubject(index, userFor('system:serviceaccount:a:app', []))).toEqual([]);
  });

  it('finds nothing for a user no binding names', () => {
    expect(risksForSubject(index, userFor('nobody', []))).toEqual([]);
  });
});
