// A generic Cytoscape view (loaded lazily with cytoscape itself): it mirrors the elements a topic draws, keeps
// nodes where the topic placed them, applies the caller's classes (selection, focus, predict), reports taps and
// shows node tooltips. It knows no topic and no store.
import { useEffect, useRef, useState } from 'react';
import cytoscape, { type Core, type ElementDefinition, type StylesheetJson } from 'cytoscape';
import type { ViewGraph } from '../core/index';

declare global {
  interface Window {
    /** Test hook: the live Cytoscape instance, for e2e tests that read edge colours. */
    __cksLabGraph?: Core;
    /** Test hook: performance.now() when the graph last showed a new evaluation. */
    __cksLabGraphUpdatedAt?: number;
  }
}

export interface GraphViewProps {
  graph: ViewGraph;
  style: StylesheetJson;
  /** Classes by element id (`chosen`, `faded`, ...), replaced as a whole on every change. */
  classes?: ReadonlyMap<string, string>;
  /** Every class the caller may set, so stale ones can be removed. */
  classNames?: readonly string[];
  onTapEdge?(id: string): void;
  onTapNode?(id: string): void;
  onTapBackground?(): void;
  /** Called with the Cytoscape instance once created (exports, test hooks); null when it goes. */
  onReady?(cy: Core | null): void;
}

interface Tooltip {
  x: number;
  y: number;
  lines: string[];
}

export default function GraphView({ graph, style, classes, classNames = [], onTapEdge, onTapNode, onTapBackground, onReady }: GraphViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const nodeKey = useRef('');
  const [tooltip, setTooltip] = useState<Tooltip | null>(null);
  // The latest callbacks, read by the handlers registered once.
  const handlers = useRef({ onTapEdge, onTapNode, onTapBackground });
  handlers.current = { onTapEdge, onTapNode, onTapBackground };

  useEffect(() => {
    if (!container.current) return;
    const cy = cytoscape({ container: container.current, elements: [], layout: { name: 'preset' }, minZoom: 0.15, maxZoom: 3, boxSelectionEnabled: false, autoungrabify: true });
    cyRef.current = cy;
    window.__cksLabGraph = cy;
    onReady?.(cy);
    cy.on('tap', 'edge', (evt) => handlers.current.onTapEdge?.(evt.target.id() as string));
    cy.on('tap', 'node', (evt) => handlers.current.onTapNode?.(evt.target.id() as string));
    cy.on('tap', (evt) => {
      if (evt.target === cy) handlers.current.onTapBackground?.();
    });
    cy.on('mouseover', 'node[tooltip]', (evt) => {
      const pos = evt.target.renderedPosition();
      setTooltip({ x: pos.x, y: pos.y + 36, lines: String(evt.target.data('tooltip')).split('\n') });
    });
    cy.on('mouseout', 'node', () => setTooltip(null));
    cy.on('viewport', () => setTooltip(null));
    const resize = new ResizeObserver(() => {
      cy.resize();
      cy.fit(undefined, 24);
    });
    resize.observe(container.current);
    return () => {
      resize.disconnect();
      cy.destroy();
      cyRef.current = null;
      if (window.__cksLabGraph === cy) delete window.__cksLabGraph;
      onReady?.(null);
    };
  }, [onReady]);

  useEffect(() => {
    cyRef.current?.style(style);
  }, [style]);

  // Mirror the elements: add what is new, remove what is gone, update data in place.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const wanted = new Map<string, ElementDefinition>();
    for (const n of graph.nodes) {
      const { position, ...data } = n;
      wanted.set(n.id, { group: 'nodes', data, position: position ? { ...position } : undefined });
    }
    for (const e of graph.edges) wanted.set(e.id, { group: 'edges', data: { ...e } });
    cy.batch(() => {
      cy.elements().forEach((el) => {
        if (!wanted.has(el.id())) cy.remove(el);
      });
      const defs = [...wanted.values()].sort((a, b) => rank(a) - rank(b)); // parents, then children, then edges
      for (const def of defs) {
        const existing = cy.getElementById(def.data.id!);
        if (existing.empty()) {
          cy.add(def);
          continue;
        }
        // Touch only what changed: every data() call restyles the element.
        const current = existing.data() as Record<string, unknown>;
        if (Object.entries(def.data).some(([k, v]) => current[k] !== v)) existing.data(def.data);
        for (const k of Object.keys(current)) if (!(k in def.data) && k !== 'id' && k !== 'source' && k !== 'target' && k !== 'parent') existing.removeData(k);
        if (def.position) existing.position(def.position);
      }
    });
    window.__cksLabGraphUpdatedAt = performance.now();
    performance.mark('cks-lab:graph-drawn');
    const key = graph.nodes.map((n) => n.id).join('|');
    if (key !== nodeKey.current) {
      nodeKey.current = key;
      cy.fit(undefined, 24);
    }
  }, [graph]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      if (classNames.length > 0) cy.elements().removeClass(classNames.join(' '));
      for (const [id, cls] of classes ?? []) cy.getElementById(id).addClass(cls);
    });
  }, [graph, classes, classNames]);

  return (
    <div className="graph-canvas">
      <div ref={container} className="graph-cy" data-testid="graph-canvas" />
      {tooltip && (
        <div className="graph-tooltip" style={{ left: tooltip.x, top: tooltip.y }} role="tooltip">
          {tooltip.lines.map((l, i) => (
            <div key={i} className={i === 0 ? 'tooltip-title' : undefined}>
              {l}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

function rank(def: ElementDefinition): number {
  if (def.group === 'edges') return 2;
  return def.data.kind === 'namespace' ? 0 : 1;
}
