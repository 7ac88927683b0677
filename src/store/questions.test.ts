// "Predict first": the graph waits until the learner's answers are checked; the answers are judged against the
// evaluator on the starting text, survive a reload, and can be given again.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryStorage } from './memory-storage';
import type { LabState } from './types';

const ID = 'netpol-predict-first';

describe('predict first', () => {
  let storage: MemoryStorage;
  beforeEach(() => {
    storage = new MemoryStorage();
    vi.stubGlobal('localStorage', storage);
    vi.resetModules();
  });
  afterEach(() => vi.unstubAllGlobals());

  async function open() {
    const { useLab } = await import('./lab-store');
    const selectors = await import('./selectors');
    const { installPersistence, flushSaves } = await import('./persist-subscriber');
    const stop = installPersistence(useLab, null);
    useLab.getState().navigate({ page: 'lesson', id: ID });
    return { useLab, selectors, flushSaves, stop, state: (): LabState => useLab.getState() };
  }

  it('hides the graph until the answers are checked, then judges each one against the starting text', async () => {
    const { selectors, state, stop } = await open();
    const truths = selectors.selectQuestionAnswers(state());
    expect(selectors.selectQuestionAnswers(state())).toBe(truths);
    expect(truths.length).toBe(8);
    expect(selectors.selectQuestionsOpen(state())).toBe(true);
    // Answered one way each: right where the evaluator allows, wrong where it denies.
    truths.forEach((_, i) => state().answerQuestion(i, 'allowed'));
    state().answerQuestion(99, 'denied'); // no such question: ignored
    expect(Object.keys(state().doc!.answers)).toHaveLength(8);
    expect(selectors.selectQuestionsOpen(state())).toBe(true);
    state().checkAnswers();
    expect(selectors.selectQuestionsOpen(state())).toBe(false);
    expect(truths.map((t) => t.allowed)).toEqual([true, false, false, true, true, false, false, true]);
    // Once checked, answers are frozen until "Answer again".
    state().answerQuestion(1, 'denied');
    expect(state().doc!.answers['1']).toBe('allowed');
    state().answerAgain();
    expect(state().doc!.answers).toEqual({});
    expect(selectors.selectQuestionsOpen(state())).toBe(true);
    stop();
  });

  it('keeps the answers and whether they were checked across a reload', async () => {
    const first = await open();
    first.state().answerQuestion(0, 'allowed');
    first.state().answerQuestion(2, 'denied');
    first.flushSaves();
    first.stop();
    expect(JSON.parse(storage.getItem(`cks-lab:v1:lesson:${ID}`)!)).toMatchObject({ answers: { 0: 'allowed', 2: 'denied' }, answersChecked: false });

    vi.resetModules();
    const second = await open();
    expect(second.state().doc!.answers).toEqual({ 0: 'allowed', 2: 'denied' });
    second.state().checkAnswers(); // "Skip": the unanswered ones stay unanswered
    second.flushSaves();
    second.stop();

    vi.resetModules();
    const third = await open();
    expect(third.selectors.selectQuestionsOpen(third.state())).toBe(false);
    third.stop();
  });

  it('only a lesson page of a lesson with questions waits: other lessons and the workshop views do not', async () => {
    const { useLab, selectors, stop } = await open();
    useLab.getState().navigate({ page: 'lesson', id: 'netpol-deny-all' });
    expect(selectors.selectQuestionsOpen(useLab.getState())).toBe(false);
    expect(selectors.selectQuestionAnswers(useLab.getState())).toEqual([]);
    // The same list on every call (a new one each time would make React re-render without end), here and with questions.
    expect(selectors.selectQuestionAnswers(useLab.getState())).toBe(selectors.selectQuestionAnswers(useLab.getState()));
    useLab.getState().navigate({ page: 'present', id: ID });
    expect(selectors.selectQuestionsOpen(useLab.getState())).toBe(false);
    useLab.getState().navigate({ page: 'presenter', id: ID });
    expect(selectors.selectQuestionsOpen(useLab.getState())).toBe(false);
    stop();
  });

  it('an entry with a broken answer is set aside, not trusted', async () => {
    storage.setItem(`cks-lab:v1:lesson:${ID}`, JSON.stringify({ v: 1, text: 'x', hintsShown: 0, passed: false, answers: { 0: 'maybe' } }));
    const { state, stop } = await open();
    expect(state().doc!.answers).toEqual({});
    expect(state().notice).toMatchObject({ kind: 'corrupt' });
    stop();
  });
});
