// The fast evaluator: decides every connection of a cluster through bitsets over endpoint indexes.
// Build once per cluster: selectors become bitsets, rules become peer sets, then each probe is a few ORs.
import type {
  Diagnostic,
  Cluster,
  ConnectivityRow,
  Endpoint,
  Explanation,
  LabelSelector,
  NetworkPolicy,
  Peer,
  Probe,
  Protocol,
  Rule,
  Verdict,
} from './model';
import { type Bits, bitsWith, forEachBit, fullBits, hasBit, orInto, popcount32, transpose, wordsFor } from './bitset';
import { type ClusterIndex, explainConnection, indexCluster, isSelectable, nodeLocal } from './explain';
import { cidrContains } from '../../kube/index';
import { selectorMatches } from '../../kube/index';

export interface ProbeOptions {
  /** Probes added to every destination (the CLI's `--ports`). */
  ports?: readonly Probe[];
  /** Probe each destination's declared ports (container ports, ExternalEndpoint ports). Default true. */
  declaredPorts?: boolean;
}

export interface Counts {
  rows: number;
  allowed: number;
  denied: number;
}

/** The result of evaluating a cluster: every verdict, and the reasons behind each on demand. */
export interface Connectivity {
  readonly cluster: Cluster;
  readonly index: ClusterIndex;
  /** Every distinct probe, sorted by port then protocol (TCP, UDP, SCTP). */
  readonly probes: readonly Probe[];
  /** Indexes into `probes` that are probed towards endpoint `to`. */
  probesOf(to: number): readonly number[];
  /** Ids of the policies isolating an endpoint, per direction. */
  isolation(endpoint: number): { ingress: readonly string[]; egress: readonly string[] };
  /** Is the ordered pair evaluated at all? (External-to-external pairs are not.) */
  isPair(from: number, to: number): boolean;
  verdict(from: number, to: number, probe: number): Verdict;
  explain(from: number, to: number, probe: number): Explanation;
  counts(): Counts;
  /** Every row, sorted by from, to, port, protocol. */
  rows(): Generator<ConnectivityRow>;
  /**
   * Every evaluated (from, to, probe) as indexes, in from, to, probe order: the one walk over the verdicts that
   * tables, checks and outputs share. The object yielded is reused: read it, do not keep it.
   */
  cells(): Generator<Readonly<Cell>>;
}

/** One evaluated connection: indexes of the source and destination endpoints and of the probe. */
export interface Cell {
  from: number;
  to: number;
  probe: number;
}

const PROTOCOL_RANK: Record<Protocol, number> = { TCP: 0, UDP: 1, SCTP: 2 };

export function compareProbes(a: Probe, b: Probe): number {
  return a.port - b.port || PROTOCOL_RANK[a.protocol] - PROTOCOL_RANK[b.protocol];
}

const probeKey = (p: Probe): number => p.port * 4 + PROTOCOL_RANK[p.protocol];

/** What one evaluation may allocate (estimated before it starts), and what each row of bits costs beyond its
 * words (a typed array's own object). */
const MAX_BYTES = 1_200_000_000;
const ROW_OVERHEAD = 96;

/** Thrown by evaluate() when the cluster and probe set would not fit in memory; callers report `too-large`. */
export class EvaluationTooLarge extends Error {
  readonly code = 'too-large';
  constructor(
    message: string,
    /** The same refusal in Japanese, for the editor. */
    readonly messageJa: string,
  ) {
    super(message);
  }
  /** The refusal as a diagnostic on the first line of `file`. */
  diagnostic(file: string): Diagnostic {
    return { severity: 'error', file, line: 1, col: 1, code: this.code, message: this.message, messageJa: this.messageJa };
  }
}

/** Evaluates every connection of the cluster. Throws EvaluationTooLarge rather than run out of memory. */
export function evaluate(cluster: Cluster, options: ProbeOptions = {}): Connectivity {
  const index = indexCluster(cluster);
  const endpoints = cluster.endpoints;
  const n = endpoints.length;
  const words = wordsFor(n);
  const ALL = fullBits(n);

  // ---- probes -------------------------------------------------------------------------------
  const extra = options.ports ?? [];
  const declared = options.declaredPorts ?? true;
  const probeByKey = new Map<number, Probe>();
  const perEndpointKeys: number[][] = endpoints.map((e) => {
    const keys = new Set<number>();
    for (const p of extra) keys.add(probeKey(p));
    if (declared) for (const p of e.ports) keys.add(probeKey(p));
    for (const p of extra) probeByKey.set(probeKey(p), { port: p.port, protocol: p.protocol });
    if (declared) for (const p of e.ports) probeByKey.set(probeKey(p), { port: p.port, protocol: p.protocol });
    return [...keys];
  });
  const probes = [...probeByKey.values()].sort(compareProbes);
  const probeIndex = new Map(probes.map((p, i) => [probeKey(p), i] as const));
  const probesOfEndpoint = perEndpointKeys.map((keys) => keys.map((k) => probeIndex.get(k)!).sort((a, b) => a - b));

  // ---- selector and peer sets ------------------------------------------------------------------
  const pods: number[] = [];
  const selectableByNamespace = new Map<string, number[]>();
  endpoints.forEach((e, i) => {
    if (e.kind === 'pod') pods.push(i);
    if (isSelectable(e) && e.namespace !== null) {
      const list = selectableByNamespace.get(e.namespace) ?? [];
      list.push(i);
      selectableByNamespace.set(e.namespace, list);
    }
  });
  const podBits = bitsWith(words, pods);

  // Label index over selectable pods: (key, value) -> pods, key -> pods. Selectors become a few bitset ops.
  const selectable = new Uint32Array(words);
  const byLabel = new Map<string, Map<string, Bits>>();
  const byKey = new Map<string, Bits>();
  for (const [, members] of selectableByNamespace) {
    for (const i of members) {
      selectable[i >>> 5]! |= 1 << (i & 31);
      for (const [key, value] of Object.entries(endpoints[i]!.labels)) {
        let values = byLabel.get(key);
        if (!values) byLabel.set(key, (values = new Map()));
        let bits = values.get(value);
        if (!bits) values.set(value, (bits = new Uint32Array(words)));
        bits[i >>> 5]! |= 1 << (i & 31);
        let keyBits = byKey.get(key);
        if (!keyBits) byKey.set(key, (keyBits = new Uint32Array(words)));
        keyBits[i >>> 5]! |= 1 << (i & 31);
      }
    }
  }
  const NONE = new Uint32Array(words);
  const namespaceBits = new Map<string, Bits>();
  for (const [ns, members] of selectableByNamespace) namespaceBits.set(ns, bitsWith(words, members));

  /** Selectable pods matching a pod selector (null: all). */
  const podsMatching = (selector: LabelSelector | null): Bits => {
    const out = selectable.slice();
    if (selector === null) return out;
    const and = (bits: Bits | undefined): void => {
      for (let w = 0; w < words; w++) out[w]! &= bits ? bits[w]! : 0;
    };
    const andNot = (bits: Bits | undefined): void => {
      if (bits) for (let w = 0; w < words; w++) out[w]! &= ~bits[w]!;
    };
    const anyOf = (key: string, values: readonly string[]): Bits => {
      const union = new Uint32Array(words);
      for (const v of values) {
        const bits = byLabel.get(key)?.get(v);
        if (bits) orInto(union, bits);
      }
      return union;
    };
    for (const [key, value] of Object.entries(selector.matchLabels)) and(byLabel.get(key)?.get(value));
    for (const req of selector.matchExpressions) {
      if (req.operator === 'In') and(anyOf(req.key, req.values));
      else if (req.operator === 'NotIn') andNot(anyOf(req.key, req.values));
      else if (req.operator === 'Exists') and(byKey.get(req.key));
      else andNot(byKey.get(req.key));
    }
    return out;
  };

  const memo = new Map<string, Bits>();
  const memoized = (key: string, make: () => Bits): Bits => {
    let bits = memo.get(key);
    if (!bits) memo.set(key, (bits = make()));
    return bits;
  };

  /** Selectable pods in the namespace set that match the pod selector. */
  const selectorPeer = (namespaces: readonly string[], podSelector: LabelSelector | null): Bits => {
    const scope = new Uint32Array(words);
    for (const ns of namespaces) orInto(scope, namespaceBits.get(ns) ?? NONE);
    const pods = podsMatching(podSelector);
    for (let w = 0; w < words; w++) pods[w]! &= scope[w]!;
    return pods;
  };

  const ipBlockPeer = (peer: Extract<Peer, { kind: 'ipBlock' }>): Bits => {
    const out = new Uint32Array(words);
    endpoints.forEach((e, i) => {
      if (e.ip !== null && cidrContains(peer.cidr, e.ip) && !peer.except.some((x) => cidrContains(x, e.ip!))) {
        out[i >>> 5]! |= 1 << (i & 31);
      }
    });
    return out;
  };

  const targets = cluster.policies.map((p) =>
    memoized(`t|${p.namespace}|${JSON.stringify(p.podSelector)}`, () => selectorPeer([p.namespace], p.podSelector)),
  );

  const peerBits = (policy: NetworkPolicy, rule: Rule): Bits => {
    if (rule.peers === null) return ALL;
    const out = new Uint32Array(words);
    for (const peer of rule.peers) {
      if (peer.kind === 'ipBlock') {
        orInto(out, memoized(`ip|${peer.cidr.text}|${peer.except.map((x) => x.text).join(',')}`, () => ipBlockPeer(peer)));
        continue;
      }
      const namespaces = peer.namespaceSelector === null
        ? [policy.namespace]
        : cluster.namespaces.filter((ns) => selectorMatches(peer.namespaceSelector!, ns.labels)).map((ns) => ns.name);
      const key = `s|${namespaces.join(',')}|${JSON.stringify(peer.podSelector)}`;
      orInto(out, memoized(key, () => selectorPeer(namespaces, peer.podSelector)));
    }
    return out;
  };

  // Endpoints that own a named port (name, number, protocol): where a named rule port can resolve.
  const namedPortBits = new Map<string, Bits>();
  const namedPort = (name: string, probe: Probe): Bits => {
    const key = `${name}/${probe.port}/${probe.protocol}`;
    let bits = namedPortBits.get(key);
    if (!bits) {
      bits = bitsWith(
        words,
        endpoints.flatMap((e, i) =>
          isSelectable(e) && e.ports.some((p) => p.name === name && p.port === probe.port && p.protocol === probe.protocol) ? [i] : [],
        ),
      );
      namedPortBits.set(key, bits);
    }
    return bits;
  };

  /** Destinations at which the rule's ports admit the probe: ALL, none (null) or those with a named port. */
  const portDestinations = (rule: Rule, probe: Probe): Bits | null => {
    if (rule.ports === null) return ALL;
    let named: Bits | null = null;
    for (const spec of rule.ports) {
      if (spec.protocol !== probe.protocol) continue;
      if (spec.port === null) return ALL;
      if (typeof spec.port === 'number') {
        if (probe.port >= spec.port && probe.port <= (spec.endPort ?? spec.port)) return ALL;
        continue;
      }
      const bits = namedPort(spec.port, probe);
      if (named === null) named = new Uint32Array(words);
      orInto(named, bits);
    }
    return named;
  };

  interface CompiledRule {
    peers: Bits;
    /** Per probe index: the destinations where the ports match (ALL, a named-port set, or null for none). */
    ports: (Bits | null)[];
  }
  const compile = (policy: NetworkPolicy, rules: readonly Rule[]): CompiledRule[] =>
    rules.map((rule) => ({ peers: peerBits(policy, rule), ports: probes.map((probe) => portDestinations(rule, probe)) }));

  // ---- isolation --------------------------------------------------------------------------------
  const ingressPolicies: number[][] = endpoints.map(() => []);
  const egressPolicies: number[][] = endpoints.map(() => []);
  cluster.policies.forEach((p, pi) => {
    forEachBit(targets[pi]!, (i) => {
      if (p.policyTypes.ingress) ingressPolicies[i]!.push(pi);
      if (p.policyTypes.egress) egressPolicies[i]!.push(pi);
    });
  });

  // ---- budget: refuse, before allocating, what would not fit in memory --------------------------
  // Rules keep one entry per probe (a bitset per probe for a named port); each isolated destination keeps at
  // most one row per probe; each group of egress-isolated sources one row per probe.
  {
    const P = probes.length;
    let rules = 0;
    let namedRules = 0;
    for (const p of cluster.policies) {
      for (const rule of [...p.ingress, ...p.egress]) {
        rules++;
        if (rule.ports?.some((port) => typeof port.port === 'string')) namedRules++;
      }
    }
    let probeSlots = 0;
    let isolatedRows = 0;
    const egressSets = new Set<string>();
    for (let i = 0; i < n; i++) {
      probeSlots += probesOfEndpoint[i]!.length;
      if (ingressPolicies[i]!.length > 0) isolatedRows += probesOfEndpoint[i]!.length;
      if (egressPolicies[i]!.length > 0) egressSets.add(egressPolicies[i]!.join(','));
    }
    const rows = isolatedRows + egressSets.size * P + namedRules * P;
    const bytes = (rules * P + probeSlots) * 8 + rows * (words * 4 + ROW_OVERHEAD);
    if (bytes > MAX_BYTES) {
      throw new EvaluationTooLarge(
        `${n} endpoints, ${cluster.policies.length} policies and ${P} distinct probe ports are too much to evaluate at once ` +
          `(about ${Math.round(bytes / 2 ** 20)} MB); probe fewer ports`,
        `エンドポイント ${n} 個、ポリシー ${cluster.policies.length} 個、プローブするポート ${P} 種類は、一度に評価するには多すぎます` +
          `（約 ${Math.round(bytes / 2 ** 20)} MB）。プローブするポートを減らしてください`,
      );
    }
  }

  const ingressRules = cluster.policies.map((p) => compile(p, p.ingress));
  const egressRules = cluster.policies.map((p) => compile(p, p.egress));

  // ---- verdict rows -----------------------------------------------------------------------------
  // Ingress: for each destination d and each probe of d, the sources d's ingress admits (inRows[d][k] for
  // the k-th probe of d). Egress: sources selected by the same egress policies behave alike, so they form
  // groups, and each group has one row per probe: the destinations its egress admits.
  const ingressMemo = new Map<string, Bits>();
  const namedSignatures = endpoints.map(namedSignature);
  /** Sources d's ingress admits on probe g. The same policies admit the same sources, unless a named port
   * resolves differently at this pod, so rows are shared through a memo. */
  const ingressRow = (i: number, g: number): Bits => {
    const inPolicies = ingressPolicies[i]!;
    if (inPolicies.length === 0) return ALL;
    const key = `${g}|${inPolicies.join(',')}|${namedSignatures[i]}`;
    let row = ingressMemo.get(key);
    if (!row) {
      row = new Uint32Array(words);
      for (const pi of inPolicies) {
        for (const rule of ingressRules[pi]!) {
          const ports = rule.ports[g];
          if (ports && hasBit(ports, i)) orInto(row, rule.peers);
        }
      }
      ingressMemo.set(key, row);
    }
    return row;
  };
  const inRows: Bits[][] = endpoints.map((_, d) => probesOfEndpoint[d]!.map((g) => ingressRow(d, g)));

  interface EgressGroup {
    policies: readonly number[];
    members: Bits;
    rows: Map<number, Bits>;
  }
  const groups: EgressGroup[] = [];
  const groupOf = new Int32Array(n).fill(-1); // -1: not isolated for egress
  const groupByKey = new Map<string, number>();
  const openSources = new Uint32Array(words);
  for (let i = 0; i < n; i++) {
    const policies = egressPolicies[i]!;
    if (policies.length === 0) {
      openSources[i >>> 5]! |= 1 << (i & 31);
      continue;
    }
    const key = policies.join(',');
    let k = groupByKey.get(key);
    if (k === undefined) {
      k = groups.length;
      groups.push({ policies, members: new Uint32Array(words), rows: new Map() });
      groupByKey.set(key, k);
    }
    groupOf[i] = k;
    groups[k]!.members[i >>> 5]! |= 1 << (i & 31);
  }
  /** Destinations the egress policies of group k admit on probe g. */
  const egressRow = (k: number, g: number): Bits => {
    const group = groups[k]!;
    let row = group.rows.get(g);
    if (!row) {
      row = new Uint32Array(words);
      for (const pi of group.policies) {
        for (const rule of egressRules[pi]!) {
          const ports = rule.ports[g];
          if (!ports) continue;
          if (ports === ALL) orInto(row, rule.peers);
          else for (let w = 0; w < words; w++) row[w]! |= rule.peers[w]! & ports[w]!;
        }
      }
      group.rows.set(g, row);
    }
    return row;
  };

  const srcMask = (to: number): Bits => (endpoints[to]!.kind === 'external' ? podBits : ALL);
  const sources = (to: number): number => (endpoints[to]!.kind === 'external' ? pods.length : n);

  // Pairs of a pod and its node (a hostNetwork pod on the same node): always allowed, whatever the policies say.
  const nodePeers: number[][] = endpoints.map(() => []);
  {
    const byNode = new Map<string, number[]>();
    endpoints.forEach((e, i) => {
      if (e.kind === 'pod' && e.nodeName !== null) byNode.set(e.nodeName, [...(byNode.get(e.nodeName) ?? []), i]);
    });
    for (const members of byNode.values()) {
      for (const a of members) for (const b of members) if (nodeLocal(endpoints[a]!, endpoints[b]!)) nodePeers[a]!.push(b);
    }
  }
  const ALLOWED: Verdict = { allowed: true, ingressAllowed: true, egressAllowed: true };

  const verdict = (from: number, to: number, g: number): Verdict => {
    if (from === to && endpoints[to]!.kind === 'pod') return ALLOWED;
    if (nodePeers[to]!.length > 0 && nodePeers[to]!.includes(from)) return ALLOWED;
    const k = sortedIndexOf(probesOfEndpoint[to]!, g);
    const inRow = k >= 0 ? inRows[to]![k]! : ingressRow(to, g); // any other probe is decided on demand
    const ingressAllowed = hasBit(inRow, from);
    const group = groupOf[from]!;
    const egressAllowed = group < 0 || hasBit(egressRow(group, g), to);
    return { allowed: ingressAllowed && egressAllowed, ingressAllowed, egressAllowed };
  };

  let cachedCounts: Counts | null = null;
  const counts = (): Counts => {
    if (cachedCounts) return cachedCounts;
    // For each probe, the destinations it is probed towards, with the probe's place in their lists.
    const destinations: number[][] = probes.map(() => []);
    const places: number[][] = probes.map(() => []);
    probesOfEndpoint.forEach((list, d) =>
      list.forEach((g, k) => {
        destinations[g]!.push(d);
        places[g]!.push(k);
      }),
    );
    let rows = 0;
    let allowed = 0;
    const column = new Uint32Array(words);
    for (let g = 0; g < probes.length; g++) {
      const dests = destinations[g]!;
      // The sources whose egress admits d, per destination: from a transposed matrix when many destinations
      // share this probe, or as a few ORs of group members when few do (say, one pod per port).
      const transposed =
        groups.length > 0 && dests.length * groups.length * (words / 2 + 1) > (n * n) / 4
          ? transpose(endpoints.map((_, s) => (groupOf[s]! < 0 ? ALL : egressRow(groupOf[s]!, g))), n)
          : null;
      for (let j = 0; j < dests.length; j++) {
        const d = dests[j]!;
        const inRow = inRows[d]![places[g]![j]!]!;
        let egRow: Bits = ALL;
        if (transposed) egRow = transposed[d]!;
        else if (groups.length > 0) {
          column.set(openSources);
          for (let k = 0; k < groups.length; k++) if (hasBit(egressRow(k, g), d)) orInto(column, groups[k]!.members);
          egRow = column;
        }
        const mask = srcMask(d);
        let sum = 0;
        for (let w = 0; w < words; w++) sum += popcount32(inRow[w]! & egRow[w]! & mask[w]!);
        if (endpoints[d]!.kind === 'pod' && !(hasBit(inRow, d) && hasBit(egRow, d))) sum++; // self is always allowed
        for (const s of nodePeers[d]!) if (!(hasBit(inRow, s) && hasBit(egRow, s))) sum++; // so is a pod and its node
        rows += sources(d);
        allowed += sum;
      }
    }
    cachedCounts = { rows, allowed, denied: rows - allowed };
    return cachedCounts;
  };

  function* cells(): Generator<Readonly<Cell>> {
    const cell: Cell = { from: 0, to: 0, probe: 0 };
    for (let s = 0; s < n; s++) {
      const from = endpoints[s]!;
      for (let d = 0; d < n; d++) {
        if (from.kind === 'external' && endpoints[d]!.kind === 'external') continue;
        for (const g of probesOfEndpoint[d]!) {
          cell.from = s;
          cell.to = d;
          cell.probe = g;
          yield cell;
        }
      }
    }
  }

  function* rows(): Generator<ConnectivityRow> {
    for (const { from, to, probe: g } of cells()) {
      const probe = probes[g]!;
      yield { from: endpoints[from]!.id, to: endpoints[to]!.id, port: probe.port, protocol: probe.protocol, ...verdict(from, to, g) };
    }
  }

  return {
    cluster,
    index,
    probes,
    probesOf: (to) => probesOfEndpoint[to] ?? [],
    isolation: (i) => ({
      ingress: (ingressPolicies[i] ?? []).map((pi) => cluster.policies[pi]!.id),
      egress: (egressPolicies[i] ?? []).map((pi) => cluster.policies[pi]!.id),
    }),
    isPair: (from, to) => !(endpoints[from]?.kind === 'external' && endpoints[to]?.kind === 'external'),
    verdict,
    explain: (from, to, g) => explainConnection(index, endpoints[from]!, endpoints[to]!, probes[g]!),
    counts,
    rows,
    cells,
  };
}

function namedSignature(e: Endpoint): string {
  return e.ports
    .filter((p) => p.name !== null)
    .map((p) => `${p.name}/${p.port}/${p.protocol}`)
    .sort()
    .join(',');
}

/** The place of x in an ascending list, or -1: a binary search, as a destination may be probed on every port. */
function sortedIndexOf(list: readonly number[], x: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = list[mid]!;
    if (v === x) return mid;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
