// The graph's elements and their fixed layout: what a learner sees must not jump while they type, and no
// namespace's name may sit where pods or other boxes are.
import { describe, expect, it } from 'vitest';
import { evaluate, loadCluster } from '../../topics/netpol/index';
import { buildGraph, DENSE_EDGES, layout, nodeId, type GraphNode } from './graph-model';
import { lessonsOf } from '../../lessons/test-grading';
import { gradeAttempt } from '../../lessons/index';

const cluster = (text: string) => {
  const { cluster: c, diagnostics } = loadCluster([{ file: 'c.yaml', text }]);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return c;
};
const graph = (text: string) => {
  const c = cluster(text);
  return buildGraph({ cluster: c, connectivity: evaluate(c, { declaredPorts: true }), grade: null, evalMs: 0 }, null);
};

const pod = (ns: string, name: string, labels = '{}') =>
  `---\napiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: ${ns}, labels: ${labels}}\nspec: {containers: [{name: c, image: nginx, ports: [{containerPort: 80}]}]}\nstatus: {podIP: 10.0.0.${name.length}}\n`;
const TWO_NAMESPACES =
  '---\napiVersion: v1\nkind: Namespace\nmetadata: {name: empty, labels: {team: none}}\n' +
  pod('default', 'a') + pod('default', 'bb') + pod('test', 'ccc') + pod('test', 'dddd') +
  '---\napiVersion: cks-lab/v1\nkind: ExternalEndpoint\nmetadata: {name: internet}\nspec: {ip: 93.184.216.34}\n';

// Pods are 175 x 78 (graph-style) inside a box padded by 28.
const box = (nodes: GraphNode[], ns: string) => {
  const pods = nodes.filter((n) => n.parent === `ns:${ns}`).map((n) => n.position!);
  return {
    top: Math.min(...pods.map((p) => p.y)) - 39 - 28,
    bottom: Math.max(...pods.map((p) => p.y)) + 39 + 28,
  };
};

describe('graph model', () => {
  it('labels a namespace with its name and labels, above its box and clear of every other box', () => {
    const { nodes } = graph(TWO_NAMESPACES);
    const label = nodes.find((n) => n.id === 'nslabel:test')!;
    expect(label.kind).toBe('namespace-label');
    expect(label.label).toBe('test\nkubernetes.io/metadata.name=test');
    const lines = label.label.split('\n').length;
    const labelTop = label.position!.y - (lines * 20) / 2;
    const labelBottom = label.position!.y + (lines * 20) / 2;
    expect(labelBottom).toBeLessThan(box(nodes, 'test').top);
    expect(labelTop).toBeGreaterThan(box(nodes, 'default').bottom);
    // The box itself carries no text of its own, so nothing is drawn twice.
    expect(nodes.find((n) => n.id === 'ns:test')!.label).toBe('');
  });

  it('keeps the label on an empty namespace, which has no box of pods to stand over', () => {
    const { nodes } = graph(TWO_NAMESPACES);
    expect(nodes.find((n) => n.id === 'ns:empty')!.label).toBe('empty\nteam=none\nkubernetes.io/metadata.name=empty');
    expect(nodes.some((n) => n.id === 'nslabel:empty')).toBe(false);
  });

  it('shows at most four lines over a box, so a label never reaches the box above', () => {
    const many = TWO_NAMESPACES + '---\napiVersion: v1\nkind: Namespace\nmetadata: {name: test, labels: {a: "1", b: "2", c: "3", d: "4"}}\n';
    const { nodes } = graph(many);
    expect(nodes.find((n) => n.id === 'nslabel:test')!.label).toBe('test\na=1\nb=2\n+3 more');
  });

  it('does not move any node when a policy is typed: positions depend on the endpoints only', () => {
    const before = layout(cluster(TWO_NAMESPACES));
    const after = layout(
      cluster(TWO_NAMESPACES + '---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: test}\nspec: {podSelector: {}}\n'),
    );
    expect([...after]).toEqual([...before]);
    expect(before.get(nodeId('test/ccc'))).not.toEqual(before.get(nodeId('default/a')));
  });

  it('draws one edge per ordered pair of different endpoints with a probe, coloured by its verdict', () => {
    const { edges } = graph(
      TWO_NAMESPACES + '---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: test}\nspec: {podSelector: {}}\n',
    );
    // Only test's pods are isolated (ingress): the connections into them are drawn (3 other pods and the
    // external to each, less itself... each of the 2 gets 4 sources), the 8 no policy touches are left out.
    expect(edges.map((e) => `${e.from}>${e.to} ${e.verdict}`).sort()).toEqual([
      'default/a>test/ccc denied',
      'default/a>test/dddd denied',
      'default/bb>test/ccc denied',
      'default/bb>test/dddd denied',
      'external:internet>test/ccc denied',
      'external:internet>test/dddd denied',
      'test/ccc>test/dddd denied',
      'test/dddd>test/ccc denied',
    ]);
  });

  it('draws every connection on a predict step, and all of a chosen pod\'s', () => {
    const text = TWO_NAMESPACES + '---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: test}\nspec: {podSelector: {}}\n';
    const c = cluster(text);
    const result = { cluster: c, connectivity: evaluate(c, { declaredPorts: true }), grade: null, evalMs: 0 };
    // 4 pods + 1 external; every pair with a pod end and a declared port at the destination (the external has none).
    const every = buildGraph(result, null, 'isolated:', null, 'inside', true);
    expect(every.edges).toHaveLength(4 * 3 + 1 * 4);
    expect(every.quiet).toBe(0);
    expect(every.edges.find((e) => e.from === 'test/ccc' && e.to === 'default/a')!.verdict).toBe('allowed');
    const quiet = buildGraph(result, null);
    expect(quiet.quiet).toBe(8);
    const chosen = buildGraph(result, 'default/a');
    expect(chosen.edges.filter((e) => e.from === 'default/a' || e.to === 'default/a')).toHaveLength(3 + 3 + 1);
  });
});

describe('a big cluster groups its connections by namespace', () => {
  const many = (ns: string, n: number) => Array.from({ length: n }, (_, i) => pod(ns, `${ns}-${i}`, `{app: ${ns}}`)).join('');
  const denyFromB =
    '---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: only-a, namespace: a}\nspec:\n  podSelector: {}\n  ingress:\n  - from:\n    - podSelector: {}\n';
  const text = many('a', 10) + many('b', 10) + denyFromB;
  const big = (selected: string | null = null, expanded: { from: string; to: string } | null = null) => {
    const c = cluster(text);
    return buildGraph({ cluster: c, connectivity: evaluate(c, { declaredPorts: true }), grade: null, evalMs: 0 }, selected, 'isolated:', expanded);
  };

  it('draws one arrow per ordered pair of namespaces a policy touches, with its tally, and sums the inside into the label', () => {
    const { edges, nodes, limited, quiet } = big();
    expect(limited).toBe(true);
    // b -> a meets a's ingress policy; a -> b touches no policy (neither end isolated that way): counted, not drawn.
    expect(edges.map((e) => [e.id, e.verdict, e.label])).toEqual([['group:ns:b->ns:a', 'denied', '0/100 ✓']]);
    expect(quiet).toBe(100);
    // Inside a: 10 x 9 pairs, all allowed by the policy's own-namespace rule.
    expect(nodes.find((n) => n.id === 'nslabel:a')!.label).toContain('inside: 90/90 ✓');
  });

  it('a chosen pod shows its own connections only, both ways', () => {
    const { edges } = big('b/b-3');
    expect(edges).toHaveLength(19 * 2);
    expect(edges.every((e) => e.from === 'b/b-3' || e.to === 'b/b-3')).toBe(true);
    expect(edges.filter((e) => e.to === 'a/a-0' && e.from === 'b/b-3').map((e) => e.verdict)).toEqual(['denied']);
  });

  it('an opened arrow becomes its pods\' connections, the others stay grouped', () => {
    const egressToo = text + '---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: out, namespace: a}\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n  egress: [{}]\n';
    const c = cluster(egressToo);
    const { edges } = buildGraph({ cluster: c, connectivity: evaluate(c, { declaredPorts: true }), grade: null, evalMs: 0 }, null, 'isolated:', { from: 'ns:b', to: 'ns:a' });
    expect(edges.filter((e) => e.kind === 'connection')).toHaveLength(100);
    expect(edges.filter((e) => e.kind === 'connection').every((e) => e.verdict === 'denied')).toBe(true);
    // a's egress is isolated now (and open): a -> b is decided by a policy, so it is drawn.
    expect(edges.filter((e) => e.kind === 'group').map((e) => [e.id, e.label])).toEqual([['group:ns:a->ns:b', '100/100 ✓']]);
  });

  it('a lesson-sized cluster keeps every pod-to-pod arrow', () => {
    expect(graph(TWO_NAMESPACES).limited).toBe(false);
  });
});

describe('a crowded graph (a lesson isolating a whole namespace)', () => {
  const { lesson } = lessonsOf('netpol-three-tier');
  const l = lesson('netpol-three-tier');
  const model = (text: string, selected: string | null = null, every = false) => {
    const g = gradeAttempt(l, text);
    return buildGraph({ cluster: g.connectivity!.cluster, connectivity: g.connectivity!, grade: g, evalMs: 0 }, selected, 'isolated:', null, 'inside', every);
  };

  it('leaves out the denied arrows the lesson expects, counted, and keeps every other', () => {
    const all = model(l.solution, null, true).edges.filter((e) => e.kind === 'connection' && (e.verdict !== 'allowed' || e.shouldBe));
    const m = model(l.solution);
    expect(all.length).toBeGreaterThan(DENSE_EDGES);
    expect(m.limited).toBe(false);
    expect(m.expectedDenied).toBe(99);
    expect(m.edges.every((e) => e.verdict !== 'denied' || e.shouldBe)).toBe(true);
    expect(m.edges.map((e) => `${e.from}->${e.to} ${e.verdict}`)).toContain('store/frontend->store/backend mixed');
    // A chosen pod shows all its own, denied ones included, and nothing else.
    const chosen = model(l.solution, 'store/db');
    expect(chosen.expectedDenied).toBe(0);
    expect(chosen.edges.some((e) => e.to === 'store/db' && e.verdict === 'denied')).toBe(true);
    expect(chosen.edges.every((e) => e.from === 'store/db' || e.to === 'store/db')).toBe(true);
    // Also in a crowded graph of marks: the pod's own arrows, not the namespaces'.
    const start = model('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: x, namespace: store}\nspec:\n  podSelector: {matchLabels: {app: nothing}}\n', 'store/db');
    expect(start.limited).toBe(false);
    expect(start.edges.length).toBeGreaterThan(0);
    expect(start.edges.every((e) => e.kind === 'connection' && (e.from === 'store/db' || e.to === 'store/db'))).toBe(true);
  });

  it('nothing written yet: the connections no policy touches stay quiet, even where the lesson expects otherwise', () => {
    const m = model(l.start.en);
    expect(gradeAttempt(l, l.start.en).status).toBe('pending');
    expect(m.edges).toEqual([]);
    expect(m.quiet).toBeGreaterThan(DENSE_EDGES);
    // A small lesson keeps its marks before any policy (deny-all: what should be denied, dashed on amber).
    const deny = lessonsOf('netpol-deny-all').lesson('netpol-deny-all');
    const g = gradeAttempt(deny, deny.start.en);
    const small = buildGraph({ cluster: g.connectivity!.cluster, connectivity: g.connectivity!, grade: g, evalMs: 0 }, null);
    expect(small.edges.filter((e) => e.shouldBe === 'denied').length).toBeGreaterThan(0);
  });

  it('still too many (a wrong answer that leaves every connection as the lesson expects otherwise): arrows join namespaces', () => {
    // An attempt that isolates nothing: every store connection is allowed where the lesson expects it denied.
    const m = model('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: default-deny, namespace: store}\nspec:\n  podSelector: {matchLabels: {app: nothing}}\n');
    expect(m.dense).toBe(true);
    expect(m.limited).toBe(true);
    expect(m.denseEdges).toBeGreaterThan(DENSE_EDGES);
    expect(m.edges.every((e) => e.kind === 'group')).toBe(true);
    expect(m.edges.find((e) => e.from === 'ns:staging' && e.to === 'ns:store')).toMatchObject({ verdict: 'allowed', shouldBe: 'denied' });
    // The playground expects nothing: a crowded one joins namespaces, and never says "as the lesson expects".
    const g = gradeAttempt(l, l.solution);
    const playground = buildGraph({ cluster: g.connectivity!.cluster, connectivity: g.connectivity!, grade: null, evalMs: 0 }, null);
    expect(playground.expectedDenied).toBe(0);
    expect(playground.dense).toBe(true);
    expect(playground.edges.every((e) => e.kind === 'group')).toBe(true);
    // A predict step draws every arrow, whatever their number.
    expect(model(l.start.en, null, true).limited).toBe(false);
    expect(model(l.start.en, null, true).edges.length).toBeGreaterThan(DENSE_EDGES);
  });
});
