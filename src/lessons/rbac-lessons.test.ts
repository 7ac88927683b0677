// The RBAC lessons: each solution passes, and the answers a CKS examiner would reject fail with the checks that
// name the mistake (a ClusterRoleBinding where a RoleBinding was asked, `*` verbs, the decoy ServiceAccount, edit
// instead of view, resourceNames with list, a cluster-admin binding left in place, ...).
import { describe, expect, it } from 'vitest';
import { gradeAttempt } from './index';
import { expectPasses, failingChecks, lessonsOf } from './test-grading';
import { parseIdentity, type RbacResult } from '../topics/rbac/index';

const { lessons, lesson } = lessonsOf('rbac-');
const failing = (id: string, text: string): string[] => failingChecks(lesson(id), text);
const passes = (id: string, text: string): void => expectPasses(lesson(id), text);

// ---- small builders for the attempts ---------------------------------------------------------------------------

type Rule = { groups?: string[]; resources: string[]; verbs: string[]; names?: string[] };
type Subject = { kind: 'ServiceAccount' | 'User' | 'Group'; name: string; namespace?: string };

const list = (xs: readonly string[]): string => `[${xs.map((x) => JSON.stringify(x)).join(', ')}]`;
const rulesYaml = (rules: readonly Rule[]): string =>
  `rules:\n${rules
    .map(
      (r) =>
        `- apiGroups: ${list(r.groups ?? [''])}\n  resources: ${list(r.resources)}\n  verbs: ${list(r.verbs)}\n${r.names ? `  resourceNames: ${list(r.names)}\n` : ''}`,
    )
    .join('')}`;
const meta = (name: string, namespace?: string): string => `metadata:\n  name: ${name}\n${namespace !== undefined ? `  namespace: ${namespace}\n` : ''}`;
const subjectsYaml = (subjects: readonly Subject[]): string =>
  `subjects:\n${subjects
    .map((s) => `- kind: ${s.kind}\n  name: ${s.name}\n${s.namespace !== undefined ? `  namespace: ${s.namespace}\n` : ''}${s.kind === 'ServiceAccount' ? '' : '  apiGroup: rbac.authorization.k8s.io\n'}`)
    .join('')}`;
const roleRef = (kind: 'Role' | 'ClusterRole', name: string): string => `roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ${kind}\n  name: ${name}\n`;

const sa = (namespace: string, name: string): string => `apiVersion: v1\nkind: ServiceAccount\n${meta(name, namespace)}`;
/** A Role; namespace undefined leaves metadata.namespace out (it lands in default). */
const role = (namespace: string | undefined, name: string, rules: readonly Rule[]): string =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\n${meta(name, namespace)}${rulesYaml(rules)}`;
const clusterRole = (name: string, rules: readonly Rule[]): string => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\n${meta(name)}${rulesYaml(rules)}`;
const roleBinding = (namespace: string | undefined, name: string, ref: [kind: 'Role' | 'ClusterRole', name: string], subjects: readonly Subject[]): string =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\n${meta(name, namespace)}${roleRef(...ref)}${subjectsYaml(subjects)}`;
const clusterRoleBinding = (name: string, ref: string, subjects: readonly Subject[]): string =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\n${meta(name)}${roleRef('ClusterRole', ref)}${subjectsYaml(subjects)}`;
const docs = (...texts: string[]): string => texts.join('---\n');
const saSubject = (namespace: string | undefined, name: string): Subject => ({ kind: 'ServiceAccount', name, ...(namespace !== undefined ? { namespace } : {}) });



const IDS = [
  'rbac-role-binding',
  'rbac-cluster-role',
  'rbac-least-privilege-ci',
  'rbac-rolebinding-clusterrole',
  'rbac-view-vs-edit',
  'rbac-subresources',
  'rbac-resource-names',
  'rbac-remove-overprivilege',
  'rbac-aggregated-clusterrole',
];

describe('the RBAC lessons', () => {
  it('are all there, as RBAC lessons of Cluster Hardening with workshop steps', () => {
    expect([...lessons.keys()].sort()).toEqual([...IDS].sort());
    for (const id of IDS) {
      const l = lesson(id);
      expect(l.topic).toBe('rbac');
      expect(l.domain).toBe('Cluster Hardening');
      expect(l.cluster.file).toMatch(/^lessons\/_clusters\/rbac-[a-z-]+\.yaml$/);
      expect(l.steps.length).toBeGreaterThanOrEqual(3);
      expect(l.steps.length).toBeLessThanOrEqual(5);
      expect(l.steps.some((s) => s.predict)).toBe(true);
      expect(l.steps.every((s) => s.notes.en !== '' && /[\u3040-\u30ff]/.test(s.notes.ja) && s.apply !== null)).toBe(true);
    }
  });

  for (const id of IDS) {
    it(`${id}: the solution passes`, () => passes(id, lesson(id).solution));
  }
});

// ---- 1. Role and RoleBinding (the article's first demo) ---------------------------------------------------------

describe('rbac-role-binding', () => {
  const ID = 'rbac-role-binding';
  const podRead: Rule = { resources: ['pods'], verbs: ['get', 'list', 'watch'] };
  const answer = (rules: Rule[], subject: Subject = saSubject('default', 'pod-sa'), ns = 'default'): string =>
    docs(sa('default', 'pod-sa'), role(ns, 'pod-role', rules), roleBinding(ns, 'pod-rolebinding', ['Role', 'pod-role'], [subject]));

  it('the namespace may be left out: Role and RoleBinding land in default', () => {
    passes(ID, docs(sa('default', 'pod-sa'), role(undefined, 'pod-role', [podRead]), roleBinding(undefined, 'pod-rolebinding', ['Role', 'pod-role'], [saSubject('default', 'pod-sa')])));
  });

  it('a ClusterRole with a ClusterRoleBinding reads pods in namespace test too', () => {
    const text = docs(sa('default', 'pod-sa'), clusterRole('pod-role', [podRead]), clusterRoleBinding('pod-rolebinding', 'pod-role', [saSubject('default', 'pod-sa')]));
    expect(failing(ID, text)).toEqual(['default-only', 'named-objects']);
  });

  it('verbs ["*"] lets pod-sa create and delete pods', () => {
    expect(failing(ID, answer([{ resources: ['pods'], verbs: ['*'] }]))).toEqual(['pods-read-only']);
  });

  it('resources ["*"] lets pod-sa read secrets', () => {
    expect(failing(ID, answer([{ resources: ['*'], verbs: ['get', 'list', 'watch'] }]))).toEqual(['nothing-but-pods']);
  });

  it('pods/log and pods/exec as well, with create for exec', () => {
    expect(failing(ID, answer([{ resources: ['pods', 'pods/log', 'pods/exec'], verbs: ['get', 'list', 'watch', 'create'] }]))).toEqual(['pods-read-only', 'nothing-but-pods']);
  });

  it('the decoy: pod-sa of namespace test bound instead', () => {
    expect(failing(ID, answer([podRead], saSubject('test', 'pod-sa')))).toEqual(['reads-pods', 'no-one-else']);
  });

  it('every ServiceAccount (group system:serviceaccounts) bound', () => {
    expect(failing(ID, answer([podRead], { kind: 'Group', name: 'system:serviceaccounts' }))).toEqual(['no-one-else']);
  });

  it('a ClusterRole granted through a RoleBinding gives the same access, but not the Role the task names', () => {
    const text = lesson(ID).solution.replace(/^kind: Role$/m, 'kind: ClusterRole').replace(/^ {2}kind: Role$/m, '  kind: ClusterRole');
    expect(text).not.toBe(lesson(ID).solution);
    expect(failing(ID, text)).toEqual(['named-objects']);
  });

  it('the Role and RoleBinding in namespace test', () => {
    expect(failing(ID, answer([podRead], saSubject('default', 'pod-sa'), 'test'))).toEqual(['reads-pods', 'default-only', 'named-objects']);
  });

  it('pods in the apps group grants nothing', () => {
    expect(failing(ID, answer([{ groups: ['apps'], resources: ['pods'], verbs: ['get', 'list', 'watch'] }]))).toEqual(['reads-pods']);
  });
});

// ---- 2. ClusterRole and ClusterRoleBinding (the article's second demo) ------------------------------------------

describe('rbac-cluster-role', () => {
  const ID = 'rbac-cluster-role';
  const nsList: Rule = { resources: ['namespaces'], verbs: ['list'] };
  const account = sa('default', 'namespace-sa');

  it('a Role and a RoleBinding cannot grant a cluster-scoped resource', () => {
    const text = docs(account, role('default', 'namespace-role', [nsList]), roleBinding('default', 'namespace-rolebinding', ['Role', 'namespace-role'], [saSubject('default', 'namespace-sa')]));
    expect(failing(ID, text)).toEqual(['lists-namespaces', 'named-objects']);
  });

  it('a ClusterRole bound by a RoleBinding cannot either', () => {
    const text = docs(account, clusterRole('namespace-clusterrole', [nsList]), roleBinding('default', 'namespace-rolebinding', ['ClusterRole', 'namespace-clusterrole'], [saSubject('default', 'namespace-sa')]));
    expect(failing(ID, text)).toEqual(['lists-namespaces', 'named-objects']);
  });

  it('the built-in view bound cluster-wide reads pods and ConfigMaps everywhere', () => {
    const text = docs(account, clusterRoleBinding('namespace-clusterrolebinding', 'view', [saSubject('default', 'namespace-sa')]));
    expect(failing(ID, text)).toEqual(['nothing-but-namespaces', 'named-objects']);
  });

  it('verbs ["*"] on namespaces lets it delete namespaces', () => {
    const text = docs(account, clusterRole('namespace-clusterrole', [{ resources: ['namespaces'], verbs: ['*'] }]), clusterRoleBinding('namespace-clusterrolebinding', 'namespace-clusterrole', [saSubject('default', 'namespace-sa')]));
    expect(failing(ID, text)).toEqual(['namespaces-read-only', 'no-wildcards']);
  });

  it('the decoy: namespace-sa of namespace test bound instead', () => {
    const text = docs(account, clusterRole('namespace-clusterrole', [nsList]), clusterRoleBinding('namespace-clusterrolebinding', 'namespace-clusterrole', [saSubject('test', 'namespace-sa')]));
    expect(failing(ID, text)).toEqual(['lists-namespaces', 'no-one-else']);
  });

  it('cluster-admin bound to the ServiceAccount', () => {
    const text = docs(account, clusterRoleBinding('namespace-clusterrolebinding', 'cluster-admin', [saSubject('default', 'namespace-sa')]));
    expect(failing(ID, text)).toEqual(['namespaces-read-only', 'nothing-but-namespaces', 'named-objects']);
  });
});

// ---- 3. least privilege for a CI ServiceAccount -----------------------------------------------------------------

describe('rbac-least-privilege-ci', () => {
  const ID = 'rbac-least-privilege-ci';
  const deploy: Rule = { groups: ['apps'], resources: ['deployments'], verbs: ['get', 'list', 'watch', 'create', 'update', 'patch'] };
  const pods: Rule = { resources: ['pods'], verbs: ['get', 'list'] };
  const deployer = saSubject('ci', 'deployer');
  /** ns null leaves metadata.namespace out. */
  const answer = (rules: Rule[], subject: Subject = deployer, ns: string | null = 'ci'): string =>
    docs(role(ns ?? undefined, 'ci-deployer', rules), roleBinding(ns ?? undefined, 'ci-deployer', ['Role', 'ci-deployer'], [subject]));

  it('watch on pods as well is tolerated (the task does not probe it)', () => {
    passes(ID, answer([deploy, { resources: ['pods'], verbs: ['get', 'list', 'watch'] }]));
  });

  it('all wildcards in ci: deletes, secrets and RoleBindings', () => {
    expect(failing(ID, answer([{ groups: ['*'], resources: ['*'], verbs: ['*'] }]))).toEqual(['no-deletes', 'no-pod-writes', 'no-secrets-no-rbac', 'written-tight']);
  });

  it('verbs ["*"] on deployments lets the pipeline delete them', () => {
    expect(failing(ID, answer([{ groups: ['apps'], resources: ['deployments'], verbs: ['*'] }, pods]))).toEqual(['no-deletes', 'written-tight']);
  });

  it('deployments written in the core group grant nothing on Deployments', () => {
    expect(failing(ID, answer([{ groups: [''], resources: ['deployments'], verbs: deploy.verbs }, pods]))).toEqual(['manages-deployments']);
  });

  it('one rule for both groups also grants pods the deployment verbs', () => {
    expect(failing(ID, answer([{ groups: ['', 'apps'], resources: ['deployments', 'pods'], verbs: deploy.verbs }]))).toEqual(['no-pod-writes']);
  });

  it('secrets added "because the app needs them"', () => {
    expect(failing(ID, answer([deploy, pods, { resources: ['secrets'], verbs: ['get', 'list'] }]))).toEqual(['no-secrets-no-rbac']);
  });

  it('a ClusterRole with a ClusterRoleBinding deploys to prod too', () => {
    const text = docs(clusterRole('ci-deployer', [deploy, pods]), clusterRoleBinding('ci-deployer', 'ci-deployer', [deployer]));
    expect(failing(ID, text)).toEqual(['ci-only', 'written-tight']);
  });

  it('the decoy: deployer of staging bound instead', () => {
    expect(failing(ID, answer([deploy, pods], saSubject('staging', 'deployer')))).toEqual(['manages-deployments', 'reads-pods', 'no-one-else']);
  });

  it('the subject without a namespace in a RoleBinding of ci means ci: accepted', () => {
    passes(ID, answer([deploy, pods], saSubject(undefined, 'deployer')));
  });

  it('forgetting metadata.namespace: the Role and RoleBinding land in default', () => {
    expect(failing(ID, answer([deploy, pods], deployer, null))).toEqual(['manages-deployments', 'reads-pods', 'written-tight']);
  });

  it('the built-in edit bound in ci', () => {
    const text = roleBinding('ci', 'ci-deployer', ['ClusterRole', 'edit'], [deployer]);
    expect(failing(ID, text)).toEqual(['no-deletes', 'no-pod-writes', 'no-secrets-no-rbac', 'written-tight']);
  });

  it('declaring the existing ServiceAccount again is fine, as kubectl apply would say "configured"', () => {
    const grade = gradeAttempt(lesson(ID), docs(sa('ci', 'deployer'), lesson(ID).solution));
    expect(grade.status).toBe('passed');
  });
});

// ---- 4. a RoleBinding to a ClusterRole --------------------------------------------------------------------------

describe('rbac-rolebinding-clusterrole', () => {
  const ID = 'rbac-rolebinding-clusterrole';
  const dashboard = saSubject('monitoring', 'dashboard');

  it('a ClusterRoleBinding to app-reader reads payments too', () => {
    expect(failing(ID, clusterRoleBinding('dashboard-read-shop', 'app-reader', [dashboard]))).toEqual(['not-payments', 'binding']);
  });

  it('the subject without a namespace binds shop\'s own dashboard', () => {
    const text = roleBinding('shop', 'dashboard-read-shop', ['ClusterRole', 'app-reader'], [saSubject(undefined, 'dashboard')]);
    expect(failing(ID, text)).toEqual(['reads-shop', 'right-dashboard']);
  });

  it('the RoleBinding in the ServiceAccount\'s namespace (monitoring) instead of shop', () => {
    expect(failing(ID, roleBinding('monitoring', 'dashboard-read-shop', ['ClusterRole', 'app-reader'], [dashboard]))).toEqual(['reads-shop', 'binding']);
  });

  it('roleRef kind Role: there is no Role app-reader in shop, so nothing is granted', () => {
    expect(failing(ID, roleBinding('shop', 'dashboard-read-shop', ['Role', 'app-reader'], [dashboard]))).toEqual(['reads-shop', 'binding']);
  });

  it('the built-in edit instead of app-reader', () => {
    expect(failing(ID, roleBinding('shop', 'dashboard-read-shop', ['ClusterRole', 'edit'], [dashboard]))).toEqual(['read-only', 'no-secrets', 'binding']);
  });

  it('the built-in view instead of app-reader reads ConfigMaps', () => {
    expect(failing(ID, roleBinding('shop', 'dashboard-read-shop', ['ClusterRole', 'view'], [dashboard]))).toEqual(['no-secrets', 'binding']);
  });

  it('a home-made copy of app-reader in a new Role is not the existing ClusterRole', () => {
    const text = docs(
      role('shop', 'dashboard-reader', [
        { resources: ['pods', 'services'], verbs: ['get', 'list', 'watch'] },
        { groups: ['apps'], resources: ['deployments'], verbs: ['get', 'list', 'watch'] },
      ]),
      roleBinding('shop', 'dashboard-read-shop', ['Role', 'dashboard-reader'], [dashboard]),
    );
    expect(failing(ID, text)).toEqual(['binding']);
  });

  it('a RoleBinding in every namespace is still too much', () => {
    const text = docs(...['shop', 'payments'].map((ns) => roleBinding(ns, 'dashboard-read-shop', ['ClusterRole', 'app-reader'], [dashboard])));
    expect(failing(ID, text)).toEqual(['not-payments']);
  });
});

// ---- 5. view, not edit ------------------------------------------------------------------------------------------

describe('rbac-view-vs-edit', () => {
  const ID = 'rbac-view-vs-edit';
  const emma: Subject = { kind: 'User', name: 'emma' };
  const bind = (role: string, subject: Subject = emma, ns = 'shop'): string => roleBinding(ns, 'support-view', ['ClusterRole', role], [subject]);

  it('the apiGroup of a User subject may be left to the API server', () => {
    passes(ID, 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: support-view\n  namespace: shop\nroleRef:\n  kind: ClusterRole\n  name: view\nsubjects:\n- kind: User\n  name: emma\n');
  });

  it('edit reads Secrets, writes, execs and impersonates ServiceAccounts', () => {
    expect(failing(ID, bind('edit'))).toEqual(['no-secrets', 'read-only', 'no-identity-tricks', 'binding']);
  });

  it('admin is worse still', () => {
    expect(failing(ID, bind('admin'))).toEqual(['no-secrets', 'read-only', 'no-identity-tricks', 'binding']);
  });

  it('view bound with a ClusterRoleBinding reads payments and monitoring', () => {
    expect(failing(ID, clusterRoleBinding('support-view', 'view', [emma]))).toEqual(['shop-only', 'binding']);
  });

  it('a home-made reader with resources "*" reads Secrets', () => {
    const text = docs(role('shop', 'support-reader', [{ groups: ['*'], resources: ['*'], verbs: ['get', 'list', 'watch'] }]), roleBinding('shop', 'support-view', ['Role', 'support-reader'], [emma]));
    expect(failing(ID, text)).toEqual(['no-secrets', 'binding']);
  });

  it('view for every signed-in user (group system:authenticated)', () => {
    expect(failing(ID, bind('view', { kind: 'Group', name: 'system:authenticated' }))).toEqual(['emma-only']);
  });

  it('a Group named emma is not the user emma', () => {
    expect(failing(ID, bind('view', { kind: 'Group', name: 'emma' }))).toEqual(['reads-shop']);
  });

  it('view in the wrong namespace (payments)', () => {
    expect(failing(ID, bind('view', emma, 'payments'))).toEqual(['reads-shop', 'shop-only', 'binding']);
  });
});

// ---- 6. subresources: logs without exec -------------------------------------------------------------------------

describe('rbac-subresources', () => {
  const ID = 'rbac-subresources';
  const oncall: Subject = { kind: 'Group', name: 'oncall' };
  const answer = (rules: Rule[], subject: Subject = oncall, ns = 'shop'): string =>
    docs(role(ns, 'pod-log-reader', rules), roleBinding(ns, 'oncall-logs', ['Role', 'pod-log-reader'], [subject]));
  const pods: Rule = { resources: ['pods'], verbs: ['get', 'list'] };
  const logs: Rule = { resources: ['pods/log'], verbs: ['get'] };

  it('one rule for pods and pods/log with get and list is accepted', () => {
    passes(ID, answer([{ resources: ['pods', 'pods/log'], verbs: ['get', 'list'] }]));
  });

  it('pods only: granting a resource grants none of its subresources', () => {
    expect(failing(ID, answer([pods]))).toEqual(['reads-logs']);
  });

  it('pods/log only: kubectl logs cannot find the pod first', () => {
    expect(failing(ID, answer([logs]))).toEqual(['lists-pods']);
  });

  it('exec "for emergencies"', () => {
    expect(failing(ID, answer([pods, logs, { resources: ['pods/exec'], verbs: ['create'] }]))).toEqual(['no-exec-attach']);
  });

  it('get on pods/exec and pods/attach, "read-only"', () => {
    expect(failing(ID, answer([{ resources: ['pods', 'pods/log', 'pods/exec', 'pods/attach'], verbs: ['get', 'list'] }]))).toEqual(['no-exec-attach']);
  });

  it('"*/log" style wildcard for every subresource: "*" as the resource grants everything', () => {
    expect(failing(ID, answer([{ resources: ['*'], verbs: ['get', 'list'] }]))).toEqual(['no-exec-attach', 'no-secrets', 'structure']);
  });

  it('pods/* is not an RBAC pattern: it grants no logs', () => {
    expect(failing(ID, answer([{ resources: ['pods', 'pods/*'], verbs: ['get', 'list'] }]))).toEqual(['reads-logs']);
  });

  it('the built-in edit bound to the group', () => {
    const text = roleBinding('shop', 'oncall-logs', ['ClusterRole', 'edit'], [oncall]);
    expect(failing(ID, text)).toEqual(['no-exec-attach', 'no-pod-changes', 'no-secrets']);
  });

  it('a User named oncall instead of the Group', () => {
    expect(failing(ID, answer([pods, logs], { kind: 'User', name: 'oncall' }))).toEqual(['lists-pods', 'reads-logs', 'oncall-only']);
  });

  it('a ClusterRole and ClusterRoleBinding read logs in every namespace', () => {
    const text = docs(clusterRole('pod-log-reader', [pods, logs]), clusterRoleBinding('oncall-logs', 'pod-log-reader', [oncall]));
    expect(failing(ID, text)).toEqual(['shop-only', 'structure']);
  });
});

// ---- 7. resourceNames -------------------------------------------------------------------------------------------

describe('rbac-resource-names', () => {
  const ID = 'rbac-resource-names';
  const reloader = saSubject('shop', 'config-reloader');
  const named: Rule = { resources: ['configmaps'], verbs: ['get', 'update'], names: ['app-config'] };
  /** ns null leaves metadata.namespace out. */
  const answer = (rules: Rule[], subject: Subject = reloader, ns: string | null = 'shop'): string =>
    docs(role(ns ?? undefined, 'app-config-editor', rules), roleBinding(ns ?? undefined, 'config-reloader', ['Role', 'app-config-editor'], [subject]));

  it('list inside the resourceNames rule only allows a list filtered to app-config: accepted', () => {
    passes(ID, answer([{ ...named, verbs: ['get', 'list', 'update'] }]));
  });

  it('without resourceNames every ConfigMap is readable and writable', () => {
    expect(failing(ID, answer([{ resources: ['configmaps'], verbs: ['get', 'update'] }]))).toEqual(['other-configmaps']);
  });

  it('resourceNames naming both ConfigMaps', () => {
    expect(failing(ID, answer([{ ...named, names: ['app-config', 'other-config'] }]))).toEqual(['other-configmaps']);
  });

  it('"it needs to list": a second rule with list and no resourceNames', () => {
    expect(failing(ID, answer([named, { resources: ['configmaps'], verbs: ['list'] }]))).toEqual(['no-list-watch-create']);
  });

  it('create in a rule of its own cannot be limited by name, and is not needed', () => {
    expect(failing(ID, answer([named, { resources: ['configmaps'], verbs: ['create'] }]))).toEqual(['no-list-watch-create']);
  });

  it('verbs ["*"] with resourceNames lets it delete app-config', () => {
    expect(failing(ID, answer([{ ...named, verbs: ['*'] }]))).toEqual(['no-deletes', 'structure']);
  });

  it('resources ["*"] with resourceNames reaches a Secret named app-config', () => {
    expect(failing(ID, answer([{ ...named, resources: ['*'] }]))).toEqual(['no-secrets', 'structure']);
  });

  it('a ClusterRole and ClusterRoleBinding reach app-config in every namespace', () => {
    const text = docs(clusterRole('app-config-editor', [named]), clusterRoleBinding('config-reloader', 'app-config-editor', [reloader]));
    expect(failing(ID, text)).toEqual(['shop-only', 'structure']);
  });

  it('the decoy: config-reloader of payments bound instead', () => {
    expect(failing(ID, answer([named], saSubject('payments', 'config-reloader')))).toEqual(['edits-app-config', 'right-account']);
  });

  it('forgetting metadata.namespace: the Role lands in default', () => {
    expect(failing(ID, answer([named], reloader, null))).toEqual(['edits-app-config', 'structure']);
  });
});

// ---- 8. replace a cluster-admin binding -------------------------------------------------------------------------

describe('rbac-remove-overprivilege', () => {
  const ID = 'rbac-remove-overprivilege';
  const inventory = saSubject('shop', 'inventory');
  const config: Rule = { resources: ['configmaps'], verbs: ['get', 'list', 'watch'] };
  const leases: Rule = { groups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['get', 'create', 'update'] };
  const prometheus = docs(
    role('shop', 'prometheus-scrape', [{ resources: ['pods', 'services', 'endpoints'], verbs: ['get', 'list', 'watch'] }]),
    roleBinding('shop', 'prometheus-scrape', ['Role', 'prometheus-scrape'], [saSubject('monitoring', 'prometheus')]),
  );
  const inventoryRole = (rules: Rule[]): string => docs(role('shop', 'inventory', rules), roleBinding('shop', 'inventory', ['Role', 'inventory'], [inventory]));
  const adminBinding = clusterRoleBinding('inventory-admin', 'cluster-admin', [inventory]);

  it('the starting text (the cluster-admin binding) fails', () => {
    const failed = ['config-read-only', 'no-deletes', 'nothing-else-in-shop', 'shop-only', 'no-cluster-admin'];
    expect(failing(ID, lesson(ID).start.en)).toEqual(failed);
    expect(failing(ID, lesson(ID).start.ja)).toEqual(failed);
  });

  it('the new Role added but the cluster-admin binding left in place', () => {
    expect(failing(ID, docs(adminBinding, inventoryRole([config, leases]), prometheus))).toEqual(['config-read-only', 'no-deletes', 'nothing-else-in-shop', 'shop-only', 'no-cluster-admin']);
  });

  it('the binding deleted and nothing granted: the app breaks', () => {
    expect(failing(ID, prometheus)).toEqual(['reads-config', 'leader-election']);
  });

  it('the ClusterRoleBinding kept, its roleRef changed to a small ClusterRole', () => {
    const text = docs(clusterRole('inventory', [config, leases]), clusterRoleBinding('inventory-admin', 'inventory', [inventory]), prometheus);
    expect(failing(ID, text)).toEqual(['shop-only', 'no-cluster-admin']);
  });

  it('edit in shop instead of cluster-admin', () => {
    expect(failing(ID, docs(roleBinding('shop', 'inventory', ['ClusterRole', 'edit'], [inventory]), prometheus))).toEqual(['config-read-only', 'no-deletes', 'nothing-else-in-shop']);
  });

  it('verbs ["*"] on configmaps and leases', () => {
    expect(failing(ID, docs(inventoryRole([{ ...config, verbs: ['*'] }, { ...leases, verbs: ['*'] }]), prometheus))).toEqual(['config-read-only', 'no-deletes', 'no-cluster-admin']);
  });

  it('leases written in the core group: leader election breaks', () => {
    expect(failing(ID, docs(inventoryRole([config, { ...leases, groups: [''] }]), prometheus))).toEqual(['leader-election']);
  });

  it('the prometheus objects deleted along with the binding', () => {
    expect(failing(ID, inventoryRole([config, leases]))).toEqual(['prometheus-kept']);
  });

  it('the decoy: inventory of payments bound instead', () => {
    const text = docs(role('shop', 'inventory', [config, leases]), roleBinding('shop', 'inventory', ['Role', 'inventory'], [saSubject('payments', 'inventory')]), prometheus);
    expect(failing(ID, text)).toEqual(['reads-config', 'leader-election', 'right-account']);
  });
});

// ---- 9. an aggregated ClusterRole -------------------------------------------------------------------------------

describe('rbac-aggregated-clusterrole', () => {
  const ID = 'rbac-aggregated-clusterrole';
  const rbacRead: Rule = { groups: ['rbac.authorization.k8s.io'], resources: ['roles', 'rolebindings'], verbs: ['get', 'list', 'watch'] };
  const labelled = (labels: string, rules: Rule[], kind = 'ClusterRole', name = 'view-rbac'): string =>
    `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: ${name}\n${kind === 'Role' ? '  namespace: shop\n' : ''}  labels:\n${labels}${rulesYaml(rules)}`;
  const toView = '    rbac.authorization.k8s.io/aggregate-to-view: "true"\n';

  it('edit aggregates view: the developers (edit in shop) read RBAC objects too, and only after the change', () => {
    const canListRoles = (text: string): boolean => {
      const grade = gradeAttempt(lesson(ID), text);
      const result = grade.outcomes.get('rbac')!.result as RbacResult;
      const developers = parseIdentity('group:developers', result.model);
      if ('error' in developers) throw new Error(developers.error);
      return result.decide(developers, { kind: 'resource', verb: 'list', namespace: 'shop', apiGroup: 'rbac.authorization.k8s.io', resource: 'roles', subresource: '', name: '' }).allowed;
    };
    expect(canListRoles(lesson(ID).start.en)).toBe(false);
    expect(canListRoles(lesson(ID).solution)).toBe(true);
  });

  it('the aggregate-to-edit label: edit and admin gain it, viewers do not', () => {
    expect(failing(ID, labelled('    rbac.authorization.k8s.io/aggregate-to-edit: "true"\n', [rbacRead]))).toEqual(['auditors-read-rbac', 'every-viewer']);
  });

  it('a label value other than "true" is not selected', () => {
    expect(failing(ID, labelled('    rbac.authorization.k8s.io/aggregate-to-view: "yes"\n', [rbacRead]))).toEqual(['auditors-read-rbac', 'every-viewer']);
  });

  it('an unquoted true is not a string label: the text is invalid', () => {
    const grade = gradeAttempt(lesson(ID), labelled('    rbac.authorization.k8s.io/aggregate-to-view: true\n', [rbacRead]));
    expect(grade.status).toBe('invalid');
    expect(grade.diagnostics.map((d) => d.code)).toContain('label-not-string');
  });

  it('a Role with the label is never aggregated', () => {
    expect(failing(ID, labelled(toView, [rbacRead], 'Role'))).toEqual(['auditors-read-rbac', 'every-viewer']);
  });

  it('secrets added to the labelled ClusterRole reach every viewer', () => {
    expect(failing(ID, labelled(toView, [rbacRead, { resources: ['secrets'], verbs: ['get', 'list'] }]))).toEqual(['no-secrets']);
  });

  it('verbs ["*"] on roles and rolebindings lets viewers write, escalate and bind', () => {
    expect(failing(ID, labelled(toView, [{ ...rbacRead, verbs: ['*'] }]))).toEqual(['rbac-read-only', 'structure']);
  });

  it('a ClusterRole named view overwrites the built-in one', () => {
    expect(failing(ID, clusterRole('view', [rbacRead]))).toEqual(['view-intact']);
  });

  it('no aggregation, a RoleBinding for the auditors instead: kim is left out', () => {
    const text = docs(clusterRole('view-rbac', [rbacRead]), roleBinding('shop', 'auditors-rbac', ['ClusterRole', 'view-rbac'], [{ kind: 'Group', name: 'auditors' }]));
    expect(failing(ID, text)).toEqual(['every-viewer']);
  });

  it('no aggregation, a ClusterRoleBinding for the auditors: every namespace', () => {
    const text = docs(clusterRole('view-rbac', [rbacRead]), clusterRoleBinding('auditors-rbac', 'view-rbac', [{ kind: 'Group', name: 'auditors' }]));
    expect(failing(ID, text)).toEqual(['every-viewer', 'only-where-bound', 'structure']);
  });
});
