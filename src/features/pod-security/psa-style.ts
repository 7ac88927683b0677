// Cytoscape styles of the Pod Security graph: the shared styles (namespaces, selection) plus a colour per
// admission verdict, with a symbol in each label (✓ ⚠ ✗ ○) so the verdict also reads without colour.
import type { StylesheetJson } from 'cytoscape';
import { graphStyle, type Palette } from '../graph/graph-style';

export function podSecurityStyle(p: Palette): StylesheetJson {
  return [
    ...graphStyle(p),
    { selector: 'node[kind="pod"], node[kind="workload"]', style: { shape: 'round-rectangle', width: 184, height: 68, 'font-size': 18, 'text-max-width': '170px', 'background-color': p.nodeBg, 'border-width': 3, 'border-color': p.nodeBorder } },
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
    // Predict, then reveal: verdicts hidden (neutral boxes, no symbol), the room's guesses dashed green or red.
    { selector: 'node.hidden-verdict', style: { 'border-color': p.nodeBorder, 'background-color': p.nodeBg, 'background-opacity': 1, 'border-style': 'solid', 'border-width': 3, label: 'data(plainLabel)', 'outline-width': 0 } as never },
    { selector: 'node.hidden-verdict.guess-allowed', style: { 'border-color': p.allowed, 'border-style': 'dashed', 'border-width': 5 } },
    { selector: 'node.hidden-verdict.guess-denied', style: { 'border-color': p.denied, 'border-style': 'dashed', 'border-width': 5 } },
    { selector: 'node.guess-right', style: { 'outline-width': 6, 'outline-color': p.allowed, 'outline-offset': 5 } as never },
    { selector: 'node.guess-wrong', style: { 'outline-width': 6, 'outline-color': p.denied, 'outline-offset': 5 } as never },
  ];
}
