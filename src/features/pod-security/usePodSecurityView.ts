// The Pod Security view of the current evaluation (the graph and the lesson's expected verdicts), derived once
// per result and shared by the graph, the table and the explanation panel.
import { useLab } from '../../store/lab-store';
import { selectExpectedMarksShown, selectLesson, selectPodSecurity } from '../../store/selectors';
import { buildPodSecurityGraph, expectedVerdicts, type AdmissionCheckSpec, type PodSecurityResult } from '../../topics/pod-security/index';
import type { Lesson } from '../../lessons/index';
import type { ViewGraph } from '../../core/index';

export interface PodSecurityView {
  result: PodSecurityResult;
  graph: ViewGraph;
  /** The verdict the lesson expects of each object, by node id. */
  expected: ReadonlyMap<string, string>;
}

const views = new WeakMap<PodSecurityResult, { lesson: Lesson | null; view: PodSecurityView }>();
// The projector before the step that reveals the lesson's expectations: the same graph without them.
const unmarked = new WeakMap<PodSecurityResult, { lesson: Lesson | null; view: PodSecurityView }>();

function viewOf(result: PodSecurityResult, lesson: Lesson | null, marks: boolean): PodSecurityView {
  const cache = marks ? views : unmarked;
  const cached = cache.get(result);
  if (cached && cached.lesson === lesson) return cached.view;
  const specs = (marks ? (lesson?.checks ?? []) : []).filter((c) => c.topic === 'pod-security' && c.key === 'admission').map((c) => c.spec as AdmissionCheckSpec);
  const expected = expectedVerdicts(result.model, specs);
  const view = { result, expected, graph: buildPodSecurityGraph(result, expected) };
  cache.set(result, { lesson, view });
  return view;
}

export function usePodSecurityView(): PodSecurityView | null {
  const result = useLab(selectPodSecurity);
  const lesson = useLab(selectLesson);
  const marks = useLab(selectExpectedMarksShown);
  return result ? viewOf(result, lesson, marks) : null;
}
