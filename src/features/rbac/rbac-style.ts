// Cytoscape styles of the RBAC graph: the shared styles (namespaces, verdict edges, selection) plus a shape per
// kind of object, so ServiceAccounts, bindings and roles read apart on a projector and for colour-blind learners.
import type { StylesheetJson } from 'cytoscape';
import { graphStyle, type Palette } from '../graph/graph-style';

export function rbacStyle(p: Palette): StylesheetJson {
  const box = (shape: string, bg: string) => ({ shape, width: 190, height: 60, 'background-color': bg, 'border-width': 2, 'border-color': p.nodeBorder, 'font-size': 15, 'text-max-width': '180px' });
  return [
    ...graphStyle(p),
    { selector: 'node[kind="pod"]', style: { width: 170, height: 56, 'font-size': 15 } },
    { selector: 'node[kind="serviceaccount"]', style: box('round-rectangle', p.nodeBg) },
    { selector: 'node[kind="user"]', style: { ...box('ellipse', p.nodeBg), width: 170 } },
    { selector: 'node[kind="group"]', style: { ...box('hexagon', p.nodeBg), width: 250, 'font-size': 14 } },
    { selector: 'node[kind="binding"]', style: { ...box('tag', p.nsBg), 'border-style': 'solid' } },
    { selector: 'node[kind="role"], node[kind="clusterrole"]', style: box('rectangle', p.nodeBg) },
    { selector: 'node[kind="clusterrole"]', style: { 'border-width': 3 } },
    { selector: 'node[kind="missing-role"]', style: { ...box('rectangle', p.nodeBg), 'border-style': 'dashed', 'border-color': p.denied } },
    { selector: 'node[kind="resource"]', style: { ...box('barrel', p.externalBg), width: 150 } },
    { selector: 'node[flag="builtin"]', style: { 'border-style': 'dotted' } },
    { selector: 'node[flag="risk"]', style: { 'border-color': p.denied, 'border-width': 4 } },
    // Structure: thin grey arrows, no label; questions keep the verdict colours of the shared style.
    { selector: 'edge[kind="member"], edge[kind="grants"], edge[kind="runs-as"]', style: { width: 2, 'line-color': p.nodeBorder, 'target-arrow-color': p.nodeBorder, 'target-arrow-shape': 'triangle', 'arrow-scale': 1, label: '' } },
    { selector: 'edge[kind="runs-as"]', style: { 'line-style': 'dotted' } },
    // Questions are drawn above the boxes and nodes they cross, so their verbs stay readable and clickable.
    { selector: 'edge[kind="question"]', style: { 'curve-style': 'unbundled-bezier', 'control-point-distances': [60], 'control-point-weights': [0.5], width: 4, 'z-compound-depth': 'top', 'z-index': 20 } },
    { selector: 'edge.path', style: { width: 5, 'line-color': p.focus, 'target-arrow-color': p.focus, 'z-index': 9 } },
    { selector: 'node.path', style: { 'border-color': p.focus, 'border-width': 5 } },
  ];
}
