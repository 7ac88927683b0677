// Reads a lesson folder (given as file texts, so the app, the CLI and tests share it) and validates it.
// Every problem names the file and the field, so a broken lesson fails the suite with a clear line.
import { parse } from 'yaml';
import { LANGUAGES, same, type CheckRef, type Language, type Localized } from '../core/index';
import { TOPICS, topicById } from '../topics/index';
import { parseProbeList } from '../topics/netpol/index';
import type { Lesson, Question, Step } from './model';

export interface LessonProblem {
  file: string;
  field: string;
  message: string;
}

export class LessonError extends Error {
  constructor(readonly problems: readonly LessonProblem[]) {
    super(problems.map((p) => `${p.file}: ${p.field}: ${p.message}`).join('\n'));
  }
}

/** Files of one lesson folder by name (`lesson.yaml`, `start.yaml`, ...), plus the shared clusters by name. */
export interface LessonFiles {
  folder: string;
  files: Readonly<Record<string, string>>;
  clusters: Readonly<Record<string, string>>;
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const DIFFICULTIES = ['beginner', 'intermediate', 'advanced'] as const;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Loads and validates one lesson; throws LessonError listing every problem. */
export function loadLesson(input: LessonFiles): Lesson {
  const problems: LessonProblem[] = [];
  const metaFile = `${input.folder}/lesson.yaml`;
  const fail = (field: string, message: string, file = metaFile): void => {
    problems.push({ file, field, message });
  };
  const need = (name: string): string => {
    const text = input.files[name];
    if (text === undefined) {
      fail('(file)', 'is missing', `${input.folder}/${name}`);
      return '';
    }
    return text;
  };

  let meta: Obj = {};
  try {
    const parsed: unknown = parse(need('lesson.yaml'));
    if (isObj(parsed)) meta = parsed;
    else fail('(document)', 'must be a mapping');
  } catch (err) {
    fail('(document)', `is not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }

  const str = (obj: Obj, key: string, path: string): string => {
    const v = obj[key];
    if (typeof v !== 'string' || v.trim() === '') {
      fail(path, 'must be a non-empty string');
      return '';
    }
    return v;
  };
  const localized = (v: unknown, path: string): Localized => {
    const out = { en: '', ja: '' } as Record<Language, string>;
    if (!isObj(v)) {
      fail(path, 'must have en and ja texts');
      return out;
    }
    for (const lang of LANGUAGES) out[lang] = str(v, lang, `${path}.${lang}`);
    for (const key of Object.keys(v)) if (!(LANGUAGES as readonly string[]).includes(key)) fail(`${path}.${key}`, 'is not a supported language (en, ja)');
    return out;
  };

  const id = str(meta, 'id', 'id');
  if (id && !ID.test(id)) fail('id', 'must be lower-case words joined by hyphens');
  const folderName = input.folder.split('/').pop();
  if (id && folderName !== id) fail('id', `must equal the folder name (${folderName})`);
  const difficulty = meta.difficulty as Lesson['difficulty'];
  if (!DIFFICULTIES.includes(difficulty)) fail('difficulty', `must be one of ${DIFFICULTIES.join(', ')}`);
  const minutes = meta.minutes;
  if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 1) fail('minutes', 'must be a positive whole number');

  // One cluster, or a list: a shared cluster and files that add to it (more decoys), applied in order.
  const clusterNames: string[] = Array.isArray(meta.cluster)
    ? meta.cluster.map((c, i) => (typeof c === 'string' && c.trim() !== '' ? c : (fail(`cluster[${i}]`, 'must be a non-empty string'), '')))
    : [str(meta, 'cluster', 'cluster')];
  if (Array.isArray(meta.cluster) && meta.cluster.length === 0) fail('cluster', 'must name at least one cluster');
  const clusterFiles = clusterNames.map((name, i) => {
    const text = input.clusters[name];
    if (name && text === undefined) fail(Array.isArray(meta.cluster) ? `cluster[${i}]` : 'cluster', `names no cluster in lessons/_clusters (have: ${Object.keys(input.clusters).join(', ')})`);
    return { file: `lessons/_clusters/${name}.yaml`, text: text ?? '' };
  });

  // The topic the lesson teaches; lessons written before there were topics are NetworkPolicy lessons.
  const topicId = meta.topic === undefined ? 'netpol' : str(meta, 'topic', 'topic');
  if (topicId && !topicById(topicId)) fail('topic', `must be one of ${TOPICS.map((t) => t.id).join(', ')}`);
  const hints = Array.isArray(meta.hints) ? meta.hints.map((h, i) => localized(h, `hints[${i}]`)) : [];
  if (!Array.isArray(meta.hints)) fail('hints', 'must be a list of {en, ja} texts');

  const checks: CheckRef[] = [];
  if (!Array.isArray(meta.checks) || meta.checks.length === 0) fail('checks', 'must list at least one check');
  else {
    const ids = new Set<string>();
    meta.checks.forEach((c, i) => {
      const path = `checks[${i}]`;
      if (!isObj(c)) return fail(path, 'must be a mapping');
      const checkId = str(c, 'id', `${path}.id`);
      if (ids.has(checkId)) fail(`${path}.id`, `"${checkId}" is used twice`);
      ids.add(checkId);
      const title = localized(c.title, `${path}.title`);
      const hint = localized(c.hint, `${path}.hint`);
      const keys = Object.keys(c).filter((k) => !['id', 'title', 'hint'].includes(k));
      const owners = keys.map((key) => ({ key, topic: TOPICS.find((t) => t.checks.some((k) => k.key === key)) }));
      const unknown = owners.filter((o) => !o.topic);
      for (const o of unknown) fail(`${path}.${o.key}`, `is not a check kind (have: ${TOPICS.flatMap((t) => t.checks.map((k) => k.key)).join(', ')})`);
      if (keys.length !== 1) {
        if (unknown.length === 0) fail(path, 'must have exactly one check kind besides id, title and hint');
        return;
      }
      const [{ key, topic }] = owners as [{ key: string; topic: (typeof TOPICS)[number] | undefined }];
      if (!topic) return;
      const kind = topic.checks.find((k) => k.key === key)!;
      const spec = kind.parse(c[key], `${path}.${key}`, fail);
      if (spec !== null) checks.push({ id: checkId, title, hint, topic: topic.id, key, spec });
    });
  }
  const topics = [...new Set([topicId, ...checks.map((c) => c.topic)])].filter((t) => topicById(t));
  const options = new Map<string, unknown>();
  for (const id of topics) {
    // `probes:` at the top level is the NetworkPolicy option as lessons wrote it before topics had sections.
    const section = meta[id] ?? (id === 'netpol' && meta.probes !== undefined ? { probes: meta.probes } : undefined);
    options.set(id, topicById(id)!.lessonOptions(section, id, fail));
  }

  const lesson: Lesson = {
    id,
    title: localized(meta.title, 'title'),
    summary: localized(meta.summary, 'summary'),
    domain: str(meta, 'domain', 'domain'),
    difficulty,
    minutes: minutes as number,
    topic: topicId,
    topics,
    options,
    cluster: clusterFiles[0] ?? { file: 'lessons/_clusters/.yaml', text: '' },
    clusters: clusterFiles,
    start: { en: need('start.yaml'), ja: input.files['start.ja.yaml'] ?? need('start.yaml') },
    solution: need('solution.yaml'),
    instructions: { en: need('instructions.en.md'), ja: need('instructions.ja.md') },
    hints,
    checks,
    steps: [],
    questions: [],
  };
  const start = lesson.start;
  const solution = lesson.solution;
  const applyText = (v: unknown, at: string): Localized | null => {
    if (v === undefined || v === null) return null;
    if (v === 'start') return start;
    if (v === 'solution') return same(solution);
    if (typeof v === 'string') return same(v);
    fail(at, 'must be start, solution or YAML text');
    return null;
  };
  if (meta.steps === undefined) lesson.steps = defaultSteps(start, same(solution));
  else if (!Array.isArray(meta.steps) || meta.steps.length === 0) fail('steps', 'must be a non-empty list');
  else {
    lesson.steps = meta.steps.map((step: unknown, i: number) => {
      const at = `steps[${i}]`;
      const o = isObj(step) ? step : (fail(at, 'must be a mapping'), {} as Obj);
      return {
        title: localized(o.title, `${at}.title`),
        body: o.body === undefined ? { en: '', ja: '' } : localized(o.body, `${at}.body`),
        notes: o.notes === undefined ? { en: '', ja: '' } : localized(o.notes, `${at}.notes`),
        apply: applyText(o.apply, `${at}.apply`),
        predict: o.predict === true,
      };
    });
  }
  if (meta.questions !== undefined) lesson.questions = readQuestions(meta.questions, topicId, fail);
  const known = ['id', 'topic', 'questions', 'title', 'summary', 'domain', 'difficulty', 'minutes', 'cluster', 'probes', 'hints', 'checks', 'steps', ...TOPICS.map((t) => t.id)];
  for (const key of Object.keys(meta)) if (!known.includes(key)) fail(key, 'is not a lesson field');
  if (problems.length > 0) throw new LessonError(problems);
  return lesson;
}

const ENDPOINT = /^(external:[a-z0-9]([-a-z0-9.]*[a-z0-9])?|[a-z0-9]([-a-z0-9]*[a-z0-9])?\/[a-z0-9]([-a-z0-9.]*[a-z0-9])?)$/;

/** `questions:` of a "predict first" lesson: `{from, to, probe}` each, endpoints by id (no patterns). */
function readQuestions(value: unknown, topic: string, fail: (field: string, message: string) => void): Question[] {
  if (topic !== 'netpol') {
    fail('questions', 'are NetworkPolicy questions: only a netpol lesson may ask them');
    return [];
  }
  if (!Array.isArray(value) || value.length === 0) {
    fail('questions', 'must be a non-empty list of {from, to, probe}');
    return [];
  }
  const out: Question[] = [];
  const seen = new Set<string>();
  value.forEach((q: unknown, i) => {
    const at = `questions[${i}]`;
    if (!isObj(q)) return fail(at, 'must be a mapping {from, to, probe}');
    for (const key of Object.keys(q)) if (!['from', 'to', 'probe'].includes(key)) fail(`${at}.${key}`, 'is not a question field (from, to, probe)');
    const ends = (['from', 'to'] as const).map((key) => {
      const v = q[key];
      if (typeof v !== 'string' || !ENDPOINT.test(v)) {
        fail(`${at}.${key}`, 'must name one endpoint: NAMESPACE/POD or external:NAME');
        return '';
      }
      return v;
    });
    const parsed = parseProbeList(String(q.probe ?? ''));
    if ('error' in parsed || parsed.probes.length !== 1) return fail(`${at}.probe`, 'must be one probe such as 80/TCP');
    const [from, to] = ends as [string, string];
    if (!from || !to) return;
    if (from === to) return fail(at, 'asks about a pod and itself, which is always allowed');
    const key = `${from}>${to}>${parsed.probes[0]!.port}/${parsed.probes[0]!.protocol}`;
    if (seen.has(key)) return fail(at, 'is asked twice');
    seen.add(key);
    out.push({ from, to, probe: parsed.probes[0]! });
  });
  return out;
}

/** The steps of a lesson that does not write its own: the open cluster, predict, then the solution. */
function defaultSteps(start: Localized, solution: Localized): Step[] {
  return [
    {
      title: { en: 'The cluster as it is', ja: '今のクラスタ' },
      body: { en: 'No policy yet: every pod can reach every pod. Read the task together.', ja: 'まだポリシーはありません。すべての Pod が互いに通信できます。課題を一緒に読みましょう。' },
      notes: { en: 'Point at the green edges: without a policy nothing is isolated.', ja: '緑のエッジを指して、ポリシーがなければ何も隔離されないことを確認します。' },
      apply: start,
      predict: false,
    },
    {
      title: { en: 'Predict, then reveal', ja: '予想してから答え合わせ' },
      body: { en: 'Here is a solution. Before the verdicts show: which connections will still work? Click each edge to mark it allowed or denied.', ja: '解答の例です。判定が表示される前に、どの接続が残るか予想しましょう。エッジをクリックして許可か拒否かを選びます。' },
      notes: { en: 'Let the room vote on a few edges, then press Reveal and read the score.', ja: 'いくつかのエッジについて会場に投票してもらい、「答え合わせ」を押してスコアを読み上げます。' },
      apply: solution,
      predict: true,
    },
    {
      title: { en: 'Why? Read the explanations', ja: 'なぜ? 説明を読む' },
      body: { en: 'Click a red edge: which policy isolated the pod, and why no rule let the traffic in.', ja: '赤いエッジをクリックしましょう。どのポリシーが Pod を隔離し、なぜどのルールも通信を認めなかったのかがわかります。' },
      notes: { en: 'Open one allowed and one denied edge; link the sentence to the YAML line.', ja: '許可と拒否のエッジを 1 つずつ開き、説明文と YAML の行を対応させます。' },
      apply: solution,
      predict: false,
    },
  ];
}
