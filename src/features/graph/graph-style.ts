// Cytoscape styles for light and dark themes. Verdicts differ by colour and by arrow shape (a bar for
// denied), so the graph also reads for colour-blind learners and on washed-out projectors.
import type { StylesheetJson } from 'cytoscape';

export interface Palette {
  text: string;
  nodeBg: string;
  nodeBorder: string;
  nsBg: string;
  nsBorder: string;
  externalBg: string;
  allowed: string;
  denied: string;
  mixed: string;
  shouldBe: string;
  focus: string;
  peer: string;
}

export const LIGHT: Palette = {
  text: '#1f2937',
  nodeBg: '#ffffff',
  nodeBorder: '#64748b',
  nsBg: '#e2e8f0',
  nsBorder: '#94a3b8',
  externalBg: '#fef3c7',
  allowed: '#15803d',
  denied: '#dc2626',
  mixed: '#7c3aed',
  shouldBe: '#d97706',
  focus: '#2563eb',
  peer: '#0891b2',
};

export const DARK: Palette = {
  text: '#e5e7eb',
  nodeBg: '#1e293b',
  nodeBorder: '#94a3b8',
  nsBg: '#0f172a',
  nsBorder: '#475569',
  externalBg: '#422006',
  allowed: '#4ade80',
  denied: '#f87171',
  mixed: '#c4b5fd',
  shouldBe: '#fbbf24',
  focus: '#60a5fa',
  peer: '#22d3ee',
};

export function graphStyle(p: Palette): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        color: p.text,
        'font-family': 'system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK JP", sans-serif',
        'font-size': 17,
        'text-wrap': 'wrap',
        'text-valign': 'center',
        'text-halign': 'center',
      },
    },
    {
      selector: 'node[kind="pod"]',
      style: {
        shape: 'round-rectangle',
        width: 175,
        height: 78,
        'background-color': p.nodeBg,
        'border-width': 2,
        'border-color': p.nodeBorder,
      },
    },
    {
      selector: 'node[kind="pod"][?ingressIsolated], node[kind="pod"][?egressIsolated]',
      style: { 'border-width': 3, 'border-style': 'double', 'border-color': p.text },
    },
    {
      selector: 'node[kind="external"]',
      style: {
        shape: 'cut-rectangle',
        width: 175,
        height: 78,
        'background-color': p.externalBg,
        'border-width': 2,
        'border-color': p.nodeBorder,
      },
    },
    {
      selector: 'node[kind="namespace"]',
      style: {
        shape: 'round-rectangle',
        'background-color': p.nsBg,
        'background-opacity': 0.55,
        'border-width': 2,
        'border-style': 'dashed',
        'border-color': p.nsBorder,
        'text-valign': 'top',
        'text-halign': 'center',
        'text-margin-y': -6,
        'text-background-color': p.nodeBg,
        'text-background-opacity': 0.9,
        'text-background-padding': '3px',
        'text-background-shape': 'roundrectangle',
        'font-size': 16,
        'font-weight': 'bold',
        padding: '28px',
      },
    },
    {
      // Drawn after everything else, so the edges that cross a namespace's name pass under it.
      selector: 'node[kind="namespace-label"]',
      style: {
        shape: 'rectangle',
        width: 1,
        height: 1,
        'background-opacity': 0,
        'border-width': 0,
        'z-compound-depth': 'top',
        'z-index': 100,
        events: 'no',
        'text-valign': 'center',
        'text-halign': 'center',
        'text-background-color': p.nodeBg,
        // Translucent: a crossing edge (the selected one too) shows through, the words stay readable.
        'text-background-opacity': 0.75,
        'text-background-padding': '4px',
        'text-background-shape': 'roundrectangle',
        'font-size': 16,
        'font-weight': 'bold',
      },
    },
    {
      selector: 'edge',
      style: {
        width: 3,
        'curve-style': 'bezier',
        'control-point-step-size': 36,
        'line-color': p.allowed,
        'target-arrow-color': p.allowed,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 1.3,
        label: 'data(label)',
        'font-size': 14,
        color: p.text,
        'text-background-color': p.nodeBg,
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        'text-rotation': 'autorotate',
      },
    },
    {
      // A grouped arrow (a big cluster): one per pair of namespaces, thicker, with its tally.
      selector: 'edge[kind="group"]',
      style: { width: 6, 'font-size': 16, 'font-weight': 'bold', 'arrow-scale': 1.6, 'control-point-step-size': 60 },
    },
    {
      selector: 'edge[verdict="denied"]',
      style: { 'line-color': p.denied, 'target-arrow-color': p.denied, 'target-arrow-shape': 'tee' },
    },
    {
      selector: 'edge[verdict="mixed"]',
      style: { 'line-color': p.mixed, 'target-arrow-color': p.mixed },
    },
    {
      // The lesson expects the other verdict: the edge keeps its true colour and arrow, dashed, on an amber glow.
      selector: 'edge[shouldBe]',
      style: {
        'line-style': 'dashed',
        'line-dash-pattern': [10, 5],
        width: 4,
        'underlay-color': p.shouldBe,
        'underlay-opacity': 0.45,
        'underlay-padding': 5,
      },
    },
    {
      selector: 'edge:selected, edge.chosen',
      style: { width: 7, 'overlay-color': p.focus, 'overlay-opacity': 0.18, 'overlay-padding': 6, 'z-index': 10 },
    },
    { selector: 'node.chosen', style: { 'border-color': p.focus, 'border-width': 4 } },
    { selector: 'node.policy-target', style: { 'border-color': p.focus, 'border-width': 5, 'border-style': 'solid' } },
    { selector: 'node.policy-peer', style: { 'background-color': p.peer, 'background-opacity': 0.25 } },
    { selector: '.faded', style: { opacity: 0.3 } },
    // Predict, then reveal: verdicts (and the lesson's expectations) hidden, the room's guesses dashed.
    {
      selector: 'edge.hidden-verdict',
      style: { 'line-color': p.nodeBorder, 'target-arrow-color': p.nodeBorder, 'target-arrow-shape': 'triangle', 'line-style': 'solid', width: 3, label: '', 'underlay-opacity': 0 },
    },
    // After the reveal: a tick or a cross on each edge the room marked.
    { selector: 'edge.guess-right', style: { label: '✓', 'font-size': 26, 'font-weight': 'bold', color: p.allowed, 'text-rotation': 'none' } },
    { selector: 'edge.guess-wrong', style: { label: '✗', 'font-size': 26, 'font-weight': 'bold', color: p.denied, 'text-rotation': 'none' } },
    // While the room predicts, pods show their names only: "isolated: in" would give the answer away.
    { selector: 'node.hidden-verdict', style: { label: 'data(name)', 'border-width': 2, 'border-style': 'solid', 'border-color': p.nodeBorder } },
    {
      selector: 'edge.hidden-verdict.guess-allowed',
      style: { 'line-color': p.allowed, 'target-arrow-color': p.allowed, 'line-style': 'dashed', 'line-dash-pattern': [8, 5], width: 5 },
    },
    {
      selector: 'edge.hidden-verdict.guess-denied',
      style: { 'line-color': p.denied, 'target-arrow-color': p.denied, 'target-arrow-shape': 'tee', 'line-style': 'dashed', 'line-dash-pattern': [8, 5], width: 5 },
    },
  ];
}
