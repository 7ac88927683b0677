// The RBAC view of the current evaluation: the lesson's questions (its access checks, cell by cell) and the graph,
// derived once per result and shared by the graph, the table and the explanation panel.
import { useMemo } from 'react';
import { useLab } from '../../store/lab-store';
import { selectLesson, selectRbac } from '../../store/selectors';
import { buildRbacGraph, lessonQuestions, type Question } from '../../topics/rbac/view/graph';
import type { AccessCheck, RbacResult } from '../../topics/rbac/index';
import type { ViewGraph } from '../../core/index';

export interface RbacView {
  result: RbacResult;
  questions: Question[];
  graph: ViewGraph;
  checks: AccessCheck[];
}

export function useRbacView(): RbacView | null {
  const result = useLab(selectRbac);
  const lesson = useLab(selectLesson);
  return useMemo(() => {
    if (!result) return null;
    const checks = (lesson?.checks ?? []).filter((c) => c.topic === 'rbac' && c.key === 'access').map((c) => c.spec as AccessCheck);
    const questions = lessonQuestions(result, checks);
    return { result, questions, graph: buildRbacGraph(result.model, questions), checks };
  }, [result, lesson]);
}
