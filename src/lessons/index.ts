// Lessons: the format, the loader and the grader. Imports the engine only.
export type * from './model';
export { LANGUAGES } from './model';
export { loadLesson, LessonError, type LessonFiles, type LessonProblem } from './load';
export { gradeAttempt, gradeSubmission, matchesPattern, inLanguage, type Grade, type GradeStatus, type CheckResult } from './grade';
