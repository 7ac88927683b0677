// Cytoscape styles of the Pod Security graph: the shared styles (namespaces, selection) plus a colour per
// admission verdict, with a symbol in each label (✓ ⚠ ✗ ○) so the verdict also reads without colour.
import type { StylesheetJson } from 'cytoscape';
import { graphStyle, type Palette } from '../graph/graph-style';

export function podSecurityStyle(p: Palette): StylesheetJson {
  return [
    ...graphStyle(p),
    { selector: 'node[kind="pod"], node[kind="workload"]', style: { shape: 'round-rectangle', width: 180, height: 66, 'font-size': 15, 'text-max-width': '170px', 'background-color': p.nodeBg, 'border-width': 3, 'border-color': p.nodeBorder } },
    { selector: 'node[kind="workload"]', style: { shape: 'rectangle' } },
    { selector: 'node[verdict="admitted"]', style: { 'border-color': p.allowed, 'background-color': p.allowed, 'background-opacity': 0.14 } },
    { selector: 'node[verdict="warned"]', style: { 'border-color': p.shouldBe, 'background-color': p.shouldBe, 'background-opacity': 0.2 } },
    { selector: 'node[verdict="rejected"]', style: { 'border-color': p.denied, 'background-color': p.denied, 'background-opacity': 0.16, 'border-width': 4 } },
    { selector: 'node[verdict="exempt"]', style: { 'border-color': p.nodeBorder, 'border-style': 'dotted' } },
    { selector: 'node[flag="nostart"]', style: { 'border-style': 'dashed' } },
    // The lesson expects another verdict: an amber halo.
    { selector: 'node[shouldBe]', style: { 'outline-width': 5, 'outline-color': p.shouldBe, 'outline-offset': 4 } as never },
    { selector: 'node[?labelErrors]', style: { 'border-color': p.denied } },
    { selector: 'node.chosen', style: { 'border-color': p.focus, 'border-width': 6 } },
  ];
}
