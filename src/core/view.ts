// What a topic draws: plain graph elements (no Cytoscape types), which the generic graph view in src/ui renders
// and the presenter decorates. Data is flat (strings, numbers, booleans) so a redraw touches only what changed.

export type EdgeVerdict = 'allowed' | 'denied' | 'mixed';

export interface ViewNode {
  id: string;
  /** Styles key on it: `namespace`, `namespace-label`, `pod`, `serviceaccount`, `role`, ... */
  kind: string;
  label: string;
  parent?: string;
  position?: { x: number; y: number };
  /** Lines shown on hover; the first is the title. */
  tooltip?: string;
  /** A flag styles can show (`risk`: a dangerous permission; `builtin`: a default object). */
  flag?: string;
  /** More flat data a topic's styles read (`ingressIsolated`, `endpoint`, ...). */
  [extra: string]: string | number | boolean | { x: number; y: number } | undefined;
}

export interface ViewEdge {
  id: string;
  source: string;
  target: string;
  /** `question` edges carry a verdict; others (`member`, `grants`, `runs-as`) are structure. */
  kind: string;
  verdict?: EdgeVerdict;
  /** Set when the lesson expects the other answer for at least one cell of the edge. */
  shouldBe?: 'allowed' | 'denied';
  label?: string;
  /** More flat data (`from`, `to`: the endpoints a NetworkPolicy edge joins). */
  [extra: string]: string | undefined;
}

export interface ViewGraph {
  nodes: ViewNode[];
  edges: ViewEdge[];
}
