// The NetworkPolicy graph (loaded lazily with Cytoscape): the evaluation's elements in the generic graph view,
// with the selection, the policy under the cursor and the presenter's predict step as classes.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Core } from 'cytoscape';
import GraphView from '../../ui/GraphView.lazy';
import { useLab, EDITOR_FILE } from '../../store/lab-store';
import { selectPresenter, selectRoute, selectLesson, selectCursorLine, selectNetpol, selectResult, selectSelectedEdge, selectSelectedPod } from '../../store/selectors';
import { buildGraph, edgeId, nodeId, type GraphFocus, type GraphModel } from './graph-model';
import { DARK, LIGHT, graphStyle } from './graph-style';
import { focusPolicy } from './policy-focus';
import { usePrefersDark } from '../layout/usePrefersDark';
import { currentGuessHandler, setCurrentGraph } from './graph-registry';
import { edgeVerdicts, judgeGuesses } from '../../store/predict-score';
import { useStrings } from '../i18n/useStrings';

const CLASS_NAMES = ['chosen', 'policy-target', 'policy-peer', 'faded', 'hidden-verdict', 'guess-allowed', 'guess-denied', 'guess-right', 'guess-wrong'];

export default function NetpolGraph({ onModel }: { onModel?: (model: GraphModel) => void }) {
  const result = useLab(selectNetpol);
  const fullResult = useLab(selectResult);
  const selectedPod = useLab(selectSelectedPod);
  const selectedEdge = useLab(selectSelectedEdge);
  const cursorLine = useLab(selectCursorLine);
  const t = useStrings();
  const route = useLab(selectRoute);
  const lesson = useLab(selectLesson);
  const presenter = useLab(selectPresenter);
  const dark = usePrefersDark();
  const predictStep = route.page === 'present' && lesson?.steps[presenter.step]?.predict === true;
  const predicting = predictStep && !presenter.revealed;
  // After the reveal, each edge the room marked says whether the room was right.
  const judged = useMemo(() => (predictStep && presenter.revealed ? judgeGuesses(edgeVerdicts(fullResult, lesson), presenter.guesses) : null), [predictStep, presenter, fullResult, lesson]);
  // A grouped (big) graph: the namespace pair whose arrow was opened into its pods' connections.
  const [expanded, setExpanded] = useState<GraphFocus['group']>(null);
  const model = useMemo(
    () => (result ? buildGraph(result, selectedPod, t.isolatedWord, expanded, t.insideWord, predictStep) : null),
    [result, selectedPod, t, expanded, predictStep],
  );
  const focus = useMemo(() => (result ? focusPolicy(result, EDITOR_FILE, cursorLine) : null), [result, cursorLine]);
  const style = useMemo(() => graphStyle(dark ? DARK : LIGHT), [dark]);

  useEffect(() => {
    if (model) onModel?.(model);
  }, [model, onModel]);

  const classes = useMemo(() => {
    const out = new Map<string, string>();
    if (!model) return out;
    const add = (id: string, cls: string): void => {
      out.set(id, out.has(id) ? `${out.get(id)} ${cls}` : cls);
    };
    for (const [edge, right] of judged ?? []) {
      const [from, to] = edge.split('->');
      add(edgeId(from ?? '', to ?? ''), right ? 'guess-right' : 'guess-wrong');
    }
    if (predicting) {
      for (const n of model.nodes) if (n.kind !== 'namespace' && n.kind !== 'namespace-label') add(n.id, 'hidden-verdict');
      for (const e of model.edges) add(e.id, 'hidden-verdict');
      for (const [edge, guess] of Object.entries(presenter.guesses)) {
        const [from, to] = edge.split('->');
        add(edgeId(from ?? '', to ?? ''), `guess-${guess}`);
      }
      return out;
    }
    if (selectedEdge) add(edgeId(selectedEdge.from, selectedEdge.to), 'chosen');
    if (selectedPod) {
      add(nodeId(selectedPod), 'chosen');
      // A chosen pod: its own arrows stay, the others step back.
      for (const e of model.edges) if (e.from !== selectedPod && e.to !== selectedPod && !e.shouldBe) add(e.id, 'faded');
    }
    if (focus) {
      for (const id of focus.targets) add(nodeId(id), 'policy-target');
      for (const id of focus.peers) add(nodeId(id), 'policy-peer');
      for (const e of model.edges) if (!e.shouldBe) add(e.id, 'faded'); // what the lesson still wants stays in view
    }
    return out;
  }, [model, selectedEdge, selectedPod, focus, predicting, presenter.guesses, judged]);

  const onTapEdge = useCallback(
    (id: string) => {
      const edge = model?.edges.find((e) => e.id === id);
      if (!edge) return;
      if (edge.kind === 'group') {
        setExpanded((x) => (x && x.from === edge.from && x.to === edge.to ? null : { from: edge.from, to: edge.to }));
        return;
      }
      const guess = currentGuessHandler();
      if (predicting && guess) guess(`${edge.from}->${edge.to}`);
      else useLab.getState().selectEdge({ from: edge.from, to: edge.to });
    },
    [model, predicting],
  );
  const onTapNode = useCallback(
    (id: string) => {
      const node = model?.nodes.find((n) => n.id === id);
      if (node?.endpoint) useLab.getState().selectPod(node.endpoint);
    },
    [model],
  );
  const onTapBackground = useCallback(() => {
    useLab.getState().selectEdge(null);
    useLab.getState().selectPod(null);
    setExpanded(null);
  }, []);
  const onReady = useCallback((cy: Core | null) => setCurrentGraph(cy), []);

  return (
    <div className="graph-canvas">
      {model && (
        <GraphView graph={model} style={style} classes={classes} classNames={CLASS_NAMES} onTapEdge={onTapEdge} onTapNode={onTapNode} onTapBackground={onTapBackground} onReady={onReady} />
      )}
      {focus && (
        <div className="graph-focus" role="status">
          <span className="focus-target" aria-hidden="true" /> {t.focusSelects(focus.policy.id, focus.targets.size)}{' '}
          <span className="focus-peer" aria-hidden="true" /> {t.focusAdmits(focus.peers.size)}
        </div>
      )}
    </div>
  );
}
