// The Cytoscape canvas (loaded lazily with cytoscape itself). It mirrors the store's evaluation: nodes keep
// fixed positions, edges are re-coloured in place, and taps select edges and pods.
import { useEffect, useMemo, useRef, useState } from 'react';
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { useLab } from '../../store/lab-store';
import { EDITOR_FILE } from '../../store/lab-store';
import {
  selectPresenter,
  selectRoute,
  selectLesson,
  selectCursorLine,
  selectNetpol,
  selectSelectedEdge,
  selectSelectedPod,
  
} from '../../store/selectors';
import { buildGraph, edgeId, nodeId, type GraphModel } from './graph-model';
import { DARK, LIGHT, graphStyle } from './graph-style';
import { focusPolicy } from './policy-focus';
import { usePrefersDark } from '../layout/usePrefersDark';
import { currentGuessHandler, setCurrentGraph } from './graph-registry';
import { judgeGuesses } from '../../store/predict-score';
import { useStrings } from '../i18n/useStrings';

declare global {
  interface Window {
    /** Test hook: the live Cytoscape instance, for e2e tests that read edge colours. */
    __cksLabGraph?: Core;
    /** Test hook: performance.now() when the graph last showed a new evaluation. */
    __cksLabGraphUpdatedAt?: number;
  }
}

interface Tooltip {
  x: number;
  y: number;
  lines: string[];
}

export default function GraphCanvas({ onModel }: { onModel?: (model: GraphModel) => void }) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const nodeKey = useRef('');
  const result = useLab(selectNetpol);
  const selectedPod = useLab(selectSelectedPod);
  const selectedEdge = useLab(selectSelectedEdge);
  const cursorLine = useLab(selectCursorLine);
  const t = useStrings();
  const route = useLab(selectRoute);
  const lesson = useLab(selectLesson);
  const presenter = useLab(selectPresenter);
  const predictStep = route.page === 'present' && lesson?.steps[presenter.step]?.predict === true;
  const predicting = predictStep && !presenter.revealed;
  // After the reveal, each edge the room marked says whether the room was right.
  const judged = useMemo(() => (predictStep && presenter.revealed ? judgeGuesses(result, presenter.guesses) : null), [predictStep, presenter, result]);
  const predictingRef = useRef(predicting);
  predictingRef.current = predicting;
  const dark = usePrefersDark();
  const [tooltip, setTooltip] = useState<Tooltip | null>(null);

  const model = useMemo(() => (result ? buildGraph(result, selectedPod, t.isolatedWord) : null), [result, selectedPod, t]);
  const focus = useMemo(() => (result ? focusPolicy(result, EDITOR_FILE, cursorLine) : null), [result, cursorLine]);

  // Create Cytoscape once.
  useEffect(() => {
    if (!container.current) return;
    const cy = cytoscape({
      container: container.current,
      elements: [],
      layout: { name: 'preset' },
      minZoom: 0.15,
      maxZoom: 3,
      boxSelectionEnabled: false,
      autoungrabify: true,
    });
    cyRef.current = cy;
    window.__cksLabGraph = cy;
    setCurrentGraph(cy);
    const { selectEdge, selectPod } = useLab.getState();
    cy.on('tap', 'edge', (evt) => {
      const e = evt.target;
      const guess = currentGuessHandler();
      if (predictingRef.current && guess) guess(`${e.data('from') as string}->${e.data('to') as string}`);
      else selectEdge({ from: e.data('from') as string, to: e.data('to') as string });
    });
    cy.on('tap', 'node[endpoint]', (evt) => {
      selectPod(evt.target.data('endpoint') as string);
    });
    cy.on('tap', (evt) => {
      if (evt.target === cy) {
        selectEdge(null);
        selectPod(null);
      }
    });
    cy.on('mouseover', 'node[endpoint]', (evt) => {
      const id = evt.target.data('endpoint') as string;
      const e = useLab.getState().result?.netpol?.cluster.endpoints.find((x) => x.id === id);
      if (!e) return;
      const pos = evt.target.renderedPosition();
      const labels = Object.entries(e.labels).map(([k, v]) => `${k}=${v}`);
      const ports = e.ports.map((p) => `${p.name ? p.name + ' ' : ''}${p.port}/${p.protocol}`);
      setTooltip({
        x: pos.x,
        y: pos.y + 36,
        lines: [e.id, ...(e.ip ? [`IP ${e.ip.text}`] : []), ...(labels.length ? [labels.join(', ')] : []), ...(ports.length ? [`ports: ${ports.join(', ')}`] : [])],
      });
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
      setCurrentGraph(null);
    };
  }, []);

  useEffect(() => {
    cyRef.current?.style(graphStyle(dark ? DARK : LIGHT));
  }, [dark]);

  // Mirror the model: add what is new, remove what is gone, update data in place.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !model) return;
    onModel?.(model);
    const wanted = new Map<string, ElementDefinition>();
    for (const n of model.nodes) {
      const { position, ...data } = n;
      wanted.set(n.id, { group: 'nodes', data, position: position ? { ...position } : undefined });
    }
    for (const e of model.edges) wanted.set(e.id, { group: 'edges', data: { ...e, shouldBe: e.shouldBe ?? undefined } });
    cy.batch(() => {
      cy.elements().forEach((el) => {
        if (!wanted.has(el.id())) cy.remove(el);
      });
      // Parents before children; nodes before edges.
      const defs = [...wanted.values()].sort((a, b) => rank(a) - rank(b));
      for (const def of defs) {
        const id = def.data.id!;
        const existing = cy.getElementById(id);
        if (existing.nonempty()) {
          // Touch only what changed: every data() call restyles the element.
          const current = existing.data() as Record<string, unknown>;
          const changed = Object.entries(def.data).some(([k, v]) => current[k] !== v);
          if (changed) existing.data(def.data);
          if (def.group === 'edges' && !def.data.shouldBe && current.shouldBe !== undefined) existing.removeData('shouldBe');
          if (def.position) existing.position(def.position);
        } else {
          cy.add(def);
        }
      }
    });
    window.__cksLabGraphUpdatedAt = performance.now();
    const key = model.nodes.map((n) => n.id).join('|');
    if (key !== nodeKey.current) {
      nodeKey.current = key;
      cy.fit(undefined, 24);
    }
  }, [model, onModel]);

  // Selection and policy focus as classes.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !model) return;
    cy.batch(() => {
      cy.elements().removeClass('chosen policy-target policy-peer faded hidden-verdict guess-allowed guess-denied guess-right guess-wrong');
      for (const [edge, right] of judged ?? []) {
        const [from, to] = edge.split('->');
        cy.getElementById(edgeId(from ?? '', to ?? '')).addClass(right ? 'guess-right' : 'guess-wrong');
      }
      if (predicting) {
        cy.elements().not('[kind="namespace"], [kind="namespace-label"]').addClass('hidden-verdict');
        for (const [edge, guess] of Object.entries(presenter.guesses)) {
          const [from, to] = edge.split('->');
          cy.getElementById(edgeId(from ?? '', to ?? '')).addClass(`guess-${guess}`);
        }
        return;
      }
      if (selectedEdge) cy.getElementById(edgeId(selectedEdge.from, selectedEdge.to)).addClass('chosen');
      if (selectedPod) cy.getElementById(nodeId(selectedPod)).addClass('chosen');
      if (focus) {
        for (const id of focus.targets) cy.getElementById(nodeId(id)).addClass('policy-target');
        for (const id of focus.peers) cy.getElementById(nodeId(id)).addClass('policy-peer');
        cy.edges().not('[shouldBe]').addClass('faded'); // what the lesson still wants stays in view
      }
    });
  }, [model, selectedEdge, selectedPod, focus, predicting, presenter.guesses, judged]);

  return (
    <div className="graph-canvas">
      <div ref={container} className="graph-cy" data-testid="graph-canvas" />
      {focus && (
        <div className="graph-focus" role="status">
          <span className="focus-target" aria-hidden="true" /> {t.focusSelects(focus.policy.id, focus.targets.size)}{' '}
          <span className="focus-peer" aria-hidden="true" /> {t.focusAdmits(focus.peers.size)}
        </div>
      )}
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
