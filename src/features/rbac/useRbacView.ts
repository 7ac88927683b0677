// The RBAC view of the current evaluation: the lesson's questions (its access checks, cell by cell) and the graph,
// shared by the graph, the table and the explanation panel.
import { useMemo } from 'react';
import { useLab } from '../../store/lab-store';
import { selectLesson, selectRbac, selectSelectedItem } from '../../store/selectors';
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

export function useRbacView(): RbacView | null {
  const result = useLab(selectRbac);
  const lesson = useLab(selectLesson);
  const selected = useLab(selectSelectedItem);
  // The chosen identity (or question) also shows the questions denied as expected.
  const focus = selected && /^(sa|user|group|pod|q):/.test(selected) ? selected : null;
  return useMemo(() => (result ? viewOf(baseOf(result, lesson), focus) : null), [result, lesson, focus]);
}
