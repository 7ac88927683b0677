// The Pod Security view of the current evaluation (the graph and the lesson's expected verdicts), derived once
// per result and shared by the graph, the table and the explanation panel.
import { useLab } from '../../store/lab-store';
import { selectLesson, selectPodSecurity } from '../../store/selectors';
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

function viewOf(result: PodSecurityResult, lesson: Lesson | null): PodSecurityView {
  const cached = views.get(result);
  if (cached && cached.lesson === lesson) return cached.view;
  const specs = (lesson?.checks ?? []).filter((c) => c.topic === 'pod-security' && c.key === 'admission').map((c) => c.spec as AdmissionCheckSpec);
  const expected = expectedVerdicts(result.model, specs);
  const view = { result, expected, graph: buildPodSecurityGraph(result, expected) };
  views.set(result, { lesson, view });
  return view;
}

export function usePodSecurityView(): PodSecurityView | null {
  const result = useLab(selectPodSecurity);
  const lesson = useLab(selectLesson);
  return result ? viewOf(result, lesson) : null;
}
