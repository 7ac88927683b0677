// The RBAC graph: what is drawn where, how questions aggregate their cells, and that layout never depends on
// input order.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../core/index';
import { rbacTopic } from '../topic';
import type { RbacResult } from '../checks';
import { accessCheck } from '../checks';
import { buildRbacGraph, lessonQuestions } from './graph';

const CLUSTER = `apiVersion: v1
kind: Namespace
metadata: {name: ci}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: deployer, namespace: ci}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: ci}
spec: {serviceAccountName: deployer, containers: [{name: c, image: nginx}]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: reader, namespace: ci}
rules: [{apiGroups: [""], resources: [pods], verbs: [get, list]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: reader, namespace: ci}
roleRef: {kind: Role, name: reader}
subjects: [{kind: ServiceAccount, name: deployer}, {kind: User, name: jane}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: broken}
roleRef: {kind: ClusterRole, name: nope}
subjects: [{kind: Group, name: devs}]
`;

function rbac(text: string): RbacResult {
  const a = analyze({ topics: [rbacTopic], attempt: [{ file: 'x.yaml', text }] });
  expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return a.outcomes.get('rbac')!.result as RbacResult;
}

const fail = (field: string, message: string) => {
  throw new Error(`${field}: ${message}`);
};

describe('the RBAC graph', () => {
  it('places objects in their namespace box, subjects outside, and links subject -> binding -> role', () => {
    const g = buildRbacGraph(rbac(CLUSTER).model, []);
    const node = (id: string) => g.nodes.find((n) => n.id === id);
    expect(node('sa:ci/deployer')?.parent).toBe('ns:ci');
    expect(node('pod:ci/web')?.parent).toBe('ns:ci');
    expect(node('RoleBinding:ci/reader')?.parent).toBe('ns:ci');
    expect(node('Role:ci/reader')?.parent).toBe('ns:ci');
    expect(node('user:jane')?.parent).toBeUndefined();
    expect(node('ClusterRoleBinding:/broken')?.parent).toBe('cluster-wide');
    expect(node('ClusterRole:/nope')?.kind).toBe('missing-role');
    const edges = g.edges.map((e) => `${e.kind} ${e.source} -> ${e.target}`);
    expect(edges).toEqual(
      expect.arrayContaining([
        'runs-as pod:ci/web -> sa:ci/deployer',
        'member sa:ci/deployer -> RoleBinding:ci/reader',
        'member user:jane -> RoleBinding:ci/reader',
        'grants RoleBinding:ci/reader -> Role:ci/reader',
        'member group:devs -> ClusterRoleBinding:/broken',
        'grants ClusterRoleBinding:/broken -> ClusterRole:/nope',
      ]),
    );
    // The default bindings are not drawn (they reach everyone), nor the default roles nobody binds here.
    expect(g.nodes.some((n) => n.id.includes('system:discovery'))).toBe(false);
    // Every edge joins two drawn nodes.
    const ids = new Set(g.nodes.map((n) => n.id));
    for (const e of g.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
  });

  it('draws each lesson question once per identity, resource and namespace, coloured by its cells', () => {
    const result = rbac(CLUSTER);
    const spec = accessCheck.parse(
      { identities: ['sa:ci/deployer', 'pod:ci/web'], verbs: ['get', 'delete'], resources: ['pods', 'secrets', 'nodes'], namespaces: ['ci', 'default'], default: 'denied', except: [{ verbs: ['get'], resources: ['pods'], namespaces: ['ci'], verdict: 'allowed' }, { identities: ['pod:ci/web'], verbs: ['delete'], resources: ['pods'], namespaces: ['ci'], verdict: 'allowed' }] },
      'access',
      fail,
    )!;
    const questions = lessonQuestions(result, [spec]);
    // 2 identities x (pods, secrets in 2 namespaces + nodes once) = 2 x 5.
    expect(questions).toHaveLength(10);
    const g = buildRbacGraph(result.model, questions);
    const edge = (id: string) => g.edges.find((e) => e.id === id);
    expect(edge('q:sa:ci/deployer->res:ci/pods')).toMatchObject({ kind: 'question', verdict: 'mixed', label: 'get' });
    expect(edge('q:sa:ci/deployer->res:ci/pods')?.shouldBe).toBeUndefined();
    // The lesson wants the pod's ServiceAccount to delete pods; it cannot: dashed on amber, expected allowed.
    expect(edge('q:pod:ci/web->res:ci/pods')).toMatchObject({ verdict: 'mixed', shouldBe: 'allowed' });
    // Denied as the lesson expects: not drawn, unless that identity is chosen.
    expect(edge('q:sa:ci/deployer->res:default/secrets')).toBeUndefined();
    const focused = buildRbacGraph(result.model, questions, new Set(), 'sa:ci/deployer');
    const fedge = (id: string) => focused.edges.find((e) => e.id === id);
    expect(fedge('q:sa:ci/deployer->res:default/secrets')).toMatchObject({ verdict: 'denied', label: '✗' });
    expect(fedge('q:sa:ci/deployer->res:/nodes')?.target).toBe('res:/nodes');
    expect(fedge('q:pod:ci/web->res:default/secrets')).toBeUndefined();
    expect(focused.nodes.find((n) => n.id === 'res:/nodes')?.parent).toBe('cluster-wide');
    expect(focused.nodes.find((n) => n.id === 'res:default/secrets')?.parent).toBe('ns:default');
  });

  it('does not depend on the order of the input', () => {
    const docs = CLUSTER.split('\n---\n');
    const a = buildRbacGraph(rbac(docs.join('\n---\n')).model, []);
    const b = buildRbacGraph(rbac([...docs].reverse().join('\n---\n')).model, []);
    const key = (g: typeof a) => JSON.stringify([g.nodes.map((n) => [n.id, n.position]).sort(), g.edges.map((e) => e.id).sort()]);
    expect(key(b)).toBe(key(a));
  });

  it('a question across every namespace gets a box of its own, named so', () => {
    const result = rbac(CLUSTER);
    const spec = accessCheck.parse({ identities: ['user:jane'], verbs: ['list'], resources: ['pods'], namespaces: ['*'], default: 'allowed' }, 'access', fail)!;
    const g = buildRbacGraph(result.model, lessonQuestions(result, [spec]));
    // jane's Role is in ci only: listing pods in every namespace (no namespace) is denied, which the check does not expect.
    expect(g.edges.find((e) => e.id === 'q:user:jane->res:*/pods')).toMatchObject({ verdict: 'denied', shouldBe: 'allowed' });
    expect(g.nodes.find((n) => n.id === 'ns:*#label')?.label).toBe('every namespace (asked with no namespace, like -A)');
  });
});
