// Reads a lesson folder (given as file texts, so the app, the CLI and tests share it) and validates it.
// Every problem names the file and the field, so a broken lesson fails the suite with a clear line.
import { parse } from 'yaml';
import { parseProbeList, type Probe } from '../topics/netpol/index';
import type { Check, CheckSpec, ConnectivityException, Language, Lesson, Localized, Step, Verdict } from './model';
import { LANGUAGES } from './model';

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
const PATTERN = /^(\*|external:(\*|[a-z0-9]([-a-z0-9.]*[a-z0-9])?)|[a-z0-9]([-a-z0-9]*[a-z0-9])?\/(\*|[a-z0-9]([-a-z0-9.]*[a-z0-9])?))$/;

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

  const clusterName = str(meta, 'cluster', 'cluster');
  const clusterText = input.clusters[clusterName];
  if (clusterName && clusterText === undefined) fail('cluster', `names no cluster in lessons/_clusters (have: ${Object.keys(input.clusters).join(', ')})`);

  let probes: Probe[] = [];
  if (!Array.isArray(meta.probes) || meta.probes.length === 0) fail('probes', 'must list at least one probe, e.g. [80/TCP]');
  else {
    const parsed = parseProbeList(meta.probes.map(String).join(','));
    if ('error' in parsed) fail('probes', parsed.error);
    else probes = parsed.probes;
  }

  const hints = Array.isArray(meta.hints) ? meta.hints.map((h, i) => localized(h, `hints[${i}]`)) : [];
  if (!Array.isArray(meta.hints)) fail('hints', 'must be a list of {en, ja} texts');

  const checks: Check[] = [];
  if (!Array.isArray(meta.checks) || meta.checks.length === 0) fail('checks', 'must list at least one check');
  else {
    const ids = new Set<string>();
    meta.checks.forEach((c, i) => {
      const path = `checks[${i}]`;
      if (!isObj(c)) return fail(path, 'must be a mapping');
      const checkId = str(c, 'id', `${path}.id`);
      if (ids.has(checkId)) fail(`${path}.id`, `"${checkId}" is used twice`);
      ids.add(checkId);
      const spec = checkSpec(c, path, fail);
      const check = { id: checkId, title: localized(c.title, `${path}.title`), hint: localized(c.hint, `${path}.hint`), spec };
      if (spec) checks.push(check as Check);
    });
  }

  const lesson: Lesson = {
    id,
    title: localized(meta.title, 'title'),
    summary: localized(meta.summary, 'summary'),
    domain: str(meta, 'domain', 'domain'),
    difficulty,
    minutes: minutes as number,
    cluster: { file: `lessons/_clusters/${clusterName}.yaml`, text: clusterText ?? '' },
    probes,
    start: { en: need('start.yaml'), ja: input.files['start.ja.yaml'] ?? need('start.yaml') },
    solution: need('solution.yaml'),
    instructions: { en: need('instructions.en.md'), ja: need('instructions.ja.md') },
    hints,
    checks,
    steps: [],
  };
  const start = lesson.start;
  const solution = lesson.solution;
  const same = (text: string): Localized => ({ en: text, ja: text });
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
  const known = ['id', 'title', 'summary', 'domain', 'difficulty', 'minutes', 'cluster', 'probes', 'hints', 'checks', 'steps'];
  for (const key of Object.keys(meta)) if (!known.includes(key)) fail(key, 'is not a lesson field');
  if (problems.length > 0) throw new LessonError(problems);
  return lesson;
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

function checkSpec(c: Obj, path: string, fail: (field: string, message: string) => void): CheckSpec | null {
  const kinds = ['connectivity', 'isolation', 'policy'].filter((k) => k in c);
  if (kinds.length !== 1) {
    fail(path, 'must have exactly one of connectivity, isolation, policy');
    return null;
  }
  const verdict = (v: unknown, at: string): Verdict => {
    if (v !== 'allowed' && v !== 'denied') fail(at, 'must be allowed or denied');
    return v as Verdict;
  };
  const pattern = (v: unknown, at: string): string => {
    if (typeof v !== 'string' || !PATTERN.test(v)) fail(at, 'must be ns/name, ns/*, external:name or *');
    return String(v);
  };
  if (isObj(c.connectivity)) {
    const spec = c.connectivity;
    const except: ConnectivityException[] = [];
    (Array.isArray(spec.except) ? spec.except : []).forEach((e: unknown, j: number) => {
      const at = `${path}.connectivity.except[${j}]`;
      if (!isObj(e)) return fail(at, 'must be a mapping');
      let probe: Probe | null = null;
      if (e.probe !== undefined) {
        const parsed = parseProbeList(String(e.probe));
        if ('error' in parsed || parsed.probes.length !== 1) fail(`${at}.probe`, 'must be one probe such as 80/TCP');
        else probe = parsed.probes[0]!;
      }
      except.push({ from: pattern(e.from, `${at}.from`), to: pattern(e.to, `${at}.to`), probe, verdict: verdict(e.verdict, `${at}.verdict`) });
    });
    if (spec.except !== undefined && !Array.isArray(spec.except)) fail(`${path}.connectivity.except`, 'must be a list');
    return { kind: 'connectivity', default: verdict(spec.default, `${path}.connectivity.default`), except };
  }
  if (isObj(c.isolation)) {
    const spec = c.isolation;
    const flag = (v: unknown, at: string): boolean | null => {
      if (v === undefined) return null;
      if (typeof v !== 'boolean') fail(at, 'must be true or false');
      return Boolean(v);
    };
    const ingress = flag(spec.ingress, `${path}.isolation.ingress`);
    const egress = flag(spec.egress, `${path}.isolation.egress`);
    if (ingress === null && egress === null) fail(`${path}.isolation`, 'must set ingress or egress');
    return { kind: 'isolation', pods: pattern(spec.pods, `${path}.isolation.pods`), ingress, egress };
  }
  if (isObj(c.policy)) {
    const spec = c.policy;
    const namespaces = spec.namespaces === undefined ? [] : spec.namespaces;
    if (!Array.isArray(namespaces) || !namespaces.every((n) => typeof n === 'string')) fail(`${path}.policy.namespaces`, 'must be a list of names');
    const uses = spec.uses ?? null;
    if (uses !== null && !['podSelector', 'namespaceSelector', 'ipBlock'].includes(uses as string)) {
      fail(`${path}.policy.uses`, 'must be podSelector, namespaceSelector or ipBlock');
    }
    const types = spec.policyTypes ?? null;
    if (types !== null && (!Array.isArray(types) || !types.every((t) => t === 'Ingress' || t === 'Egress'))) {
      fail(`${path}.policy.policyTypes`, 'must list Ingress and/or Egress');
    }
    const max = spec.maxPolicies ?? null;
    if (max !== null && (typeof max !== 'number' || max < 1)) fail(`${path}.policy.maxPolicies`, 'must be a positive number');
    return {
      kind: 'policy',
      namespaces: Array.isArray(namespaces) ? (namespaces as string[]) : [],
      uses: uses as 'podSelector' | 'namespaceSelector' | 'ipBlock' | null,
      policyTypes: types as ('Ingress' | 'Egress')[] | null,
      maxPolicies: max as number | null,
    };
  }
  fail(path, 'connectivity, isolation and policy must be mappings');
  return null;
}
