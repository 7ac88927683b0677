// Shared by the lesson test suites: the lessons of one topic (by folder prefix), and grading an attempt that must
// fail (returning the failing check ids) or pass.
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { gradeAttempt, loadLesson, type Lesson } from './index';
import { readLessonFolders } from './read-folder';

const root = fileURLToPath(new URL('../../lessons/', import.meta.url));

/** The lessons whose folder starts with `prefix` (`rbac-`), and a lookup that throws for an unknown id. */
export function lessonsOf(prefix: string): { lessons: ReadonlyMap<string, Lesson>; lesson(id: string): Lesson } {
  const lessons = new Map<string, Lesson>(
    readLessonFolders(root)
      .filter((f) => f.folder.startsWith(`lessons/${prefix}`))
      .map((f) => [f.folder.split('/')[1]!, loadLesson(f)]),
  );
  return {
    lessons,
    lesson(id) {
      const l = lessons.get(id);
      if (!l) throw new Error(`no lesson ${id}`);
      return l;
    },
  };
}

/** Grades a mistaken attempt: it must be failed (not invalid, not pending); returns the ids of the failing checks. */
export function failingChecks(lesson: Lesson, text: string): string[] {
  const grade = gradeAttempt(lesson, text);
  expect(grade.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(grade.status).toBe('failed');
  for (const c of grade.checks.filter((c) => !c.passed)) {
    expect(c.problems.length).toBeGreaterThan(0);
    expect(c.problems[0]!.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  }
  return grade.checks.filter((c) => !c.passed).map((c) => c.id);
}

/** Grades an attempt that must pass, every check with it. */
export function expectPasses(lesson: Lesson, text: string): void {
  const grade = gradeAttempt(lesson, text);
  expect(grade.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(grade.checks.filter((c) => !c.passed).map((c) => `${c.id}: ${c.problems[0]?.en}`)).toEqual([]);
  expect(grade.status).toBe('passed');
}
