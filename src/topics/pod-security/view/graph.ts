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
const BOX_GAP_X = 140;
const BOX_GAP_Y = 150;
const LABEL_ABOVE = 70;
/** Namespace boxes per row of the layout. */
const BOXES_PER_ROW = 2;

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
  names.forEach((name, i) => {
    if (i > 0 && i % BOXES_PER_ROW === 0) {
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
