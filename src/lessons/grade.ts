// Grades an attempt: the lesson's cluster plus the learner's YAML, through analyze() with the lesson's topics and
// checks. Messages say what is wrong in a learner's words: which connection, what was expected, what happened.
import { analyze, type Analysis, type AnalysisStatus } from '../core/index';
import type { ParseCache, SourceText } from '../kube/index';
import { topicById } from '../topics/index';
import { expectedVerdict, type Connectivity, type ConnectivityCheck, type Endpoint, type Probe, type ExpectedVerdict as Verdict } from '../topics/netpol/index';
import type { Lesson } from './model';

export type GradeStatus = AnalysisStatus;
export type { CheckResult } from '../core/index';

export interface Grade extends Analysis {
  /** The NetworkPolicy result, when the lesson evaluates that topic and the input had no errors. */
  connectivity: Connectivity | null;
  /**
   * The verdict the lesson expects for a connection, if any connectivity check speaks of it. Given the actual
   * verdict, a check that expects otherwise wins (the lesson's checks each cover every pair; any that disagrees
   * with the result is the one to show).
   */
  expected(from: Endpoint, to: Endpoint, probe: Probe, actual?: Verdict): Verdict | null;
}

/** Grades the attempt text (the editor's content) against the lesson. A parse cache speeds up re-grading. */
export function gradeAttempt(lesson: Lesson, text: string, file = 'attempt.yaml', cache?: ParseCache): Grade {
  return gradeSubmission(lesson, [{ file, text }], cache);
}

/** Grades a submission of one or more files (read together, as `kubectl apply -f` of all of them would). */
export function gradeSubmission(lesson: Lesson, inputs: readonly SourceText[], cache?: ParseCache): Grade {
  const analysis = analyze({
    topics: lesson.topics.map((id) => topicById(id)!),
    options: lesson.options,
    checks: lesson.checks,
    base: lesson.clusters,
    attempt: inputs,
    cache,
  });
  const connectivityChecks = lesson.checks.flatMap((c) => (c.key === 'connectivity' ? [c.spec as ConnectivityCheck] : []));
  const expected = (from: Endpoint, to: Endpoint, probe: Probe, actual?: Verdict): Verdict | null => {
    if (connectivityChecks.length === 0 || (from.id === to.id && from.kind === 'pod')) return null;
    const wants = connectivityChecks.map((c) => expectedVerdict(c, from, to, probe));
    return (actual !== undefined ? wants.find((w) => w !== actual) : undefined) ?? wants[0]!;
  };
  const connectivity = (analysis.outcomes.get('netpol')?.result as Connectivity | undefined) ?? null;
  return { ...analysis, connectivity, expected };
}
