// The RBAC view of the current evaluation: the lesson's questions (its access checks, cell by cell) and the graph,
// derived once per result and shared by the graph, the table and the explanation panel.
import { useMemo } from 'react';
import { useLab } from '../../store/lab-store';
import { selectLesson, selectRbac, selectSelectedItem } from '../../store/selectors';
import { buildRbacGraph, lessonQuestions, type Question } from '../../topics/rbac/view/graph';
import { findRisks, type AccessCheck, type RbacResult } from '../../topics/rbac/index';
import type { ViewGraph } from '../../core/index';

export interface RbacView {
  result: RbacResult;
  questions: Question[];
  graph: ViewGraph;
  checks: AccessCheck[];
  /** Role node ids with a dangerous permission. */
  risky: ReadonlySet<string>;
}

export function useRbacView(): RbacView | null {
  const result = useLab(selectRbac);
  const lesson = useLab(selectLesson);
  const selected = useLab(selectSelectedItem);
  const base = useMemo(() => {
    if (!result) return null;
    const checks = (lesson?.checks ?? []).filter((c) => c.topic === 'rbac' && c.key === 'access').map((c) => c.spec as AccessCheck);
    // Roles the learner (or the lesson) made dangerous get a red border; the defaults alone are not flagged.
    const risky = new Set(findRisks(result.index).filter((r) => !r.builtIn).map((r) => `${r.role.kind}:${r.role.namespace}/${r.role.name}`));
    return { result, checks, risky, questions: lessonQuestions(result, checks) };
  }, [result, lesson]);
  // The chosen identity (or question) also shows the questions denied as expected.
  const focus = selected && /^(sa|user|group|pod|q):/.test(selected) ? selected : null;
  return useMemo(() => (base ? { ...base, graph: buildRbacGraph(base.result.model, base.questions, base.risky, focus) } : null), [base, focus]);
}
