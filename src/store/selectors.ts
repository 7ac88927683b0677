// Named selectors: components read the store through these, never the whole state.
import type { LabState, LessonStatus } from './lab-store';
import { EDITOR_FILE } from './lab-store';
import type { NetpolResult, TopicId } from './types';
import { expectedMarksShown } from './expected-marks';
import { answerQuestions, type Lesson, type QuestionAnswer } from '../lessons/index';

export const selectRoute = (s: LabState) => s.route;
export const selectLang = (s: LabState) => s.lang;
export const selectDoc = (s: LabState) => s.doc;
export const selectLesson = (s: LabState) => s.doc?.lesson ?? null;
export const selectText = (s: LabState) => s.doc?.text ?? '';
export const selectTextEpoch = (s: LabState) => s.textEpoch;
export const selectHintsShown = (s: LabState) => s.doc?.hintsShown ?? 0;
export const selectResult = (s: LabState) => s.result;
/** The projector hides the lesson's expected marks until the step that reveals them (see expected-marks.ts). */
export const selectExpectedMarksShown = (s: LabState): boolean => {
  const lesson = s.doc?.lesson;
  return s.route.page !== 'present' || !lesson || expectedMarksShown(lesson.steps, s.presenter.step, s.presenter.revealed);
};
const ungraded = new WeakMap<NetpolResult, NetpolResult>();
/** The NetworkPolicy part of the result, for the NetworkPolicy views; without the grade (so without expected
 * marks) while the projector hides them. */
export const selectNetpol = (s: LabState): NetpolResult | null => {
  const netpol = s.result?.netpol ?? null;
  if (!netpol?.grade || selectExpectedMarksShown(s)) return netpol;
  let hidden = ungraded.get(netpol);
  if (!hidden) ungraded.set(netpol, (hidden = { ...netpol, grade: null }));
  return hidden;
};
export const selectRbac = (s: LabState) => s.result?.rbac ?? null;
export const selectPodSecurity = (s: LabState) => s.result?.podSecurity ?? null;
/** The topic the page shows. */
export const selectTopic = (s: LabState) => s.result?.topic ?? ((s.doc?.lesson?.topic as TopicId | undefined) ?? s.playgroundTopic);
export const selectPlaygroundTopic = (s: LabState) => s.playgroundTopic;
/** True while the editor holds errors and the views show the last good result. */
export const selectStale = (s: LabState) => s.result !== null && s.diagnostics.some((d) => d.severity === 'error');
/** The lesson's status, from the last good result (a text with errors keeps the status it had). */
export const selectStatus = (s: LabState): LessonStatus => {
  const status = s.result?.grade?.status;
  return status === 'passed' || status === 'failed' ? status : 'pending';
};
export const selectDiagnostics = (s: LabState) => s.diagnostics;
export const selectEditorDiagnostics = (s: LabState) => s.diagnostics.filter((d) => d.file === EDITOR_FILE);
export const selectSelectedEdge = (s: LabState) => s.selectedEdge;
export const selectSelectedPod = (s: LabState) => s.selectedPod;
export const selectSelectedItem = (s: LabState) => s.selectedItem;
export const selectCursorLine = (s: LabState) => s.cursorLine;
export const selectView = (s: LabState) => s.view;
export const selectNotice = (s: LabState) => s.notice;
export const selectReveal = (s: LabState) => s.reveal;
export const selectPresenter = (s: LabState) => s.presenter;
export const selectShareBase = (s: LabState) => s.shareBase;

// ---- "predict first" -------------------------------------------------------------------------------------------

const EMPTY_ANSWERS: Readonly<Record<string, 'allowed' | 'denied'>> = {};
const NO_QUESTIONS: readonly QuestionAnswer[] = [];
const answerCache = new WeakMap<Lesson, readonly QuestionAnswer[]>();
/** The true answers to the lesson's questions (the evaluator on the starting text), computed once per lesson. */
export const selectQuestionAnswers = (s: LabState): readonly QuestionAnswer[] => {
  const lesson = s.doc?.lesson;
  // The same empty list every time: a selector that returns a new one makes React re-render forever.
  if (!lesson || lesson.questions.length === 0) return NO_QUESTIONS;
  let answers = answerCache.get(lesson);
  if (!answers) answerCache.set(lesson, (answers = answerQuestions(lesson)));
  return answers;
};
export const selectAnswers = (s: LabState) => s.doc?.answers ?? EMPTY_ANSWERS;
export const selectAnswersChecked = (s: LabState) => s.doc?.answersChecked ?? false;
/** A "predict first" lesson before its answers are checked: the graph, the table and the checks' messages wait. */
export const selectQuestionsOpen = (s: LabState): boolean =>
  s.route.page === 'lesson' && (s.doc?.lesson?.questions.length ?? 0) > 0 && !(s.doc?.answersChecked ?? false);
