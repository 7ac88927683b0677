// The Pod Security graph (loaded lazily with Cytoscape): namespaces with their levels, pods and workloads coloured
// by the admission verdict; choosing one shows why in the panel below.
import { useCallback, useMemo } from 'react';
import type { Core } from 'cytoscape';
import GraphView from '../../ui/GraphView.lazy';
import { useLab } from '../../store/lab-store';
import { selectLesson, selectPresenter, selectRoute, selectSelectedItem } from '../../store/selectors';
import { usePrefersDark } from '../layout/usePrefersDark';
import { DARK, LIGHT } from '../graph/graph-style';
import { currentGuessHandler, setCurrentGraph } from '../graph/graph-registry';
import { podSecurityStyle } from './psa-style';
import { usePodSecurityView } from './usePodSecurityView';

const CLASS_NAMES = ['chosen', 'hidden-verdict', 'guess-allowed', 'guess-denied', 'guess-right', 'guess-wrong'];

export default function PodSecurityGraph() {
  const view = usePodSecurityView();
  const selected = useLab(selectSelectedItem);
  const dark = usePrefersDark();
  const style = useMemo(() => podSecurityStyle(dark ? DARK : LIGHT), [dark]);
  const route = useLab(selectRoute);
  const lesson = useLab(selectLesson);
  const presenter = useLab(selectPresenter);
  // A predict step on the projector: verdicts hidden, the room guesses which objects admission lets in.
  const predictStep = route.page === 'present' && lesson?.steps[presenter.step]?.predict === true;
  const predicting = predictStep && !presenter.revealed;
  const classes = useMemo(() => {
    const out = new Map<string, string>();
    if (!view) return out;
    if (predictStep) {
      for (const n of view.graph.nodes) {
        if (n.kind !== 'pod' && n.kind !== 'workload') continue;
        const guess = presenter.guesses[n.id];
        if (predicting) out.set(n.id, `hidden-verdict${guess ? ` guess-${guess}` : ''}`);
        else if (guess) out.set(n.id, (guess === 'allowed') === (n.verdict !== 'rejected') ? 'guess-right' : 'guess-wrong');
      }
      if (predicting) return out;
    }
    if (selected) out.set(selected, `${out.get(selected) ?? ''} chosen`.trim());
    return out;
  }, [view, selected, predictStep, predicting, presenter]);
  const onTapNode = useCallback(
    (id: string) => {
      const guess = currentGuessHandler();
      if (predicting && guess && !id.startsWith('ns:')) guess(id);
      else useLab.getState().selectItem(id.endsWith('#label') ? id.slice(0, -6) : id);
    },
    [predicting],
  );
  const onTapBackground = useCallback(() => useLab.getState().selectItem(null), []);
  const onReady = useCallback((cy: Core | null) => setCurrentGraph(cy), []);
  if (!view) return <div className="graph-loading muted">…</div>;
  return <GraphView graph={view.graph} style={style} classes={classes} classNames={CLASS_NAMES} onTapNode={onTapNode} onTapBackground={onTapBackground} onReady={onReady} />;
}
