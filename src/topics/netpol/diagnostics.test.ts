// Every input the loader rejects, with its code and where it points. Expected locations are marked
// in the YAML itself with » just before the offending node; the helper strips the marks.
import { describe, expect, it } from 'vitest';
import { loadCluster, parseProbeList, type Diagnostic } from './index';

const MARK = '»';

/** Removes the marks and returns the text with each mark's 1-based line:col. */
function unmark(marked: string): { text: string; marks: string[] } {
  const marks: string[] = [];
  let text = '';
  let line = 1;
  let col = 1;
  for (const ch of marked) {
    if (ch === MARK) {
      marks.push(`${line}:${col}`);
      continue;
    }
    text += ch;
    if (ch === '\n') {
      line++;
      col = 1;
    } else {
      col++;
    }
  }
  return { text, marks };
}

const where = (d: Diagnostic): string => `${d.line}:${d.col} ${d.code}`;

/**
 * Loads the marked text and expects exactly one diagnostic per mark, with these codes (the i-th code
 * at the i-th mark). Diagnostics at one location may come in any order.
 */
function expectDiagnostics(marked: string, codes: readonly string[]): Diagnostic[] {
  const { text, marks } = unmark(marked);
  if (marks.length !== codes.length) throw new Error(`${marks.length} marks but ${codes.length} codes`);
  const { diagnostics } = loadCluster([{ file: 'policy.yaml', text }]);
  expect(diagnostics.map(where).sort()).toEqual(marks.map((m, i) => `${m} ${codes[i]}`).sort());
  for (const d of diagnostics) {
    expect(d.file).toBe('policy.yaml');
    expect(d.severity).toBe(d.code === 'unsupported-kind' ? 'warning' : 'error');
    expect(d.message).not.toBe('');
  }
  return diagnostics;
}

/** A NetworkPolicy around a spec whose lines are already indented by two spaces. */
const policy = (spec: string): string => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api
  namespace: shop
spec:
${spec}
`;

/** A policy admitting ingress from one peer; `peer` is written at the from-list indentation. */
const fromPeer = (peer: string): string =>
  policy(`  podSelector:
    matchLabels:
      app: api
  ingress:
    - from:
${peer}`);

/** A policy admitting ingress on the given ports entries. */
const onPorts = (ports: string): string =>
  policy(`  podSelector: {}
  ingress:
    - ports:
${ports}`);

const load = (text: string, file = 'input.yaml') => loadCluster([{ file, text }]);

// ---- ipBlock --------------------------------------------------------------------------------

/** Hostile inputs get a generous timeout: a quadratic or exponential regression hangs; `npm run bench` times them. */
const HOSTILE_TIMEOUT = 30_000;

describe('ipBlock', () => {
  it.each(['10.0.0.0/33', '10.0.0.256/24', '10.0.0.0', 'fd00::/129', 'fd00:::1/64', 'internal', '10.0.0.0/-1', '10.0.0/8'])(
    'rejects cidr %s as invalid-cidr',
    (cidr) => {
      expectDiagnostics(
        fromPeer(`        - ipBlock:
            cidr: »"${cidr}"`),
        ['invalid-cidr'],
      );
    },
  );

  it('rejects an except entry that is not a CIDR', () => {
    expectDiagnostics(
      fromPeer(`        - ipBlock:
            cidr: 10.0.0.0/16
            except:
              - 10.0.1.0/24
              - »10.0.2.0/40`),
      ['invalid-cidr'],
    );
  });

  it.each([
    ['outside the cidr', '10.0.0.0/16', '10.1.0.0/24'],
    ['equal to the cidr', '10.0.0.0/16', '10.0.0.0/16'],
    ['the same block with host bits set', '10.0.0.0/16', '10.0.5.0/16'],
    ['wider than the cidr', '10.0.0.0/16', '10.0.0.0/8'],
    ['of the other family', '10.0.0.0/16', '::ffff:10.0.1.0/120'],
    ['IPv4 in an IPv6 cidr', 'fd00::/64', '10.0.0.0/24'],
    ['IPv6 outside an IPv6 cidr', 'fd00::/64', 'fd00:0:0:1::/80'],
  ])('rejects an except entry %s as except-not-subset', (_, cidr, except) => {
    expectDiagnostics(
      fromPeer(`        - ipBlock:
            cidr: ${cidr}
            except:
              - »${except}`),
      ['except-not-subset'],
    );
  });

  it('accepts except entries that are strict subsets, host bits set in either', () => {
    const { diagnostics, cluster } = load(
      fromPeer(`        - ipBlock:
            cidr: 10.0.7.7/16
            except:
              - 10.0.1.1/24
              - 10.0.255.255/32
        - ipBlock:
            cidr: fd00::/64
            except:
              - fd00::1:0/112`),
    );
    expect(diagnostics).toEqual([]);
    expect(cluster.policies).toHaveLength(1);
  });

  it('rejects an ipBlock mixed with a selector as mixed-peer', () => {
    expectDiagnostics(
      fromPeer(`        - »ipBlock:
            cidr: 10.0.0.0/16
          podSelector:
            matchLabels:
              app: web
        - »namespaceSelector: {}
          ipBlock:
            cidr: 10.0.0.0/16`),
      ['mixed-peer', 'mixed-peer'],
    );
  });
});

// ---- peers ----------------------------------------------------------------------------------

describe('peers', () => {
  it('rejects a peer with none of podSelector, namespaceSelector and ipBlock as empty-peer', () => {
    expectDiagnostics(fromPeer('        - »{}'), ['empty-peer']);
  });

  it('reports a misspelt peer field and the peer it leaves empty', () => {
    expectDiagnostics(
      fromPeer(`        - »»podselector:
            matchLabels:
              app: web`),
      ['empty-peer', 'unknown-field'],
    );
  });
});

// ---- ports ----------------------------------------------------------------------------------

describe('ports', () => {
  it.each(['0', '65536', '-1', '100000'])('rejects port %s as invalid-port', (port) => {
    expectDiagnostics(onPorts(`        - port: »${port}`), ['invalid-port']);
  });

  it.each(['HTTP', 'web--api', '8080a-b-c-d-e-f-g', '123'])('rejects the port name %s as invalid-port', (name) => {
    expectDiagnostics(onPorts(`        - port: »"${name}"`), ['invalid-port']);
  });

  it('accepts ports 1 and 65535 and an endPort equal to port', () => {
    const { diagnostics } = load(
      onPorts(`        - port: 1
        - port: 65535
        - port: 8080
          endPort: 8080
        - port: https`),
    );
    expect(diagnostics).toEqual([]);
  });

  it('rejects an endPort below port', () => {
    expectDiagnostics(
      onPorts(`        - port: 8080
          endPort: »8000`),
      ['invalid-end-port'],
    );
  });

  it('rejects an endPort with a named port', () => {
    expectDiagnostics(
      onPorts(`        - port: http
          endPort: »8090`),
      ['invalid-end-port'],
    );
  });

  it('rejects an endPort without a port', () => {
    expectDiagnostics(
      onPorts(`        - protocol: TCP
          endPort: »8090`),
      ['invalid-end-port'],
    );
  });

  it('rejects an endPort above 65535', () => {
    expectDiagnostics(
      onPorts(`        - port: 8080
          endPort: »65536`),
      ['invalid-port'],
    );
  });

  it.each(['tcp', 'HTTP', 'Udp', 'ICMP', ''])('rejects protocol "%s" as invalid-protocol', (protocol) => {
    expectDiagnostics(onPorts(`        - port: 80\n          protocol: »"${protocol}"`), ['invalid-protocol']);
  });

  it('rejects bad ports and protocols in Pods and ExternalEndpoints too', () => {
    expectDiagnostics(
      `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - containerPort: »0
        - containerPort: 80
          protocol: »tcp
---
apiVersion: cks-lab/v1
kind: ExternalEndpoint
metadata:
  name: dns
spec:
  ip: 8.8.8.8
  ports:
    - port: »70000
    - port: 53
      protocol: »udp
`,
      ['invalid-port', 'invalid-protocol', 'invalid-port', 'invalid-protocol'],
    );
  });
});

// ---- selectors and labels -------------------------------------------------------------------

describe('label selectors', () => {
  const selecting = (expressions: string): string =>
    policy(`  podSelector:
    matchExpressions:
${expressions}`);

  it('rejects an unknown operator', () => {
    expectDiagnostics(
      selecting(`      - key: app
        operator: »Equals
        values: [web]`),
      ['invalid-operator'],
    );
  });

  it.each(['In', 'NotIn'])('rejects %s without values', (operator) => {
    expectDiagnostics(
      selecting(`      - »key: app
        operator: ${operator}`),
      ['invalid-values'],
    );
    expectDiagnostics(
      selecting(`      - key: app
        operator: ${operator}
        values: »[]`),
      ['invalid-values'],
    );
  });

  it.each(['Exists', 'DoesNotExist'])('rejects %s with values', (operator) => {
    expectDiagnostics(
      selecting(`      - key: app
        operator: ${operator}
        values:
          »- web`),
      ['invalid-values'],
    );
  });

  it.each([
    ['a number', '1'],
    ['a float', '1.5'],
    ['a boolean', 'true'],
    ['a YAML 1.1 boolean', 'yes'],
    ['a YAML 1.1 boolean', 'off'],
    ['a mapping', '{ name: web }'],
  ])('rejects a label value that is %s (%s) as label-not-string', (_, value) => {
    expectDiagnostics(
      policy(`  podSelector:
    matchLabels:
      app: »${value}`),
      ['label-not-string'],
    );
  });

  it('rejects non-string values in metadata.labels and in matchExpressions values', () => {
    expectDiagnostics(
      `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
  labels:
    version: »2
    canary: »no
spec:
  containers:
    - name: web
      image: nginx:1.27
---
${policy(`  podSelector:
    matchExpressions:
      - key: version
        operator: In
        values: ["1", »2]`)}`,
      ['label-not-string', 'label-not-string', 'label-not-string'],
    );
  });

  it('accepts quoted numbers and booleans as label values', () => {
    const { diagnostics } = load(
      policy(`  podSelector:
    matchLabels:
      version: "2"
      canary: "yes"
      enabled: 'true'`),
    );
    expect(diagnostics).toEqual([]);
  });

  it.each([
    ['a key with a space', '»"my app": web'],
    ['a key ending in a dash', '»app-: web'],
    ['a key with an empty prefix', '»/app: web'],
    ['a key with an upper-case prefix', '»Example.com/app: web'],
    ['a key with two slashes', '»a/b/c: web'],
    ['a key longer than 63 characters', `»${'k'.repeat(64)}: web`],
    ['a value with a space', 'app: »"web server"'],
    ['a value starting with a dot', 'app: ».web'],
    ['a value longer than 63 characters', `app: »${'v'.repeat(64)}`],
  ])('rejects %s as invalid-label', (_, entry) => {
    expectDiagnostics(
      policy(`  podSelector:
    matchLabels:
      ${entry}`),
      ['invalid-label'],
    );
  });

  it('accepts valid keys and values, including a prefix, dots, underscores and the empty value', () => {
    const { diagnostics } = load(
      policy(`  podSelector:
    matchLabels:
      app.kubernetes.io/name: web_frontend.v2
      kubernetes.io/metadata.name: shop
      tier: ""
      ${'k'.repeat(63)}: ${'v'.repeat(63)}`),
    );
    expect(diagnostics).toEqual([]);
  });

  it('rejects invalid label keys and values in matchExpressions and metadata.labels', () => {
    expectDiagnostics(
      `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    team: »"red team"
---
${policy(`  podSelector:
    matchExpressions:
      - key: »"-app"
        operator: In
        values: [»"web!"]`)}`,
      ['invalid-label', 'invalid-label', 'invalid-label'],
    );
  });
});

// ---- policy shape ---------------------------------------------------------------------------

describe('NetworkPolicy fields', () => {
  it('rejects an unknown field in the spec, naming it', () => {
    const [d] = expectDiagnostics(
      policy(`  »podSelecter:
    matchLabels:
      app: api`),
      ['unknown-field'],
    );
    expect(d?.message).toContain('podSelecter');
  });

  it('rejects unknown fields at every level of a policy', () => {
    const diagnostics = expectDiagnostics(
      policy(`  podSelector:
    »matchLabel:
      app: api
  ingress:
    - »form:
        - podSelector: {}
      ports:
        - port: 80
          »portocol: TCP
  egress:
    - to:
        - ipBlock:
            cidr: 10.0.0.0/8
            »exept: [10.1.0.0/16]`),
      ['unknown-field', 'unknown-field', 'unknown-field', 'unknown-field'],
    );
    expect(diagnostics.map((d) => /matchLabel|form|portocol|exept/.exec(d.message)?.[0])).toEqual(['matchLabel', 'form', 'portocol', 'exept']);
  });

  it.each(['Ingres', 'ingress', 'Both', ''])('rejects the policy type "%s"', (type) => {
    expectDiagnostics(
      policy(`  podSelector: {}
  policyTypes:
    - Ingress
    - »"${type}"`),
      ['invalid-policy-type'],
    );
  });
});

// ---- objects --------------------------------------------------------------------------------

describe('objects', () => {
  it('rejects a document without kind', () => {
    expectDiagnostics(
      `»apiVersion: v1
metadata:
  name: web
`,
      ['missing-field'],
    );
  });

  it('rejects a document without apiVersion', () => {
    expectDiagnostics(
      `»kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  containers:
    - name: web
      image: nginx:1.27
`,
      ['missing-field'],
    );
  });

  it('rejects an object without metadata.name', () => {
    expectDiagnostics(
      `apiVersion: v1
kind: Pod
metadata:
  »namespace: shop
spec:
  containers:
    - name: web
      image: nginx:1.27
---
»apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
spec:
  podSelector: {}
`,
      ['missing-field', 'missing-field'],
    );
  });

  it('rejects a second object with the same kind, namespace and name', () => {
    const diagnostics = expectDiagnostics(
      `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
---
»apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: billing
---
${policy('  podSelector: {}')}---
»${policy('  podSelector: {}')}---
apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: cks-lab/v1
kind: ExternalEndpoint
metadata:
  name: dns
spec:
  ip: 8.8.8.8
---
»apiVersion: cks-lab/v1
kind: ExternalEndpoint
metadata:
  name: dns
spec:
  ip: 8.8.4.4
`,
      ['duplicate', 'duplicate', 'duplicate'],
    );
    expect(diagnostics[0]?.message).toContain('shop/web');
    expect(diagnostics[1]?.message).toContain('shop/api');
  });

  it('reports a duplicate across files at the later input, whatever the file names (the learner\'s copy, after the lesson\'s)', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: shop\n';
    const { diagnostics } = loadCluster([
      { file: 'lessons/_clusters/shop.yaml', text: pod },
      { file: 'editor.yaml', text: pod },
    ]);
    expect(diagnostics.map((d) => `${d.file}:${where(d)}`)).toEqual(['editor.yaml:1:1 duplicate']);
  });

  it('rejects a misspelt metadata field and a near miss of a kind, each with a did-you-mean', () => {
    const { diagnostics } = loadCluster([
      { file: 'a.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  lables: {app: web}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicies\nmetadata: {name: x}\n' },
    ]);
    expect(diagnostics.map((d) => `${where(d)} ${d.severity}`)).toEqual(['5:3 unknown-field error', '8:7 unknown-kind error']);
    expect(diagnostics[0]!.message).toContain('unknown field metadata.lables; did you mean labels?');
    expect(diagnostics[1]!.message).toContain('kind NetworkPolicies is not evaluated by the lab (did you mean NetworkPolicy?)');
  });

  it('configures a Namespace declared again: its labels merge over the earlier ones, as kubectl label leaves them', () => {
    const { diagnostics, cluster } = loadCluster([
      { file: 'cluster.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {team: a, tier: web}\n' },
      { file: 'editor.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {tier: api, env: prod}\n' },
    ]);
    expect(diagnostics).toEqual([]);
    const shop = cluster.namespaces.find((n) => n.name === 'shop')!;
    expect(shop.labels).toEqual({ team: 'a', tier: 'api', env: 'prod', 'kubernetes.io/metadata.name': 'shop' });
    expect(shop.location?.file).toBe('editor.yaml');
  });

  it('reports a duplicate across files at the later file', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: shop\n';
    const { diagnostics, cluster } = loadCluster([
      { file: 'a.yaml', text: pod },
      { file: 'b.yaml', text: pod },
    ]);
    expect(diagnostics.map((d) => `${d.file}:${where(d)}`)).toEqual(['b.yaml:1:1 duplicate']);
    expect(cluster.endpoints.map((e) => e.id)).toEqual(['shop/web']);
  });

  it('skips an unknown kind with a warning and loads the rest', () => {
    const { text, marks } = unmark(`apiVersion: v1
kind: »Service
metadata:
  name: web
  namespace: shop
spec:
  selector:
    app: web
  ports:
    - port: 80
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
`);
    const { diagnostics, cluster } = load(text);
    expect(diagnostics.map((d) => [`${d.line}:${d.col}`, d.severity, d.code])).toEqual([[marks[0], 'warning', 'unsupported-kind']]);
    expect(diagnostics[0]?.message).toContain('Service');
    expect(cluster.endpoints.map((e) => e.id)).toEqual(['shop/web']);
  });

  it('skips a known kind with an unexpected apiVersion with a warning', () => {
    expectDiagnostics(
      `apiVersion: extensions/v1beta1
kind: »NetworkPolicy
metadata:
  name: old
  namespace: shop
spec:
  podSelector: {}
`,
      ['unsupported-kind'],
    );
  });

  it('rejects documents that are not mappings', () => {
    expectDiagnostics('»- apiVersion: v1\n  kind: Pod\n', ['not-an-object']);
    expectDiagnostics('»just some words\n', ['not-an-object']);
    expectDiagnostics('»42\n', ['not-an-object']);
  });

  it('reports every problem, not just the first', () => {
    expectDiagnostics(
      `${policy(`  podSelector:
    matchLabels:
      app: »1
  ingress:
    - from:
        - ipBlock:
            cidr: »10.0.0.0/33
      ports:
        - port: »0
          protocol: »tcp`)}---
apiVersion: v1
kind: Pod
metadata:
  name: »Web
  namespace: shop
`,
      ['label-not-string', 'invalid-cidr', 'invalid-port', 'invalid-protocol', 'invalid-name'],
    );
  });

  it('drops a broken object but loads the rest of the cluster', () => {
    const { diagnostics, cluster } = load(`apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
  labels:
    app: web
---
${policy(`  podSelector: {}
  ingress:
    - from:
        - ipBlock:
            cidr: 10.0.0.0/33`)}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: shop
spec:
  podSelector: {}
---
apiVersion: v1
kind: Pod
metadata:
  name: db
  namespace: shop
  labels:
    app: 1
`);
    expect(diagnostics.map((d) => d.code)).toEqual(['invalid-cidr', 'label-not-string']);
    expect(cluster.policies.map((p) => p.id)).toEqual(['shop/default-deny']);
    expect(cluster.endpoints.map((e) => e.id)).toEqual(['shop/web']);
  });
});

// ---- hostile and malformed text -------------------------------------------------------------

describe('malformed input', () => {
  it.each([
    ['an unclosed flow sequence', 'apiVersion: v1\nkind: Pod\nmetadata: {name: [web\n'],
    ['a tab used for indentation', 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: web\n'],
    ['a duplicate key', 'apiVersion: v1\nkind: Pod\nkind: Pod\n'],
    ['a reserved indicator', '@web\n'],
    ['an unterminated string', 'apiVersion: "v1\nkind: Pod\n'],
    ['a bad indentation', 'apiVersion: v1\n  kind: Pod\n kind: x\n'],
    ['an undefined alias', 'apiVersion: v1\nkind: *missing\n'],
  ])('reports %s as yaml-syntax', (_, text) => {
    const { diagnostics } = load(text);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.every((d) => d.code === 'yaml-syntax' && d.line >= 1 && d.col >= 1)).toBe(true);
  });

  it.each([
    ['no space after a colon', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name:web\n  namespace: x\n', 4, 'is the space after a colon missing', 'コロンの後の空白が抜けていませんか'],
    ['a tab', 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: web\n', 4, 'YAML indents with spaces only', 'タブでインデント'],
    ['an unclosed {', 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app: x}\nspec: {}\n', 4, 'is not closed with "}"', '「}」で閉じられていません'],
    ['two keys on one line', 'apiVersion: v1\nkind: Pod\nmetadata: name: web\n', 3, 'as if another key followed', '別のキーのような'],
    ['a key indented too far', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n   namespace: b\n', 4, 'indented too far', 'インデントが深すぎる'],
    ['a duplicate key', 'apiVersion: v1\nkind: Pod\nkind: Pod\n', 3, 'appears twice', '2 回あります'],
    ['keys out of line', 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nspec:\n  podSelector: {}\n   policyTypes: []\n', 5, 'must start in the same column', '同じ列から'],
  ])('words the commonest syntax error, %s, for a learner, in English and Japanese', (_, text, line, en, ja) => {
    const d = load(text).diagnostics[0]!;
    expect(d).toMatchObject({ code: 'yaml-syntax', line, message: expect.stringContaining(en), messageJa: expect.stringContaining(ja) });
  });

  it('does not mistake brackets in a script or an apostrophe for nesting', () => {
    const script = Array.from({ length: 80 }, (_, i) => `              echo -e "step ${i}" \\033[32mOK`).join('\n');
    const { diagnostics, cluster } = load(`apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
  namespace: shop
  annotations:
    note: don't touch [see runbook
spec:
  template:
    metadata:
      labels:
        app: migrate
    spec:
      restartPolicy: Never
      containers:
        - name: migrate
          image: busybox:1.36
          command: ["/bin/sh", "-c"]
          args:
            - |
${script}
`);
    expect(diagnostics).toEqual([]);
    expect(cluster.endpoints.map((e) => e.id)).toEqual(['shop/migrate']);
  });

  it('still finds deep brackets after an apostrophe in plain text', () => {
    const { diagnostics } = load(`note: don't\nitems: ${'['.repeat(100_000)}\n`);
    expect(diagnostics.map((d) => `${d.line} ${d.code}`)).toEqual(['2 too-deep']);
  }, HOSTILE_TIMEOUT);

  it('reports every repeated key at the repetition', () => {
    expectDiagnostics(
      `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
  »name: api
»kind: Pod
`,
      ['yaml-syntax', 'yaml-syntax'],
    );
  });

  it('loads a mapping with 20,000 keys (duplicate-key checks are not quadratic: npm run bench times it)', () => {
    const labels = Array.from({ length: 20_000 }, (_, i) => `    label-${i}: v${i}`).join('\n');
    const { diagnostics, cluster } = load(`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: big\n  labels:\n${labels}\n`);
    expect(diagnostics).toEqual([]);
    expect(Object.keys(cluster.namespaces[0]?.labels ?? {})).toHaveLength(20_001);
  }, HOSTILE_TIMEOUT);

  it('points a syntax error at its line', () => {
    const { diagnostics } = load('apiVersion: v1\nkind: Pod\nmetadata:\n  name: "web\n');
    expect(diagnostics.map((d) => where(d))).toEqual(['4:9 yaml-syntax']);
  });

  it('reports binary junk as yaml-syntax or not-an-object, never throwing', () => {
    const png = String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52);
    const junk = [png, '\u0000\u0001\u0002\u0003', '\uFFFD\uFFFD{{{', '\u007f\u0080\u00ff:::\u0000', 'PK\u0003\u0004\u0014\u0000\u0008\u0000'];
    for (const text of junk) {
      const { diagnostics, cluster } = load(text);
      expect(diagnostics.length, JSON.stringify(text)).toBeGreaterThan(0);
      expect(diagnostics.every((d) => d.code === 'yaml-syntax' || d.code === 'not-an-object'), JSON.stringify(diagnostics)).toBe(true);
      expect(cluster.endpoints).toEqual([]);
    }
  });

  it('never throws on random bytes', () => {
    let seed = 12345;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    for (let i = 0; i < 200; i++) {
      const length = next() % 200;
      const text = Array.from({ length }, () => String.fromCharCode(next() % 256)).join('');
      expect(() => load(text)).not.toThrow();
    }
  });

  it('refuses a billion-laughs alias bomb', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    const names = 'abcdefghi';
    for (let i = 1; i < names.length; i++) {
      const refs = Array.from({ length: 9 }, () => `*${names[i - 1]}`).join(',');
      lines.push(`${names[i]}: &${names[i]} [${refs}]`);
    }
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: bomb\n  labels:\n${lines.map((l) => `    ${l}`).join('\n')}\n`;
    const { diagnostics } = load(text);
    expect(diagnostics.map((d) => d.code)).toContain('alias-limit');
    expect(diagnostics.every((d) => d.code === 'alias-limit')).toBe(true);
  }, HOSTILE_TIMEOUT);

  it('refuses an alias bomb made of mappings and merge keys', () => {
    const lines = ['a: &a {x0: lol, x1: lol, x2: lol, x3: lol, x4: lol, x5: lol, x6: lol, x7: lol, x8: lol, x9: lol}'];
    const names = 'abcdefghij';
    for (let i = 1; i < names.length; i++) {
      const refs = Array.from({ length: 10 }, (_, j) => `y${j}: *${names[i - 1]}`).join(', ');
      lines.push(`${names[i]}: &${names[i]} {${refs}}`);
    }
    const { diagnostics } = load(lines.join('\n') + '\n');
    expect(diagnostics.map((d) => d.code)).toEqual(['alias-limit']);
  }, HOSTILE_TIMEOUT);

  it('accepts ordinary anchors and aliases', () => {
    const { diagnostics, cluster } = load(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  labels: &labels
    app: web
    tier: frontend
spec:
  selector:
    matchLabels: *labels
  template:
    metadata:
      labels: *labels
    spec:
      containers:
        - name: web
          image: nginx:1.27
`);
    expect(diagnostics).toEqual([]);
    expect(cluster.endpoints[0]?.labels).toEqual({ app: 'web', tier: 'frontend' });
  });

  it('returns diagnostics grouped by file, in line and column order', () => {
    const bad = (name: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: shop\n  labels:\n    app: 1\n`;
    const { diagnostics } = loadCluster([
      { file: 'a.yaml', text: bad('one') },
      { file: 'b.yaml', text: `${bad('two')}---\n${bad('Three')}` },
    ]);
    expect(diagnostics.map((d) => `${d.file}:${where(d)}`)).toEqual([
      'a.yaml:7:10 label-not-string',
      'b.yaml:7:10 label-not-string',
      'b.yaml:12:9 invalid-name',
      'b.yaml:15:10 label-not-string',
    ]);
  });

  it('refuses an input larger than 16 MiB', () => {
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\n  annotations:\n    blob: "${'x'.repeat(17 * 1024 * 1024)}"\n`;
    const { diagnostics, cluster } = load(text, 'big.yaml');
    expect(diagnostics.map((d) => `${d.file}:${where(d)}`)).toEqual(['big.yaml:1:1 too-large']);
    expect(cluster.endpoints).toEqual([]);
  }, HOSTILE_TIMEOUT);

  it('still loads the other inputs when one is too large', () => {
    const { diagnostics, cluster } = loadCluster([
      { file: 'big.yaml', text: 'x'.repeat(17 * 1024 * 1024) },
      { file: 'pod.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: shop\n' },
    ]);
    expect(diagnostics.map((d) => d.code)).toEqual(['too-large']);
    expect(cluster.endpoints.map((e) => e.id)).toEqual(['shop/web']);
  });

  it.each([
    ['flow sequences', '['.repeat(100_000)],
    ['closed flow sequences', '['.repeat(100_000) + ']'.repeat(100_000)],
    ['flow mappings', '{a: '.repeat(20_000) + '1' + '}'.repeat(20_000)],
    ['block sequences', Array.from({ length: 2000 }, (_, i) => ' '.repeat(i * 2) + '-').join('\n') + ' x\n'],
  ])('reports deeply nested %s as too-deep or yaml-syntax, never throwing', (_, text) => {
    const { diagnostics } = load(text);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.every((d) => d.code === 'too-deep' || d.code === 'yaml-syntax'), JSON.stringify(diagnostics.slice(0, 3))).toBe(true);
  }, HOSTILE_TIMEOUT);
});

// ---- probe lists ----------------------------------------------------------------------------

describe('error floods', () => {
  it('junk that raises an error on every line stops after a bounded report', () => {
    const { diagnostics } = loadCluster([{ file: 'junk.yaml', text: ']\n'.repeat(200_000) }]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', code: 'yaml-syntax', line: 1, col: 1 });
    expect(diagnostics[0]!.message).toMatch(/more than \d+ syntax errors/);
  });

  it('one broken document after another is summarised after twenty errors', () => {
    const { diagnostics } = loadCluster([{ file: 'many.yaml', text: '---\n]\n'.repeat(30_000) }]);
    expect(diagnostics.length).toBeLessThanOrEqual(21);
    expect(diagnostics.at(-1)!.message).toMatch(/more syntax errors follow/);
    expect(diagnostics.every((d) => d.code === 'yaml-syntax')).toBe(true);
  });

  it('a node with thousands of anchors is refused as not YAML', () => {
    const { diagnostics } = loadCluster([{ file: 'anchors.yaml', text: '&a '.repeat(50_000) }]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.code).toBe('yaml-syntax');
  });
});

describe('parseProbeList', () => {
  it.each<[string, string[]]>([
    ['80', ['80/TCP']],
    ['53/UDP', ['53/UDP']],
    ['53/udp', ['53/UDP']],
    ['132/sctp', ['132/SCTP']],
    ['8000-8002/tcp', ['8000/TCP', '8001/TCP', '8002/TCP']],
    ['8000-8002', ['8000/TCP', '8001/TCP', '8002/TCP']],
    ['80,53/UDP, 443/Tcp', ['80/TCP', '53/UDP', '443/TCP']],
    ['1,65535', ['1/TCP', '65535/TCP']],
    ['7-7/UDP', ['7/UDP']],
    ['80,80/tcp,79-81', ['80/TCP', '79/TCP', '81/TCP']],
  ])('parses "%s"', (text, expected) => {
    const result = parseProbeList(text);
    expect('probes' in result ? result.probes.map((p) => `${p.port}/${p.protocol}`) : result).toEqual(expected);
  });

  it('takes every port of every protocol (each distinct probe once)', () => {
    const result = parseProbeList('1-65535/TCP,1-65535/udp,1-65535/SCTP,80,53/UDP');
    expect('probes' in result && result.probes.length).toBe(3 * 65535);
  });

  it.each(['http', '0', '65536', '80/ICMP', '80/', '/UDP', '90-80', '80-', '-80', '80:443', '8o', '80 443'])(
    'rejects "%s"',
    (text) => {
      const result = parseProbeList(text);
      expect('error' in result).toBe(true);
      if ('error' in result) expect(result.error).not.toBe('');
    },
  );
});
