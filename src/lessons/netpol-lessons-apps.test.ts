// The NetworkPolicy lessons on the shop cluster (lessons/_clusters/netpol-shop.yaml): several policies that add
// up (netpol-union), a whole three-tier app (netpol-three-tier) and a policy to repair (netpol-fix-broken). Each
// solution passes, other correct answers pass, and the answers an examiner would reject fail with the checks that
// say why: ports too wide or too narrow, IPs instead of selectors, peers that forget their namespace or take the
// whole namespace, the wrong name or namespace, a missing policyType, and each lesson's own typical slips.
import { describe, expect, it } from 'vitest';
import { gradeAttempt, type Lesson } from './index';
import { expectPasses, failingChecks, lessonsOf } from './test-grading';

// Each lesson is loaded on its own, so a half-written lesson elsewhere in lessons/ cannot break this suite.
const loaded = new Map<string, Lesson>();
function lesson(id: string): Lesson {
  if (!loaded.has(id)) loaded.set(id, lessonsOf(id).lesson(id));
  return loaded.get(id)!;
}

// ---- builders --------------------------------------------------------------------------------------------------

/** A NetworkPolicy; `spec` is YAML text indented by two spaces. */
const np = (namespace: string, name: string, spec: string): string =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n${spec}\n`;
const docs = (...texts: string[]): string => texts.join('---\n');

const problemsOf = (id: string, text: string, check: string): string[] =>
  gradeAttempt(lesson(id), text).checks.find((c) => c.id === check)!.problems.map((p) => p.en);

const app = (name: string): string => `{podSelector: {matchLabels: {app: ${name}}}}`;
const nsIs = (name: string): string => `{matchLabels: {kubernetes.io/metadata.name: ${name}}}`;
const tcp = (port: number | string): string => `[{protocol: TCP, port: ${port}}]`;
/** An ingress or egress rule: `peers` is a flow list of peers (or '' for every peer), `ports` a flow list (or ''). */
const rule = (key: 'from' | 'to', peers: string, ports: string): string => {
  const parts = [peers ? `${key}: ${peers}` : '', ports ? `ports: ${ports}` : ''].filter(Boolean);
  return `{${parts.join(', ')}}`;
};
/** A policy that selects app=`target` in store, with the listed policyTypes and rules (flow lists, or ''). */
const onApp = (name: string, target: string, types: string, ingress: string, egress = '', ns = 'store'): string =>
  np(ns, name, `  podSelector: {matchLabels: {app: ${target}}}\n  policyTypes: [${types}]${ingress ? `\n  ingress: ${ingress}` : ''}${egress ? `\n  egress: ${egress}` : ''}`);

// The shop's addresses, as an answer that lists IPs would write them.
const IP = { frontend: '10.244.1.10/32', backend: '10.244.1.20/32', db: '10.244.1.30/32', prometheus: '10.244.2.50/32' };

describe('the shop cluster', () => {
  it('holds the shop, its look-alikes and the addresses outside, one /24 of pod addresses per node', () => {
    const grade = gradeAttempt(lesson('netpol-union'), lesson('netpol-union').solution);
    const eps = grade.connectivity!.cluster.endpoints.map((e) => `${e.id} ${e.ip?.text ?? ''} ${JSON.stringify(e.labels)}`);
    expect(eps).toEqual([
      'external:internet 198.51.100.7 {}',
      'external:office 198.51.100.20 {}',
      'kube-system/coredns 10.244.0.10 {"k8s-app":"kube-dns"}',
      'monitoring/grafana 10.244.2.51 {"app":"grafana"}',
      'monitoring/prometheus 10.244.2.50 {"app":"prometheus","role":"monitoring"}',
      'staging/backend 10.244.3.20 {"app":"backend","tier":"api"}',
      'staging/db 10.244.3.30 {"app":"db","tier":"data"}',
      'staging/frontend 10.244.3.10 {"app":"frontend","tier":"web"}',
      'staging/prometheus 10.244.3.50 {"app":"prometheus","role":"monitoring"}',
      'store/backend 10.244.1.20 {"app":"backend","tier":"api"}',
      'store/backend-canary 10.244.2.20 {"app":"backend-canary","tier":"api"}',
      'store/db 10.244.1.30 {"app":"db","tier":"data"}',
      'store/debug 10.244.2.99 {}',
      'store/frontend 10.244.1.10 {"app":"frontend","tier":"web"}',
    ]);
    expect(grade.diagnostics).toEqual([]);
  });

  it('each lesson says in both languages which probes are graded', () => {
    const said: Record<string, [string, string]> = {
      'netpol-union': ['TCP 80, 8080, 8081, 9090 and 9091 and UDP 9090', 'TCP 80・8080・8081・9090・9091、UDP 9090'],
      'netpol-three-tier': ['TCP 80, 443, 5432, 8080 and 8081 and UDP 53', 'TCP 80・443・5432・8080・8081、UDP 53'],
      'netpol-fix-broken': ['TCP 80, 8080, 8081, 9090 and 9091 and UDP 8080', 'TCP 80・8080・8081・9090・9091、UDP 8080'],
    };
    for (const [id, [en, ja]] of Object.entries(said)) {
      const l = lesson(id);
      expect(l.cluster.file).toBe('lessons/_clusters/netpol-shop.yaml');
      expect(l.instructions.en).toContain(en);
      expect(l.instructions.ja).toContain(ja);
      const probes = (l.options.get('netpol') as { ports: { port: number; protocol: string }[] }).ports.map((p) => `${p.protocol} ${p.port}`);
      for (const p of probes) {
        const [protocol, port] = p.split(' ');
        expect(en, `${id} ${p}`).toContain(protocol!);
        expect(en, `${id} ${p}`).toContain(port!);
      }
    }
  });
});

// ---- netpol-union --------------------------------------------------------------------------------------------

describe('netpol-union', () => {
  const ID = 'netpol-union';
  const FIRST = onApp('backend-allow-frontend', 'backend', 'Ingress', `[${rule('from', `[${app('frontend')}]`, tcp(8080))}]`);
  const PROMETHEUS = `[{namespaceSelector: ${nsIs('monitoring')}, podSelector: {matchLabels: {app: prometheus}}}]`;
  /** The starting policy plus a second policy for the backend, with one ingress rule. */
  const second = (peers: string, ports: string = tcp(9090), name = 'backend-allow-monitoring', ns = 'store') =>
    docs(FIRST, onApp(name, 'backend', 'Ingress', `[${rule('from', peers, ports)}]`, '', ns));

  it('the solution passes, and so do other sound ways to name prometheus', () => {
    expectPasses(lesson(ID), lesson(ID).solution);
    expectPasses(lesson(ID), second(PROMETHEUS, '[{port: 9090}]'));
    expectPasses(lesson(ID), second(`[{namespaceSelector: {matchExpressions: [{key: kubernetes.io/metadata.name, operator: In, values: [monitoring]}]}, podSelector: {matchLabels: {role: monitoring}}}]`));
    expectPasses(lesson(ID), second(PROMETHEUS, '[{protocol: TCP, port: metrics}]')); // the backend's named port
  });

  it('the starting text is failed, not passed: prometheus is still refused', () => {
    for (const text of [lesson(ID).start.en, lesson(ID).start.ja]) {
      expect(failingChecks(lesson(ID), text)).toEqual(['backend-union', 'monitoring-policy']);
    }
    expect(problemsOf(ID, lesson(ID).start.en, 'backend-union')).toEqual(['monitoring/prometheus → store/backend (TCP 9090) should be allowed, but it is denied.']);
  });

  it('editing the first policy instead of adding a second one', () => {
    const edited = onApp('backend-allow-frontend', 'backend', 'Ingress', `[${rule('from', `[${app('frontend')}]`, tcp(8080))}, ${rule('from', PROMETHEUS, tcp(9090))}]`);
    expect(failingChecks(lesson(ID), edited)).toEqual(['monitoring-policy', 'frontend-policy-kept']);
    expect(problemsOf(ID, edited, 'monitoring-policy')).toEqual([
      'No NetworkPolicy named backend-allow-monitoring in namespace store.',
      'monitoring/prometheus → store/backend (TCP 9090): no rule of backend-allow-monitoring admits it.',
    ]);
    expect(problemsOf(ID, edited, 'frontend-policy-kept')).toEqual([
      "monitoring/prometheus → store/backend (TCP 9090): store/backend-allow-frontend's ingress rule 2 admits it, but the task names no such connection.",
    ]);
  });

  it('the prometheus rule added to the first policy as well as written in the second: right verdicts, first policy changed', () => {
    // The union is the same as the solution's, so only admitsOnly on the first policy can tell.
    const edited = onApp('backend-allow-frontend', 'backend', 'Ingress', `[${rule('from', `[${app('frontend')}]`, tcp(8080))}, ${rule('from', PROMETHEUS, tcp(9090))}]`);
    const text = docs(edited, onApp('backend-allow-monitoring', 'backend', 'Ingress', `[${rule('from', PROMETHEUS, tcp(9090))}]`));
    expect(failingChecks(lesson(ID), text)).toEqual(['frontend-policy-kept']);
    expect(problemsOf(ID, text, 'frontend-policy-kept')).toEqual([
      "monitoring/prometheus → store/backend (TCP 9090): store/backend-allow-frontend's ingress rule 2 admits it, but the task names no such connection.",
    ]);
  });

  it('all of monitoring on every port: grafana gets in, and prometheus reaches 8080', () => {
    const text = second(`[{namespaceSelector: ${nsIs('monitoring')}}]`, '');
    expect(failingChecks(lesson(ID), text)).toEqual(['backend-union', 'monitoring-policy']);
    expect(problemsOf(ID, text, 'backend-union')).toEqual([
      'monitoring/grafana → store/backend (TCP 80) should be denied, but it is allowed.',
      'monitoring/grafana → store/backend (TCP 8080) should be denied, but it is allowed.',
      'monitoring/grafana → store/backend (TCP 8081) should be denied, but it is allowed.',
      'monitoring/grafana → store/backend (TCP 9090) should be denied, but it is allowed.',
      '…and 7 more connections.',
    ]);
    expect(problemsOf(ID, text, 'monitoring-policy')).toEqual([
      "monitoring/grafana → store/backend (TCP 80): store/backend-allow-monitoring's ingress rule 1 admits it, but the task names no such connection.",
      "monitoring/grafana → store/backend (TCP 8080): store/backend-allow-monitoring's ingress rule 1 admits it, but the task names no such connection.",
      "monitoring/grafana → store/backend (TCP 8081): store/backend-allow-monitoring's ingress rule 1 admits it, but the task names no such connection.",
      "monitoring/grafana → store/backend (TCP 9090): store/backend-allow-monitoring's ingress rule 1 admits it, but the task names no such connection.",
      '…and 7 more.',
    ]);
  });

  it('the peer written as two list items (OR): every pod of monitoring gets in', () => {
    const text = second(`[{namespaceSelector: ${nsIs('monitoring')}}, {podSelector: {matchLabels: {app: prometheus}}}]`);
    expect(failingChecks(lesson(ID), text)).toEqual(['backend-union', 'monitoring-policy']);
    expect(problemsOf(ID, text, 'backend-union')).toEqual(['monitoring/grafana → store/backend (TCP 9090) should be denied, but it is allowed.']);
    expect(problemsOf(ID, text, 'monitoring-policy')).toEqual(["monitoring/grafana → store/backend (TCP 9090): store/backend-allow-monitoring's ingress rule 1 admits it, but the task names no such connection."]);
  });

  it('forgetting the namespaceSelector: the podSelector looks for prometheus in store', () => {
    const text = second(`[${app('prometheus')}]`);
    expect(failingChecks(lesson(ID), text)).toEqual(['backend-union', 'monitoring-policy']);
    expect(problemsOf(ID, text, 'monitoring-policy')).toEqual(['monitoring/prometheus → store/backend (TCP 9090): no ingress rule admits it.']);
  });

  it('app=prometheus from every namespace: staging’s prometheus gets in', () => {
    const text = second('[{namespaceSelector: {}, podSelector: {matchLabels: {app: prometheus}}}]');
    expect(failingChecks(lesson(ID), text)).toEqual(['backend-union', 'monitoring-policy']);
    expect(problemsOf(ID, text, 'backend-union')).toEqual(['staging/prometheus → store/backend (TCP 9090) should be denied, but it is allowed.']);
    expect(problemsOf(ID, text, 'monitoring-policy')).toEqual(["staging/prometheus → store/backend (TCP 9090): store/backend-allow-monitoring's ingress rule 1 admits it, but the task names no such connection."]);
  });

  it('every namespace but store (NotIn): staging’s prometheus gets in', () => {
    const text = second('[{namespaceSelector: {matchExpressions: [{key: kubernetes.io/metadata.name, operator: NotIn, values: [store]}]}, podSelector: {matchLabels: {app: prometheus}}}]');
    expect(failingChecks(lesson(ID), text)).toEqual(['backend-union', 'monitoring-policy']);
  });

  it('prometheus’s IP listed: right verdicts, wrong tool', () => {
    const text = second(`[{ipBlock: {cidr: ${IP.prometheus}}}]`);
    expect(failingChecks(lesson(ID), text)).toEqual(['monitoring-policy']);
    expect(problemsOf(ID, text, 'monitoring-policy')).toEqual([
      "monitoring/prometheus → store/backend (TCP 9090): store/backend-allow-monitoring's ingress rule 1 admits it with an ipBlock peer, not a namespaceSelector.",
    ]);
  });

  it('the right peer on every port', () => {
    const text = second(PROMETHEUS, '');
    expect(failingChecks(lesson(ID), text)).toEqual(['backend-union', 'monitoring-policy']);
    expect(problemsOf(ID, text, 'monitoring-policy')).toEqual([
      "monitoring/prometheus → store/backend (TCP 80): store/backend-allow-monitoring's ingress rule 1 admits it, but the task names no such connection.",
      "monitoring/prometheus → store/backend (TCP 8080): store/backend-allow-monitoring's ingress rule 1 admits it, but the task names no such connection.",
      "monitoring/prometheus → store/backend (TCP 8081): store/backend-allow-monitoring's ingress rule 1 admits it, but the task names no such connection.",
      "monitoring/prometheus → store/backend (UDP 9090): store/backend-allow-monitoring's ingress rule 1 admits it, but the task names no such connection.",
      '…and 1 more.',
    ]);
  });

  it('TCP and UDP 9090 where TCP was asked', () => {
    const text = second(PROMETHEUS, '[{protocol: TCP, port: 9090}, {protocol: UDP, port: 9090}]');
    expect(failingChecks(lesson(ID), text)).toEqual(['backend-union', 'monitoring-policy']);
    expect(problemsOf(ID, text, 'backend-union')).toEqual(['monitoring/prometheus → store/backend (UDP 9090) should be denied, but it is allowed.']);
    expect(problemsOf(ID, text, 'monitoring-policy')).toEqual(["monitoring/prometheus → store/backend (UDP 9090): store/backend-allow-monitoring's ingress rule 1 admits it, but the task names no such connection."]);
  });

  it('a port range 9090-9091', () => {
    const text = second(PROMETHEUS, '[{protocol: TCP, port: 9090, endPort: 9091}]');
    expect(failingChecks(lesson(ID), text)).toEqual(['backend-union', 'monitoring-policy']);
    expect(problemsOf(ID, text, 'monitoring-policy')).toEqual(["monitoring/prometheus → store/backend (TCP 9091): store/backend-allow-monitoring's ingress rule 1 admits it, but the task names no such connection."]);
  });

  it('the second policy in namespace monitoring selects nothing', () => {
    const text = second(PROMETHEUS, tcp(9090), 'backend-allow-monitoring', 'monitoring');
    expect(failingChecks(lesson(ID), text)).toEqual(['backend-union', 'monitoring-policy']);
    expect(problemsOf(ID, text, 'monitoring-policy')[0]).toBe('No NetworkPolicy named backend-allow-monitoring in namespace store (there is one in monitoring).');
  });

  it('the second policy under another name', () => {
    expect(failingChecks(lesson(ID), second(PROMETHEUS, tcp(9090), 'backend-allow-prometheus'))).toEqual(['monitoring-policy']);
  });

  it('tier=api as the target: backend-canary is isolated too', () => {
    const text = docs(FIRST, np('store', 'backend-allow-monitoring', `  podSelector: {matchLabels: {tier: api}}\n  policyTypes: [Ingress]\n  ingress: [${rule('from', PROMETHEUS, tcp(9090))}]`));
    expect(failingChecks(lesson(ID), text)).toEqual(['backend-union', 'monitoring-policy']);
    expect(problemsOf(ID, text, 'monitoring-policy')).toEqual([
      'store/backend-allow-monitoring selects store/backend-canary, which it should leave alone.',
      "monitoring/prometheus → store/backend-canary (TCP 9090): store/backend-allow-monitoring's ingress rule 1 admits it, but the task names no such connection.",
    ]);
  });

  it('replacing the first policy: the frontend is refused', () => {
    const text = onApp('backend-allow-monitoring', 'backend', 'Ingress', `[${rule('from', PROMETHEUS, tcp(9090))}]`);
    expect(failingChecks(lesson(ID), text)).toEqual(['backend-union', 'frontend-policy-kept']);
    expect(problemsOf(ID, text, 'frontend-policy-kept')).toEqual([
      'No NetworkPolicy named backend-allow-frontend in namespace store.',
      'store/frontend → store/backend (TCP 8080): no ingress rule admits it.',
    ]);
  });

  it('the first policy renamed', () => {
    const text = docs(FIRST.replace('name: backend-allow-frontend', 'name: allow-frontend'), onApp('backend-allow-monitoring', 'backend', 'Ingress', `[${rule('from', PROMETHEUS, tcp(9090))}]`));
    expect(failingChecks(lesson(ID), text)).toEqual(['frontend-policy-kept']);
  });

  it('policyTypes Ingress and Egress on the second policy: the backend can no longer send', () => {
    const text = docs(FIRST, onApp('backend-allow-monitoring', 'backend', 'Ingress, Egress', `[${rule('from', PROMETHEUS, tcp(9090))}]`));
    expect(failingChecks(lesson(ID), text)).toEqual(['backend-union', 'monitoring-policy']);
    expect(problemsOf(ID, text, 'monitoring-policy')).toEqual([expect.stringMatching(/^store\/backend-allow-monitoring has policyTypes Ingress and Egress \(after defaulting\); it should have Ingress\.$/)]);
  });

  it('a namespace label that does not exist (name: monitoring)', () => {
    expect(failingChecks(lesson(ID), second('[{namespaceSelector: {matchLabels: {name: monitoring}}, podSelector: {matchLabels: {app: prometheus}}}]'))).toEqual(['backend-union', 'monitoring-policy']);
  });
});

// ---- netpol-three-tier ---------------------------------------------------------------------------------------

describe('netpol-three-tier', () => {
  const ID = 'netpol-three-tier';
  const BOTH = 'Ingress, Egress';
  const FRONT_IN = `[${rule('from', '', tcp(80))}]`;
  const FRONT_OUT = `[${rule('to', `[${app('backend')}]`, tcp(8080))}]`;
  const BACK_IN = `[${rule('from', `[${app('frontend')}]`, tcp(8080))}]`;
  const BACK_OUT = `[${rule('to', `[${app('db')}]`, tcp(5432))}]`;
  const DB_IN = `[${rule('from', `[${app('backend')}]`, tcp(5432))}]`;
  interface Shop {
    deny: string;
    front: string;
    back: string;
    db: string;
  }
  const SHOP: Shop = {
    deny: np('store', 'default-deny', `  podSelector: {}\n  policyTypes: [${BOTH}]`),
    front: onApp('frontend-policy', 'frontend', BOTH, FRONT_IN, FRONT_OUT),
    back: onApp('backend-policy', 'backend', BOTH, BACK_IN, BACK_OUT),
    db: onApp('db-policy', 'db', BOTH, DB_IN),
  };
  /** The four policies of a sound answer, some replaced. */
  const shop = (changes: Partial<Shop> = {}): string => {
    const s = { ...SHOP, ...changes };
    return docs(...[s.deny, s.front, s.back, s.db].filter(Boolean));
  };
  const ALL = ['tiers-only', 'default-deny', 'frontend-policy', 'backend-policy', 'db-policy', 'peers-by-label'];

  it('the solution passes, and so do named ports and "anywhere" written as peers', () => {
    expectPasses(lesson(ID), lesson(ID).solution);
    expectPasses(lesson(ID), shop());
    // Named ports resolve against the destination: http is the backend's 8080, postgres the db's 5432.
    expectPasses(lesson(ID), shop({
      front: onApp('frontend-policy', 'frontend', BOTH, FRONT_IN, `[${rule('to', `[${app('backend')}]`, tcp('http'))}]`),
      back: onApp('backend-policy', 'backend', BOTH, `[${rule('from', `[${app('frontend')}]`, tcp('http'))}]`, `[${rule('to', `[${app('db')}]`, tcp('postgres'))}]`),
      db: onApp('db-policy', 'db', BOTH, `[${rule('from', `[${app('backend')}]`, tcp('postgres'))}]`),
    }));
    // Every pod of every namespace, and every address.
    expectPasses(lesson(ID), shop({ front: onApp('frontend-policy', 'frontend', BOTH, `[${rule('from', '[{namespaceSelector: {}}, {ipBlock: {cidr: 0.0.0.0/0}}]', tcp(80))}]`, FRONT_OUT) }));
    // The peers pinned to store explicitly.
    expectPasses(lesson(ID), shop({ back: onApp('backend-policy', 'backend', BOTH, `[${rule('from', `[{namespaceSelector: ${nsIs('store')}, podSelector: {matchLabels: {app: frontend}}}]`, tcp(8080))}]`, BACK_OUT) }));
  });

  it('ingress only: receiving is locked, sending wide open', () => {
    const text = docs(
      np('store', 'default-deny', '  podSelector: {}\n  policyTypes: [Ingress]'),
      onApp('frontend-policy', 'frontend', 'Ingress', FRONT_IN),
      onApp('backend-policy', 'backend', 'Ingress', BACK_IN),
      onApp('db-policy', 'db', 'Ingress', DB_IN),
    );
    expect(failingChecks(lesson(ID), text)).toEqual(ALL);
    expect(problemsOf(ID, text, 'tiers-only')[0]).toBe('store/backend → external:internet (UDP 53) should be denied, but it is allowed.');
    expect(problemsOf(ID, text, 'backend-policy')).toEqual([
      'store/backend-policy has policyTypes Ingress (after defaulting); it should have Ingress and Egress.',
      'store/backend → store/db (TCP 5432): nothing isolates store/backend for egress, so no rule admits it.',
    ]);
  });

  it('the backend admits app=frontend from every namespace: staging’s frontend gets in', () => {
    const text = shop({ back: onApp('backend-policy', 'backend', BOTH, `[${rule('from', '[{namespaceSelector: {}, podSelector: {matchLabels: {app: frontend}}}]', tcp(8080))}]`, BACK_OUT) });
    expect(failingChecks(lesson(ID), text)).toEqual(['tiers-only', 'backend-policy']);
    expect(problemsOf(ID, text, 'tiers-only')).toEqual(['staging/frontend → store/backend (TCP 8080) should be denied, but it is allowed.']);
    expect(problemsOf(ID, text, 'backend-policy')).toEqual(["staging/frontend → store/backend (TCP 8080): store/backend-policy's ingress rule 1 admits it, but the task names no such connection."]);
  });

  it('the db admits app=backend from every namespace: staging’s backend gets in', () => {
    const text = shop({ db: onApp('db-policy', 'db', BOTH, `[${rule('from', '[{namespaceSelector: {}, podSelector: {matchLabels: {app: backend}}}]', tcp(5432))}]`) });
    expect(failingChecks(lesson(ID), text)).toEqual(['tiers-only', 'db-policy']);
    expect(problemsOf(ID, text, 'tiers-only')).toEqual(['staging/backend → store/db (TCP 5432) should be denied, but it is allowed.']);
    expect(problemsOf(ID, text, 'db-policy')).toEqual(["staging/backend → store/db (TCP 5432): store/db-policy's ingress rule 1 admits it, but the task names no such connection."]);
  });

  it('the db admits tier=api: the canary is still kept out by its own egress, but db-policy admits it', () => {
    const text = shop({ db: onApp('db-policy', 'db', BOTH, `[${rule('from', '[{podSelector: {matchLabels: {tier: api}}}]', tcp(5432))}]`) });
    expect(failingChecks(lesson(ID), text)).toEqual(['db-policy']);
    expect(problemsOf(ID, text, 'db-policy')).toEqual(["store/backend-canary → store/db (TCP 5432): store/db-policy's ingress rule 1 admits it, but the task names no such connection."]);
  });

  it('the frontend may send to every pod of store on every port: their ingress still refuses, but frontend-policy admits it', () => {
    const text = shop({ front: onApp('frontend-policy', 'frontend', BOTH, FRONT_IN, `[${rule('to', '[{podSelector: {}}]', '')}]`) });
    expect(failingChecks(lesson(ID), text)).toEqual(['frontend-policy']);
    expect(problemsOf(ID, text, 'frontend-policy')).toEqual([
      "store/frontend → store/backend (UDP 53): store/frontend-policy's egress rule 1 admits it, but the task names no such connection.",
      "store/frontend → store/backend (TCP 80): store/frontend-policy's egress rule 1 admits it, but the task names no such connection.",
      "store/frontend → store/backend (TCP 443): store/frontend-policy's egress rule 1 admits it, but the task names no such connection.",
      "store/frontend → store/backend (TCP 5432): store/frontend-policy's egress rule 1 admits it, but the task names no such connection.",
      '…and 19 more.',
    ]);
  });

  it('the backend’s port lists swapped', () => {
    const text = shop({ back: onApp('backend-policy', 'backend', BOTH, `[${rule('from', `[${app('frontend')}]`, tcp(5432))}]`, `[${rule('to', `[${app('db')}]`, tcp(8080))}]`) });
    expect(failingChecks(lesson(ID), text)).toEqual(['tiers-only', 'backend-policy', 'peers-by-label']);
    expect(problemsOf(ID, text, 'tiers-only')).toEqual([
      'store/backend → store/db (TCP 5432) should be allowed, but it is denied.',
      'store/frontend → store/backend (TCP 8080) should be allowed, but it is denied.',
    ]);
  });

  it('db-policy without Egress: the same verdicts today, but the db is open once default-deny goes', () => {
    for (const db of [onApp('db-policy', 'db', 'Ingress', DB_IN), np('store', 'db-policy', `  podSelector: {matchLabels: {app: db}}\n  ingress: ${DB_IN}`)]) {
      const text = shop({ db });
      expect(failingChecks(lesson(ID), text)).toEqual(['db-policy']);
      expect(problemsOf(ID, text, 'db-policy')).toEqual(['store/db-policy has policyTypes Ingress (after defaulting); it should have Ingress and Egress.']);
    }
  });

  it('default-deny without policyTypes isolates ingress only: the debug pod and the canary can send', () => {
    const text = shop({ deny: np('store', 'default-deny', '  podSelector: {}') });
    expect(failingChecks(lesson(ID), text)).toEqual(['tiers-only', 'default-deny']);
    expect(problemsOf(ID, text, 'tiers-only')[0]).toBe('store/backend-canary → external:internet (UDP 53) should be denied, but it is allowed.');
  });

  it('no default-deny at all: the debug pod and the canary stay open', () => {
    expect(failingChecks(lesson(ID), shop({ deny: '' }))).toEqual(['tiers-only', 'default-deny']);
  });

  it('default-deny for pods with an app label only: the debug pod stays open', () => {
    const text = shop({ deny: np('store', 'default-deny', `  podSelector: {matchExpressions: [{key: app, operator: Exists}]}\n  policyTypes: [${BOTH}]`) });
    expect(failingChecks(lesson(ID), text)).toEqual(['tiers-only', 'default-deny']);
    expect(problemsOf(ID, text, 'default-deny')).toEqual(['store/default-deny does not select store/debug.']);
  });

  it('"anywhere" as namespaceSelector {}: the addresses outside the cluster are refused', () => {
    const text = shop({ front: onApp('frontend-policy', 'frontend', BOTH, `[${rule('from', '[{namespaceSelector: {}}]', tcp(80))}]`, FRONT_OUT) });
    expect(failingChecks(lesson(ID), text)).toEqual(['tiers-only', 'frontend-policy']);
    expect(problemsOf(ID, text, 'tiers-only')).toEqual([
      'external:internet → store/frontend (TCP 80) should be allowed, but it is denied.',
      'external:office → store/frontend (TCP 80) should be allowed, but it is denied.',
    ]);
  });

  it('"anywhere" as the customers’ /24 only: every pod is refused', () => {
    const text = shop({ front: onApp('frontend-policy', 'frontend', BOTH, `[${rule('from', '[{ipBlock: {cidr: 198.51.100.0/24}}]', tcp(80))}]`, FRONT_OUT) });
    expect(failingChecks(lesson(ID), text)).toEqual(['tiers-only', 'frontend-policy']);
  });

  it('the frontend open on every port', () => {
    const text = shop({ front: onApp('frontend-policy', 'frontend', BOTH, '[{}]', FRONT_OUT) });
    expect(failingChecks(lesson(ID), text)).toEqual(['tiers-only', 'frontend-policy']);
    expect(problemsOf(ID, text, 'frontend-policy')[0]).toBe("external:internet → store/frontend (UDP 53): store/frontend-policy's ingress rule 1 admits it, but the task names no such connection.");
  });

  it('DNS allowed for every pod of store, where the task leaves it out', () => {
    const dns = `[${rule('to', `[{namespaceSelector: ${nsIs('kube-system')}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]`, '[{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]')}]`;
    const text = shop({ deny: np('store', 'default-deny', `  podSelector: {}\n  policyTypes: [${BOTH}]\n  egress: ${dns}`) });
    expect(failingChecks(lesson(ID), text)).toEqual(['tiers-only']);
    expect(problemsOf(ID, text, 'tiers-only')[0]).toBe('store/backend → kube-system/coredns (UDP 53) should be denied, but it is allowed.');
  });

  it('the db’s IP instead of its label in the backend’s egress: right verdicts, wrong tool', () => {
    const text = shop({ back: onApp('backend-policy', 'backend', BOTH, BACK_IN, `[${rule('to', `[{ipBlock: {cidr: ${IP.db}}}]`, tcp(5432))}]`) });
    expect(failingChecks(lesson(ID), text)).toEqual(['peers-by-label']);
    expect(problemsOf(ID, text, 'peers-by-label')).toEqual([
      "store/backend → store/db (TCP 5432): store/backend-policy's egress rule 1 admits it with an ipBlock peer, not a podSelector.",
    ]);
  });

  it('the frontend’s IP instead of its label in the backend’s ingress', () => {
    const text = shop({ back: onApp('backend-policy', 'backend', BOTH, `[${rule('from', `[{ipBlock: {cidr: ${IP.frontend}}}]`, tcp(8080))}]`, BACK_OUT) });
    expect(failingChecks(lesson(ID), text)).toEqual(['peers-by-label']);
  });

  it('the backend selected by tier=api: the frontend and the db still guard the canary, but backend-policy selects it', () => {
    const text = shop({ back: np('store', 'backend-policy', `  podSelector: {matchLabels: {tier: api}}\n  policyTypes: [${BOTH}]\n  ingress: ${BACK_IN}\n  egress: ${BACK_OUT}`) });
    expect(failingChecks(lesson(ID), text)).toEqual(['backend-policy']);
    expect(problemsOf(ID, text, 'backend-policy')).toEqual([
      'store/backend-policy selects store/backend-canary, which it should leave alone.',
      "store/backend-canary → store/db (TCP 5432): store/backend-policy's egress rule 1 admits it, but the task names no such connection.",
      "store/frontend → store/backend-canary (TCP 8080): store/backend-policy's ingress rule 1 admits it, but the task names no such connection.",
    ]);
  });

  it('frontend-policy under another name', () => {
    const text = shop({ front: onApp('allow-frontend', 'frontend', BOTH, FRONT_IN, FRONT_OUT) });
    expect(failingChecks(lesson(ID), text)).toEqual(['frontend-policy']);
    expect(problemsOf(ID, text, 'frontend-policy')[0]).toBe('No NetworkPolicy named frontend-policy in namespace store.');
  });

  it('the four policies without a namespace land in default', () => {
    const text = shop().replaceAll('  namespace: store\n', '');
    expect(failingChecks(lesson(ID), text)).toEqual(ALL);
    expect(problemsOf(ID, text, 'default-deny')).toEqual(['No NetworkPolicy named default-deny in namespace store (there is one in default).']);
  });

  it('the frontend’s egress rule put in backend-policy instead', () => {
    // backend-policy cannot let the frontend out: it selects the backend. frontend-policy without egress rules,
    // but with Egress listed, lets the frontend send nothing.
    const text = shop({ front: onApp('frontend-policy', 'frontend', BOTH, FRONT_IN), back: onApp('backend-policy', 'backend', BOTH, BACK_IN, `[${rule('to', `[${app('db')}]`, tcp(5432))}, ${rule('to', `[${app('backend')}]`, tcp(8080))}]`) });
    expect(failingChecks(lesson(ID), text)).toEqual(['tiers-only', 'frontend-policy', 'peers-by-label']);
  });
});

// ---- netpol-fix-broken ---------------------------------------------------------------------------------------

describe('netpol-fix-broken', () => {
  const ID = 'netpol-fix-broken';
  const NAME = 'backend-ingress';
  const AND = `[{namespaceSelector: ${nsIs('monitoring')}, podSelector: {matchLabels: {app: prometheus}}}]`;
  const OR = `[{namespaceSelector: ${nsIs('monitoring')}}, {podSelector: {matchLabels: {app: prometheus}}}]`;
  /** backend-ingress with the frontend's rule (peers, ports) and prometheus's rule (peers, ports). */
  const fix = (frontPorts: string, promPeers: string, opts: { frontPeers?: string; promPorts?: string; name?: string; ns?: string; types?: string } = {}) =>
    onApp(
      opts.name ?? NAME,
      'backend',
      opts.types ?? 'Ingress',
      `[${rule('from', opts.frontPeers ?? `[${app('frontend')}]`, frontPorts)}, ${rule('from', promPeers, opts.promPorts ?? tcp(9090))}]`,
      '',
      opts.ns ?? 'store',
    );

  it('the solution passes, and so does any correct fix', () => {
    expectPasses(lesson(ID), lesson(ID).solution);
    expectPasses(lesson(ID), fix(tcp(8080), AND));
    expectPasses(lesson(ID), fix(tcp('http'), AND)); // the container port's name
    expectPasses(lesson(ID), fix('[{port: 8080}]', AND, { promPorts: '[{port: metrics}]' }));
    expectPasses(lesson(ID), fix(tcp(8080), `[{podSelector: {matchLabels: {role: monitoring}}, namespaceSelector: {matchExpressions: [{key: kubernetes.io/metadata.name, operator: In, values: [monitoring]}]}}]`));
    // One rule per caller is not required: two rules merged differently still say the same.
    expectPasses(lesson(ID), onApp(NAME, 'backend', 'Ingress', `[${rule('from', AND, tcp(9090))}, ${rule('from', `[${app('frontend')}]`, tcp(8080))}]`));
  });

  it('the starting text is failed: both bugs show', () => {
    expect(failingChecks(lesson(ID), lesson(ID).start.en)).toEqual(['backend-reachable', 'fixed-in-place']);
    expect(problemsOf(ID, lesson(ID).start.en, 'backend-reachable')).toEqual([
      'monitoring/grafana → store/backend (TCP 9090) should be denied, but it is allowed.',
      'store/frontend → store/backend (TCP 80) should be denied, but it is allowed.',
      'store/frontend → store/backend (TCP 8080) should be allowed, but it is denied.',
    ]);
  });

  it('only the port fixed: grafana still reaches the metrics port', () => {
    const text = fix(tcp(8080), OR);
    expect(failingChecks(lesson(ID), text)).toEqual(['backend-reachable', 'fixed-in-place']);
    expect(problemsOf(ID, text, 'backend-reachable')).toEqual(['monitoring/grafana → store/backend (TCP 9090) should be denied, but it is allowed.']);
    expect(problemsOf(ID, text, 'fixed-in-place')).toEqual([
      "monitoring/prometheus → store/backend (TCP 9090): store/backend-ingress's ingress rule 2 admits it with a namespaceSelector peer, not a podSelector.",
      "monitoring/grafana → store/backend (TCP 9090): store/backend-ingress's ingress rule 2 admits it, but the task names no such connection.",
    ]);
  });

  it('only the peer fixed: the frontend is still refused on its real port', () => {
    const text = fix(tcp(80), AND);
    expect(failingChecks(lesson(ID), text)).toEqual(['backend-reachable', 'fixed-in-place']);
    expect(problemsOf(ID, text, 'backend-reachable')).toEqual([
      'store/frontend → store/backend (TCP 80) should be denied, but it is allowed.',
      'store/frontend → store/backend (TCP 8080) should be allowed, but it is denied.',
    ]);
    expect(problemsOf(ID, text, 'fixed-in-place')).toEqual([
      'store/frontend → store/backend (TCP 8080): no ingress rule admits it.',
      "store/frontend → store/backend (TCP 80): store/backend-ingress's ingress rule 1 admits it, but the task names no such connection.",
    ]);
  });

  it('deleting the policy is not a fix: nothing is graded as passed', () => {
    for (const text of ['', '# removed: it did not work\n']) expect(gradeAttempt(lesson(ID), text).status).toBe('pending');
  });

  it('opening everything: every peer, every port', () => {
    const text = onApp(NAME, 'backend', 'Ingress', '[{}]');
    expect(failingChecks(lesson(ID), text)).toEqual(['backend-reachable', 'fixed-in-place']);
    expect(problemsOf(ID, text, 'fixed-in-place')[0]).toBe("store/frontend → store/backend (TCP 8080): store/backend-ingress's ingress rule 1 admits every peer, not a podSelector.");
  });

  it('both ports 80 and 8080: the Service port is still open on the pod', () => {
    const text = fix('[{protocol: TCP, port: 80}, {protocol: TCP, port: 8080}]', AND);
    expect(failingChecks(lesson(ID), text)).toEqual(['backend-reachable', 'fixed-in-place']);
    expect(problemsOf(ID, text, 'fixed-in-place')).toEqual(["store/frontend → store/backend (TCP 80): store/backend-ingress's ingress rule 1 admits it, but the task names no such connection."]);
  });

  it('the frontend’s rule without ports', () => {
    const text = fix('', AND);
    expect(failingChecks(lesson(ID), text)).toEqual(['backend-reachable', 'fixed-in-place']);
    expect(problemsOf(ID, text, 'fixed-in-place')).toEqual([
      "store/frontend → store/backend (TCP 80): store/backend-ingress's ingress rule 1 admits it, but the task names no such connection.",
      "store/frontend → store/backend (UDP 8080): store/backend-ingress's ingress rule 1 admits it, but the task names no such connection.",
      "store/frontend → store/backend (TCP 8081): store/backend-ingress's ingress rule 1 admits it, but the task names no such connection.",
      "store/frontend → store/backend (TCP 9090): store/backend-ingress's ingress rule 1 admits it, but the task names no such connection.",
      '…and 1 more.',
    ]);
  });

  it('a port range 8080-8081, and TCP plus UDP 8080', () => {
    const range = fix('[{protocol: TCP, port: 8080, endPort: 8081}]', AND);
    expect(failingChecks(lesson(ID), range)).toEqual(['backend-reachable', 'fixed-in-place']);
    expect(problemsOf(ID, range, 'fixed-in-place')).toEqual(["store/frontend → store/backend (TCP 8081): store/backend-ingress's ingress rule 1 admits it, but the task names no such connection."]);
    const udp = fix('[{protocol: TCP, port: 8080}, {protocol: UDP, port: 8080}]', AND);
    expect(failingChecks(lesson(ID), udp)).toEqual(['backend-reachable', 'fixed-in-place']);
    expect(problemsOf(ID, udp, 'backend-reachable')).toEqual(['store/frontend → store/backend (UDP 8080) should be denied, but it is allowed.']);
    expect(problemsOf(ID, udp, 'fixed-in-place')).toEqual(["store/frontend → store/backend (UDP 8080): store/backend-ingress's ingress rule 1 admits it, but the task names no such connection."]);
  });

  it('the OR "fixed" by dropping the namespaceSelector: prometheus is looked for in store', () => {
    const text = fix(tcp(8080), '[{podSelector: {matchLabels: {app: prometheus}}}]');
    expect(failingChecks(lesson(ID), text)).toEqual(['backend-reachable', 'fixed-in-place']);
    expect(problemsOf(ID, text, 'backend-reachable')).toEqual(['monitoring/prometheus → store/backend (TCP 9090) should be allowed, but it is denied.']);
  });

  it('the OR "fixed" with namespaceSelector {}: staging’s prometheus gets in', () => {
    const text = fix(tcp(8080), '[{namespaceSelector: {}, podSelector: {matchLabels: {app: prometheus}}}]');
    expect(failingChecks(lesson(ID), text)).toEqual(['backend-reachable', 'fixed-in-place']);
    expect(problemsOf(ID, text, 'backend-reachable')).toEqual(['staging/prometheus → store/backend (TCP 9090) should be denied, but it is allowed.']);
    expect(problemsOf(ID, text, 'fixed-in-place')).toEqual(["staging/prometheus → store/backend (TCP 9090): store/backend-ingress's ingress rule 2 admits it, but the task names no such connection."]);
  });

  it('the frontend from every namespace: staging’s frontend gets in', () => {
    const text = fix(tcp(8080), AND, { frontPeers: '[{namespaceSelector: {}, podSelector: {matchLabels: {app: frontend}}}]' });
    expect(failingChecks(lesson(ID), text)).toEqual(['backend-reachable', 'fixed-in-place']);
    expect(problemsOf(ID, text, 'fixed-in-place')).toEqual(["staging/frontend → store/backend (TCP 8080): store/backend-ingress's ingress rule 1 admits it, but the task names no such connection."]);
  });

  it('prometheus’s IP instead of its labels: right verdicts, wrong tool', () => {
    const text = fix(tcp(8080), `[{ipBlock: {cidr: ${IP.prometheus}}}]`);
    expect(failingChecks(lesson(ID), text)).toEqual(['fixed-in-place']);
    expect(problemsOf(ID, text, 'fixed-in-place')).toEqual([
      "monitoring/prometheus → store/backend (TCP 9090): store/backend-ingress's ingress rule 2 admits it with an ipBlock peer, not a podSelector.",
    ]);
  });

  it('a correct policy under another name, beside the broken one', () => {
    const text = docs(lesson(ID).start.en, fix(tcp(8080), AND, { name: 'backend-ingress-fixed' }));
    expect(failingChecks(lesson(ID), text)).toEqual(['backend-reachable', 'fixed-in-place']);
  });

  it('the fixed policy renamed', () => {
    const text = fix(tcp(8080), AND, { name: 'backend-allow' });
    expect(failingChecks(lesson(ID), text)).toEqual(['fixed-in-place']);
    expect(problemsOf(ID, text, 'fixed-in-place')[0]).toBe('No NetworkPolicy named backend-ingress in namespace store.');
  });

  it('the fixed policy moved to monitoring selects nothing', () => {
    expect(failingChecks(lesson(ID), fix(tcp(8080), AND, { ns: 'monitoring' }))).toEqual(['backend-reachable', 'fixed-in-place']);
  });

  it('Egress added to policyTypes: the backend can no longer send', () => {
    const text = fix(tcp(8080), AND, { types: 'Ingress, Egress' });
    expect(failingChecks(lesson(ID), text)).toEqual(['backend-reachable', 'fixed-in-place']);
    expect(problemsOf(ID, text, 'fixed-in-place')).toEqual([expect.stringMatching(/^store\/backend-ingress has policyTypes Ingress and Egress \(after defaulting\); it should have Ingress\.$/)]);
  });
});
