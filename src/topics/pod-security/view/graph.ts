// What the Pod Security lab draws: each namespace as a box titled with its enforce, warn and audit levels, and in
// it the Pods and workloads, coloured by what the admission plugin answers (admitted, warned, rejected, exempt).
// Positions are a fixed grid (namespaces by name, objects by kind and name), so typing never makes nodes jump.
import type { ViewGraph, ViewNode } from '../../../core/index';
import { levelVersionString, type Policy } from '../levels';
import type { PsaObject } from '../build';
import type { PodSecurityResult } from '../evaluate';
import { verdictKind } from './explain';

export const objectNodeId = (o: Pick<PsaObject, 'kind' | 'namespace' | 'name'>): string => `${o.kind}:${o.namespace}/${o.name}`;
export const namespaceNodeId = (name: string): string => `ns:${name}`;

const COLUMNS = 3;
const DX = 210;
const DY = 100;
const BOX_GAP_X = 90;
const BOX_GAP_Y = 130;
const LABEL_ABOVE = 70;
/** The panel's shape the layout aims at (width / height), so the fitted graph comes out as large as it can. */
const ASPECT = 2;

/** Namespace boxes per row: the count whose whole layout fits a 2:1 panel at the largest scale. */
function boxesPerRow(sizes: readonly { cols: number; rows: number }[]): number {
  let best = 1;
  let bestScale = 0;
  for (let perRow = 1; perRow <= Math.max(1, sizes.length); perRow++) {
    let width = 0;
    let height = 0;
    for (let i = 0; i < sizes.length; i += perRow) {
      const row = sizes.slice(i, i + perRow);
      width = Math.max(width, row.reduce((w, s) => w + s.cols * DX, 0) + (row.length - 1) * BOX_GAP_X);
      height += Math.max(...row.map((s) => s.rows * DY)) + BOX_GAP_Y;
    }
    const scale = Math.min(ASPECT / width, 1 / height);
    if (scale > bestScale) {
      bestScale = scale;
      best = perRow;
    }
  }
  return best;
}

const SYMBOL = { admitted: '✓', warned: '⚠', rejected: '✗', exempt: '○' } as const;

/** `enforce baseline:latest · warn restricted:v1.30` (privileged modes left out). */
export function policySummary(p: Policy): string {
  const parts = (['enforce', 'warn', 'audit'] as const).filter((m) => p[m].level !== 'privileged').map((m) => `${m} ${levelVersionString(p[m])}`);
  return parts.length > 0 ? parts.join(' · ') : 'privileged (no labels)';
}

/**
 * Builds the graph; `expected` holds the lesson's expected verdicts by object id (mismatches get an amber
 * `shouldBe`), `existing` marks pods that were there before their namespace was relabelled.
 */
export function buildPodSecurityGraph(result: PodSecurityResult, expected: ReadonlyMap<string, string> = new Map()): ViewGraph {
  const nodes: ViewNode[] = [];
  const byNamespace = new Map<string, PsaObject[]>();
  for (const o of result.model.objects) {
    const list = byNamespace.get(o.namespace) ?? [];
    list.push(o);
    byNamespace.set(o.namespace, list);
  }
  const names = [...result.namespaces.keys()].sort();
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  const perRow = boxesPerRow(
    names.map((name) => {
      const count = byNamespace.get(name)?.length ?? 0;
      return { cols: Math.max(1, Math.min(COLUMNS, count)), rows: Math.max(1, Math.ceil(count / COLUMNS)) };
    }),
  );
  names.forEach((name, i) => {
    if (i > 0 && i % perRow === 0) {
      x = 0;
      y += rowHeight + BOX_GAP_Y;
      rowHeight = 0;
    }
    const outcome = result.namespaces.get(name)!;
    const objects = (byNamespace.get(name) ?? []).sort((a, b) => Number(b.isPod) - Number(a.isPod) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.name < b.name ? -1 : 1));
    const cols = Math.max(1, Math.min(COLUMNS, objects.length));
    const rows = Math.max(1, Math.ceil(objects.length / COLUMNS));
    const box = namespaceNodeId(name);
    const relabelled = outcome.namespace.previous !== null;
    nodes.push({ id: box, kind: 'namespace', label: '', labelErrors: outcome.labelErrors.length > 0 });
    nodes.push({
      id: `${box}#label`,
      kind: 'namespace-label',
      label: `namespace ${name}${relabelled ? ' (relabelled)' : ''}\n${policySummary(outcome.policy)}${outcome.labelErrors.length > 0 ? ' ⚠ invalid label' : ''}`,
      position: { x: x + ((cols - 1) * DX) / 2, y: y - LABEL_ABOVE },
    });
    objects.forEach((o, j) => {
      const v = result.verdicts.get(o)!;
      const kind = verdictKind(v);
      const id = objectNodeId(o);
      const want = expected.get(id);
      const starts = o.isPod ? result.contexts(o).every((c) => c.startError === null) : true;
      const failedIds = (v.enforce?.failed.length ? v.enforce.failed : (v.warn?.failed ?? [])).map((f) => f.check);
      nodes.push({
        id,
        kind: o.isPod ? 'pod' : 'workload',
        label: `${SYMBOL[kind]} ${o.name}\n${o.isPod ? 'Pod' : o.kind}`,
        plainLabel: `${o.name}\n${o.isPod ? 'Pod' : o.kind}`,
        parent: box,
        position: { x: x + (j % COLUMNS) * DX, y: y + Math.floor(j / COLUMNS) * DY },
        verdict: kind,
        tooltip: [`${o.kind} ${o.namespace}/${o.name}`, kind === 'rejected' ? `rejected: ${failedIds.join(', ')}` : kind === 'warned' ? `warned: ${failedIds.join(', ')}` : kind, ...(starts ? [] : ['the kubelet would not start it (runAsNonRoot)'])].join('\n'),
        ...(starts ? {} : { flag: 'nostart' }),
        ...(want && want !== kind && !(want === 'allowed' && kind !== 'rejected') ? { shouldBe: want } : {}),
      });
    });
    x += cols * DX + BOX_GAP_X;
    rowHeight = Math.max(rowHeight, rows * DY);
  });
  return { nodes, edges: [] };
}
