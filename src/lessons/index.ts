// Lessons: the format, the loader and the grader. Imports core, kube and the topics.
export type * from './model';
export { LANGUAGES, inLanguage } from '../core/index';
export { loadLesson, LessonError, type LessonFiles, type LessonProblem } from './load';
export { gradeAttempt, gradeSubmission, type Grade, type GradeStatus, type CheckResult } from './grade';
export { matchesPattern, type ExpectedVerdict as Verdict } from '../topics/netpol/index';
export { answerQuestions, questionText, type QuestionAnswer } from './questions';
