// The one store of the lab: route, language, the document in the editor, the last good evaluation and the
// selection. Components read it through the named selectors in selectors.ts.
import { create } from 'zustand';
import { analyze } from '../core/index';
import { createParseCache, type Diagnostic } from '../kube/index';
import { netpolTopic, type Cluster, type Connectivity } from '../topics/netpol/index';
import { rbacTopic, type RbacResult } from '../topics/rbac/index';
import { gradeAttempt, LANGUAGES, type Grade, type Language, type Lesson } from '../lessons/index';
import { lessonById, PLAYGROUND_START } from './catalog';
import { loadDoc, loadLang, saveBackup, saveDoc, saveLang } from './persist';

export const EDITOR_FILE = 'editor.yaml';
/**
 * Edits are evaluated this long after the last keystroke: at once for lesson-sized clusters, a little later
 * when evaluation itself is slow, so typing stays smooth; never more than about 150 ms.
 */
export const debounceFor = (lastEvalMs: number): number => Math.min(150, Math.max(30, Math.round(lastEvalMs * 1.5)));

export type Route =
  | { page: 'list' }
  | { page: 'lesson'; id: string }
  | { page: 'playground' }
  | { page: 'missing'; id: string }
  | { page: 'present'; id: string }
  | { page: 'presenter'; id: string };

/** Workshop state, shared by the presenter's console and every projector view (BroadcastChannel). */
export interface PresenterState {
  step: number;
  /** The verdicts of a predict step are shown. */
  revealed: boolean;
  /** The room's guesses on a predict step, by edge (`from->to`). */
  guesses: Readonly<Record<string, 'allowed' | 'denied'>>;
  startedAt: number;
}

export type LessonStatus = 'pending' | 'passed' | 'failed';

/** The NetworkPolicy topic's part of a result: the cluster, every verdict, and the lesson's grade. */
export interface NetpolResult {
  cluster: Cluster;
  connectivity: Connectivity;
  grade: Grade | null;
  /** Milliseconds the last evaluation took (parse, evaluate, grade). */
  evalMs: number;
}

/** The last good evaluation: each topic's result (null when the page does not evaluate it) and the grade. */
export interface LabResult {
  /** The topic the page shows: the lesson's, or the one chosen in the playground. */
  topic: TopicId;
  netpol: NetpolResult | null;
  rbac: RbacResult | null;
  grade: Grade | null;
  evalMs: number;
}

export type TopicId = 'netpol' | 'rbac';

export interface Doc {
  key: string;
  lesson: Lesson | null;
  text: string;
  hintsShown: number;
  /** The lesson was passed at some point (kept when the text later changes). */
  passed: boolean;
  /** "Show solution" was used: the lesson list says so rather than claim the learner solved it. */
  solutionShown: boolean;
}

/** Something the lab tells the learner above the page; rendered in the current language. */
export type Notice =
  | { kind: 'corrupt'; key: string }
  | { kind: 'shared'; backup: string | null }
  | { kind: 'bad-share' };

export interface EdgeRef {
  from: string;
  to: string;
}

export interface LabState {
  route: Route;
  lang: Language;
  doc: Doc | null;
  diagnostics: readonly Diagnostic[];
  result: LabResult | null;
  /** True while the editor holds errors and the graph shows the last good result. */
  stale: boolean;
  status: LessonStatus;
  selectedEdge: EdgeRef | null;
  selectedPod: string | null;
  /** The chosen node or edge of a topic graph other than NetworkPolicy's (RBAC), by element id. */
  selectedItem: string | null;
  /** 1-based line of the editor cursor, for "the policy under the cursor". */
  cursorLine: number | null;
  view: 'graph' | 'table';
  /** The topic the playground shows (a lesson shows its own). */
  playgroundTopic: TopicId;
  notice: Notice | null;
  /** A request for the editor to show a line (from a policy link); nonce makes repeats count. */
  reveal: { line: number; column: number; nonce: number } | null;
  /** Bumps when the text is replaced from outside the editor (reset, solution, route). */
  textEpoch: number;
  presenter: PresenterState;

  navigate(route: Route): void;
  setLang(lang: Language): void;
  setText(text: string): void;
  evaluateNow(): void;
  selectEdge(edge: EdgeRef | null): void;
  selectPod(id: string | null): void;
  selectItem(id: string | null): void;
  setCursorLine(line: number | null): void;
  setView(view: 'graph' | 'table'): void;
  setPlaygroundTopic(topic: TopicId): void;
  showNextHint(): void;
  replaceText(text: string): void;
  /** Opens a text from a share link; the learner's own text is kept as a backup they can restore. */
  openShared(text: string | null): void;
  restoreBackup(): void;
  /** Presenter: go to a step (0-based) and apply its YAML; the console broadcasts the result. */
  goToStep(step: number): void;
  applyStepYaml(): void;
  revealSolution(): void;
  /** The learner's "Show solution": the solution as an undoable edit, remembered as shown. */
  showSolution(): void;
  revealVerdicts(): void;
  guess(edge: string): void;
  /** Projector: take the console's state (text and step) as it arrives. */
  receivePresenter(state: PresenterState, text: string): void;
  revealLine(line: number, column?: number): void;
  dismissNotice(): void;
}

export function initialLanguage(search: string, navigatorLanguages: readonly string[]): Language {
  const fromUrl = new URLSearchParams(search).get('lang');
  if (fromUrl && (LANGUAGES as readonly string[]).includes(fromUrl)) return fromUrl as Language;
  const saved = loadLang();
  if (saved && (LANGUAGES as readonly string[]).includes(saved)) return saved as Language;
  return navigatorLanguages.some((l) => l.toLowerCase().startsWith('ja')) ? 'ja' : 'en';
}

/** Parsed documents of the open text, so an edit re-parses only the document it touched. */
const parseCache = createParseCache();

function runEvaluation(doc: Doc, playgroundTopic: TopicId): { diagnostics: Diagnostic[]; result: LabResult | null; status: LessonStatus | null } {
  const started = performance.now();
  const lesson = doc.lesson;
  const analysis = lesson
    ? gradeAttempt(lesson, doc.text, EDITOR_FILE, parseCache)
    : analyze({ topics: [netpolTopic, rbacTopic], attempt: [{ file: EDITOR_FILE, text: doc.text }], cache: parseCache });
  const diagnostics = [...analysis.diagnostics];
  if (analysis.status === 'invalid') return { diagnostics, result: null, status: null };
  const grade = lesson ? (analysis as Grade) : null;
  const evalMs = performance.now() - started;
  const connectivity = analysis.outcomes.get('netpol')?.result as Connectivity | undefined;
  const result: LabResult = {
    topic: (lesson?.topic as TopicId | undefined) ?? playgroundTopic,
    netpol: connectivity ? { cluster: connectivity.cluster, connectivity, grade, evalMs } : null,
    rbac: (analysis.outcomes.get('rbac')?.result as RbacResult | undefined) ?? null,
    grade,
    evalMs,
  };
  return { diagnostics, result, status: lesson ? (analysis.status as LessonStatus) : 'pending' };
}

const freshPresenter = (): PresenterState => ({ step: 0, revealed: false, guesses: {}, startedAt: Date.now() });

/** The state every page starts from: nothing evaluated, nothing selected. */
const freshPage = () => ({
  diagnostics: [] as readonly Diagnostic[],
  result: null,
  stale: false,
  status: 'pending' as LessonStatus,
  selectedEdge: null,
  selectedPod: null,
  selectedItem: null as string | null,
  cursorLine: null,
  reveal: null,
  presenter: freshPresenter(),
});

function openDoc(route: Route, lang: Language): { doc: Doc | null; notice: Notice | null } {
  if (route.page === 'present' || route.page === 'presenter') {
    // A workshop has its own text, never the learner's saved work for the lesson.
    const lesson = lessonById(route.id);
    if (!lesson) return { doc: null, notice: null };
    return { doc: { key: `present:${lesson.id}`, lesson, text: lesson.steps[0]?.apply?.[lang] ?? lesson.start[lang], hintsShown: 0, passed: false, solutionShown: false }, notice: null };
  }
  if (route.page === 'lesson') {
    const lesson = lessonById(route.id);
    if (!lesson) return { doc: null, notice: null };
    const key = `lesson:${lesson.id}`;
    const saved = loadDoc(key);
    return {
      doc: { key, lesson, text: saved.doc?.text ?? lesson.start[lang], hintsShown: saved.doc?.hintsShown ?? 0, passed: saved.doc?.passed ?? false, solutionShown: saved.doc?.solutionShown ?? false },
      notice: saved.corrupt ? { kind: 'corrupt', key: saved.corrupt } : null,
    };
  }
  if (route.page === 'playground') {
    const saved = loadDoc('playground');
    const notice: Notice | null = saved.corrupt ? { kind: 'corrupt', key: saved.corrupt } : null;
    return { doc: { key: 'playground', lesson: null, text: saved.doc?.text ?? PLAYGROUND_START[lang], hintsShown: 0, passed: false, solutionShown: false }, notice };
  }
  return { doc: null, notice: null };
}

let timer: ReturnType<typeof setTimeout> | undefined;

export const useLab = create<LabState>()((set, get) => {
  /** Saves the document (workshop documents are never saved: they must not touch the learner's work). */
  const save = (doc: Doc): void => {
    if (!doc.key.startsWith('present:')) saveDoc(doc.key, { text: doc.text, hintsShown: doc.hintsShown, passed: doc.passed, solutionShown: doc.solutionShown });
  };

  return {
    route: { page: 'list' },
    lang: 'en',
    doc: null,
    ...freshPage(),
    view: 'graph',
    playgroundTopic: 'netpol',
    notice: null,
    textEpoch: 0,

    navigate(route) {
      clearTimeout(timer);
      const resolved: Route = 'id' in route && route.page !== 'missing' && !lessonById(route.id) ? { page: 'missing', id: route.id } : route;
      const { doc, notice } = openDoc(resolved, get().lang);
      set({
        ...freshPage(),
        route: resolved,
        doc,
        notice,
        textEpoch: get().textEpoch + 1,
      });
      if (doc) get().evaluateNow();
    },

    setLang(lang) {
      const previous = get().lang;
      saveLang(lang);
      set({ lang });
      // An untouched starting text follows the language (its comments are translated); a projector follows
      // its console instead.
      const doc = get().doc;
      if (!doc || previous === lang || get().route.page === 'present') return;
      const starts = doc.lesson?.start ?? PLAYGROUND_START;
      if (doc.text === starts[previous] && starts[lang] !== doc.text) get().replaceText(starts[lang]);
    },

    setText(text) {
      const doc = get().doc;
      if (!doc || doc.text === text) return;
      const next = { ...doc, text };
      set({ doc: next });
      save(next);
      clearTimeout(timer);
      timer = setTimeout(() => get().evaluateNow(), debounceFor(get().result?.evalMs ?? 0));
    },

    evaluateNow() {
      clearTimeout(timer);
      const doc = get().doc;
      if (!doc) return;
      const { diagnostics, result, status } = runEvaluation(doc, get().playgroundTopic);
      if (!result || status === null) {
        set({ diagnostics, stale: get().result !== null });
        return;
      }
      set({ diagnostics, result, status, stale: false });
      if (status === 'passed' && !doc.passed) {
        const passed = { ...doc, passed: true };
        set({ doc: passed });
        save(passed);
      }
    },

    selectEdge(edge) {
      set({ selectedEdge: edge });
    },
    selectPod(id) {
      set({ selectedPod: id });
    },
    selectItem(id) {
      set({ selectedItem: id });
    },
    setCursorLine(line) {
      if (get().cursorLine !== line) set({ cursorLine: line });
    },
    setView(view) {
      set({ view });
    },
    setPlaygroundTopic(topic) {
      if (get().playgroundTopic === topic) return;
      set({ playgroundTopic: topic, selectedEdge: null, selectedPod: null, selectedItem: null });
      const result = get().result;
      if (result && !get().doc?.lesson) set({ result: { ...result, topic } });
    },
    showNextHint() {
      const doc = get().doc;
      if (!doc?.lesson || doc.hintsShown >= doc.lesson.hints.length) return;
      const next = { ...doc, hintsShown: doc.hintsShown + 1 };
      set({ doc: next });
      save(next);
    },
    replaceText(text) {
      const doc = get().doc;
      if (!doc) return;
      const next = { ...doc, text };
      set({ doc: next, textEpoch: get().textEpoch + 1 });
      save(next);
      get().evaluateNow();
    },
    openShared(text) {
      const doc = get().doc;
      if (!doc) return;
      if (text === null) {
        set({ notice: { kind: 'bad-share' } });
        return;
      }
      const starts = doc.lesson ? Object.values(doc.lesson.start) : Object.values(PLAYGROUND_START);
      const pristine = starts.includes(doc.text) || doc.text === text;
      const backup = pristine ? null : doc.text;
      if (backup !== null) saveBackup(doc.key, backup);
      get().replaceText(text);
      set({ notice: { kind: 'shared', backup } });
    },
    restoreBackup() {
      const notice = get().notice;
      if (notice?.kind !== 'shared' || notice.backup === null) return;
      get().replaceText(notice.backup);
      set({ notice: null });
    },
    goToStep(step) {
      const lesson = get().doc?.lesson;
      if (!lesson) return;
      const clamped = Math.max(0, Math.min(step, lesson.steps.length - 1));
      set({ presenter: { ...get().presenter, step: clamped, revealed: false, guesses: {} }, selectedEdge: null });
      get().applyStepYaml();
    },
    applyStepYaml() {
      const lesson = get().doc?.lesson;
      const text = lesson?.steps[get().presenter.step]?.apply?.[get().lang];
      if (text !== null && text !== undefined) get().replaceText(text);
    },
    showSolution() {
      const doc = get().doc;
      if (!doc?.lesson) return;
      // Looking at the solution after passing on one's own takes nothing away.
      const shown = { ...doc, solutionShown: doc.solutionShown || !doc.passed };
      set({ doc: shown });
      save(shown);
      get().replaceText(doc.lesson.solution);
    },
    revealSolution() {
      const lesson = get().doc?.lesson;
      if (lesson) get().replaceText(lesson.solution);
    },
    revealVerdicts() {
      set({ presenter: { ...get().presenter, revealed: true } });
    },
    guess(edge) {
      const { presenter } = get();
      if (presenter.revealed) return;
      const current = presenter.guesses[edge];
      const next = { ...presenter.guesses };
      if (current === undefined) next[edge] = 'allowed';
      else if (current === 'allowed') next[edge] = 'denied';
      else delete next[edge];
      set({ presenter: { ...presenter, guesses: next } });
    },
    receivePresenter(state, text) {
      // A new step starts with nothing selected, as on the console.
      set(state.step === get().presenter.step ? { presenter: state } : { presenter: state, selectedEdge: null });
      if (get().doc?.text !== text) get().replaceText(text);
    },
    revealLine(line, column = 1) {
      set({ reveal: { line, column, nonce: (get().reveal?.nonce ?? 0) + 1 } });
    },
    dismissNotice() {
      set({ notice: null });
    },
  };
});
