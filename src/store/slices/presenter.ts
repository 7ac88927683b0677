// Workshops: the presenter's step, the YAML it applies, predictions and reveals, and what projectors receive.
import { freshPresenter } from './route';
import { loadShareBase, saveShareBase } from '../persist';
import type { PresenterSlice, SliceCreator } from '../types';

export const createPresenterSlice: SliceCreator<PresenterSlice> = (set, get) => ({
  presenter: freshPresenter(),

  goToStep(step) {
    const lesson = get().doc?.lesson;
    if (!lesson) return;
    const clamped = Math.max(0, Math.min(step, lesson.steps.length - 1));
    set({ presenter: { ...get().presenter, step: clamped, revealed: false, guesses: {} }, selectedEdge: null, selectedItem: null });
    get().applyStepYaml();
  },
  applyStepYaml() {
    const lesson = get().doc?.lesson;
    const text = lesson?.steps[get().presenter.step]?.apply?.[get().lang];
    if (text !== null && text !== undefined) get().replaceText(text);
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
  restartTimer() {
    set({ presenter: { ...get().presenter, startedAt: Date.now() } });
  },
  shareBase: loadShareBase(),
  setShareBase(base) {
    saveShareBase(base);
    set({ shareBase: base });
  },
  receivePresenter(state, text) {
    // A new step starts with nothing selected, as on the console.
    set(state.step === get().presenter.step ? { presenter: state } : { presenter: state, selectedEdge: null, selectedItem: null });
    if (get().doc?.text !== text) get().replaceText(text);
  },
});
