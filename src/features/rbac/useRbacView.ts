// The RBAC view of the current evaluation: the lesson's questions (its access checks, cell by cell) and the graph,
// shared by the graph, the table and the explanation panel.
import { useMemo } from 'react';
import { useLab } from '../../store/lab-store';
import { selectExpectedMarksShown, selectLesson, selectRbac, selectSelectedItem } from '../../store/selectors';
import { buildRbacGraph, lessonQuestions, type Question } from '../../topics/rbac/view/graph';
import { findRisks, type AccessCheck, type RbacResult } from '../../topics/rbac/index';
import type { Lesson } from '../../lessons/index';
import type { ViewGraph } from '../../core/index';

export interface RbacView {
  result: RbacResult;
  questions: Question[];
  graph: ViewGraph;
  checks: AccessCheck[];
  /** Role node ids with a dangerous permission. */
  risky: ReadonlySet<string>;
}

type Base = Omit<RbacView, 'graph'>;

// The graph, the table and Why? all read the view: it is derived once per result (and chosen focus), here, not
// once per component.
const bases = new WeakMap<RbacResult, { lesson: Lesson | null; base: Base }>();
let lastGraph: { base: Base; focus: string | null; view: RbacView } | null = null;

function baseOf(result: RbacResult, lesson: Lesson | null): Base {
  const cached = bases.get(result);
  if (cached && cached.lesson === lesson) return cached.base;
  const checks = (lesson?.checks ?? []).filter((c) => c.topic === 'rbac' && c.key === 'access').map((c) => c.spec as AccessCheck);
  // Roles the learner (or the lesson) made dangerous get a red border; the defaults alone are not flagged.
  const risky = new Set(findRisks(result.index).filter((r) => !r.builtIn).map((r) => `${r.role.kind}:${r.role.namespace}/${r.role.name}`));
  const base = { result, checks, risky, questions: lessonQuestions(result, checks) };
  bases.set(result, { lesson, base });
  return base;
}

function viewOf(base: Base, focus: string | null): RbacView {
  if (lastGraph?.base !== base || lastGraph.focus !== focus) {
    lastGraph = { base, focus, view: { ...base, graph: buildRbacGraph(base.result.model, base.questions, base.risky, focus) } };
  }
  return lastGraph.view;
}

// The projector before the step that reveals them: the same questions and graph, without what the lesson expects
// (no amber marks, no "the lesson expects" in Why?).
const unmarked = new WeakMap<RbacView, RbacView>();
function withoutExpected(view: RbacView): RbacView {
  let hidden = unmarked.get(view);
  if (!hidden) {
    const questions = view.questions.map((q) => ({ ...q, cells: q.cells.map((c) => ({ ...c, expected: c.allowed ? ('allowed' as const) : ('denied' as const) })) }));
    const edges = view.graph.edges.map(({ shouldBe: _shouldBe, ...edge }) => edge);
    unmarked.set(view, (hidden = { ...view, questions, graph: { ...view.graph, edges } }));
  }
  return hidden;
}

export function useRbacView(): RbacView | null {
  const result = useLab(selectRbac);
  const lesson = useLab(selectLesson);
  const selected = useLab(selectSelectedItem);
  const marks = useLab(selectExpectedMarksShown);
  // The chosen identity (or question) also shows the questions denied as expected.
  const focus = selected && /^(sa|user|group|pod|q):/.test(selected) ? selected : null;
  return useMemo(() => {
    if (!result) return null;
    const view = viewOf(baseOf(result, lesson), focus);
    return marks ? view : withoutExpected(view);
  }, [result, lesson, focus, marks]);
}
