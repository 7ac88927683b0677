// `cks-lab can-i` and `who-can`: kubectl's words, warnings and exit codes, impersonated groups, reviews.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './test-run';

const dir = fileURLToPath(new URL('./testdata/', import.meta.url));
const cluster = dir + 'rbac.yaml';

const run = runCli;

const canI = (...args: string[]) => run(['can-i', ...args, '-f', cluster]);
const SA = 'system:serviceaccount:ci:deployer';

describe('cks-lab can-i', () => {
  it('prints yes (exit 0) and no (exit 1) as kubectl does', async () => {
    expect(await canI('create', 'deployments.apps', '-n', 'ci', '--as', SA)).toEqual({ code: 0, stdout: 'yes\n', stderr: '' });
    expect(await canI('delete', 'deployments', '-n', 'ci', '--as', SA)).toEqual({ code: 1, stdout: 'no\n', stderr: '' });
  });

  it('resolves short and singular names, and RESOURCE/SUBRESOURCE', async () => {
    expect((await canI('create', 'deploy', '-n', 'ci', '--as', SA)).code).toBe(0);
    expect((await canI('list', 'deployment', '-n', 'ci', '--as', SA)).code).toBe(0);
    expect((await canI('get', 'po', '-n', 'ci', '--as', SA)).code).toBe(0);
    expect((await canI('get', 'pods/log', '-n', 'ci', '--as', SA)).code).toBe(0);
    expect((await canI('create', 'pods/exec', '-n', 'ci', '--as', SA)).code).toBe(1);
    expect((await canI('get', 'pods', '--subresource', 'log', '-n', 'ci', '--as', SA)).code).toBe(0);
  });

  it('a RoleBinding grants only in its namespace; without -n the namespace is default', async () => {
    expect((await canI('create', 'deploy', '-n', 'prod', '--as', SA)).code).toBe(1);
    expect((await canI('create', 'deploy', '--as', SA)).code).toBe(1);
    expect((await canI('create', 'deploy', '-A', '--as', SA)).code).toBe(1);
  });

  it('a ServiceAccount user gets its groups unless --as-group is given', async () => {
    // all-sa-in-ci-view binds group system:serviceaccounts:ci to view in ci.
    expect((await canI('list', 'configmaps', '-n', 'ci', '--as', SA)).code).toBe(0);
    expect((await canI('list', 'configmaps', '-n', 'ci', '--as', SA, '--as-group', 'other')).code).toBe(1);
    expect((await canI('list', 'configmaps', '-n', 'ci', '--as', 'system:serviceaccount:ci:other')).code).toBe(0);
    expect((await canI('list', 'configmaps', '-n', 'ci', '--as', 'jane')).code).toBe(0); // jane-view: cluster-wide view
  });

  it('the default roles are there unless --no-defaults; a binding to a missing role says so', async () => {
    expect((await canI('get', '/healthz', '--as', 'anyone')).stdout).toBe('yes\n');
    const r = await canI('list', 'secrets', '-n', 'ci', '--as', 'jane', '--no-defaults');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('no - RBAC: clusterrole.rbac.authorization.k8s.io "view" not found\n');
  });

  it('system:masters is allowed everything, before RBAC', async () => {
    const r = await canI('*', '*', '--as', 'x', '--as-group', 'system:masters', '--no-defaults');
    expect(r).toMatchObject({ code: 0, stdout: 'yes\n' });
    // Without the defaults, jane-view's ClusterRole view is gone: the lab says the binding grants nothing.
    expect(r.stderr).toMatch(/rbac\.yaml:\d+:\d+: warning\[missing-role\]: roleRef names ClusterRole view, which does not exist: ClusterRoleBinding jane-view grants nothing/);
  });

  it("prints kubectl's warnings: cluster-scoped resources, unknown resources and verbs", async () => {
    const nodes = await canI('list', 'nodes', '--as', 'jane');
    expect(nodes.stderr).toBe("Warning: resource 'nodes' is not namespace scoped\n");
    expect(nodes.stdout).toBe('no\n'); // view does not grant nodes
    const unknown = await canI('get', 'widgets', '--as', 'jane');
    expect(unknown.stderr).toBe("Warning: the server doesn't have a resource type 'widgets'\n");
    const verb = await canI('frobnicate', 'pods', '--as', 'jane');
    expect(verb.stderr).toBe("Warning: verb 'frobnicate' is not a known verb\n");
  });

  it('asks for a cluster-scoped resource in the namespace given, as kubectl sends it', async () => {
    // A RoleBinding in default that names nodes is consulted for `can-i list nodes` (namespace default),
    // although a real `kubectl get nodes` (no namespace) would be denied.
    const text = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: nodes, namespace: default}
rules: [{apiGroups: [""], resources: [nodes], verbs: [list]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: nodes, namespace: default}
roleRef: {kind: Role, name: nodes}
subjects: [{kind: User, name: bob}]
`;
    expect((await run(['can-i', 'list', 'nodes', '--as', 'bob', '-f', '-'], text)).stdout).toBe('yes\n');
    expect((await run(['can-i', 'list', 'nodes', '--as', 'bob', '-A', '-f', '-'], text)).stdout).toBe('no\n');
  });

  it('--explain names the binding, the role and the rule', async () => {
    const r = await canI('create', 'deployments', '-n', 'ci', '--as', SA, '--explain');
    expect(r.stdout).toMatch(/^yes\nAllowed: RoleBinding ci\/deployer binds ServiceAccount ci\/deployer to Role ci\/deployer in namespace ci only; its rule 1 \(get, list, create on deployments \(apiGroups apps\)\) matches create deployments\.apps in namespace ci\.\n$/);
    // The first grant in the authorizer's order is named: RoleBindings by name, all-sa-in-ci-view before deployer.
    const log = await canI('get', 'pods/log', '-n', 'ci', '--as', SA, '--explain');
    expect(log.stdout).toMatch(/^yes\nAllowed: RoleBinding ci\/all-sa-in-ci-view binds Group system:serviceaccounts:ci to ClusterRole view/);
    const denied = await canI('delete', 'deployments', '-n', 'ci', '--as', SA, '--explain');
    expect(denied.stdout).toContain('RoleBinding ci/deployer grants Role ci/deployer, but no rule matches (rule 1: its verbs are get, list, create, not delete');
  });

  it('--as-pod asks as the ServiceAccount the pod runs as', async () => {
    expect((await canI('create', 'deploy', '-n', 'ci', '--as-pod', 'ci/web')).code).toBe(0);
    const missing = await canI('get', 'pods', '--as-pod', 'ci/nope');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no pod or workload ci\/nope/);
  });

  it('--list prints the rules table', async () => {
    const r = await canI('--list', '--as', SA, '-n', 'ci');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^Resources\s+Non-Resource URLs\s+Resource Names\s+Verbs$/);
    // kubectl appends the verbs of every rule for a resource that the row lacks (view's get list watch, then create).
    expect(lines).toContainEqual(expect.stringMatching(/^deployments\.apps\s+\[\]\s+\[\]\s+\[get list watch create\]$/));
    expect((await canI('--list', '--as', SA, '-A')).code).toBe(2);
  });

  it('reports invalid RBAC objects at their line, exit 2', async () => {
    const bad = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: x}\nroleRef: {kind: Role, name: r}\nsubjects:\n- {kind: ServiceAccount, name: sa}\n';
    const r = await run(['can-i', 'get', 'pods', '--as', 'x', '-f', '-'], bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('<stdin>:4:17: error[invalid-role-ref]: roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole" (ClusterRoleBinding x)');
    expect(r.stderr).toContain('<stdin>:6:3: error[invalid-subject]: subjects[0].namespace: Required value');
  });

  it('ignores kinds RBAC does not read, quietly', async () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n';
    expect(await run(['can-i', 'get', 'pods', '--as', 'x', '-f', '-'], text)).toEqual({ code: 1, stdout: 'no\n', stderr: '' });
  });

  it('usage errors exit 2', async () => {
    expect((await run(['can-i', 'get', 'pods', '-f', cluster])).code).toBe(2);
    expect((await run(['can-i', 'get', '--as', 'x', '-f', cluster])).code).toBe(2);
    expect((await run(['can-i', 'get', 'pods', '--as', 'x'])).code).toBe(2);
    expect((await run(['can-i', 'get', 'pods', '--as', 'x', '--bogus', '-f', cluster])).stderr).toMatch(/unknown flag --bogus/);
  });
});

describe('cks-lab can-i --reviews', () => {
  it('answers each SubjectAccessReview in order, groups as written', async () => {
    const r = await run(['can-i', '--reviews', dir + 'reviews.yaml', cluster]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { allowed: boolean; reason: string }[];
    expect(rows.map((x) => x.allowed)).toEqual([true, false, true, true]);
    expect(rows[0]!.reason).toBe('RBAC: allowed by RoleBinding "deployer/ci" of Role "deployer" to ServiceAccount "deployer/ci"');
    // jane without groups is not system:authenticated in a review: no discovery access.
    expect(rows[1]!.reason).toBe('');
  });

  it('--explain adds the binding, role and rule', async () => {
    const r = await run(['can-i', '--reviews', dir + 'reviews.yaml', '--explain', cluster]);
    const rows = JSON.parse(r.stdout) as { binding?: { name: string }; role?: { name: string }; rule?: number; explanation: string }[];
    expect(rows[0]).toMatchObject({ binding: { kind: 'RoleBinding', namespace: 'ci', name: 'deployer' }, role: { kind: 'Role', name: 'deployer' }, rule: 0 });
    expect(rows[1]!.binding).toBeUndefined();
    expect(rows[1]!.explanation).toMatch(/^Denied/);
  });

  it('rejects a review with both attribute kinds or no user, at its line', async () => {
    const text = 'apiVersion: authorization.k8s.io/v1\nkind: SubjectAccessReview\nspec:\n  resourceAttributes: {verb: get, resource: pods}\n  nonResourceAttributes: {verb: get, path: /x}\n';
    const r = await run(['can-i', '--reviews', '-', cluster], text);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('<stdin>:5:26: error[invalid-review]: spec.nonResourceAttributes: Invalid value: cannot be specified in combination with resourceAttributes');
    expect(r.stderr).toContain('error[invalid-review]: spec.user: Invalid value: at least one of user or group must be specified');
  });
});

describe('cks-lab who-can', () => {
  it('lists RoleBinding and ClusterRoleBinding subjects as kubectl-who-can', async () => {
    const r = await run(['who-can', 'get', 'pods', '-n', 'ci', '-f', cluster]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ROLEBINDING        NAMESPACE  SUBJECT                    TYPE            SA-NAMESPACE\n');
    const rows = r.stdout.split('\n').map((l) => l.split(/\s+/).filter(Boolean).join(' '));
    expect(rows).toEqual([
      'ROLEBINDING NAMESPACE SUBJECT TYPE SA-NAMESPACE',
      'all-sa-in-ci-view ci system:serviceaccounts:ci Group',
      'deployer ci deployer ServiceAccount ci',
      'deployer ci jane User',
      '',
      'CLUSTERROLEBINDING SUBJECT TYPE SA-NAMESPACE',
      'cluster-admin system:masters Group',
      'jane-view jane User',
      '',
    ]);
  });

  it('says when nobody is found, and prints JSON', async () => {
    const none = await run(['who-can', 'create', 'pods/exec', '-n', 'prod', '-f', cluster, '--no-defaults']);
    expect(none.stdout).toBe(
      'No subjects found with permissions to create pods/exec assigned through RoleBindings\n\nNo subjects found with permissions to create pods/exec assigned through ClusterRoleBindings\n',
    );
    const json = JSON.parse((await run(['who-can', 'delete', 'secrets', '-n', 'ci', '-f', cluster, '--format', 'json'])).stdout) as { name: string }[];
    expect(json.map((e) => e.name)).toEqual(['system:masters']);
  });

  it('-A lists the RoleBindings of every namespace too, as kubectl-who-can does', async () => {
    const r = await run(['who-can', 'create', 'deployments', '-A', '-f', cluster, '--no-defaults']);
    expect(r.stdout).toMatch(/^deployer +ci +deployer +ServiceAccount +ci$/m);
    expect(r.stdout).toMatch(/^deployer +ci +jane +User$/m);
  });
});

describe('cks-lab can-i, kubectl corners', () => {
  const named = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: r, namespace: default}
rules:
- {apiGroups: [""], resources: [secrets], resourceNames: [db], verbs: [get]}
- {apiGroups: [apps], resources: [deployments/scale], verbs: [update]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: r, namespace: default}
roleRef: {kind: Role, name: r}
subjects: [{kind: User, name: bob}]
`;

  it('with --subresource, TYPE/NAME reads as kubectl reads it', async () => {
    expect((await run(['can-i', 'update', 'deploy/web', '--subresource', 'scale', '--as', 'bob', '-f', '-'], named)).stdout).toBe('yes\n');
    expect((await run(['can-i', 'get', 'secrets/db', '--subresource', '', '--as', 'bob', '-f', '-'], named)).stdout).toBe('yes\n');
    expect((await run(['can-i', 'get', 'secrets', 'db', '--as', 'bob', '-f', '-'], named)).stdout).toBe('yes\n');
    expect((await run(['can-i', 'get', 'secrets', 'other', '--as', 'bob', '-f', '-'], named)).stdout).toBe('no\n');
  });

  it('does not warn about verbs with -A, as kubectl does not', async () => {
    expect((await canI('frobnicate', 'pods', '-A', '--as', 'jane')).stderr).toBe('');
  });

  it('--reviews refuses other kinds and non-empty metadata rather than drop them', async () => {
    const text = `apiVersion: authorization.k8s.io/v1
kind: LocalSubjectAccessReview
metadata: {namespace: default}
spec: {user: bob, resourceAttributes: {verb: get, resource: pods}}
---
apiVersion: authorization.k8s.io/v1
kind: SubjectAccessReview
metadata: {labels: {a: b}}
spec: {user: bob, resourceAttributes: {verb: get, resource: pods}}
`;
    const r = await run(['can-i', '--reviews', '-', cluster], text);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/<stdin>:2:7: error\[unsupported-kind\]: kind LocalSubjectAccessReview .*--reviews reads authorization\.k8s\.io\/v1 SubjectAccessReview only/);
    expect(r.stderr).toMatch(/<stdin>:8:11: error\[invalid-review\]: metadata: Invalid value: must be empty/);
  });
});
