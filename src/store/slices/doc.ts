// The document in the editor: typing (evaluated after a short pause), replacing, hints, solution, share links.
// Saving it is not done here: a debounced subscriber (persist-subscriber.ts) writes what changed.
import { PLAYGROUND_START } from '../catalog';
import { saveBackup } from '../persist';
import { debounceFor, scheduleEvaluation } from '../evaluation';
import type { DocSlice, SliceCreator } from '../types';

export const createDocSlice: SliceCreator<DocSlice> = (set, get) => ({
  doc: null,
  textEpoch: 0,

  setText(text) {
    const doc = get().doc;
    if (!doc || doc.text === text) return;
    set({ doc: { ...doc, text } });
    scheduleEvaluation(() => get().evaluateNow(), debounceFor(get().result?.evalMs ?? 0));
  },

  replaceText(text) {
    const doc = get().doc;
    if (!doc) return;
    set({ doc: { ...doc, text }, textEpoch: get().textEpoch + 1 });
    get().evaluateNow();
  },

  showNextHint() {
    const doc = get().doc;
    if (!doc?.lesson || doc.hintsShown >= doc.lesson.hints.length) return;
    set({ doc: { ...doc, hintsShown: doc.hintsShown + 1 } });
  },

  showSolution() {
    const doc = get().doc;
    if (!doc?.lesson) return;
    // Looking at the solution after passing on one's own takes nothing away.
    set({ doc: { ...doc, solutionShown: doc.solutionShown || !doc.passed } });
    get().replaceText(doc.lesson.solution);
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

  answerQuestion(index, answer) {
    const doc = get().doc;
    if (!doc?.lesson || doc.answersChecked || index < 0 || index >= doc.lesson.questions.length) return;
    set({ doc: { ...doc, answers: { ...doc.answers, [String(index)]: answer } } });
  },

  checkAnswers() {
    const doc = get().doc;
    if (!doc?.lesson || doc.lesson.questions.length === 0) return;
    set({ doc: { ...doc, answersChecked: true } });
  },

  answerAgain() {
    const doc = get().doc;
    if (!doc?.lesson) return;
    set({ doc: { ...doc, answers: {}, answersChecked: false }, selectedEdge: null, selectedPod: null });
  },

  restoreBackup() {
    const notice = get().notice;
    if (notice?.kind !== 'shared' || notice.backup === null) return;
    get().replaceText(notice.backup);
    set({ notice: null });
  },
});
