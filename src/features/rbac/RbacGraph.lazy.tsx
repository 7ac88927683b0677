// The RBAC graph (loaded lazily with Cytoscape): the topic's elements in the generic view, with the selection, the
// granting path of a chosen question, and the presenter's predict step as classes.
import { useCallback, useMemo } from 'react';
import type { Core } from 'cytoscape';
import GraphView from '../../ui/GraphView.lazy';
import { useLab } from '../../store/lab-store';
import { selectLesson, selectPresenter, selectRoute, selectSelectedItem } from '../../store/selectors';
import { usePrefersDark } from '../layout/usePrefersDark';
import { DARK, LIGHT } from '../graph/graph-style';
import { currentGuessHandler, setCurrentGraph } from '../graph/graph-registry';
import { rbacStyle } from './rbac-style';
import { useRbacView } from './useRbacView';
import { cellRequest, parseIdentity } from '../../topics/rbac/index';
import { objectNodeId, subjectNodeId } from '../../topics/rbac/view/graph';

const CLASS_NAMES = ['chosen', 'path', 'faded', 'hidden-verdict', 'guess-allowed', 'guess-denied', 'guess-right', 'guess-wrong'];

export default function RbacGraph() {
  const view = useRbacView();
  const selected = useLab(selectSelectedItem);
  const dark = usePrefersDark();
  const route = useLab(selectRoute);
  const lesson = useLab(selectLesson);
  const presenter = useLab(selectPresenter);
  const predictStep = route.page === 'present' && lesson?.steps[presenter.step]?.predict === true;
  const predicting = predictStep && !presenter.revealed;
  const style = useMemo(() => rbacStyle(dark ? DARK : LIGHT), [dark]);

  const classes = useMemo(() => {
    const out = new Map<string, string>();
    if (!view) return out;
    const questions = view.graph.edges.filter((e) => e.kind === 'question');
    if (predicting) {
      for (const q of questions) out.set(q.id, `hidden-verdict${presenter.guesses[q.id] ? ` guess-${presenter.guesses[q.id]}` : ''}`);
      return out;
    }
    if (predictStep && presenter.revealed) {
      for (const q of questions) {
        const guess = presenter.guesses[q.id];
        if (guess) out.set(q.id, (guess === 'allowed') === (q.verdict === 'allowed') ? 'guess-right' : 'guess-wrong');
      }
    }
    if (!selected) return out;
    out.set(selected, 'chosen');
    // A chosen question lights up the path that grants it: subject -> binding -> role.
    const question = view.questions.find((q) => q.id === selected);
    if (question) {
      const identity = parseIdentity(question.identity, view.result.model);
      if ('error' in identity) return out;
      for (const cell of question.cells) {
        if (!cell.allowed) continue;
        const grant = view.result.decide(identity, cellRequest(cell.verb, question.resource, question.namespace || '*', cell.name)).grant;
        if (!grant) continue;
        const binding = objectNodeId(grant.binding);
        const subject = subjectNodeId(grant.binding.subjects[grant.subjectIndex]!, grant.binding.namespace);
        for (const id of [binding, objectNodeId(grant.role), subject, `member:${binding}:${grant.subjectIndex}`, `grants:${binding}`]) {
          if (!out.has(id)) out.set(id, 'path');
        }
      }
    }
    return out;
  }, [view, selected, predicting, predictStep, presenter]);

  const onTapEdge = useCallback(
    (id: string) => {
      const guess = currentGuessHandler();
      if (predicting && guess) guess(id);
      else useLab.getState().selectItem(id);
    },
    [predicting],
  );
  const onTapNode = useCallback((id: string) => {
    if (!id.startsWith('ns:') && id !== 'cluster-wide' && !id.endsWith('#label')) useLab.getState().selectItem(id);
  }, []);
  const onTapBackground = useCallback(() => useLab.getState().selectItem(null), []);
  const onReady = useCallback((cy: Core | null) => setCurrentGraph(cy), []);

  if (!view) return <div className="graph-loading muted">…</div>;
  return <GraphView graph={view.graph} style={style} classes={classes} classNames={CLASS_NAMES} onTapEdge={onTapEdge} onTapNode={onTapNode} onTapBackground={onTapBackground} onReady={onReady} />;
}
