// Truth tables for NetworkPolicy semantics, written as "a default plus exceptions" over every row.
// Each case is a small cluster in realistic YAML (see test-fixtures.ts); the helper compares the complete set of rows.
import { describe, expect, it } from 'vitest';
import { describeExplanation, loadCluster, type Connectivity } from './index';
import {
  denyIngress,
  explain,
  external,
  indexOf,
  ingressIsolated,
  namespace,
  pod,
  policy,
  probe,
  probeIndex,
  rowKey,
  run,
  verdict,
  type EgressRule,
  type IngressRule,
  type IpBlock,
  type Peer,
  type PolicyPort,
  type PolicySpec,
  type Selector,
} from './test-fixtures';

// ---- the table assertion --------------------------------------------------------------------

/**
 * Asserts the whole table: every row has the default verdict except the listed ones.
 * An exception is `from -> to` (every probe of the pair) or `from -> to PORT/PROTOCOL`.
 */
function expectTable(conn: Connectivity, byDefault: 'allowed' | 'denied', exceptions: readonly string[]): void {
  const rows = [...conn.rows()];
  const byPair = new Map<string, string[]>();
  for (const r of rows) {
    const pair = `${r.from} -> ${r.to}`;
    byPair.set(pair, [...(byPair.get(pair) ?? []), rowKey(r)]);
  }
  const all = new Set(rows.map(rowKey));
  const expected = new Set<string>();
  for (const e of exceptions) {
    const hits = / \d+\/[A-Z]+$/.test(e) ? (all.has(e) ? [e] : []) : (byPair.get(e) ?? []);
    if (hits.length === 0) throw new Error(`exception "${e}" names no row of the table`);
    for (const key of hits) expected.add(key);
  }
  const flipped = rows.filter((r) => r.allowed !== (byDefault === 'allowed')).map(rowKey);
  expect(flipped.sort()).toEqual([...expected].sort());

  // Every ordered pair is present (external-to-external excepted) with the destination's probes.
  const endpoints = conn.cluster.endpoints;
  const want: string[] = [];
  endpoints.forEach((from, f) =>
    endpoints.forEach((to, t) => {
      if (from.kind === 'external' && to.kind === 'external') return;
      for (const p of conn.probesOf(t)) {
        const pr = conn.probes[p]!;
        want.push(`${from.id} -> ${to.id} ${pr.port}/${pr.protocol}`);
      }
      expect(conn.isPair(f, t)).toBe(true);
    }),
  );
  expect(rows.map(rowKey).sort()).toEqual(want.sort());
}

// ---- rule 1: isolation is per direction -----------------------------------------------------

describe('isolation per direction', () => {
  const base = [
    pod('shop/web', { labels: { app: 'web' } }),
    pod('shop/db', { labels: { app: 'db' } }),
    pod('ops/monitor', { labels: { app: 'monitor' } }),
    external('payments', '203.0.113.10', ['80']),
  ];

  it('allows every connection when no policy exists', () => {
    expectTable(run(base), 'allowed', []);
  });

  it('an Ingress policy isolates only the ingress of the pods it selects', () => {
    const conn = run([
      ...base,
      denyIngress('shop', { app: 'db' }),
    ]);
    expectTable(conn, 'allowed', ['shop/web -> shop/db', 'ops/monitor -> shop/db', 'external:payments -> shop/db']);
    const row = [...conn.rows()].find((r) => r.from === 'shop/web' && r.to === 'shop/db');
    expect(row).toMatchObject({ allowed: false, ingressAllowed: false, egressAllowed: true });
  });

  it('an Egress policy isolates only the egress of the pods it selects', () => {
    const conn = run([
      ...base,
      policy('shop/deny-egress', { podSelector: { app: 'web' }, policyTypes: ['Egress'] }),
    ]);
    expectTable(conn, 'allowed', ['shop/web -> shop/db', 'shop/web -> ops/monitor', 'shop/web -> external:payments']);
    const row = [...conn.rows()].find((r) => r.from === 'shop/web' && r.to === 'shop/db');
    expect(row).toMatchObject({ allowed: false, ingressAllowed: true, egressAllowed: false });
  });

  it('a policy selects pods of its own namespace only', () => {
    const conn = run([...base, denyIngress('ops')]);
    expectTable(conn, 'allowed', ['shop/web -> ops/monitor', 'shop/db -> ops/monitor', 'external:payments -> ops/monitor']);
  });

  it('a connection needs both the egress of its source and the ingress of its destination', () => {
    const allowWebToDbEgress = policy('shop/web-egress', {
      podSelector: { app: 'web' },
      policyTypes: ['Egress'],
      egress: [{ to: [{ podSelector: { app: 'db' } }] }],
    });
    // Egress allows web -> db, but db's ingress is closed.
    const conn = run([...base, allowWebToDbEgress, denyIngress('shop', { app: 'db' })]);
    expectTable(conn, 'allowed', [
      'shop/web -> shop/db',
      'shop/web -> ops/monitor',
      'shop/web -> external:payments',
      'ops/monitor -> shop/db',
      'external:payments -> shop/db',
    ]);
    const row = [...conn.rows()].find((r) => r.from === 'shop/web' && r.to === 'shop/db');
    expect(row).toMatchObject({ allowed: false, ingressAllowed: false, egressAllowed: true });

    // Now db's ingress admits web, but web's egress is closed.
    const conn2 = run([
      ...base,
      policy('shop/db-ingress', { podSelector: { app: 'db' }, ingress: [{ from: [{ podSelector: { app: 'web' } }] }] }),
      policy('shop/web-egress', { podSelector: { app: 'web' }, policyTypes: ['Egress'] }),
    ]);
    expectTable(conn2, 'allowed', [
      'shop/web -> shop/db',
      'shop/web -> ops/monitor',
      'shop/web -> external:payments',
      'ops/monitor -> shop/db',
      'external:payments -> shop/db',
    ]);
    const row2 = [...conn2.rows()].find((r) => r.from === 'shop/web' && r.to === 'shop/db');
    expect(row2).toMatchObject({ allowed: false, ingressAllowed: true, egressAllowed: false });
  });
});

// ---- rule 2: policyTypes --------------------------------------------------------------------

describe('policyTypes', () => {
  const base = [
    pod('shop/web', { labels: { app: 'web' } }),
    pod('shop/db', { labels: { app: 'db' } }),
    external('payments', '203.0.113.10', ['80']),
  ];
  /** `shop/db`, selecting app=db, with the rest of the spec as given. */
  const dbPolicy = (spec: Omit<PolicySpec, 'podSelector'>): string => policy('shop/db', { podSelector: { app: 'db' }, ...spec });
  const fromWeb: IngressRule = { from: [{ podSelector: { app: 'web' } }] };
  const toWeb: EgressRule = { to: [{ podSelector: { app: 'web' } }] };

  it('absent policyTypes with only ingress rules means Ingress only', () => {
    const conn = run([
      ...base,
      dbPolicy({ ingress: [fromWeb] }),
    ]);
    expectTable(conn, 'allowed', ['external:payments -> shop/db']);
  });

  it('absent policyTypes with a non-empty egress list means Ingress and Egress', () => {
    const conn = run([
      ...base,
      dbPolicy({ egress: [toWeb] }),
    ]);
    // Ingress is isolated with no rules; egress reaches web only.
    expectTable(conn, 'allowed', ['shop/web -> shop/db', 'external:payments -> shop/db', 'shop/db -> external:payments']);
  });

  it.each<[string, Omit<PolicySpec, 'podSelector'>]>([
    ['absent', { egress: [] }],
    ['empty', { policyTypes: [], egress: [] }],
  ])('%s policyTypes with an empty egress list means Ingress only', (_, spec) => {
    const conn = run([...base, dbPolicy(spec)]);
    expectTable(conn, 'allowed', ['shop/web -> shop/db', 'external:payments -> shop/db']);
  });

  it('an empty policyTypes list is defaulted like an absent one', () => {
    const conn = run([
      ...base,
      dbPolicy({ policyTypes: [], egress: [toWeb] }),
    ]);
    expectTable(conn, 'allowed', ['shop/web -> shop/db', 'external:payments -> shop/db', 'shop/db -> external:payments']);
  });

  it('listed Egress only: ingress rules are ignored and ingress is not isolated', () => {
    const conn = run([
      ...base,
      dbPolicy({ policyTypes: ['Egress'], ingress: [fromWeb], egress: [toWeb] }),
    ]);
    expectTable(conn, 'allowed', ['shop/db -> external:payments']);
    expect(conn.isolation(indexOf(conn, 'shop/db'))).toEqual({ ingress: [], egress: ['shop/db'] });
  });

  it('listed Ingress only: egress rules are ignored and egress is not isolated', () => {
    const conn = run([
      ...base,
      dbPolicy({ policyTypes: ['Ingress'], ingress: [{}], egress: [{ to: [{ podSelector: { app: 'nothing-has-this' } }] }] }),
    ]);
    expectTable(conn, 'allowed', []);
    expect(conn.isolation(indexOf(conn, 'shop/db'))).toEqual({ ingress: ['shop/db'], egress: [] });
  });

  it('listing both types with no rules isolates both directions completely', () => {
    const conn = run([
      ...base,
      dbPolicy({ policyTypes: ['Ingress', 'Egress'] }),
    ]);
    expectTable(conn, 'allowed', [
      'shop/web -> shop/db',
      'external:payments -> shop/db',
      'shop/db -> shop/web',
      'shop/db -> external:payments',
    ]);
  });
});

// ---- rule 3: rules and policies combine as a union ------------------------------------------

describe('rules and policies add up', () => {
  const base = [
    pod('shop/web', { labels: { app: 'web' } }),
    pod('shop/api', { labels: { app: 'api' } }),
    pod('shop/db', { labels: { app: 'db' } }),
    pod('shop/batch', { labels: { app: 'batch' } }),
  ];

  it('two rules of one policy admit the union of their peers', () => {
    const conn = run([
      ...base,
      policy('shop/db', {
        podSelector: { app: 'db' },
        ingress: [{ from: [{ podSelector: { app: 'api' } }] }, { from: [{ podSelector: { app: 'batch' } }] }],
      }),
    ]);
    expectTable(conn, 'allowed', ['shop/web -> shop/db']);
  });

  it('two policies selecting the same pod admit the union of their rules', () => {
    const conn = run([
      ...base,
      denyIngress('shop'),
      policy('shop/db-from-api', { podSelector: { app: 'db' }, ingress: [{ from: [{ podSelector: { app: 'api' } }] }] }),
      policy('shop/api-from-web', { podSelector: { app: 'api' }, ingress: [{ from: [{ podSelector: { app: 'web' } }] }] }),
    ]);
    // deny-ingress isolates every pod; the other two open db <- api and api <- web.
    expectTable(conn, 'denied', [
      'shop/api -> shop/db',
      'shop/web -> shop/api',
      'shop/web -> shop/web',
      'shop/api -> shop/api',
      'shop/db -> shop/db',
      'shop/batch -> shop/batch',
    ]);
  });
});

// ---- rule 4: rule lists and peer lists ------------------------------------------------------

describe('rule lists', () => {
  const base = [
    pod('shop/web', { labels: { app: 'web' } }),
    pod('shop/db', { labels: { app: 'db' } }),
    external('payments', '203.0.113.10', ['80']),
  ];
  /** `shop/db`, selecting app=db and isolating both directions, with these rule lists. */
  const dbPolicy = (rules: Pick<PolicySpec, 'ingress' | 'egress'>): string =>
    policy('shop/db', { podSelector: { app: 'db' }, policyTypes: ['Ingress', 'Egress'], ...rules });

  it.each<[string, Pick<PolicySpec, 'ingress' | 'egress'>]>([
    ['absent', {}],
    ['null', { ingress: null, egress: null }],
    ['empty', { ingress: [], egress: [] }],
  ])('%s ingress and egress lists admit nothing', (_, rules) => {
    const conn = run([...base, dbPolicy(rules)]);
    expectTable(conn, 'allowed', [
      'shop/web -> shop/db',
      'external:payments -> shop/db',
      'shop/db -> shop/web',
      'shop/db -> external:payments',
    ]);
  });

  it('an empty rule admits every peer on every port, external endpoints included', () => {
    const conn = run([...base, dbPolicy({ ingress: [{}], egress: [{}] })], { ports: ['5432', '53/UDP'] });
    expectTable(conn, 'allowed', []);
  });

  it.each<[string, Peer[] | undefined]>([
    ['absent', undefined],
    ['empty', []],
  ])('an %s from list admits every peer, external endpoints included', (_, from) => {
    const conn = run([
      ...base,
      policy('shop/db', { podSelector: { app: 'db' }, ingress: [{ ports: ['5432'], from }] }),
    ], { ports: ['5432'] });
    expectTable(conn, 'allowed', ['shop/web -> shop/db 80/TCP', 'external:payments -> shop/db 80/TCP']);
  });

  it.each<[string, Peer[] | undefined]>([
    ['absent', undefined],
    ['empty', []],
  ])('an %s to list admits every peer, external endpoints included', (_, to) => {
    const conn = run([
      ...base,
      policy('shop/db', { podSelector: { app: 'db' }, policyTypes: ['Egress'], egress: [{ ports: ['443'], to }] }),
    ], { ports: ['443'] });
    expectTable(conn, 'allowed', ['shop/db -> shop/web 80/TCP', 'shop/db -> external:payments 80/TCP']);
  });
});

// ---- rule 5: selector peers -----------------------------------------------------------------

describe('selector peers', () => {
  const base = [
    namespace('shop', { team: 'red' }),
    namespace('billing', { team: 'blue' }),
    namespace('ops', { team: 'blue' }),
    pod('shop/db', { labels: { app: 'db' }, ip: '10.0.1.1' }),
    pod('shop/client', { labels: { app: 'client' }, ip: '10.0.1.2' }),
    pod('billing/client', { labels: { app: 'client' }, ip: '10.0.2.1' }),
    pod('billing/report', { labels: { app: 'report' }, ip: '10.0.2.2' }),
    pod('ops/client', { labels: { app: 'client' }, ip: '10.0.3.1' }),
    pod('shop/node-agent', { labels: { app: 'client' }, ip: '192.168.0.10', hostNetwork: true }),
    // Labelled like the clients: selectors must still never match it.
    external('payments', '203.0.113.10', ['80'], { app: 'client' }),
  ];
  /** `shop/db`, admitting into app=db from these peers (one rule). */
  const dbFrom = (...from: Peer[]): string => policy('shop/db', { podSelector: { app: 'db' }, ingress: [{ from }] });
  const ids = ['shop/db', 'shop/client', 'billing/client', 'billing/report', 'ops/client', 'shop/node-agent', 'external:payments'];
  /** Every connection into `to`, except from itself and from the admitted sources. */
  const allInto = (to: string, admitted: readonly string[]): string[] =>
    ids.filter((id) => id !== to && !admitted.includes(id)).map((id) => `${id} -> ${to}`);

  it('podSelector alone selects matching pods of the policy namespace', () => {
    const conn = run([
      ...base,
      dbFrom({ podSelector: { app: 'client' } }),
    ]);
    expectTable(conn, 'allowed', allInto('shop/db', ['shop/client']));
  });

  it('namespaceSelector alone selects every pod of the matching namespaces', () => {
    const conn = run([
      ...base,
      dbFrom({ namespaceSelector: { team: 'blue' } }),
    ]);
    expectTable(conn, 'allowed', allInto('shop/db', ['billing/client', 'billing/report', 'ops/client']));
  });

  it('podSelector and namespaceSelector in one peer must both match', () => {
    const conn = run([
      ...base,
      dbFrom({ namespaceSelector: { team: 'blue' }, podSelector: { app: 'client' } }),
    ]);
    expectTable(conn, 'allowed', allInto('shop/db', ['billing/client', 'ops/client']));
  });

  it('podSelector and namespaceSelector in two peers add up', () => {
    const conn = run([
      ...base,
      dbFrom({ namespaceSelector: { team: 'blue' } }, { podSelector: { app: 'client' } }),
    ]);
    expectTable(conn, 'allowed', allInto('shop/db', ['billing/client', 'billing/report', 'ops/client', 'shop/client']));
  });

  it('podSelector {} selects every pod of the policy namespace, but not hostNetwork pods', () => {
    const conn = run([...base, dbFrom({ podSelector: {} })]);
    expectTable(conn, 'allowed', allInto('shop/db', ['shop/client']));
  });

  it('namespaceSelector {} selects every pod of every namespace, but no external endpoint or hostNetwork pod', () => {
    const conn = run([...base, dbFrom({ namespaceSelector: {} })]);
    expectTable(conn, 'allowed', ['shop/node-agent -> shop/db', 'external:payments -> shop/db']);
  });

  it('namespaceSelector {} with podSelector {} does not match external endpoints or hostNetwork pods either', () => {
    const conn = run([...base, dbFrom({ namespaceSelector: {}, podSelector: {} })]);
    expectTable(conn, 'allowed', ['shop/node-agent -> shop/db', 'external:payments -> shop/db']);
  });

  it('a hostNetwork pod with matching labels is not selected by a podSelector peer in egress either', () => {
    const conn = run([
      ...base,
      policy('shop/db', { podSelector: { app: 'db' }, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { app: 'client' } }] }] }),
    ]);
    expectTable(conn, 'allowed', [
      'shop/db -> billing/client',
      'shop/db -> billing/report',
      'shop/db -> ops/client',
      'shop/db -> shop/node-agent',
      'shop/db -> external:payments',
    ]);
  });
});

// ---- rule 6: ipBlock ------------------------------------------------------------------------

describe('ipBlock peers', () => {
  /** `shop/db`, admitting into app=db from one ipBlock. */
  const ingressFrom = (ipBlock: IpBlock): string => policy('shop/db', { podSelector: { app: 'db' }, ingress: [{ from: [{ ipBlock }] }] });

  it('cidr admits the addresses inside it except those in an except block (IPv4)', () => {
    const conn = run([
      pod('shop/db', { labels: { app: 'db' }, ip: '10.0.9.9' }),
      pod('shop/inside', { ip: '10.0.1.5' }),
      pod('shop/excepted', { ip: '10.0.2.5' }),
      pod('shop/outside', { ip: '10.1.0.5' }),
      external('office', '10.0.3.1', ['80']),
      external('internet', '198.51.100.7', ['80']),
      ingressFrom({ cidr: '10.0.0.0/16', except: ['10.0.2.0/24'] }),
    ]);
    // db itself is inside the block too.
    expectTable(conn, 'allowed', ['shop/excepted -> shop/db', 'shop/outside -> shop/db', 'external:internet -> shop/db']);
  });

  it('cidr admits the addresses inside it except those in an except block (IPv6)', () => {
    const conn = run([
      pod('shop/db', { labels: { app: 'db' }, ip: 'fd00::9' }),
      pod('shop/inside', { ip: 'fd00::1:5' }),
      pod('shop/excepted', { ip: 'fd00::ff01' }),
      pod('shop/outside', { ip: 'fd01::5' }),
      external('office', 'fd00::abcd:1', ['80']),
      external('internet', '2001:db8::7', ['80']),
      ingressFrom({ cidr: 'fd00::/64', except: ['fd00::ff00/120'] }),
    ]);
    expectTable(conn, 'allowed', ['shop/excepted -> shop/db', 'shop/outside -> shop/db', 'external:internet -> shop/db']);
  });

  it('an IPv4 block never matches IPv6 addresses, and an IPv6 block never matches IPv4 addresses', () => {
    const base = [
      pod('shop/db', { labels: { app: 'db' }, ip: '10.0.0.1' }),
      pod('shop/v4', { ip: '10.0.0.2' }),
      pod('shop/v6', { ip: 'fd00::2' }),
      external('v4-host', '198.51.100.7', ['80']),
      external('v6-host', '2001:db8::7', ['80']),
    ];
    expectTable(run([...base, ingressFrom('0.0.0.0/0')]), 'allowed', [
      'shop/v6 -> shop/db',
      'external:v6-host -> shop/db',
    ]);
    expectTable(run([...base, ingressFrom('::/0')]), 'allowed', [
      'shop/v4 -> shop/db',
      'external:v4-host -> shop/db',
    ]);
    // An IPv4-mapped IPv6 block is still an IPv6 block.
    expectTable(run([...base, ingressFrom('::ffff:0.0.0.0/96')]), 'allowed', [
      'shop/v4 -> shop/db',
      'shop/v6 -> shop/db',
      'external:v4-host -> shop/db',
      'external:v6-host -> shop/db',
    ]);
  });

  it('matches hostNetwork pods and external endpoints by address', () => {
    const conn = run([
      pod('shop/db', { labels: { app: 'db' }, ip: '10.0.0.1' }),
      pod('kube-system/node-agent', { ip: '192.168.0.10', hostNetwork: true }),
      pod('kube-system/other-node', { ip: '192.168.1.10', hostNetwork: true }),
      external('gateway', '192.168.0.1', ['80']),
      ingressFrom('192.168.0.0/24'),
    ]);
    expectTable(conn, 'allowed', ['kube-system/other-node -> shop/db']);
  });

  it('never matches pods or workloads without an address', () => {
    const conn = run([
      pod('shop/db', { labels: { app: 'db' }, ip: '10.0.0.1' }),
      pod('shop/pending'),
      `apiVersion: apps/v1
kind: Deployment
metadata:
  name: frontend
  namespace: shop
spec:
  replicas: 3
  selector:
    matchLabels:
      app: frontend
  template:
    metadata:
      labels:
        app: frontend
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          ports:
            - containerPort: 80`,
      policy('shop/db', { podSelector: { app: 'db' }, ingress: [{ from: [{ ipBlock: '0.0.0.0/0' }, { ipBlock: '::/0' }] }] }),
    ]);
    expectTable(conn, 'allowed', ['shop/pending -> shop/db', 'shop/frontend -> shop/db']);
  });

  it('in egress, matches the destination address, external endpoints included', () => {
    const conn = run([
      pod('shop/web', { labels: { app: 'web' }, ip: '10.0.0.1' }),
      pod('shop/db', { ip: '10.0.0.2' }),
      external('dns', '8.8.8.8', ['53/UDP']),
      external('cdn', '8.8.4.4', ['443']),
      policy('shop/web-egress', { podSelector: { app: 'web' }, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: '8.8.8.8/32' }] }] }),
    ]);
    expectTable(conn, 'allowed', ['shop/web -> shop/db', 'shop/web -> external:cdn']);
  });
});

// ---- rule 7: label selectors ----------------------------------------------------------------

describe('label selectors', () => {
  const pods = [
    pod('shop/web-prod', { labels: { tier: 'web', env: 'prod' } }),
    pod('shop/db-prod', { labels: { tier: 'db', env: 'prod' } }),
    pod('shop/web-dev', { labels: { tier: 'web', env: 'dev' } }),
    pod('shop/web', { labels: { tier: 'web' } }),
    pod('shop/bare'),
  ];

  it.each<[string, Selector, string[]]>([
    ['{} selects every pod', {}, ['shop/bare', 'shop/db-prod', 'shop/web', 'shop/web-dev', 'shop/web-prod']],
    ['matchLabels needs every label', { tier: 'web', env: 'prod' }, ['shop/web-prod']],
    [
      'In matches any listed value',
      { matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }] },
      ['shop/db-prod', 'shop/web-dev', 'shop/web-prod'],
    ],
    [
      'NotIn is satisfied by a missing key',
      { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] },
      ['shop/bare', 'shop/web', 'shop/web-dev'],
    ],
    ['Exists needs the key', { matchExpressions: [{ key: 'env', operator: 'Exists' }] }, ['shop/db-prod', 'shop/web-dev', 'shop/web-prod']],
    ['DoesNotExist needs the key absent', { matchExpressions: [{ key: 'env', operator: 'DoesNotExist' }] }, ['shop/bare', 'shop/web']],
    [
      'matchLabels and matchExpressions must all hold',
      {
        matchLabels: { tier: 'web' },
        matchExpressions: [
          { key: 'env', operator: 'NotIn', values: ['dev'] },
          { key: 'env', operator: 'Exists' },
        ],
      },
      ['shop/web-prod'],
    ],
  ])('%s', (_, selector, selected) => {
    const conn = run([...pods, denyIngress('shop', selector)]);
    expect(ingressIsolated(conn)).toEqual(selected);
  });

  it('selects namespaces by their labels, including kubernetes.io/metadata.name', () => {
    const conn = run([
      namespace('billing', { env: 'prod' }),
      pod('shop/db', { labels: { app: 'db' } }),
      pod('billing/api'),
      pod('staging/api'),
      policy('shop/db', {
        podSelector: { app: 'db' },
        ingress: [{
          from: [{
            namespaceSelector: {
              matchExpressions: [
                { key: 'env', operator: 'NotIn', values: ['prod'] },
                { key: 'kubernetes.io/metadata.name', operator: 'In', values: ['staging', 'billing'] },
              ],
            },
          }],
        }],
      }),
    ]);
    expectTable(conn, 'allowed', ['billing/api -> shop/db']);
  });
});

// ---- rule 8: ports --------------------------------------------------------------------------

describe('ports', () => {
  /** `shop/db`, admitting into app=db from anywhere on these ports (one rule). */
  const dbIngressPorts = (...ports: PolicyPort[]): string => policy('shop/db', { podSelector: { app: 'db' }, ingress: [{ ports }] });

  it('a port without protocol means TCP', () => {
    const conn = run([pod('shop/web'), pod('shop/db', { labels: { app: 'db' }, ports: ['53', '53/UDP'] }), dbIngressPorts('53')]);
    expectTable(conn, 'allowed', ['shop/web -> shop/db 53/UDP']);
  });

  it('the protocol must equal the traffic protocol', () => {
    const conn = run([
      pod('shop/web'),
      pod('shop/db', { labels: { app: 'db' }, ports: ['53', '53/UDP', '53/SCTP'] }),
      dbIngressPorts('53/UDP'),
    ]);
    expectTable(conn, 'allowed', ['shop/web -> shop/db 53/TCP', 'shop/web -> shop/db 53/SCTP']);
  });

  it('a protocol without port admits every port of that protocol', () => {
    const conn = run(
      [pod('shop/web'), pod('shop/db', { labels: { app: 'db' }, ports: [] }), dbIngressPorts({ protocol: 'UDP' })],
      { ports: ['1/UDP', '53/UDP', '65535/UDP', '53', '53/SCTP'] },
    );
    expectTable(conn, 'allowed', ['shop/web -> shop/db 53/TCP', 'shop/web -> shop/db 53/SCTP']);
  });

  it('a ports entry with neither port nor protocol admits every TCP port', () => {
    const conn = run(
      [pod('shop/web', { ports: [] }), pod('shop/db', { labels: { app: 'db' }, ports: [] }), dbIngressPorts({})],
      { ports: ['22', '5432', '65535', '53/UDP', '5432/SCTP'] },
    );
    expectTable(conn, 'allowed', ['shop/web -> shop/db 53/UDP', 'shop/web -> shop/db 5432/SCTP']);
  });

  it('matches SCTP ports only with protocol SCTP', () => {
    const conn = run(
      [pod('shop/web', { ports: [] }), pod('shop/db', { labels: { app: 'db' }, ports: ['3868/SCTP', '3868'] }), dbIngressPorts('3868/SCTP')],
    );
    expectTable(conn, 'allowed', ['shop/web -> shop/db 3868/TCP']);
  });

  it('endPort ranges apply to the rule protocol only', () => {
    const conn = run(
      [pod('shop/web', { ports: [] }), pod('shop/db', { labels: { app: 'db' }, ports: [] }), dbIngressPorts('30000-30010/UDP')],
      { ports: ['29999/UDP', '30000/UDP', '30010/UDP', '30011/UDP', '30005'] },
    );
    expectTable(conn, 'allowed', ['shop/web -> shop/db 29999/UDP', 'shop/web -> shop/db 30011/UDP', 'shop/web -> shop/db 30005/TCP']);
  });

  it('endPort makes an inclusive range', () => {
    const conn = run(
      [pod('shop/web', { ports: [] }), pod('shop/db', { labels: { app: 'db' }, ports: [] }), dbIngressPorts('8000-8002')],
      { ports: ['7999', '8000', '8001', '8002', '8003', '8001/UDP'] },
    );
    expectTable(conn, 'allowed', [
      'shop/web -> shop/db 7999/TCP',
      'shop/web -> shop/db 8003/TCP',
      'shop/web -> shop/db 8001/UDP',
    ]);
  });

  it('a named port resolves against the destination pod container ports', () => {
    const conn = run(
      [
        pod('shop/web', { ports: ['http=9090'] }),
        pod('shop/db', { labels: { app: 'db' }, ports: ['http=8080', '80'] }),
        dbIngressPorts('http'),
      ],
      { ports: ['9090'] },
    );
    expectTable(conn, 'allowed', ['shop/web -> shop/db 80/TCP', 'shop/web -> shop/db 9090/TCP']);
  });

  it('a named port needs the name, the number and the protocol to match', () => {
    const base = [pod('shop/web', { ports: [] }), pod('shop/db', { labels: { app: 'db' }, ports: ['dns=53/UDP', 'dns-tcp=53'] })];
    // Default TCP: the UDP port named dns does not match.
    expectTable(run([...base, dbIngressPorts('dns')]), 'allowed', [
      'shop/web -> shop/db 53/TCP',
      'shop/web -> shop/db 53/UDP',
    ]);
    expectTable(run([...base, dbIngressPorts('dns/UDP')]), 'allowed', [
      'shop/web -> shop/db 53/TCP',
    ]);
    expectTable(run([...base, dbIngressPorts('dns-tcp/UDP')]), 'allowed', [
      'shop/web -> shop/db 53/TCP',
      'shop/web -> shop/db 53/UDP',
    ]);
  });

  it('a named port resolves against any container of the destination, workloads included', () => {
    const conn = run(
      [
        pod('shop/web', { ports: [] }),
        `apiVersion: v1
kind: Pod
metadata:
  name: db
  namespace: shop
  labels:
    app: db
spec:
  containers:
    - name: postgres
      image: postgres:16
      ports:
        - containerPort: 5432
    - name: exporter
      image: quay.io/prometheuscommunity/postgres-exporter:v0.15.0
      ports:
        - name: metrics
          containerPort: 9187`,
        `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: cache
  namespace: shop
spec:
  serviceName: cache
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
        - name: redis
          image: redis:7
          ports:
            - containerPort: 6379
            - name: metrics
              containerPort: 9121`,
        dbIngressPorts('metrics'),
      ],
    );
    expectTable(conn, 'allowed', [
      'shop/web -> shop/db 5432/TCP',
      'shop/web -> shop/cache 6379/TCP',
      'shop/cache -> shop/db 5432/TCP',
      'shop/db -> shop/cache 6379/TCP',
    ]);
  });

  it('a named port in an egress rule resolves against the destination, not the source', () => {
    const conn = run(
      [
        pod('shop/web', { labels: { app: 'web' }, ports: ['http=9090'] }),
        pod('shop/api', { ports: ['http=8080'] }),
        pod('shop/legacy', { ports: ['8080'] }),
        policy('shop/web-egress', { podSelector: { app: 'web' }, policyTypes: ['Egress'], egress: [{ ports: ['http'] }] }),
      ],
      { ports: ['8080', '9090'] },
    );
    expectTable(conn, 'allowed', [
      'shop/web -> shop/api 9090/TCP',
      'shop/web -> shop/legacy 8080/TCP',
      'shop/web -> shop/legacy 9090/TCP',
    ]);
  });

  it('a named port never matches a hostNetwork pod or an external endpoint', () => {
    const egress = (port: PolicyPort): string =>
      policy('shop/web-egress', { podSelector: { app: 'web' }, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: '192.168.0.0/16' }], ports: [port] }] });
    const base = [
      pod('shop/web', { labels: { app: 'web' }, ip: '10.0.0.1', ports: [] }),
      pod('kube-system/node-agent', { ip: '192.168.0.10', hostNetwork: true, ports: ['https=443'] }),
      external('registry', '192.168.5.5', ['443']),
    ];
    expectTable(run([...base, egress('https')]), 'allowed', [
      'shop/web -> kube-system/node-agent',
      'shop/web -> external:registry',
    ]);
    // The same rule with the number admits both.
    expectTable(run([...base, egress('443')]), 'allowed', []);
  });
});

// ---- endpoints that are never isolated ------------------------------------------------------

describe('endpoints never isolated', () => {
  const lockdown = policy('shop/lockdown', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });

  it('a pod may always reach itself', () => {
    const conn = run([pod('shop/web'), pod('shop/db'), lockdown]);
    expectTable(conn, 'denied', ['shop/web -> shop/web', 'shop/db -> shop/db']);
    const exp = explain(conn, 'shop/web', 'shop/web');
    expect(exp.allowed).toBe(true);
    expect(exp.ingress).toMatchObject({ allowed: true, why: 'self' });
    expect(exp.egress).toMatchObject({ allowed: true, why: 'self' });
  });

  it('a hostNetwork pod is never isolated, even when a policy selects it', () => {
    const conn = run([
      pod('shop/web', { ip: '10.0.0.1' }),
      pod('shop/node-agent', { ip: '192.168.0.10', hostNetwork: true }),
      lockdown,
    ]);
    expectTable(conn, 'denied', ['shop/web -> shop/web', 'shop/node-agent -> shop/node-agent']);
    const agent = indexOf(conn, 'shop/node-agent');
    expect(conn.isolation(agent)).toEqual({ ingress: [], egress: [] });
    const into = explain(conn, 'shop/web', 'shop/node-agent');
    expect(into.ingress).toMatchObject({ endpoint: 'shop/node-agent', allowed: true, isolated: false, why: 'host-network', isolatedBy: [] });
    const outOf = explain(conn, 'shop/node-agent', 'shop/web');
    expect(outOf.egress).toMatchObject({ endpoint: 'shop/node-agent', allowed: true, isolated: false, why: 'host-network', isolatedBy: [] });
  });

  it('a pod and its node (a hostNetwork pod on the same nodeName) always reach each other, whatever the policies', () => {
    const conn = run([
      pod('shop/web', { ip: '10.0.0.1', nodeName: 'node-1' }),
      pod('shop/other', { ip: '10.0.0.2', nodeName: 'node-2' }),
      pod('kube-system/node-1-agent', { ip: '192.168.0.10', hostNetwork: true, nodeName: 'node-1' }),
      lockdown,
    ]);
    // lockdown isolates shop both ways: web still reaches its node and is reached by it; other (on node-2) is not.
    expect(verdict(conn, 'shop/web', 'kube-system/node-1-agent')).toBe(true);
    expect(verdict(conn, 'kube-system/node-1-agent', 'shop/web')).toBe(true);
    expect(verdict(conn, 'shop/other', 'kube-system/node-1-agent')).toBe(false);
    expect(verdict(conn, 'kube-system/node-1-agent', 'shop/other')).toBe(false);
    const exp = explain(conn, 'kube-system/node-1-agent', 'shop/web');
    expect(exp.ingress).toMatchObject({ endpoint: 'shop/web', allowed: true, isolated: true, why: 'node' });
    expect(describeExplanation(conn.index, exp).join(' ')).toContain('traffic between a pod and its node is always allowed');
    const counted = [...conn.rows()].filter((r) => r.allowed).length;
    expect(conn.counts().allowed).toBe(counted);
  });

  it('a hostNetwork pod with no other policy talks freely', () => {
    const conn = run([pod('shop/web'), pod('shop/node-agent', { hostNetwork: true, labels: { app: 'agent' } }), denyIngress('shop', { app: 'agent' })]);
    expectTable(conn, 'allowed', []);
  });

  it('an external endpoint is never isolated', () => {
    const conn = run([pod('shop/web'), external('dns', '8.8.8.8', ['53/UDP'])]);
    const exp = explain(conn, 'external:dns', 'shop/web');
    expect(exp.egress).toMatchObject({ endpoint: 'external:dns', allowed: true, isolated: false, why: 'external', isolatedBy: [], allowedBy: [] });
    const back = explain(conn, 'shop/web', 'external:dns', '53/UDP');
    expect(back.ingress).toMatchObject({ endpoint: 'external:dns', allowed: true, isolated: false, why: 'external' });
  });

  it('pairs of external endpoints are not evaluated', () => {
    const conn = run([pod('shop/web'), external('dns', '8.8.8.8', ['53/UDP']), external('cdn', '8.8.4.4', ['443'])]);
    const dns = indexOf(conn, 'external:dns');
    const cdn = indexOf(conn, 'external:cdn');
    expect(conn.isPair(dns, cdn)).toBe(false);
    expect(conn.isPair(cdn, dns)).toBe(false);
    expect(conn.isPair(dns, dns)).toBe(false);
    const rows = [...conn.rows()];
    expect(rows.filter((r) => r.from.startsWith('external:') && r.to.startsWith('external:'))).toEqual([]);
    expect(rows.map(rowKey)).toEqual([
      'external:cdn -> shop/web 80/TCP',
      'external:dns -> shop/web 80/TCP',
      'shop/web -> external:cdn 443/TCP',
      'shop/web -> external:dns 53/UDP',
      'shop/web -> shop/web 80/TCP',
    ]);
    expect(conn.counts()).toEqual({ rows: 5, allowed: 5, denied: 0 });
  });
});

// ---- larger clusters ------------------------------------------------------------------------

describe('clusters larger than one bitset word', () => {
  it('decides every row of a 70-pod cluster as the rules say', () => {
    const n = 35;
    const ids = (ns: string): string[] => Array.from({ length: n }, (_, i) => `${ns}/p${String(i).padStart(2, '0')}`);
    const docs = [
      ...ids('alpha').map((id, i) => pod(id, { labels: i % 2 === 0 ? { role: 'db' } : {}, ip: `10.1.0.${i}` })),
      ...ids('beta').map((id, i) =>
        pod(id, {
          labels: { ...(i % 2 === 0 ? { role: 'db' } : {}), 'statefulset.kubernetes.io/pod-name': id.split('/')[1]! },
          ip: `10.2.0.${i}`,
        }),
      ),
      policy('alpha/db-ingress', {
        podSelector: { role: 'db' },
        ingress: [{
          from: [
            {
              namespaceSelector: { 'kubernetes.io/metadata.name': 'beta' },
              podSelector: { matchExpressions: [{ key: 'role', operator: 'DoesNotExist' }] },
            },
            { ipBlock: { cidr: '10.1.0.0/28', except: ['10.1.0.8/29'] } },
          ],
        }],
      }),
      ...ids('beta')
        .filter((_, i) => i % 3 === 0)
        .map((id) => id.split('/')[1]!)
        .map((name) => policy(`beta/egress-${name}`, {
          podSelector: { 'statefulset.kubernetes.io/pod-name': name },
          policyTypes: ['Egress'],
          egress: [{ to: [{ namespaceSelector: { 'kubernetes.io/metadata.name': 'alpha' } }] }],
        })),
    ];
    const conn = run(docs);
    expect(conn.cluster.endpoints).toHaveLength(70);
    const index = (id: string): number => Number(id.slice(-2));
    const denied: string[] = [];
    for (const from of [...ids('alpha'), ...ids('beta')]) {
      for (const to of [...ids('alpha'), ...ids('beta')]) {
        if (from === to) continue;
        const ingressIsolated = to.startsWith('alpha/') && index(to) % 2 === 0;
        const ingressOk = !ingressIsolated
          || (from.startsWith('beta/') && index(from) % 2 === 1)
          || (from.startsWith('alpha/') && index(from) < 8);
        const egressIsolated = from.startsWith('beta/') && index(from) % 3 === 0;
        const egressOk = !egressIsolated || to.startsWith('alpha/');
        if (!ingressOk || !egressOk) denied.push(`${from} -> ${to}`);
      }
    }
    expectTable(conn, 'allowed', denied);
  });
});

// ---- namespaces -----------------------------------------------------------------------------

describe('namespaces', () => {
  it('namespaces implied by pods and policies carry kubernetes.io/metadata.name', () => {
    const { cluster } = loadCluster([{ file: 'a.yaml', text: `${pod('shop/web')}\n---\n${denyIngress('empty')}\n` }]);
    expect(cluster.namespaces).toEqual([
      { name: 'empty', labels: { 'kubernetes.io/metadata.name': 'empty' }, declared: false, location: null },
      { name: 'shop', labels: { 'kubernetes.io/metadata.name': 'shop' }, declared: false, location: null },
    ]);
  });

  it('a declared Namespace always carries kubernetes.io/metadata.name equal to its name', () => {
    const text = `${namespace('shop', { team: 'red', 'kubernetes.io/metadata.name': 'not-shop' })}\n---\n${namespace('billing')}\n`;
    const { cluster, diagnostics } = loadCluster([{ file: 'ns.yaml', text }]);
    expect(diagnostics).toEqual([]);
    expect(cluster.namespaces.map((n) => [n.name, n.labels, n.declared])).toEqual([
      ['billing', { 'kubernetes.io/metadata.name': 'billing' }, true],
      ['shop', { team: 'red', 'kubernetes.io/metadata.name': 'shop' }, true],
    ]);
  });

  it('objects without metadata.namespace live in default', () => {
    const conn = run([
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      ports:\n        - containerPort: 80',
      pod('shop/client'),
      policy('deny', { podSelector: {} }), // no namespace
    ]);
    expect(conn.cluster.endpoints.map((e) => e.id)).toEqual(['default/web', 'shop/client']);
    expect(conn.cluster.namespaces.map((n) => n.name)).toEqual(['default', 'shop']);
    expectTable(conn, 'allowed', ['shop/client -> default/web']);
  });

  it('document order does not matter: a Namespace declared after its pods still labels them', () => {
    const docs = [
      pod('shop/db', { labels: { app: 'db' } }),
      pod('billing/api'),
      policy('shop/db', { podSelector: { app: 'db' }, ingress: [{ from: [{ namespaceSelector: { team: 'payments' } }] }] }),
      namespace('billing', { team: 'payments' }),
    ];
    const rows = (list: string[]): string[] => [...run(list).rows()].map((r) => `${rowKey(r)} ${r.allowed}`);
    expect(rows(docs)).toEqual(rows([...docs].reverse()));
    expectTable(run(docs), 'allowed', []);
  });

  it('a namespaceSelector on kubernetes.io/metadata.name matches an implied namespace', () => {
    const conn = run([
      pod('shop/db', { labels: { app: 'db' } }),
      pod('billing/api'),
      pod('staging/api'),
      policy('shop/db', { podSelector: { app: 'db' }, ingress: [{ from: [{ namespaceSelector: { 'kubernetes.io/metadata.name': 'billing' } }] }] }),
    ]);
    expectTable(conn, 'allowed', ['staging/api -> shop/db']);
  });
});

// ---- input shapes ---------------------------------------------------------------------------

describe('workloads', () => {
  const template = (indent: string): string =>
    `template:
  metadata:
    labels:
      app: worker
  spec:
    containers:
      - name: worker
        image: busybox:1.36
        ports:
          - name: metrics
            containerPort: 9100`
      .split('\n')
      .map((l, i) => (i === 0 ? l : indent + l))
      .join('\n');

  it.each<[string, string, string]>([
    ['Deployment', 'apps/v1', `spec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: worker\n  ${template('  ')}`],
    ['ReplicaSet', 'apps/v1', `spec:\n  selector:\n    matchLabels:\n      app: worker\n  ${template('  ')}`],
    ['StatefulSet', 'apps/v1', `spec:\n  serviceName: worker\n  selector:\n    matchLabels:\n      app: worker\n  ${template('  ')}`],
    ['DaemonSet', 'apps/v1', `spec:\n  selector:\n    matchLabels:\n      app: worker\n  ${template('  ')}`],
    ['Job', 'batch/v1', `spec:\n  backoffLimit: 1\n  ${template('  ')}`],
    ['CronJob', 'batch/v1', `spec:\n  schedule: "*/5 * * * *"\n  jobTemplate:\n    spec:\n      ${template('      ')}`],
  ])('a %s is one endpoint with its template labels and ports and no address', (kind, apiVersion, spec) => {
    const text = `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: worker\n  namespace: jobs\n  labels:\n    owner: platform\n${spec}\n`;
    const { cluster, diagnostics } = loadCluster([{ file: 'workload.yaml', text }]);
    expect(diagnostics).toEqual([]);
    expect(cluster.endpoints).toHaveLength(1);
    expect(cluster.endpoints[0]).toMatchObject({
      id: 'jobs/worker',
      kind: 'pod',
      source: kind,
      name: 'worker',
      namespace: 'jobs',
      labels: { app: 'worker' },
      ip: null,
      hostNetwork: false,
      ports: [{ name: 'metrics', port: 9100, protocol: 'TCP' }],
    });
  });

  it('a policy selects a workload by its template labels', () => {
    const conn = run([
      pod('jobs/client'),
      `apiVersion: apps/v1
kind: Deployment
metadata:
  name: worker
  namespace: jobs
  labels:
    app: not-the-template
spec:
  selector:
    matchLabels:
      app: worker
  template:
    metadata:
      labels:
        app: worker
    spec:
      containers:
        - name: worker
          image: busybox:1.36
          ports:
            - containerPort: 80`,
      denyIngress('jobs', { app: 'worker' }),
    ]);
    expectTable(conn, 'allowed', ['jobs/client -> jobs/worker']);
  });
});

describe('input formats', () => {
  it('reads the items of a kind: List', () => {
    const text = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata:
      name: web
      namespace: shop
    spec:
      containers:
        - name: web
          image: nginx:1.27
  - apiVersion: v1
    kind: Namespace
    metadata:
      name: shop
`;
    const { cluster, diagnostics } = loadCluster([{ file: 'list.yaml', text }]);
    expect(diagnostics).toEqual([]);
    expect(cluster.endpoints.map((e) => e.id)).toEqual(['shop/web']);
    expect(cluster.namespaces.map((n) => [n.name, n.declared])).toEqual([['shop', true]]);
  });

  it('reads JSON', () => {
    const text = JSON.stringify({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] },
      status: { podIP: '10.0.0.7' },
    }, null, 2);
    const { cluster, diagnostics } = loadCluster([{ file: 'pod.json', text }]);
    expect(diagnostics).toEqual([]);
    expect(cluster.endpoints).toHaveLength(1);
    expect(cluster.endpoints[0]).toMatchObject({ id: 'shop/web', labels: { app: 'web' }, ip: { family: 4, text: '10.0.0.7' } });
  });

  it('reads every document of a multi-document YAML file and of several files', () => {
    const text = `---\n${pod('shop/web')}\n---\n${pod('shop/db')}\n...\n---\n# only a comment\n---\n${denyIngress('shop')}\n`;
    const { cluster, diagnostics } = loadCluster([
      { file: 'a.yaml', text },
      { file: 'b.yaml', text: external('dns', '8.8.8.8', ['53/UDP']) },
    ]);
    expect(diagnostics).toEqual([]);
    expect(cluster.endpoints.map((e) => e.id)).toEqual(['external:dns', 'shop/db', 'shop/web']);
    expect(cluster.policies.map((p) => p.id)).toEqual(['shop/deny-ingress']);
  });

  it('takes the pod address from status.podIP, or else from the first status.podIPs entry', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: dual
  namespace: shop
spec:
  containers:
    - name: main
      image: nginx:1.27
status:
  podIPs:
    - ip: fd00::7
    - ip: 10.0.0.7
---
apiVersion: v1
kind: Pod
metadata:
  name: single
  namespace: shop
spec:
  containers:
    - name: main
      image: nginx:1.27
status:
  podIP: 10.0.0.8
  podIPs:
    - ip: 10.0.0.8
---
apiVersion: v1
kind: Pod
metadata:
  name: pending
  namespace: shop
spec:
  containers:
    - name: main
      image: nginx:1.27
status:
  phase: Pending
`;
    const { cluster, diagnostics } = loadCluster([{ file: 'pods.yaml', text }]);
    expect(diagnostics).toEqual([]);
    expect(cluster.endpoints.map((e) => [e.id, e.ip?.family ?? null, e.ip?.text ?? null])).toEqual([
      ['shop/dual', 6, 'fd00::7'],
      ['shop/pending', null, null],
      ['shop/single', 4, '10.0.0.8'],
    ]);
  });
});

// ---- probes and row order -------------------------------------------------------------------

describe('probes', () => {
  const probesTo = (conn: Connectivity, id: string): string[] =>
    conn.probesOf(indexOf(conn, id)).map((i) => `${conn.probes[i]!.port}/${conn.probes[i]!.protocol}`);

  it('probes each destination on its declared ports plus the extra ports', () => {
    const conn = run(
      [pod('shop/web', { ports: ['http=8080', '9090/UDP'] }), pod('shop/bare', { ports: [] }), external('dns', '8.8.8.8', ['53/UDP', '53'])],
      { ports: ['80', '8080'] },
    );
    expect(probesTo(conn, 'shop/web')).toEqual(['80/TCP', '8080/TCP', '9090/UDP']);
    expect(probesTo(conn, 'shop/bare')).toEqual(['80/TCP', '8080/TCP']);
    expect(probesTo(conn, 'external:dns')).toEqual(['53/TCP', '53/UDP', '80/TCP', '8080/TCP']);
    expect(conn.probes).toEqual([probe('53'), probe('53/UDP'), probe('80'), probe('8080'), probe('9090/UDP')]);
  });

  it('declaredPorts: false probes the extra ports only', () => {
    const conn = run([pod('shop/web', { ports: ['8080', '9090/UDP'] }), external('dns', '8.8.8.8', ['53/UDP'])], {
      ports: ['443'],
      declaredPorts: false,
    });
    expect(probesTo(conn, 'shop/web')).toEqual(['443/TCP']);
    expect(probesTo(conn, 'external:dns')).toEqual(['443/TCP']);
    expect(conn.counts().rows).toBe(3);
  });

  it('a destination with nothing to probe has no rows', () => {
    const conn = run([pod('shop/web'), pod('shop/bare', { ports: [] })]);
    expect([...conn.rows()].map(rowKey)).toEqual(['shop/bare -> shop/web 80/TCP', 'shop/web -> shop/web 80/TCP']);
  });

  it('rows come sorted by from, to, port, then protocol TCP < UDP < SCTP', () => {
    const conn = run([
      pod('b/server', { ports: ['53/SCTP', '53/UDP', '53', '8'] }),
      pod('a/client', { ports: ['80'] }),
      external('zone', '8.8.8.8', ['53/UDP']),
    ]);
    expect([...conn.rows()].map(rowKey)).toEqual([
      'a/client -> a/client 80/TCP',
      'a/client -> b/server 8/TCP',
      'a/client -> b/server 53/TCP',
      'a/client -> b/server 53/UDP',
      'a/client -> b/server 53/SCTP',
      'a/client -> external:zone 53/UDP',
      'b/server -> a/client 80/TCP',
      'b/server -> b/server 8/TCP',
      'b/server -> b/server 53/TCP',
      'b/server -> b/server 53/UDP',
      'b/server -> b/server 53/SCTP',
      'b/server -> external:zone 53/UDP',
      'external:zone -> a/client 80/TCP',
      'external:zone -> b/server 8/TCP',
      'external:zone -> b/server 53/TCP',
      'external:zone -> b/server 53/UDP',
      'external:zone -> b/server 53/SCTP',
    ]);
  });

  it('counts agree with the rows', () => {
    const conn = run([pod('shop/web'), pod('shop/db'), denyIngress('shop', { matchLabels: {} })]);
    expect(conn.counts()).toEqual({ rows: 4, allowed: 2, denied: 2 });
  });
});

// ---- explanations ---------------------------------------------------------------------------

describe('explain', () => {
  const base = [
    pod('shop/web', { labels: { app: 'web' }, ip: '10.0.0.1' }),
    pod('shop/db', { labels: { app: 'db' }, ip: '10.0.0.2', ports: ['5432', 'metrics=9187'] }),
    pod('shop/batch', { labels: { app: 'batch' }, ip: '10.0.0.3' }),
  ];
  const dbIngress = policy('shop/db-ingress', {
    podSelector: { app: 'db' },
    ingress: [
      { from: [{ podSelector: { app: 'batch' } }] },
      { from: [{ ipBlock: '192.168.0.0/16' }, { podSelector: { app: 'web' } }], ports: ['9187', '5432'] },
      { ports: ['metrics'] },
    ],
  });

  it('names the rule, peer and port entries that admitted a connection, 0-based', () => {
    const conn = run([...base, dbIngress, denyIngress('shop')]);
    const exp = explain(conn, 'shop/web', 'shop/db', '5432/TCP');
    expect(exp).toMatchObject({ from: 'shop/web', to: 'shop/db', port: 5432, protocol: 'TCP', allowed: true });
    expect(exp.ingress).toEqual({
      direction: 'ingress',
      endpoint: 'shop/db',
      allowed: true,
      isolated: true,
      why: 'rule',
      isolatedBy: ['shop/db-ingress', 'shop/deny-ingress'],
      allowedBy: [{ policy: 'shop/db-ingress', direction: 'ingress', rule: 1, peer: 1, port: 1 }],
    });
    expect(exp.egress).toEqual({
      direction: 'egress',
      endpoint: 'shop/web',
      allowed: true,
      isolated: false,
      why: 'not-isolated',
      isolatedBy: [],
      allowedBy: [],
    });
  });

  it('lists every admitting rule, with null peer or port when the list was absent', () => {
    const conn = run([...base, dbIngress]);
    const exp = explain(conn, 'shop/web', 'shop/db', '9187/TCP');
    expect(exp.ingress.allowedBy).toEqual([
      { policy: 'shop/db-ingress', direction: 'ingress', rule: 1, peer: 1, port: 0 },
      { policy: 'shop/db-ingress', direction: 'ingress', rule: 2, peer: null, port: 0 },
    ]);
    const fromBatch = explain(conn, 'shop/batch', 'shop/db', '5432/TCP');
    expect(fromBatch.ingress.allowedBy).toEqual([{ policy: 'shop/db-ingress', direction: 'ingress', rule: 0, peer: 0, port: null }]);
  });

  it('gives null peer and port indexes for empty lists', () => {
    const conn = run([
      ...base,
      policy('shop/web-egress', { podSelector: { app: 'web' }, policyTypes: ['Egress'], egress: [{ to: [], ports: [] }] }),
    ]);
    const exp = explain(conn, 'shop/web', 'shop/db', '5432/TCP');
    expect(exp.egress).toEqual({
      direction: 'egress',
      endpoint: 'shop/web',
      allowed: true,
      isolated: true,
      why: 'rule',
      isolatedBy: ['shop/web-egress'],
      allowedBy: [{ policy: 'shop/web-egress', direction: 'egress', rule: 0, peer: null, port: null }],
    });
  });

  it('lists admitting rules of several policies in policy id order, with ipBlock peers in egress', () => {
    const conn = run([
      ...base,
      policy('shop/web-to-subnet', {
        podSelector: { app: 'web' },
        policyTypes: ['Egress'],
        egress: [{ to: [{ ipBlock: '192.168.0.0/16' }, { ipBlock: { cidr: '10.0.0.0/24', except: ['10.0.0.3/32'] } }] }],
      }),
      policy('shop/web-to-db', {
        podSelector: { app: 'web' },
        policyTypes: ['Egress'],
        egress: [{ to: [{ podSelector: { app: 'db' } }], ports: [{ protocol: 'UDP' }, { protocol: 'TCP', port: 5000, endPort: 6000 }] }],
      }),
    ]);
    const exp = explain(conn, 'shop/web', 'shop/db', '5432/TCP');
    expect(exp.egress).toEqual({
      direction: 'egress',
      endpoint: 'shop/web',
      allowed: true,
      isolated: true,
      why: 'rule',
      isolatedBy: ['shop/web-to-db', 'shop/web-to-subnet'],
      allowedBy: [
        { policy: 'shop/web-to-db', direction: 'egress', rule: 0, peer: 0, port: 1 },
        { policy: 'shop/web-to-subnet', direction: 'egress', rule: 0, peer: 1, port: null },
      ],
    });
    const toBatch = explain(conn, 'shop/web', 'shop/batch', '80/TCP');
    expect(toBatch.egress).toMatchObject({ allowed: false, why: 'no-rule', allowedBy: [] });
  });

  it('says no-rule with the isolating policies when nothing admits the connection', () => {
    const conn = run([...base, dbIngress, denyIngress('shop')], { ports: ['6379'] });
    const exp = explain(conn, 'shop/web', 'shop/db', '6379/TCP');
    expect(exp.allowed).toBe(false);
    expect(exp.ingress).toEqual({
      direction: 'ingress',
      endpoint: 'shop/db',
      allowed: false,
      isolated: true,
      why: 'no-rule',
      isolatedBy: ['shop/db-ingress', 'shop/deny-ingress'],
      allowedBy: [],
    });
    expect(exp.egress.why).toBe('not-isolated');
  });

  it('agrees with the verdict for every row', () => {
    const conn = run([...base, dbIngress, denyIngress('shop', { app: 'web' })], { ports: ['9999'] });
    for (const row of conn.rows()) {
      const exp = conn.explain(indexOf(conn, row.from), indexOf(conn, row.to), probeIndex(conn, `${row.port}/${row.protocol}`));
      expect([exp.allowed, exp.ingress.allowed, exp.egress.allowed]).toEqual([row.allowed, row.ingressAllowed, row.egressAllowed]);
      expect(verdict(conn, row.from, row.to, `${row.port}/${row.protocol}`)).toBe(row.allowed);
    }
  });

  it('says in sentences which way each direction went, in English and Japanese', () => {
    const conn = run([...base, dbIngress, denyIngress('shop')]);
    const en = describeExplanation(conn.index, explain(conn, 'shop/web', 'shop/db', '5432/TCP'), 'en');
    expect(en[0]).toBe('shop/web → shop/db on TCP 5432: allowed.');
    expect(en[2]).toContain('shop/db is isolated for ingress by shop/db-ingress, shop/deny-ingress');
    const ja = describeExplanation(conn.index, explain(conn, 'shop/batch', 'shop/web', '80/TCP'), 'ja');
    expect(ja[2]).toBe('shop/web は shop/deny-ingress によって Ingress（受信）について隔離されており、shop/batch からの TCP 80 を認める Ingress ルールがないため、拒否されます。');
  });

  it('says once that a pod may talk to itself, not once per direction', () => {
    const conn = run([...base, denyIngress('shop')]);
    const exp = explain(conn, 'shop/web', 'shop/web');
    expect(describeExplanation(conn.index, exp, 'en')).toEqual(['shop/web → shop/web on TCP 80: allowed.', 'shop/web talks to itself, which no policy can block.']);
    expect(describeExplanation(conn.index, exp, 'ja')).toHaveLength(2);
  });
});

describe('the one walk over the verdicts', () => {
  it('cells() visits exactly what rows() lists, in the same order, and no external-to-external pair', () => {
    const conn = run([namespace('a'), pod('a/web', { ports: ['80'] }), pod('a/db', { ports: ['80', '8443'] }), external('e1', '1.1.1.1'), external('e2', '8.8.8.8')], { ports: ['8080'] });
    const eps = conn.cluster.endpoints;
    // Read each cell as it comes (the object is reused).
    const fromCells = Array.from(conn.cells(), ({ from, to, probe }) => `${eps[from]!.id}>${eps[to]!.id}:${conn.probes[probe]!.port}/${conn.probes[probe]!.protocol}`);
    const fromRows = [...conn.rows()].map((r) => `${r.from}>${r.to}:${r.port}/${r.protocol}`);
    expect(fromCells).toEqual(fromRows);
    expect(fromCells.length).toBe(conn.counts().rows);
    expect(fromCells.some((c) => c.startsWith('external:e1>external:e2'))).toBe(false);
    expect(fromCells).toContain('a/web>a/web:80/TCP');
  });
});
