// "Predict first": the answers to a lesson's questions, decided by the evaluator on the lesson's starting text
// (never written down in the lesson, so they cannot drift from what the engine says), with the explanation the
// Why? panel would give, in both languages.
import { describeExplanation, explainConnection, indexCluster } from '../topics/netpol/index';
import type { Localized } from '../core/index';
import { gradeAttempt } from './grade';
import type { Lesson, Question } from './model';

export interface QuestionAnswer {
  question: Question;
  allowed: boolean;
  /** Why, sentence by sentence: each direction's isolation and the rule that decides it. */
  why: readonly Localized[];
}

/** What the question reads as: `default/web → external:internet (TCP 443)`. */
export const questionText = (q: Question): string => `${q.from} → ${q.to} (${q.probe.protocol} ${q.probe.port})`;

/** The answers to the lesson's questions under its starting text; throws when the text or an endpoint is wrong
 * (a broken lesson, which the lesson suite reports). */
export function answerQuestions(lesson: Lesson): QuestionAnswer[] {
  if (lesson.questions.length === 0) return [];
  const grade = gradeAttempt(lesson, lesson.start.en, 'start.yaml');
  const connectivity = grade.connectivity;
  if (!connectivity) throw new Error(`${lesson.id}: start.yaml does not evaluate: ${grade.diagnostics.map((d) => d.message).join('; ')}`);
  const { cluster } = connectivity;
  const index = indexCluster(cluster);
  const byId = new Map(cluster.endpoints.map((e) => [e.id, e] as const));
  return lesson.questions.map((question) => {
    const from = byId.get(question.from);
    const to = byId.get(question.to);
    if (!from || !to) throw new Error(`${lesson.id}: question ${questionText(question)} names an endpoint the cluster does not have`);
    const exp = explainConnection(index, from, to, question.probe);
    const en = describeExplanation(index, exp, 'en');
    const ja = describeExplanation(index, exp, 'ja');
    // The first sentence is the verdict itself ("... on TCP 80: allowed."), which the answer already shows.
    return { question, allowed: exp.allowed, why: en.slice(1).map((text, i) => ({ en: text, ja: ja[i + 1] ?? text })) };
  });
}
