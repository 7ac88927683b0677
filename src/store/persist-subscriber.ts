// Saves the open document to localStorage a moment after it changes (not on every keystroke), at once when
// another document opens, and when the page is hidden or closed. Workshop documents are never saved; the
// presenter's console keeps its step, timer and guesses (at once: they change a few times a minute).
import { saveDoc, savePresenter } from './persist';
import type { Doc, LabState } from './types';

const SAVE_AFTER_MS = 400;

/** Writes what is waiting now; navigate() calls it before it reads a document back from storage. */
let flushPending: () => void = () => {};
export const flushSaves = (): void => flushPending();

interface Subscribable {
  subscribe(listener: (state: LabState, previous: LabState) => void): () => void;
  getState(): LabState;
}

/** Starts saving the store's document; returns a function that stops (and saves what is pending). */
export function installPersistence(store: Subscribable, target: Pick<Window, 'addEventListener' | 'removeEventListener'> | null = globalThis.window ?? null): () => void {
  let pending: Doc | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = (): void => {
    clearTimeout(timer);
    if (pending) saveDoc(pending.key, { text: pending.text, hintsShown: pending.hintsShown, passed: pending.passed, solutionShown: pending.solutionShown, answers: pending.answers, answersChecked: pending.answersChecked });
    pending = null;
  };
  flushPending = flush;
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.presenter !== previous.presenter && state.route?.page === 'presenter' && state.doc?.lesson) {
      savePresenter(state.doc.lesson.id, state.presenter);
    }
    const doc = state.doc;
    if (doc === previous.doc) return;
    // Another document opened: write the one that was waiting before anything else reads storage.
    if (!doc || doc.key !== previous.doc?.key) {
      flush();
      return;
    }
    if (doc.key.startsWith('present:')) return;
    pending = doc;
    clearTimeout(timer);
    timer = setTimeout(flush, SAVE_AFTER_MS);
  });
  const onHide = (): void => flush();
  const onVisibility = (): void => {
    if (globalThis.document?.visibilityState === 'hidden') flush();
  };
  target?.addEventListener('pagehide', onHide);
  target?.addEventListener('visibilitychange', onVisibility);
  return () => {
    flush();
    flushPending = () => {};
    unsubscribe();
    target?.removeEventListener('pagehide', onHide);
    target?.removeEventListener('visibilitychange', onVisibility);
  };
}
