// Turns an evaluation into graph elements: namespaces as compound nodes, pods inside, external endpoints
// outside, one edge per ordered pair. Positions come from a fixed grid so editing never makes nodes jump.
import type { Cluster, Endpoint, Probe } from '../../topics/netpol/index';
import type { ViewEdge, ViewNode } from '../../core/index';
import type { Verdict } from '../../lessons/index';
import type { NetpolResult } from '../../store/lab-store';

/**
 * Above this many pods the graph groups connections by namespace (one arrow per pair of namespaces, summing
 * every pod pair and probe); a click on an arrow expands it into its pods' connections, a click on a pod shows
 * that pod's own. A lesson-sized cluster shows every pod-to-pod arrow.
 */
export const GROUP_ABOVE_PODS = 16;
/** Above this many connection arrows the graph is a hairball: denied arrows the lesson expects are left out
 * (counted in the legend), and if still too many, arrows join namespaces as in a big cluster. */
export const DENSE_EDGES = 60;

export interface GraphNode extends ViewNode {
  id: string;
  /** `namespace-label`: a namespace's name and labels, a node of its own above the box so edges never cover it. */
  kind: 'namespace' | 'namespace-label' | 'pod' | 'external';
  label: string;
  /** The endpoint's name alone (the label may add isolation marks or an address). */
  name?: string;
  parent?: string;
  endpoint?: string;
  ingressIsolated?: boolean;
  egressIsolated?: boolean;
  position?: { x: number; y: number };
  /** Hover text: the endpoint, its address, labels and ports. */
  tooltip?: string;
}

export type EdgeVerdict = 'allowed' | 'denied' | 'mixed';

export interface GraphEdge extends ViewEdge {
  id: string;
  source: string;
  target: string;
  from: string;
  to: string;
  verdict: EdgeVerdict;
  /** Set when the lesson expects otherwise for at least one probe. */
  shouldBe?: Verdict;
  label: string;
}

export interface GraphModel {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** True when connections are grouped by namespace (a big cluster). */
  limited: boolean;
  /** Connections not drawn because no policy touches them (allowed, as nothing isolates either end). */
  quiet: number;
  /** Connections not drawn because the graph was dense: denied, as the lesson expects. */
  expectedDenied: number;
  /** Grouped because of the number of arrows (not of pods). */
  dense: boolean;
  /** With `dense`: how many arrows there would have been. */
  denseEdges: number;
  probes: readonly Probe[];
}

/** What the learner opened in a grouped graph: a pod (its own edges), or a namespace pair (its pods' edges). */
export interface GraphFocus {
  pod: string | null;
  /** The group ids (`ns:shop`, `ep:external:db`) of an expanded arrow. */
  group: { from: string; to: string } | null;
}

export const groupEdgeId = (from: string, to: string): string => `group:${from}->${to}`;

const POD_DX = 230;
const POD_DY = 130;
const NS_GAP = 110;
/** Half a pod's height (graph-style: 78) plus the namespace box's padding (28), and a little air. */
const LABEL_ABOVE = 39 + 28 + 8;
/** Height of one line of a namespace label (16 px bold). */
const LABEL_LINE = 20;

export const nodeId = (endpointId: string): string => `ep:${endpointId}`;
export const edgeId = (from: string, to: string): string => `edge:${from}->${to}`;

/** Deterministic positions: namespaces in rows of blocks, pods in a grid inside, externals in a column. */
export function layout(cluster: Cluster): Map<string, { x: number; y: number }> {
  const positions = new Map<string, { x: number; y: number }>();
  const byNamespace = new Map<string, Endpoint[]>();
  for (const e of cluster.endpoints) {
    if (e.namespace === null) continue;
    const list = byNamespace.get(e.namespace) ?? [];
    list.push(e);
    byNamespace.set(e.namespace, list);
  }
  // Few namespaces stack in a column (the graph pane is tall); many wrap into rows of blocks.
  const perRow = Math.max(1, Math.ceil(Math.sqrt(cluster.namespaces.length / 2)));
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  let column = 0;
  let maxX = 0;
  for (const ns of cluster.namespaces) {
    const pods = byNamespace.get(ns.name) ?? [];
    const cols = Math.max(1, Math.ceil(Math.sqrt(pods.length)));
    const rows = Math.max(1, Math.ceil(pods.length / cols));
    // Odd rows sit half a step to the right (bricks), so an arrow from a pod to the pod straight below another
    // never runs hidden under a third one's arrows.
    const brick = rows > 1 ? POD_DX / 2 : 0;
    pods.forEach((pod, i) => {
      const row = Math.floor(i / cols);
      positions.set(nodeId(pod.id), { x: x + (i % cols) * POD_DX + (row % 2) * brick, y: y + row * POD_DY });
    });
    const width = cols * POD_DX + brick;
    maxX = Math.max(maxX, x + width);
    rowHeight = Math.max(rowHeight, rows * POD_DY);
    column++;
    if (column === perRow) {
      column = 0;
      x = 0;
      y += rowHeight + NS_GAP;
      rowHeight = 0;
    } else {
      x += width + NS_GAP;
    }
  }
  // External endpoints stand in a column to the right of the namespaces, centred on them.
  const externals = cluster.endpoints.filter((e) => e.kind === 'external');
  const bottom = column === 0 ? y - NS_GAP : y + rowHeight - POD_DY;
  const top = Math.max(0, (bottom - (externals.length - 1) * POD_DY) / 2);
  externals.forEach((e, i) => positions.set(nodeId(e.id), { x: maxX + NS_GAP / 2, y: top + i * POD_DY }));
  return positions;
}

/** A pod's name and address (ipBlock lessons are about addresses); an external endpoint's too. */
const nameAndIp = (e: Endpoint): string => (e.ip ? `${e.name}\n${e.ip.text}` : e.name);

function podLabel(e: Endpoint, ingress: boolean, egress: boolean, isolatedWord: string): string {
  const marks = [ingress ? 'in' : '', egress ? 'out' : ''].filter(Boolean);
  return marks.length > 0 ? `${nameAndIp(e)}\n${isolatedWord} ${marks.join(' · ')}` : nameAndIp(e);
}

/** What hovering an endpoint shows: its id, address, labels and ports. */
function tooltipOf(e: Endpoint): string {
  const labels = Object.entries(e.labels).map(([k, v]) => `${k}=${v}`);
  const ports = e.ports.map((p) => `${p.name ? p.name + ' ' : ''}${p.port}/${p.protocol}`);
  return [e.id, ...(e.ip ? [`IP ${e.ip.text}`] : []), ...(labels.length ? [labels.join(', ')] : []), ...(ports.length ? [`ports: ${ports.join(', ')}`] : [])].join('\n');
}

/** The box a pod's arrows group into: its namespace, or the external endpoint itself. */
const groupOf = (e: Endpoint): string => (e.namespace === null ? nodeId(e.id) : `ns:${e.namespace}`);

/** Builds nodes and edges for the graph from one evaluation. */
export function buildGraph(
  result: NetpolResult,
  selectedPod: string | null,
  isolatedWord = 'isolated:',
  expanded: GraphFocus['group'] = null,
  insideWord = 'inside',
  /** Draw every connection, quiet ones too (a predict step: leaving some out would give answers away). */
  everyEdge = false,
): GraphModel {
  const { cluster, connectivity } = result;
  const podCount = cluster.endpoints.filter((e) => e.kind === 'pod').length;
  const selectedIndex = cluster.endpoints.findIndex((e) => e.id === selectedPod);
  // A small cluster may still draw too many arrows (a lesson's whole namespace isolated): count them first.
  let few = podCount <= GROUP_ABOVE_PODS ? pairEdges(result, selectedIndex, everyEdge) : null;
  const crowded = few !== null && !everyEdge && (selectedIndex < 0 ? few : pairEdges(result, -1, false)).edges.length > DENSE_EDGES;
  // Nothing written yet in a crowded lesson: a connection no policy touches is quiet even where the lesson
  // expects otherwise (every one of them would be marked: the start of a default-deny lesson).
  if (crowded && result.grade?.status === 'pending') few = pairEdges(result, selectedIndex, everyEdge, true);
  const chosen = cluster.endpoints[selectedIndex]?.id;
  // Crowded in a lesson: the denied arrows the lesson expects are left out (the playground expects nothing).
  const thin = crowded && selectedIndex < 0 && result.grade != null;
  const expectedDenied = thin && few ? few.edges.filter((e) => e.verdict === 'denied' && !e.shouldBe).length : 0;
  // Crowded: a chosen pod shows its own arrows only.
  const kept =
    few === null ? null : !crowded ? few.edges : chosen ? few.edges.filter((e) => e.from === chosen || e.to === chosen) : thin ? few.edges.filter((e) => e.verdict !== 'denied' || e.shouldBe) : few.edges;
  // Still crowded (or a crowded playground): arrows join namespaces.
  const dense = crowded && selectedIndex < 0 && kept!.length > DENSE_EDGES;
  const grouped = podCount > GROUP_ABOVE_PODS || dense;
  // A grouped graph sums each pair of boxes; connections inside a namespace are summed into its label.
  const summaries = grouped ? summarize(result) : null;
  const positions = layout(cluster);
  const nodes: GraphNode[] = [];
  // Each namespace's box, from its pods' positions (loops, not spreads: a namespace may hold many pods).
  const boxes = new Map<string, { minX: number; maxX: number; minY: number }>();
  for (const e of cluster.endpoints) {
    const q = e.namespace === null ? undefined : positions.get(nodeId(e.id));
    if (!q || e.namespace === null) continue;
    const b = boxes.get(e.namespace);
    if (!b) boxes.set(e.namespace, { minX: q.x, maxX: q.x, minY: q.y });
    else {
      b.minX = Math.min(b.minX, q.x);
      b.maxX = Math.max(b.maxX, q.x);
      b.minY = Math.min(b.minY, q.y);
    }
  }
  for (const ns of cluster.namespaces) {
    const labels = Object.entries(ns.labels).map(([k, v]) => `${k}=${v}`);
    // At most four lines fit between two stacked boxes: the name and three labels, or two and a count.
    const shown = labels.length <= 3 ? labels : [...labels.slice(0, 2), `+${labels.length - 2} more`];
    const inside = summaries?.get(`ns:${ns.name}->ns:${ns.name}`);
    const lines = [ns.name, ...shown, ...(inside ? [`${insideWord}: ${inside.allowed}/${inside.total} ✓`] : [])];
    // The label is centred over the box, whose size follows its pods; an empty namespace keeps its own label.
    const box = boxes.get(ns.name);
    nodes.push({ id: `ns:${ns.name}`, kind: 'namespace', label: box ? '' : lines.join('\n') });
    if (!box) continue;
    const { minX, maxX, minY } = box;
    nodes.push({
      id: `nslabel:${ns.name}`,
      kind: 'namespace-label',
      label: lines.join('\n'),
      position: { x: (minX + maxX) / 2, y: minY - LABEL_ABOVE - (lines.length * LABEL_LINE) / 2 },
    });
  }
  const endpoints = cluster.endpoints;
  endpoints.forEach((e, i) => {
    const iso = connectivity.isolation(i);
    const ingressIsolated = iso.ingress.length > 0;
    const egressIsolated = iso.egress.length > 0;
    nodes.push({
      id: nodeId(e.id),
      kind: e.kind,
      label: e.kind === 'external' ? nameAndIp(e) : podLabel(e, ingressIsolated, egressIsolated, isolatedWord),
      name: nameAndIp(e),
      parent: e.namespace === null ? undefined : `ns:${e.namespace}`,
      endpoint: e.id,
      ingressIsolated,
      egressIsolated,
      position: positions.get(nodeId(e.id)),
      tooltip: tooltipOf(e),
    });
  });

  const limited = grouped;
  const edges: GraphEdge[] = [];
  let groupedQuiet = 0;
  const addEdge = (s: number, d: number, always = false): void => {
    const edge = connectionEdge(result, s, d, always, everyEdge);
    if (edge) edges.push(edge);
  };
  const selected = endpoints.findIndex((e) => e.id === selectedPod);
  if (!grouped) {
    edges.push(...kept!);
  } else if (selected >= 0) {
    // A pod chosen in a big cluster: its own connections, both ways, and nothing else.
    for (let d = 0; d < endpoints.length; d++) addEdge(selected, d, true);
    for (let s = 0; s < endpoints.length; s++) if (s !== selected) addEdge(s, selected, true);
  } else {
    for (const [key, sum] of summaries!) {
      const [from, to] = key.split('->') as [string, string];
      if (from === to) continue;
      // An arrow no policy touches (allowed, neither end isolated that way, as the lesson expects) is quiet, as a
      // pod-to-pod arrow would be: counted in the legend, not drawn.
      if (!everyEdge && !sum.touched && sum.allowed === sum.total && !sum.shouldBe) {
        groupedQuiet += sum.pairs;
        continue;
      }
      if (expanded && expanded.from === from && expanded.to === to) {
        // An opened arrow: its pods' own connections instead.
        for (let s = 0; s < endpoints.length; s++) {
          if (groupOf(endpoints[s]!) !== from) continue;
          for (let d = 0; d < endpoints.length; d++) if (groupOf(endpoints[d]!) === to) addEdge(s, d, true);
        }
        continue;
      }
      const verdict: EdgeVerdict = sum.allowed === sum.total ? 'allowed' : sum.allowed === 0 ? 'denied' : 'mixed';
      edges.push({
        id: groupEdgeId(from, to),
        source: from,
        target: to,
        kind: 'group',
        from,
        to,
        verdict,
        ...(sum.shouldBe ? { shouldBe: sum.shouldBe } : {}),
        label: `${sum.allowed}/${sum.total} ✓`,
      });
    }
  }
  return { nodes, edges, limited, quiet: grouped ? groupedQuiet : (few?.quiet ?? 0), expectedDenied: grouped ? 0 : expectedDenied, dense, denseEdges: dense ? kept!.length : 0, probes: connectivity.probes };

  /** Allowed and total cells (pod pairs x probes) for each ordered pair of boxes, and a disagreement with the lesson. */
  function summarize(r: NetpolResult): Map<string, { allowed: number; total: number; shouldBe: Verdict | null; touched: boolean; pairs: number }> {
    const eps = r.cluster.endpoints;
    // Boxes as small integers and the tallies in flat arrays: this runs over every cell on each keystroke.
    const boxIds: string[] = [];
    const boxIndex = new Map<string, number>();
    const boxOf = eps.map((e) => {
      const id = groupOf(e);
      let i = boxIndex.get(id);
      if (i === undefined) {
        i = boxIds.length;
        boxIds.push(id);
        boxIndex.set(id, i);
      }
      return i;
    });
    const n = boxIds.length;
    const allowed = new Uint32Array(n * n);
    const total = new Uint32Array(n * n);
    const shouldBe: (Verdict | null)[] = new Array<Verdict | null>(n * n).fill(null);
    // Whether some pair of the two boxes has an end isolated that way (a policy decides it), and how many pairs.
    const touched = new Uint8Array(n * n);
    const pairs = new Uint32Array(n * n);
    const ingressIsolated = eps.map((_, i) => r.connectivity.isolation(i).ingress.length > 0);
    const egressIsolated = eps.map((_, i) => r.connectivity.isolation(i).egress.length > 0);
    let last = -1;
    for (const { from: s, to: d, probe: g } of r.connectivity.cells()) {
      if (s === d) continue;
      const k = boxOf[s]! * n + boxOf[d]!;
      if (s * eps.length + d !== last) {
        last = s * eps.length + d;
        pairs[k]!++;
        if (ingressIsolated[d] || egressIsolated[s]) touched[k] = 1;
      }
      const ok = r.connectivity.verdict(s, d, g).allowed;
      total[k]!++;
      if (ok) allowed[k]!++;
      if (r.grade && shouldBe[k] === null) {
        const want = r.grade.expected(eps[s]!, eps[d]!, r.connectivity.probes[g]!, ok ? 'allowed' : 'denied');
        if (want !== null && want !== (ok ? 'allowed' : 'denied')) shouldBe[k] = want;
      }
    }
    const out = new Map<string, { allowed: number; total: number; shouldBe: Verdict | null; touched: boolean; pairs: number }>();
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        const k = a * n + b;
        if (total[k]! > 0) out.set(`${boxIds[a]}->${boxIds[b]}`, { allowed: allowed[k]!, total: total[k]!, shouldBe: shouldBe[k]!, touched: touched[k] === 1, pairs: pairs[k]! });
      }
    }
    return out;
  }
}

/** One connection's arrow, or null when it is not drawn (no probe; a quiet connection unless `always`). */
function connectionEdge(result: NetpolResult, s: number, d: number, always: boolean, everyEdge: boolean, quietExpected = false): GraphEdge | null {
  const { cluster, connectivity, grade } = result;
  const endpoints = cluster.endpoints;
  if (s === d || !connectivity.isPair(s, d)) return null;
  const from = endpoints[s]!;
  const to = endpoints[d]!;
  const probes = connectivity.probesOf(d);
  if (probes.length === 0) return null;
  let allowed = 0;
  let shouldBe: Verdict | null = null;
  const parts: string[] = [];
  for (const g of probes) {
    const probe = connectivity.probes[g]!;
    const ok = connectivity.verdict(s, d, g).allowed;
    if (ok) allowed++;
    const want = grade?.expected(from, to, probe, ok ? 'allowed' : 'denied') ?? null;
    if (want !== null && want !== (ok ? 'allowed' : 'denied')) shouldBe = want;
    parts.push(`${probe.port}${probe.protocol === 'TCP' ? '' : '/' + probe.protocol} ${ok ? '✓' : '✗'}`);
  }
  const verdict: EdgeVerdict = allowed === probes.length ? 'allowed' : allowed === 0 ? 'denied' : 'mixed';
  // A connection no policy touches (neither end isolated that way) is allowed by default: left out unless
  // the lesson expects otherwise or it is a chosen pod's, so what policies decide stays readable.
  const quiet = connectivity.isolation(d).ingress.length === 0 && connectivity.isolation(s).egress.length === 0;
  if (!always && !everyEdge && quiet && verdict === 'allowed' && (!shouldBe || quietExpected)) return null;
  return {
    id: edgeId(from.id, to.id),
    source: nodeId(from.id),
    target: nodeId(to.id),
    kind: 'connection',
    from: from.id,
    to: to.id,
    verdict,
    ...(shouldBe ? { shouldBe } : {}),
    label: probes.length > 1 ? parts.join('  ') : '',
  };
}

/** Every pair's arrow in a small cluster, and how many quiet connections were left out. */
function pairEdges(result: NetpolResult, selected: number, everyEdge: boolean, quietExpected = false): { edges: GraphEdge[]; quiet: number } {
  const { connectivity } = result;
  const n = result.cluster.endpoints.length;
  const edges: GraphEdge[] = [];
  let quiet = 0;
  for (let s = 0; s < n; s++) {
    for (let d = 0; d < n; d++) {
      const always = s === selected || d === selected;
      const edge = connectionEdge(result, s, d, always, everyEdge, quietExpected);
      if (edge) edges.push(edge);
      else if (s !== d && connectivity.isPair(s, d) && connectivity.probesOf(d).length > 0) quiet++;
    }
  }
  return { edges, quiet };
}
