// Which page is open: the route (opening its document), the language, notices.
import { LANGUAGES, type Language, type Lesson } from '../../lessons/index';
import { lessonById, PLAYGROUND_START } from '../catalog';
import { loadDoc, loadLang, loadPresenter, saveLang } from '../persist';
import { cancelEvaluation } from '../evaluation';
import { flushSaves } from '../persist-subscriber';
import type { Doc, LabState, Notice, PresenterState, Route, RouteSlice, SliceCreator } from '../types';

export function initialLanguage(search: string, navigatorLanguages: readonly string[]): Language {
  const fromUrl = new URLSearchParams(search).get('lang');
  if (fromUrl && (LANGUAGES as readonly string[]).includes(fromUrl)) return fromUrl as Language;
  const saved = loadLang();
  if (saved && (LANGUAGES as readonly string[]).includes(saved)) return saved as Language;
  return navigatorLanguages.some((l) => l.toLowerCase().startsWith('ja')) ? 'ja' : 'en';
}

export const freshPresenter = (): PresenterState => ({ step: 0, revealed: false, guesses: {}, startedAt: Date.now() });

/** The state every page starts from: nothing evaluated, nothing selected. */
export const freshPage = (): Partial<LabState> => ({
  diagnostics: [],
  result: null,
  selectedEdge: null,
  selectedPod: null,
  selectedItem: null,
  cursorLine: null,
  reveal: null,
  presenter: freshPresenter(),
});

/** The text a workshop shows at a step: the YAML of that step, or of the last step before it that applies one. */
export function stepText(lesson: Lesson, step: number, lang: Language): string {
  for (let i = Math.min(step, lesson.steps.length - 1); i >= 0; i--) {
    const apply = lesson.steps[i]?.apply;
    if (apply) return apply[lang];
  }
  return lesson.start[lang];
}

/** The console's state after a reload: its saved step (within the lesson), timer and guesses, else a fresh one. */
function restoredPresenter(lesson: Lesson): PresenterState {
  const saved = loadPresenter(lesson.id);
  if (!saved || saved.step >= lesson.steps.length) return freshPresenter();
  return { step: saved.step, startedAt: saved.startedAt, revealed: saved.revealed, guesses: saved.guesses };
}

function openDoc(route: Route, lang: Language): { doc: Doc | null; notice: Notice | null; presenter?: PresenterState } {
  if (route.page === 'present' || route.page === 'presenter') {
    // A workshop has its own text, never the learner's saved work for the lesson.
    const lesson = lessonById(route.id);
    if (!lesson) return { doc: null, notice: null };
    // The console picks up where it was before a reload; a projector follows the console.
    const presenter = route.page === 'presenter' ? restoredPresenter(lesson) : freshPresenter();
    return { doc: { key: `present:${lesson.id}`, lesson, text: stepText(lesson, presenter.step, lang), hintsShown: 0, passed: false, solutionShown: false, answers: {}, answersChecked: false }, notice: null, presenter };
  }
  if (route.page === 'lesson') {
    const lesson = lessonById(route.id);
    if (!lesson) return { doc: null, notice: null };
    const key = `lesson:${lesson.id}`;
    const saved = loadDoc(key);
    return {
      doc: { key, lesson, text: saved.doc?.text ?? lesson.start[lang], hintsShown: saved.doc?.hintsShown ?? 0, passed: saved.doc?.passed ?? false, solutionShown: saved.doc?.solutionShown ?? false, answers: saved.doc?.answers ?? {}, answersChecked: saved.doc?.answersChecked ?? false },
      notice: saved.corrupt ? { kind: 'corrupt', key: saved.corrupt } : null,
    };
  }
  if (route.page === 'playground') {
    const saved = loadDoc('playground');
    const notice: Notice | null = saved.corrupt ? { kind: 'corrupt', key: saved.corrupt } : null;
    return { doc: { key: 'playground', lesson: null, text: saved.doc?.text ?? PLAYGROUND_START[lang], hintsShown: 0, passed: false, solutionShown: false, answers: {}, answersChecked: false }, notice };
  }
  return { doc: null, notice: null };
}

export const createRouteSlice: SliceCreator<RouteSlice> = (set, get) => ({
  route: { page: 'list' },
  lang: 'en',
  notice: null,

  navigate(route) {
    cancelEvaluation();
    // The text typed a moment ago may not be saved yet, and the route may reopen the same document.
    flushSaves();
    const resolved: Route = 'id' in route && route.page !== 'missing' && !lessonById(route.id) ? { page: 'missing', id: route.id } : route;
    const { doc, notice, presenter } = openDoc(resolved, get().lang);
    set({ ...freshPage(), ...(presenter ? { presenter } : {}), route: resolved, doc, notice, textEpoch: get().textEpoch + 1 });
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

  dismissNotice() {
    set({ notice: null });
  },
});
