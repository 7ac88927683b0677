// Evaluating the open document: the lesson's topics and checks through the grader, or every topic in the
// playground, into the result the views read. Parsed documents are cached between edits.
import { analyze } from '../core/index';
import { createParseCache, type Diagnostic } from '../kube/index';
import { netpolTopic, type Connectivity } from '../topics/netpol/index';
import { rbacTopic, type RbacResult } from '../topics/rbac/index';
import { podSecurityTopic, type PodSecurityResult } from '../topics/pod-security/index';
import { gradeAttempt, type Grade } from '../lessons/index';
import type { Doc, LabResult, TopicId } from './types';

export const EDITOR_FILE = 'editor.yaml';

/**
 * Edits are evaluated this long after the last keystroke: at once for lesson-sized clusters, a little later
 * when evaluation itself is slow, so typing stays smooth; never more than about 150 ms.
 */
export const debounceFor = (lastEvalMs: number): number => Math.min(150, Math.max(30, Math.round(lastEvalMs * 1.5)));

/** Parsed documents of the open text, so an edit re-parses only the document it touched. */
const parseCache = createParseCache();

/** Evaluates a document; `result` is null when the text has errors (the views keep the last good one). */
export function runEvaluation(doc: Doc, playgroundTopic: TopicId): { diagnostics: Diagnostic[]; result: LabResult | null } {
  const started = performance.now();
  const lesson = doc.lesson;
  const analysis = lesson
    ? gradeAttempt(lesson, doc.text, EDITOR_FILE, parseCache)
    : analyze({ topics: playgroundTopic === 'pod-security' ? [podSecurityTopic] : [netpolTopic, rbacTopic], attempt: [{ file: EDITOR_FILE, text: doc.text }], cache: parseCache });
  const diagnostics = [...analysis.diagnostics];
  if (analysis.status === 'invalid') return { diagnostics, result: null };
  const grade = lesson ? (analysis as Grade) : null;
  const evalMs = performance.now() - started;
  const connectivity = analysis.outcomes.get('netpol')?.result as Connectivity | undefined;
  return {
    diagnostics,
    result: {
      topic: (lesson?.topic as TopicId | undefined) ?? playgroundTopic,
      netpol: connectivity ? { cluster: connectivity.cluster, connectivity, grade, evalMs } : null,
      rbac: (analysis.outcomes.get('rbac')?.result as RbacResult | undefined) ?? null,
      podSecurity: (analysis.outcomes.get('pod-security')?.result as PodSecurityResult | undefined) ?? null,
      grade,
      evalMs,
    },
  };
}

let timer: ReturnType<typeof setTimeout> | undefined;

/** Evaluates after `ms`, replacing an evaluation already waiting. */
export function scheduleEvaluation(run: () => void, ms: number): void {
  clearTimeout(timer);
  timer = setTimeout(run, ms);
}

export function cancelEvaluation(): void {
  clearTimeout(timer);
}
