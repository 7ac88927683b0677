// `cks-lab grade` and `cks-lab lessons`: grade submissions against a lesson, one learner or a whole class.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDiagnostic, type SourceText } from '../topics/netpol/index';
import { gradeSubmission, loadLesson, LessonError, LANGUAGES, type Language, type Lesson } from '../lessons/index';
import { readLessonFolders } from '../lessons/read-folder';
import { readInputs } from './inputs';
import { parseLinks, readLinkEntry } from './share-links';
import { topicById } from '../topics/index';
import { oneOf, parseArgs, UsageError } from '../core/index';
import type { CliIO } from './main';


/** Where the lessons live: --lessons DIR, else the lessons/ folder of this package. */
function lessonsRoot(flag: string | undefined): string {
  if (flag) return resolve(flag);
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '../lessons'), join(here, '../../lessons')];
  return candidates.find((c) => existsSync(join(c, '_clusters'))) ?? candidates[0]!;
}

function loadAll(root: string): Lesson[] {
  if (!existsSync(join(root, '_clusters'))) throw new UsageError(`${root} holds no lessons (no _clusters folder)`);
  return readLessonFolders(root).map((folder) => {
    try {
      return loadLesson(folder);
    } catch (err) {
      if (err instanceof LessonError) throw new UsageError(`invalid lesson:\n${err.message}`);
      throw err;
    }
  });
}

interface CheckOutcome {
  id: string;
  passed: boolean;
  message: string;
}

interface Outcome {
  name: string;
  passed: boolean;
  checks: CheckOutcome[];
  /** Warnings about the submission that may explain its grade (a skipped networking.k8s.io/v1beta1 policy). */
  warnings: string[];
}

/** Grades one submission; a broken one fails with its errors as the message, never throws. */
function grade(lesson: Lesson, name: string, inputs: SourceText[], problems: string[], lang: Language): Outcome & { invalid: string[] } {
  if (problems.length > 0) return { name, passed: false, invalid: problems, warnings: [], checks: [{ id: 'input', passed: false, message: problems.join('\n') }] };
  const result = gradeSubmission(lesson, inputs);
  const errors = result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
  const files = new Set(inputs.map((i) => i.file));
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning' && files.has(d.file)).map(formatDiagnostic);
  if (result.status === 'invalid') return { name, passed: false, invalid: errors, warnings, checks: [{ id: 'input', passed: false, message: errors.join('\n') }] };
  const checks: CheckOutcome[] = result.checks.map((c) => ({
    id: c.id,
    passed: c.passed,
    message: c.passed
      ? c.title[lang]
      : `${c.problems.map((p) => p[lang]).join(' ')} ${lang === 'ja' ? 'ヒント' : 'Hint'}: ${c.hint[lang]}`,
  }));
  if (result.status === 'pending') {
    checks.unshift({
      id: 'has-policy',
      passed: false,
      message: topicById(lesson.topic)!.pendingMessage[lang],
    });
  }
  return { name, passed: result.status === 'passed', invalid: [], warnings, checks };
}

interface GradeOptions {
  lesson: string | null;
  files: string[];
  batch: string | null;
  /** A file of share links, one learner a line (`-`: standard input). */
  links: string | null;
  format: 'text' | 'json' | 'junit';
  lang: Language;
  lessons: string | undefined;
}

function parseGradeArgs(args: readonly string[]): GradeOptions {
  const a = parseArgs(args, [
    { name: 'lesson', type: 'value' },
    { name: 'batch', type: 'value' },
    { name: 'links', type: 'value' },
    { name: 'lessons', type: 'value' },
    { name: 'format', type: 'value' },
    { name: 'lang', type: 'value' },
  ]);
  const o: GradeOptions = {
    lesson: a.value('lesson') ?? null,
    files: a.positional,
    batch: a.value('batch') ?? null,
    links: a.value('links') ?? null,
    format: oneOf('format', a.value('format'), ['text', 'json', 'junit'], 'text'),
    lang: oneOf('lang', a.value('lang'), LANGUAGES, 'en'),
    lessons: a.value('lessons'),
  };
  if (!o.lesson) throw new UsageError('grade needs --lesson ID (see cks-lab lessons)');
  const given = [o.files.length > 0, o.batch !== null, o.links !== null].filter(Boolean).length;
  if (given > 1) throw new UsageError('give one of FILE..., --batch DIR or --links FILE');
  if (given === 0) throw new UsageError('grade needs FILE..., --batch DIR or --links FILE');
  return o;
}

const MANIFEST = /\.(ya?ml|json)$/i;

/** The learners of a batch folder: each manifest file, or each sub-folder, is one learner. */
function batchEntries(dir: string): { name: string; files: string[] }[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--batch ${dir} is not a folder`);
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) return [{ name: entry, files: [path] }];
      return MANIFEST.test(entry) ? [{ name: entry.replace(MANIFEST, ''), files: [path] }] : [];
    });
}

export async function runGrade(args: readonly string[], io: CliIO): Promise<number> {
  const o = parseGradeArgs(args);
  const lessons = loadAll(lessonsRoot(o.lessons));
  const lesson = lessons.find((l) => l.id === o.lesson);
  if (!lesson) {
    io.stderr.write(`cks-lab: error[unknown-lesson]: no lesson "${o.lesson}"; the lessons are: ${lessons.map((l) => l.id).join(', ')}\n`);
    return 2;
  }
  if (!o.batch && !o.links) {
    const { inputs, problems } = readInputs(o.files, io.readStdin);
    const outcome = grade(lesson, basename(o.files[0]!), inputs, problems.map(formatDiagnostic), o.lang);
    for (const line of outcome.warnings) io.stderr.write(line + '\n');
    if (outcome.invalid.length > 0) {
      for (const line of outcome.invalid) io.stderr.write(line + '\n');
      // CI always gets a report: one failed testcase carrying the errors.
      if (o.format === 'junit') io.stdout.write(junitChecks(lesson, outcome));
      return 2;
    }
    const { name: _name, invalid: _invalid, ...rest } = outcome;
    if (o.format === 'json') io.stdout.write(JSON.stringify({ lesson: lesson.id, ...rest }, null, 2) + '\n');
    else if (o.format === 'junit') io.stdout.write(junitChecks(lesson, outcome));
    else io.stdout.write(textSingle(lesson, outcome, o.lang));
    return outcome.passed ? 0 : 1;
  }
  const outcomes = o.links
    ? await gradeLinks(lesson, o.links, io, o.lang)
    : batchEntries(o.batch!).map(({ name, files }) => {
        const { inputs, problems } = readInputs(files, io.readStdin);
        return grade(lesson, name, inputs, problems.map(formatDiagnostic), o.lang);
      });
  const passed = outcomes.length > 0 && outcomes.every((x) => x.passed);
  if (o.format === 'json') {
    const submissions = outcomes.map(({ invalid: _i, ...rest }) => rest);
    io.stdout.write(JSON.stringify({ lesson: lesson.id, passed, submissions }, null, 2) + '\n');
  } else if (o.format === 'junit') io.stdout.write(junitBatch(lesson, outcomes));
  else io.stdout.write(textBatch(lesson, outcomes, o.lang));
  return passed ? 0 : 1;
}

/** Grades a file of share links, each line one learner; a line that is no link to the lesson fails that learner. */
async function gradeLinks(lesson: Lesson, file: string, io: CliIO, lang: Language): Promise<(Outcome & { invalid: string[] })[]> {
  let text: string;
  try {
    text = file === '-' ? io.readStdin() : readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`--links ${file}: ${code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  const name = file === '-' ? '<stdin>' : basename(file);
  const outcomes: (Outcome & { invalid: string[] })[] = [];
  for (const entry of parseLinks(text)) {
    const { inputs, problems } = await readLinkEntry(entry, lesson.id, name);
    outcomes.push(grade(lesson, entry.name, inputs, problems.map(formatDiagnostic), lang));
  }
  return outcomes;
}

function textSingle(lesson: Lesson, outcome: Outcome, lang: Language): string {
  const lines = [`${lesson.id} (${lesson.title[lang]}): ${outcome.passed ? 'PASSED' : 'FAILED'}`];
  for (const c of outcome.checks) {
    lines.push(`  ${c.passed ? '✓' : '✗'} ${c.id}${c.passed ? ': ' + c.message : ''}`);
    if (!c.passed) lines.push(`      ${c.message}`);
  }
  return lines.join('\n') + '\n';
}

function textBatch(lesson: Lesson, outcomes: Outcome[], lang: Language): string {
  const width = Math.max(7, ...outcomes.map((o) => o.name.length));
  const passed = outcomes.filter((o) => o.passed).length;
  const lines = [
    `${lesson.id} (${lesson.title[lang]}): ${passed} of ${outcomes.length} passed`,
    '',
    `${'LEARNER'.padEnd(width)}  RESULT  FAILED CHECKS`,
  ];
  for (const o of outcomes) {
    const failed = o.checks.filter((c) => !c.passed).map((c) => (c.id === 'input' ? `input: ${c.message.split('\n')[0]}` : c.id));
    lines.push(`${o.name.padEnd(width)}  ${o.passed ? 'pass  ' : 'FAIL  '}  ${failed.join(', ')}`);
  }
  return lines.join('\n') + '\n';
}

// Characters XML 1.0 cannot hold at all (learner files may contain anything).
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\x00-\x08\x0b\x0c\x0e-\x1f]/g;
const xml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!).replace(XML_INVALID, '');

function junitChecks(lesson: Lesson, outcome: Outcome): string {
  const failures = outcome.checks.filter((c) => !c.passed).length;
  const cases = outcome.checks.map((c) =>
    c.passed
      ? `    <testcase classname="${xml(lesson.id)}" name="${xml(c.id)}"/>`
      : `    <testcase classname="${xml(lesson.id)}" name="${xml(c.id)}">\n      <failure message="${xml(c.message.split('\n')[0]!)}">${xml(c.message)}</failure>\n    </testcase>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n  <testsuite name="${xml(lesson.id)}" tests="${outcome.checks.length}" failures="${failures}">\n${cases.join('\n')}\n  </testsuite>\n</testsuites>\n`;
}

function junitBatch(lesson: Lesson, outcomes: Outcome[]): string {
  const failures = outcomes.filter((o) => !o.passed).length;
  const cases = outcomes.map((o) => {
    if (o.passed) return `    <testcase classname="${xml(lesson.id)}" name="${xml(o.name)}"/>`;
    const failed = o.checks.filter((c) => !c.passed);
    const body = failed.map((c) => `${c.id}: ${c.message}`).join('\n');
    return `    <testcase classname="${xml(lesson.id)}" name="${xml(o.name)}">\n      <failure message="${xml(`${failed.length} check(s) failed: ${failed.map((c) => c.id).join(', ')}`)}">${xml(body)}</failure>\n    </testcase>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n  <testsuite name="${xml(lesson.id)}" tests="${outcomes.length}" failures="${failures}">\n${cases.join('\n')}\n  </testsuite>\n</testsuites>\n`;
}

export async function runLessons(args: readonly string[], io: CliIO): Promise<number> {
  const a = parseArgs(args, [
    { name: 'format', type: 'value' },
    { name: 'lessons', type: 'value' },
    { name: 'lang', type: 'value' },
  ]);
  if (a.positional.length > 0) throw new UsageError(`unknown argument ${a.positional[0]}`);
  const format = oneOf('format', a.value('format'), ['text', 'json'], 'text');
  const lang = oneOf('lang', a.value('lang'), LANGUAGES, 'en');
  const root = a.value('lessons');
  const lessons = loadAll(lessonsRoot(root));
  if (format === 'json') {
    const list = lessons.map((l) => ({ id: l.id, topic: l.topic, title: l.title, summary: l.summary, domain: l.domain, difficulty: l.difficulty, minutes: l.minutes }));
    io.stdout.write(JSON.stringify(list, null, 2) + '\n');
    return 0;
  }
  const width = Math.max(...lessons.map((l) => l.id.length));
  for (const l of lessons) io.stdout.write(`${l.id.padEnd(width)}  ${l.topic.padEnd(6)}  ${l.difficulty.padEnd(12)}  ${String(l.minutes).padStart(3)} min  ${l.title[lang]}\n`);
  return 0;
}
