// Property tests for the engine: random small clusters, written out as YAML, must get from the engine exactly the
// verdicts of a plain per-pair reference written below from the NetworkPolicy spec; plus the laws that hold for any input.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'yaml';
import {
  readCluster,
  evaluate,
  loadCluster,
  parseSources,
  type Connectivity,
  type ConnectivityRow,
  type Counts,
  type Probe,
  type Protocol,
  type SourceText,
} from './index';

// ---- the generated description: plain objects, closer to the YAML than to the engine's model ----------------

type Labels = Record<string, string>;
type Operator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
type PolicyType = 'Ingress' | 'Egress';

interface Address {
  family: 4 | 6;
  value: bigint;
  /** How a v6 address is written: 0 compressed, 1 full, 2 compressed upper case, 3 with a dotted IPv4 tail. */
  style: number;
}

interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
  /** Exists/DoesNotExist: write `values: []` rather than leave it out. */
  writeValues: boolean;
}

interface Selector {
  matchLabels?: Labels;
  matchExpressions?: Requirement[];
}

interface Block {
  address: Address;
  prefix: number;
}

interface SelectorPeer {
  podSelector?: Selector;
  namespaceSelector?: Selector;
}
interface IpBlockPeer {
  ipBlock: { cidr: Block; except?: Block[] };
}
type Peer = SelectorPeer | IpBlockPeer;

interface PolicyPort {
  protocol?: Protocol;
  port?: number | string;
  endPort?: number;
}

interface Rule {
  /** `from` or `to`; undefined: absent. */
  peers?: Peer[];
  ports?: PolicyPort[];
}

interface Policy {
  namespace: string;
  name: string;
  podSelector: Selector;
  policyTypes?: PolicyType[];
  /** undefined: absent; null: written as `ingress: null`. */
  ingress?: Rule[] | null;
  egress?: Rule[] | null;
}

interface ContainerPort {
  name?: string;
  port: number;
  protocol?: Protocol;
}

interface Pod {
  namespace: string;
  /** Leave metadata.namespace out (only for `default`). */
  omitNamespace: boolean;
  name: string;
  labels: Labels;
  ip: Address | null;
  ipField: 'podIP' | 'podIPs';
  hostNetwork: boolean;
  /** The node it runs on (spec.nodeName), if scheduled. */
  nodeName: string | null;
  /** Container ports, one list per container. */
  containers: ContainerPort[][];
}

interface External {
  name: string;
  labels: Labels;
  ip: Address;
  ports?: { port: number; protocol?: Protocol }[];
}

interface NamespaceSpec {
  name: string;
  labels: Labels;
}

interface ClusterSpec {
  namespaces: NamespaceSpec[];
  pods: Pod[];
  externals: External[];
  policies: Policy[];
}

// ---- the reference: one pair at a time, straight from the spec ---------------------------------------------

const NAME_LABEL = 'kubernetes.io/metadata.name';

interface RefEndpoint {
  id: string;
  kind: 'pod' | 'external';
  namespace: string | null;
  labels: Labels;
  ip: Address | null;
  hostNetwork: boolean;
  nodeName: string | null;
  ports: { name: string | null; port: number; protocol: Protocol }[];
}

const PROTOCOL_ORDER: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];
const byProbe = (a: Probe, b: Probe): number =>
  a.port - b.port || PROTOCOL_ORDER.indexOf(a.protocol) - PROTOCOL_ORDER.indexOf(b.protocol);
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function refSelects(selector: Selector, labels: Labels): boolean {
  const has = (key: string): boolean => Object.prototype.hasOwnProperty.call(labels, key);
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (!has(key) || labels[key] !== value) return false;
  }
  return (selector.matchExpressions ?? []).every((r) => {
    switch (r.operator) {
      case 'In':
        return has(r.key) && r.values.includes(labels[r.key]!);
      case 'NotIn':
        return !has(r.key) || !r.values.includes(labels[r.key]!);
      case 'Exists':
        return has(r.key);
      case 'DoesNotExist':
        return !has(r.key);
    }
  });
}

const familyBits = (family: 4 | 6): number => (family === 4 ? 32 : 128);

function refInBlock(block: Block, ip: Address): boolean {
  if (block.address.family !== ip.family) return false;
  const host = BigInt(familyBits(ip.family) - block.prefix);
  return ip.value >> host === block.address.value >> host;
}

function refNamespaceLabels(spec: ClusterSpec, name: string): Labels {
  const declared = spec.namespaces.find((ns) => ns.name === name);
  return { ...(declared?.labels ?? {}), [NAME_LABEL]: name };
}

function refPolicyTypes(p: Policy): { ingress: boolean; egress: boolean } {
  if (p.policyTypes !== undefined && p.policyTypes.length > 0) {
    return { ingress: p.policyTypes.includes('Ingress'), egress: p.policyTypes.includes('Egress') };
  }
  return { ingress: true, egress: (p.egress ?? []).length > 0 };
}

/** Only ordinary pods can be picked by a selector; a hostNetwork pod acts as its node. */
const refSelectable = (e: RefEndpoint): boolean => e.kind === 'pod' && !e.hostNetwork;

function refPeerMatches(spec: ClusterSpec, policy: Policy, peer: Peer, e: RefEndpoint): boolean {
  if ('ipBlock' in peer) {
    const { cidr, except } = peer.ipBlock;
    const ip = e.ip;
    return ip !== null && refInBlock(cidr, ip) && !(except ?? []).some((x) => refInBlock(x, ip));
  }
  if (!refSelectable(e) || e.namespace === null) return false;
  const namespaceOk = peer.namespaceSelector === undefined
    ? e.namespace === policy.namespace
    : refSelects(peer.namespaceSelector, refNamespaceLabels(spec, e.namespace));
  return namespaceOk && (peer.podSelector === undefined || refSelects(peer.podSelector, e.labels));
}

function refPortMatches(port: PolicyPort, probe: Probe, destination: RefEndpoint): boolean {
  if ((port.protocol ?? 'TCP') !== probe.protocol) return false;
  if (port.port === undefined) return true;
  if (typeof port.port === 'number') return probe.port >= port.port && probe.port <= (port.endPort ?? port.port);
  const name = port.port;
  return refSelectable(destination) && destination.ports.some((p) => p.name === name && p.port === probe.port && p.protocol === probe.protocol);
}

function refDirectionAllows(spec: ClusterSpec, direction: 'ingress' | 'egress', from: RefEndpoint, to: RefEndpoint, probe: Probe): boolean {
  const subject = direction === 'ingress' ? to : from;
  const other = direction === 'ingress' ? from : to;
  if (!refSelectable(subject)) return true; // external endpoints and hostNetwork pods are never isolated
  const isolating = spec.policies.filter(
    (p) => refPolicyTypes(p)[direction] && p.namespace === subject.namespace && refSelects(p.podSelector, subject.labels),
  );
  if (isolating.length === 0) return true;
  return isolating.some((policy) =>
    (policy[direction] ?? []).some(
      (rule) =>
        (rule.peers === undefined || rule.peers.length === 0 || rule.peers.some((peer) => refPeerMatches(spec, policy, peer, other))) &&
        (rule.ports === undefined || rule.ports.length === 0 || rule.ports.some((port) => refPortMatches(port, probe, to))),
    ),
  );
}

function refEndpoints(spec: ClusterSpec): RefEndpoint[] {
  const pods = spec.pods.map((p): RefEndpoint => ({
    id: `${p.namespace}/${p.name}`,
    kind: 'pod',
    namespace: p.namespace,
    labels: p.labels,
    ip: p.ip,
    hostNetwork: p.hostNetwork,
    nodeName: p.nodeName,
    ports: p.containers.flat().map((c) => ({ name: c.name ?? null, port: c.port, protocol: c.protocol ?? 'TCP' })),
  }));
  const externals = spec.externals.map((x): RefEndpoint => ({
    id: `external:${x.name}`,
    kind: 'external',
    namespace: null,
    labels: x.labels,
    ip: x.ip,
    hostNetwork: false,
    nodeName: null,
    ports: (x.ports ?? []).map((p) => ({ name: null, port: p.port, protocol: p.protocol ?? 'TCP' })),
  }));
  return [...pods, ...externals].sort((a, b) => byText(a.id, b.id));
}

interface ProbeOptions {
  ports?: Probe[];
  declaredPorts?: boolean;
}

function refProbesOf(to: RefEndpoint, options: ProbeOptions): Probe[] {
  const declared = options.declaredPorts === false ? [] : to.ports;
  const byKey = new Map<string, Probe>();
  for (const p of [...declared, ...(options.ports ?? [])]) byKey.set(`${p.port}/${p.protocol}`, { port: p.port, protocol: p.protocol });
  return [...byKey.values()].sort(byProbe);
}

/** Every row the spec asks for, in the engine's order (from, to, port, protocol). */
function referenceRows(spec: ClusterSpec, options: ProbeOptions): ConnectivityRow[] {
  const endpoints = refEndpoints(spec);
  const rows: ConnectivityRow[] = [];
  for (const from of endpoints) {
    for (const to of endpoints) {
      if (from.kind === 'external' && to.kind === 'external') continue;
      for (const probe of refProbesOf(to, options)) {
        // A pod and its own node (a hostNetwork pod on the same node) always reach each other, as itself.
        const self = from.id === to.id || (from.kind === 'pod' && to.kind === 'pod' && from.nodeName !== null && from.nodeName === to.nodeName && from.hostNetwork !== to.hostNetwork);
        const ingressAllowed = self || refDirectionAllows(spec, 'ingress', from, to, probe);
        const egressAllowed = self || refDirectionAllows(spec, 'egress', from, to, probe);
        rows.push({ from: from.id, to: to.id, ...probe, allowed: ingressAllowed && egressAllowed, ingressAllowed, egressAllowed });
      }
    }
  }
  return rows;
}

// ---- YAML ---------------------------------------------------------------------------------------------------

function v4Text(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
}

/** Hex groups with the longest run of zero groups (if any) written as `::`. */
function compressGroups(groups: string[]): string {
  let best = -1;
  let bestLength = 0;
  for (let i = 0; i < groups.length; i++) {
    let j = i;
    while (j < groups.length && groups[j] === '0') j++;
    if (j - i > bestLength) {
      best = i;
      bestLength = j - i;
    }
  }
  if (best < 0) return groups.join(':');
  return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLength).join(':')}`;
}

function addressText(a: Address): string {
  if (a.family === 4) return v4Text(a.value);
  const groups = Array.from({ length: 8 }, (_, i) => ((a.value >> BigInt(16 * (7 - i))) & 0xffffn).toString(16));
  switch (a.style) {
    case 1:
      return groups.join(':');
    case 2:
      return compressGroups(groups).toUpperCase();
    case 3: {
      const head = compressGroups(groups.slice(0, 6));
      return `${head}${head.endsWith(':') ? '' : ':'}${v4Text(a.value & 0xffffffffn)}`;
    }
    default:
      return compressGroups(groups);
  }
}

const blockText = (b: Block): string => `${addressText(b.address)}/${b.prefix}`;

function selectorObject(s: Selector): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (s.matchLabels !== undefined) out.matchLabels = { ...s.matchLabels };
  if (s.matchExpressions !== undefined) {
    out.matchExpressions = s.matchExpressions.map((r) => ({
      key: r.key,
      operator: r.operator,
      ...(r.values.length > 0 || r.writeValues ? { values: [...r.values] } : {}),
    }));
  }
  return out;
}

function peerObject(peer: Peer): Record<string, unknown> {
  if ('ipBlock' in peer) {
    const { cidr, except } = peer.ipBlock;
    return { ipBlock: { cidr: blockText(cidr), ...(except !== undefined ? { except: except.map(blockText) } : {}) } };
  }
  return {
    ...(peer.podSelector !== undefined ? { podSelector: selectorObject(peer.podSelector) } : {}),
    ...(peer.namespaceSelector !== undefined ? { namespaceSelector: selectorObject(peer.namespaceSelector) } : {}),
  };
}

function rulesValue(rules: Rule[] | null | undefined, peersKey: 'from' | 'to'): unknown {
  if (rules === undefined || rules === null) return rules;
  return rules.map((r) => ({
    ...(r.peers !== undefined ? { [peersKey]: r.peers.map(peerObject) } : {}),
    ...(r.ports !== undefined ? { ports: r.ports.map((p) => ({ ...p })) } : {}),
  }));
}

const labelsField = (labels: Labels): Record<string, unknown> => (Object.keys(labels).length > 0 ? { labels: { ...labels } } : {});

/** The cluster as Kubernetes objects, in a fixed order: namespaces, pods, external endpoints, policies. */
function documents(spec: ClusterSpec): Record<string, unknown>[] {
  return [
    ...spec.namespaces.map((ns) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns.name, ...labelsField(ns.labels) } })),
    ...spec.pods.map((p) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: p.name, ...(p.omitNamespace ? {} : { namespace: p.namespace }), ...labelsField(p.labels) },
      spec: {
        ...(p.hostNetwork ? { hostNetwork: true } : {}),
        ...(p.nodeName !== null ? { nodeName: p.nodeName } : {}),
        containers: p.containers.map((ports, i) => ({
          name: `c${i}`,
          image: 'registry.k8s.io/pause:3.9',
          ...(ports.length > 0
            ? { ports: ports.map((c) => ({ ...(c.name !== undefined ? { name: c.name } : {}), containerPort: c.port, ...(c.protocol !== undefined ? { protocol: c.protocol } : {}) })) }
            : {}),
        })),
      },
      ...(p.ip === null ? {} : { status: p.ipField === 'podIP' ? { podIP: addressText(p.ip) } : { podIPs: [{ ip: addressText(p.ip) }] } }),
    })),
    ...spec.externals.map((x) => ({
      apiVersion: 'cks-lab/v1',
      kind: 'ExternalEndpoint',
      metadata: { name: x.name, ...labelsField(x.labels) },
      spec: { ip: addressText(x.ip), ...(x.ports !== undefined ? { ports: x.ports.map((p) => ({ ...p })) } : {}) },
    })),
    ...spec.policies.map((p) => policyDocument(p)),
  ];
}

function policyDocument(p: Policy): Record<string, unknown> {
  const spec: Record<string, unknown> = { podSelector: selectorObject(p.podSelector) };
  if (p.policyTypes !== undefined) spec.policyTypes = [...p.policyTypes];
  if (p.ingress !== undefined) spec.ingress = rulesValue(p.ingress, 'from');
  if (p.egress !== undefined) spec.egress = rulesValue(p.egress, 'to');
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: p.name, namespace: p.namespace }, spec };
}

/** The `yaml` library's YAML 1.1, as the engine reads it, so strings such as `on` or `1:2` come out quoted. */
const toYaml = (docs: readonly Record<string, unknown>[]): string => docs.map((d) => stringify(d, { version: '1.1' })).join('---\n');

const PLAIN_KEY = /^[A-Za-z][\w./-]*$/;

/** Block YAML written by hand with every string double-quoted: several times faster to write than `stringify`. */
function blockYaml(docs: readonly Record<string, unknown>[]): string {
  const node = (v: unknown, indent: number): string => {
    const pad = ' '.repeat(indent);
    if (Array.isArray(v)) {
      return v.length === 0 ? ' []' : v.map((x) => `\n${pad}-${node(x, indent + 2).replace(/^\n */, ' ')}`).join('');
    }
    if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v).filter(([, x]) => x !== undefined);
      if (entries.length === 0) return ' {}';
      return entries.map(([k, x]) => `\n${pad}${PLAIN_KEY.test(k) ? k : JSON.stringify(k)}:${node(x, indent + 2)}`).join('');
    }
    return ` ${JSON.stringify(v)}`;
  };
  return docs.map((d) => node(d, 0).slice(1)).join('\n---\n');
}

type Cluster = ReturnType<typeof loadCluster>['cluster'];
type Diagnostics = ReturnType<typeof loadCluster>['diagnostics'];

function expectNoErrors(diagnostics: Diagnostics, input: () => string): void {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    throw new Error(`generated input did not load:\n${errors.map((d) => `${d.file}:${d.line}:${d.col} ${d.code} ${d.message}`).join('\n')}\n${input()}`);
  }
}

/** Loads texts, failing on any error: the generators only make valid input. */
function load(inputs: SourceText[]): Cluster {
  const { cluster, diagnostics } = loadCluster(inputs);
  expectNoErrors(diagnostics, () => inputs.map((i) => `# ${i.file}\n${i.text}`).join('\n'));
  return cluster;
}

// Parsing YAML text costs several times what loading and evaluating the cluster does, so the properties that need
// many runs hand readCluster the trees that parsing would have produced; one property checks the two agree.
type SourceDocument = Parameters<typeof readCluster>[0][number];
type PNode = SourceDocument['root'];
type PEntry = Extract<PNode, { type: 'map' }>['entries'] extends ReadonlyMap<string, infer E> ? E : never;

function treeOf(value: unknown, offset: number): PNode {
  if (Array.isArray(value)) return { type: 'seq', offset, items: value.map((v) => treeOf(v, offset)) };
  if (value !== null && typeof value === 'object') {
    const entries = new Map<string, PEntry>();
    for (const [key, v] of Object.entries(value)) if (v !== undefined) entries.set(key, { key, keyOffset: offset, value: treeOf(v, offset) });
    return { type: 'map', offset, entries };
  }
  return { type: 'scalar', offset, value };
}

/** Loads objects as if parsed from one file, document i at line i + 1. */
function loadObjects(docs: readonly Record<string, unknown>[]): Cluster {
  const file = 'cluster.yaml';
  const documents = docs.map((doc, i): SourceDocument => ({ file, root: treeOf(doc, i), locate: (offset) => ({ file, line: offset + 1, col: 1 }) }));
  const { cluster, diagnostics } = readCluster(documents);
  expectNoErrors(diagnostics, () => blockYaml(docs));
  return cluster;
}

// ---- arbitraries --------------------------------------------------------------------------------------------

const NAMESPACES = ['default', 'web', 'db', 'ops', 'kube-system'];
const POD_LABELS: Record<string, readonly string[]> = { app: ['web', 'db', 'api'], tier: ['front', 'back', ''], team: ['a', 'b', 'on'] };
// A declared namespace may also set the name label to something else; the API server overwrites it.
const NAMESPACE_LABELS: Record<string, readonly string[]> = { team: ['a', 'b'], env: ['prod', 'dev'], [NAME_LABEL]: ['spoofed'] };
const NAMESPACE_SELECTOR_LABELS: Record<string, readonly string[]> = { team: ['a', 'b'], env: ['prod', 'dev'], [NAME_LABEL]: NAMESPACES };
const PORT_NAMES = ['http', 'dns', 'metrics'];
const PORT_NUMBERS = [53, 80, 443, 8080, 9090];
const PROBE_POOL: readonly Probe[] = [
  { port: 80, protocol: 'TCP' },
  { port: 53, protocol: 'UDP' },
  { port: 53, protocol: 'TCP' },
  { port: 8080, protocol: 'TCP' },
  { port: 9090, protocol: 'SCTP' },
  { port: 443, protocol: 'UDP' },
  { port: 1, protocol: 'TCP' },
  { port: 65535, protocol: 'TCP' },
];

// Weighted so that pods and policies often share a namespace.
const namespaceArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('default', 'web') },
  { weight: 1, arbitrary: fc.constantFrom(...NAMESPACES) },
);
const protocolArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: fc.constantFrom<Protocol>('TCP', 'UDP', 'SCTP') },
);
const portNumberArb = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...PORT_NUMBERS) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 65535 }) },
);

function labelsArb(pool: Record<string, readonly string[]>): fc.Arbitrary<Labels> {
  const keys = Object.keys(pool);
  return fc
    .tuple(...keys.map((k) => fc.option(fc.constantFrom(...pool[k]!), { nil: undefined, freq: 2 })))
    .map((values) => {
      const labels: Labels = {};
      values.forEach((v, i) => {
        if (v !== undefined) labels[keys[i]!] = v;
      });
      return labels;
    });
}

/** At most two labels, so that selectors match often. */
function fewLabelsArb(pool: Record<string, readonly string[]>): fc.Arbitrary<Labels> {
  const entryArb = fc.constantFrom(...Object.keys(pool)).chain((key) => fc.constantFrom(...pool[key]!).map((value) => [key, value] as const));
  return fc.array(entryArb, { maxLength: 2 }).map((entries) => Object.fromEntries(entries));
}

function requirementArb(pool: Record<string, readonly string[]>): fc.Arbitrary<Requirement> {
  return fc.constantFrom(...Object.keys(pool)).chain((key) =>
    fc.oneof(
      fc.record({
        key: fc.constant(key),
        operator: fc.constantFrom<Operator>('In', 'NotIn'),
        values: fc.uniqueArray(fc.constantFrom(...pool[key]!, 'zz'), { minLength: 1, maxLength: 2 }),
        writeValues: fc.constant(true),
      }),
      fc.record({
        key: fc.constant(key),
        operator: fc.constantFrom<Operator>('Exists', 'DoesNotExist'),
        values: fc.constant<string[]>([]),
        writeValues: fc.boolean(),
      }),
    ),
  );
}

function selectorArb(pool: Record<string, readonly string[]>): fc.Arbitrary<Selector> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant<Selector>({}) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(
          fc.option(fewLabelsArb(pool), { nil: undefined }),
          fc.option(fc.array(requirementArb(pool), { maxLength: 2 }), { nil: undefined }),
        )
        .map(([matchLabels, matchExpressions]): Selector => ({
          ...(matchLabels !== undefined ? { matchLabels } : {}),
          ...(matchExpressions !== undefined ? { matchExpressions } : {}),
        })),
    },
  );
}

const v4ValueArb = fc.oneof(
  fc.integer({ min: 0, max: 1023 }).map((n) => BigInt(0x0a000000 + n)), // 10.0.0.0/22
  fc.integer({ min: 0, max: 511 }).map((n) => BigInt(0xc0a80000 + n)), // 192.168.0.0/23
);
const v6ValueArb = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 0xffff })).map(([a, b]) => (0xfd00n << 112n) | (BigInt(a) << 16n) | BigInt(b)),
  v4ValueArb.map((v) => (0xffffn << 32n) | v), // IPv4-mapped: still an IPv6 address
);

function addressArb(family: 4 | 6): fc.Arbitrary<Address> {
  return fc.tuple(family === 4 ? v4ValueArb : v6ValueArb, fc.integer({ min: 0, max: 3 })).map(([value, style]) => ({ family, value, style }));
}
const anyAddressArb = fc.oneof(addressArb(4), addressArb(6));

function prefixArb(family: 4 | 6): fc.Arbitrary<number> {
  return family === 4
    ? fc.oneof(fc.constantFrom(0, 8, 16, 22, 23, 24, 28, 32), fc.integer({ min: 0, max: 32 }))
    : fc.oneof(fc.constantFrom(0, 8, 64, 96, 100, 112, 120, 128), fc.integer({ min: 0, max: 128 }));
}

/** An address with the top `prefix` bits of `outer` and the rest of `inner`: inside outer's block. */
function within(outer: bigint, inner: bigint, prefix: number, bits: number): bigint {
  const host = BigInt(bits - prefix);
  return ((outer >> host) << host) | (inner & ((1n << host) - 1n));
}

/** An ipBlock whose every except is a strict subset of its cidr; the cidr may have host bits set. */
const ipBlockArb: fc.Arbitrary<IpBlockPeer['ipBlock']> = fc.constantFrom<4 | 6>(4, 6).chain((family) =>
  fc.tuple(addressArb(family), prefixArb(family)).chain(([address, prefix]) => {
    const bits = familyBits(family);
    const cidr: Block = { address, prefix };
    if (prefix === bits) return fc.constant({ cidr });
    const exceptArb = fc.array(
      fc.tuple(addressArb(family), fc.integer({ min: prefix + 1, max: bits })).map(
        ([a, p]): Block => ({ address: { ...a, value: within(address.value, a.value, prefix, bits) }, prefix: p }),
      ),
      { maxLength: 2 },
    );
    return fc.option(exceptArb, { nil: undefined }).map((except) => (except === undefined ? { cidr } : { cidr, except }));
  }),
);

const podSelectorArb = selectorArb(POD_LABELS);
const namespaceSelectorArb = selectorArb(NAMESPACE_SELECTOR_LABELS);

const peerArb: fc.Arbitrary<Peer> = fc.oneof(
  podSelectorArb.map((podSelector) => ({ podSelector })),
  namespaceSelectorArb.map((namespaceSelector) => ({ namespaceSelector })),
  fc.tuple(podSelectorArb, namespaceSelectorArb).map(([podSelector, namespaceSelector]) => ({ podSelector, namespaceSelector })),
  ipBlockArb.map((ipBlock) => ({ ipBlock })),
);

const optional = <T>(key: string, value: T | undefined): Record<string, T> => (value === undefined ? {} : { [key]: value });

const policyPortArb: fc.Arbitrary<PolicyPort> = fc.oneof(
  protocolArb.map((protocol) => optional('protocol', protocol)), // protocol only, or {}
  fc.tuple(protocolArb, portNumberArb).map(([protocol, port]) => ({ ...optional('protocol', protocol), port })),
  fc
    .tuple(protocolArb, portNumberArb, fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10000 })))
    .map(([protocol, port, span]) => ({ ...optional('protocol', protocol), port, endPort: Math.min(65535, port + span) })),
  fc.tuple(protocolArb, fc.constantFrom(...PORT_NAMES, 'web')).map(([protocol, port]) => ({ ...optional('protocol', protocol), port })),
);

/** A list that may be absent (undefined), empty, or hold items. */
function listArb<T>(item: fc.Arbitrary<T>, maxLength: number): fc.Arbitrary<T[] | undefined> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constant<T[]>([]) },
    { weight: 3, arbitrary: fc.array(item, { minLength: 1, maxLength }) },
  );
}

const ruleArb: fc.Arbitrary<Rule> = fc
  .tuple(listArb(peerArb, 3), listArb(policyPortArb, 3))
  .map(([peers, ports]) => ({ ...optional('peers', peers), ...optional('ports', ports) }));

const rulesArb: fc.Arbitrary<Rule[] | null | undefined> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant<Rule[]>([]) },
  { weight: 1, arbitrary: fc.constant<Rule[]>([{}]) },
  { weight: 4, arbitrary: fc.array(ruleArb, { minLength: 1, maxLength: 3 }) },
);

const policyTypesArb = fc.constantFrom<PolicyType[] | undefined>(undefined, [], ['Ingress'], ['Egress'], ['Ingress', 'Egress'], ['Egress', 'Ingress']);

function policyArb(name: (i: number) => string): fc.Arbitrary<(i: number) => Policy> {
  return fc
    .tuple(namespaceArb, podSelectorArb, policyTypesArb, rulesArb, rulesArb)
    .map(([namespace, podSelector, policyTypes, ingress, egress]) => (i: number): Policy => ({
      namespace,
      name: name(i),
      podSelector,
      ...optional('policyTypes', policyTypes),
      ...(ingress !== undefined ? { ingress } : {}),
      ...(egress !== undefined ? { egress } : {}),
    }));
}

const containerPortArb: fc.Arbitrary<ContainerPort> = fc
  .tuple(fc.option(fc.constantFrom(...PORT_NAMES), { nil: undefined }), portNumberArb, protocolArb)
  .map(([name, port, protocol]) => ({ ...optional('name', name), port, ...optional('protocol', protocol) }));

/** Port names are unique within a pod: later duplicates lose their name. */
function uniquePortNames(containers: ContainerPort[][]): ContainerPort[][] {
  const seen = new Set<string>();
  return containers.map((ports) =>
    ports.map((p) => {
      if (p.name === undefined) return p;
      if (seen.has(p.name)) return { port: p.port, ...optional('protocol', p.protocol) };
      seen.add(p.name);
      return p;
    }),
  );
}

const podArb = fc
  .record({
    namespace: namespaceArb,
    omitNamespace: fc.boolean(),
    labels: labelsArb(POD_LABELS),
    ip: fc.option(anyAddressArb, { nil: null, freq: 4 }),
    ipField: fc.constantFrom<'podIP' | 'podIPs'>('podIP', 'podIPs'),
    hostNetwork: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    nodeName: fc.option(fc.constantFrom('node-a', 'node-b'), { nil: null, freq: 3 }),
    containers: fc.array(fc.array(containerPortArb, { maxLength: 3 }), { minLength: 1, maxLength: 2 }),
  })
  .map((p) => (i: number): Pod => ({
    ...p,
    omitNamespace: p.omitNamespace && p.namespace === 'default',
    name: `p${i}`,
    containers: uniquePortNames(p.containers),
  }));

const externalArb = fc
  .record({
    labels: labelsArb(POD_LABELS),
    ip: anyAddressArb,
    ports: fc.option(fc.array(fc.tuple(portNumberArb, protocolArb).map(([port, protocol]) => ({ port, ...optional('protocol', protocol) })), { maxLength: 2 }), { nil: undefined }),
  })
  .map((x) => (i: number): External => ({ name: `e${i}`, labels: x.labels, ip: x.ip, ...optional('ports', x.ports) }));

const named = <T>(makers: ((i: number) => T)[]): T[] => makers.map((make, i) => make(i));

function clusterArb({ minPods = 0, maxPods = 10 } = {}): fc.Arbitrary<ClusterSpec> {
  return fc.record({
    namespaces: fc.uniqueArray(fc.record({ name: namespaceArb, labels: labelsArb(NAMESPACE_LABELS) }), {
      minLength: 1,
      maxLength: 4,
      selector: (ns) => ns.name,
    }),
    pods: fc.array(podArb, { minLength: minPods, maxLength: maxPods }).map(named),
    externals: fc.array(externalArb, { maxLength: 2 }).map(named),
    policies: fc.array(policyArb((i) => `np${i}`), { maxLength: 6 }).map(named),
  });
}

const probeArb = fc.constantFrom(...PROBE_POOL);
const probeOptionsArb: fc.Arbitrary<ProbeOptions> = fc
  .tuple(fc.option(fc.array(probeArb, { maxLength: 4 }), { nil: undefined }), fc.constantFrom<boolean | undefined>(undefined, true, false))
  .map(([ports, declaredPorts]) => ({ ...optional('ports', ports), ...optional('declaredPorts', declaredPorts) }));

// ---- helpers for the properties ------------------------------------------------------------------------------

const rowKey = (r: ConnectivityRow): string => `${r.from} -> ${r.to} ${r.port}/${r.protocol}`;
const showRow = (r: ConnectivityRow | undefined): string =>
  r === undefined ? '(no row)' : `${rowKey(r)} allowed=${r.allowed} ingress=${r.ingressAllowed} egress=${r.egressAllowed}`;

/** Throws at the first row where the two lists differ, with the YAML to reproduce it. */
function expectSameRows(actual: ConnectivityRow[], expected: ConnectivityRow[], context: () => string): void {
  const length = Math.max(actual.length, expected.length);
  for (let i = 0; i < length; i++) {
    const a = actual[i];
    const e = expected[i];
    const same = a !== undefined && e !== undefined && rowKey(a) === rowKey(e) &&
      a.allowed === e.allowed && a.ingressAllowed === e.ingressAllowed && a.egressAllowed === e.egressAllowed;
    if (!same) {
      throw new Error(`row ${i} of ${actual.length}/${expected.length} differs\n  engine:   ${showRow(a)}\n  expected: ${showRow(e)}\n${context()}`);
    }
  }
}

const caseText = (yaml: string, options: ProbeOptions): string => `options: ${JSON.stringify(options)}\n--- YAML ---\n${yaml}`;

function endpointIndex(conn: Connectivity): Map<string, number> {
  return new Map(conn.cluster.endpoints.map((e, i) => [e.id, i] as const));
}

const countsOf = (rows: readonly ConnectivityRow[]): Counts => {
  const allowed = rows.filter((r) => r.allowed).length;
  return { rows: rows.length, allowed, denied: rows.length - allowed };
};

/** rows() against the reference, counts() against rows(), and verdict() and explain() on a sample of rows. */
function checkAgainstReference(spec: ClusterSpec, conn: Connectivity, options: ProbeOptions, yaml: () => string): void {
  const rows = [...conn.rows()];
  expectSameRows(rows, referenceRows(spec, options), () => caseText(yaml(), options));
  expect(conn.counts(), 'counts()').toEqual(countsOf(rows));
  const index = endpointIndex(conn);
  const stride = Math.max(1, Math.floor(rows.length / 20));
  for (let i = 0; i < rows.length; i += stride) {
    const r = rows[i]!;
    const from = index.get(r.from)!;
    const to = index.get(r.to)!;
    const probe = conn.probes.findIndex((p) => p.port === r.port && p.protocol === r.protocol);
    const v = conn.verdict(from, to, probe);
    const exp = conn.explain(from, to, probe);
    const want = `${r.allowed}/${r.ingressAllowed}/${r.egressAllowed}`;
    const got = { verdict: `${v.allowed}/${v.ingressAllowed}/${v.egressAllowed}`, explain: `${exp.allowed}/${exp.ingress.allowed}/${exp.egress.allowed}` };
    if (got.verdict !== want || got.explain !== want) {
      throw new Error(`${rowKey(r)}: allowed/ingress/egress is ${want} in rows(), ${got.verdict} from verdict(), ${got.explain} from explain()\n${caseText(yaml(), options)}`);
    }
  }
}

// Sized so the whole file takes about 15 s on two slow cores; parsing YAML text is most of the cost.
const RUNS = { agreement: 2000, agreementFromText: 300, wide: 25, order: 120, monotonic: 150, probes: 300 };
const TIMEOUT = 120_000;

// ---- properties ----------------------------------------------------------------------------------------------

describe('engine against a per-pair reference', () => {
  it('agrees on every row, on counts and with explain, for random small clusters', () => {
    fc.assert(
      fc.property(clusterArb(), probeOptionsArb, (spec, options) => {
        const docs = documents(spec);
        checkAgainstReference(spec, evaluate(loadObjects(docs), options), options, () => blockYaml(docs));
      }),
      { numRuns: RUNS.agreement },
    );
  }, TIMEOUT);

  it('agrees when the clusters are written as YAML text and loaded with loadCluster', () => {
    fc.assert(
      fc.property(clusterArb(), probeOptionsArb, (spec, options) => {
        const yaml = blockYaml(documents(spec));
        checkAgainstReference(spec, evaluate(load([{ file: 'cluster.yaml', text: yaml }]), options), options, () => yaml);
      }),
      { numRuns: RUNS.agreementFromText },
    );
  }, TIMEOUT);

  it('agrees on clusters wider than one 32-bit word of endpoints', () => {
    fc.assert(
      fc.property(clusterArb({ minPods: 33, maxPods: 66 }), probeOptionsArb, (spec, options) => {
        const docs = documents(spec);
        checkAgainstReference(spec, evaluate(loadObjects(docs), options), options, () => blockYaml(docs));
      }),
      { numRuns: RUNS.wide },
    );
  }, TIMEOUT);
});

describe('laws', () => {
  // Each document gets a sort key and one of three files; a file is the `yaml` library's multi-document YAML,
  // a v1 List, or JSON. The baseline is the documents in generation order, in one file.
  const layoutArb = fc.array(fc.tuple(fc.nat(1000), fc.nat(2)), { minLength: 32, maxLength: 32 });
  const formatsArb = fc.array(fc.constantFrom('yaml', 'list', 'json'), { minLength: 3, maxLength: 3 });

  it('document order and the split into files never change a verdict', () => {
    fc.assert(
      fc.property(clusterArb(), probeOptionsArb, layoutArb, formatsArb, (spec, options, layout, formats) => {
        const docs = documents(spec);
        const before = evaluate(loadObjects(docs), options);
        const placed = docs.map((doc, i) => ({ doc, key: layout[i]![0], file: layout[i]![1] })).sort((a, b) => a.key - b.key);
        const inputs = formats.map((format, f): SourceText => {
          const mine = placed.filter((p) => p.file === f).map((p) => p.doc);
          const list = { apiVersion: 'v1', kind: 'List', items: mine };
          const text = format === 'json' ? JSON.stringify(list, null, 1) : format === 'list' ? toYaml([list]) : toYaml(mine);
          return { file: `part-${2 - f}.yaml`, text };
        });
        const after = evaluate(load(inputs), options);
        const context = (): string =>
          `${caseText(blockYaml(docs), options)}\n--- shuffled ---\n${inputs.map((i) => `# ${i.file}\n${i.text}`).join('\n')}`;
        expectSameRows([...after.rows()], [...before.rows()], context);
        expect(after.counts()).toEqual(before.counts());
      }),
      { numRuns: RUNS.order },
    );
  }, TIMEOUT);

  // The exact law: for an endpoint already isolated in direction D, a new policy only adds rules to the union, so
  // whatever D allowed stays allowed. And an endpoint the new policy does not isolate in D keeps every D verdict.
  // (A new policy may well isolate a pod that was open, and then take connections away from it.)
  it('adding a policy never removes a connection that an already-isolated direction allowed', () => {
    fc.assert(
      fc.property(clusterArb(), policyArb(() => 'added').map((make) => make(0)), probeOptionsArb, (spec, added, options) => {
        const yaml = blockYaml(documents(spec));
        const addedYaml = blockYaml([policyDocument(added)]);
        // Parse once, build twice: without and with the added policy's document.
        const parsed = parseSources([{ file: 'cluster.yaml', text: yaml }, { file: 'added.yaml', text: addedYaml }]);
        const context = (): string => `${caseText(yaml, options)}\n--- added ---\n${addedYaml}`;
        const built = [readCluster(parsed.documents.filter((d) => d.file === 'cluster.yaml')), readCluster(parsed.documents)];
        for (const { diagnostics } of [parsed, ...built]) expectNoErrors(diagnostics, context);
        const before = evaluate(built[0]!.cluster, options);
        const after = evaluate(built[1]!.cluster, options);
        const addedId = `${added.namespace}/added`;
        const index = endpointIndex(before);
        const rowsBefore = [...before.rows()];
        const rowsAfter = [...after.rows()];
        expect(rowsAfter.map(rowKey)).toEqual(rowsBefore.map(rowKey));
        rowsBefore.forEach((b, i) => {
          const a = rowsAfter[i]!;
          const from = index.get(b.from)!;
          const to = index.get(b.to)!;
          const where = (): string => `${showRow(b)}\n  became ${showRow(a)}\n${context()}`;
          if (before.isolation(to).ingress.length > 0 && b.ingressAllowed && !a.ingressAllowed) throw new Error(`ingress lost: ${where()}`);
          if (before.isolation(from).egress.length > 0 && b.egressAllowed && !a.egressAllowed) throw new Error(`egress lost: ${where()}`);
          if (!after.isolation(to).ingress.includes(addedId) && a.ingressAllowed !== b.ingressAllowed) throw new Error(`ingress changed: ${where()}`);
          if (!after.isolation(from).egress.includes(addedId) && a.egressAllowed !== b.egressAllowed) throw new Error(`egress changed: ${where()}`);
        });
      }),
      { numRuns: RUNS.monotonic },
    );
  }, TIMEOUT);

  it('with declaredPorts false, every evaluated pair gets exactly the given probes', () => {
    fc.assert(
      fc.property(clusterArb(), fc.array(probeArb, { maxLength: 5 }), (spec, ports) => {
        const docs = documents(spec);
        const conn = evaluate(loadObjects(docs), { ports, declaredPorts: false });
        const rows = [...conn.rows()];
        const distinct = new Set(ports.map((p) => `${p.port}/${p.protocol}`));
        const kind = new Map(conn.cluster.endpoints.map((e) => [e.id, e.kind] as const));
        const n = spec.pods.length + spec.externals.length;
        const pairs = n * n - spec.externals.length * spec.externals.length;
        const problems: string[] = [];
        if (rows.length !== pairs * distinct.size) problems.push(`${rows.length} rows for ${pairs} pairs and ${distinct.size} probes`);
        if (conn.counts().rows !== rows.length) problems.push(`counts().rows is ${conn.counts().rows}, rows() gave ${rows.length}`);
        if (new Set(rows.map(rowKey)).size !== rows.length) problems.push('some row appears twice');
        for (const r of rows) {
          if (!distinct.has(`${r.port}/${r.protocol}`)) problems.push(`${rowKey(r)}: not one of the given probes`);
          if (kind.get(r.from) === 'external' && kind.get(r.to) === 'external') problems.push(`${rowKey(r)}: external to external`);
          if (r.from === r.to && !(r.allowed && r.ingressAllowed && r.egressAllowed)) problems.push(`${showRow(r)}: a pod may always reach itself`);
        }
        if (problems.length > 0) throw new Error(`${problems.slice(0, 5).join('\n')}\n${caseText(blockYaml(docs), { ports, declaredPorts: false })}`);
      }),
      { numRuns: RUNS.probes },
    );
  }, TIMEOUT);
});
