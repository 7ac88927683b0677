// The store's derived values and its debounced saving: status and staleness come from the last result, and the
// document reaches localStorage once typing pauses, at once when another document opens, never for workshops.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryStorage } from './memory-storage';
import { flushSaves, installPersistence } from './persist-subscriber';
import { selectStale, selectStatus } from './selectors';
import type { Doc, LabState } from './types';

/** A store with only what the subscriber reads. */
function fakeStore(doc: Doc | null) {
  let state = { doc } as LabState;
  const listeners = new Set<(s: LabState, p: LabState) => void>();
  return {
    getState: () => state,
    subscribe(l: (s: LabState, p: LabState) => void) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    setDoc(next: Doc | null) {
      const previous = state;
      state = { ...state, doc: next };
      for (const l of listeners) l(state, previous);
    },
  };
}

const doc = (key: string, text: string): Doc => ({ key, lesson: null, text, hintsShown: 0, passed: false, solutionShown: false, answers: {}, answersChecked: false });

describe('saving the document', () => {
  let storage: MemoryStorage;
  beforeEach(() => {
    vi.useFakeTimers();
    storage = new MemoryStorage();
    vi.stubGlobal('localStorage', storage);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('writes once typing pauses, not on every keystroke', () => {
    const store = fakeStore(doc('playground', ''));
    const stop = installPersistence(store, null);
    for (const text of ['a', 'ap', 'api']) store.setDoc(doc('playground', text));
    expect(storage.writes).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(storage.writes).toBe(1);
    expect(JSON.parse(storage.getItem('cks-lab:v1:playground')!)).toMatchObject({ v: 1, text: 'api' });
    stop();
  });

  it('writes at once when another document opens, and never saves a workshop', () => {
    const store = fakeStore(doc('lesson:a', 'x'));
    const stop = installPersistence(store, null);
    store.setDoc(doc('lesson:a', 'xy'));
    store.setDoc(doc('present:a', 'workshop'));
    expect(JSON.parse(storage.getItem('cks-lab:v1:lesson:a')!)).toMatchObject({ text: 'xy' });
    store.setDoc(doc('present:a', 'workshop 2'));
    vi.advanceTimersByTime(1000);
    expect(storage.getItem('cks-lab:v1:present:a')).toBeNull();
    stop();
  });

  it('writes what is pending when asked (before a route reopens the same document)', () => {
    const store = fakeStore(doc('lesson:a', ''));
    const stop = installPersistence(store, null);
    store.setDoc(doc('lesson:a', 'second attempt'));
    flushSaves();
    expect(JSON.parse(storage.getItem('cks-lab:v1:lesson:a')!)).toMatchObject({ text: 'second attempt' });
    stop();
  });

  it('writes what is pending when the page is hidden', () => {
    const store = fakeStore(doc('playground', ''));
    const target = new EventTarget();
    const stop = installPersistence(store, target as unknown as Window);
    store.setDoc(doc('playground', 'typed'));
    target.dispatchEvent(new Event('pagehide'));
    expect(JSON.parse(storage.getItem('cks-lab:v1:playground')!)).toMatchObject({ text: 'typed' });
    stop();
  });
});

describe('derived values', () => {
  const state = (grade: { status: string } | null, errors: boolean, hasResult = true) =>
    ({
      result: hasResult ? { grade } : null,
      diagnostics: errors ? [{ severity: 'error' }] : [{ severity: 'warning' }],
    }) as unknown as LabState;

  it('status comes from the last good result; a text with errors keeps it', () => {
    expect(selectStatus(state({ status: 'passed' }, false))).toBe('passed');
    expect(selectStatus(state({ status: 'failed' }, true))).toBe('failed');
    expect(selectStatus(state({ status: 'pending' }, false))).toBe('pending');
    expect(selectStatus(state(null, false))).toBe('pending');
    expect(selectStatus(state(null, false, false))).toBe('pending');
  });

  it('stale: errors in the text while a good result is shown', () => {
    expect(selectStale(state(null, true))).toBe(true);
    expect(selectStale(state(null, false))).toBe(false);
    expect(selectStale(state(null, true, false))).toBe(false);
  });
});
