// Workshops: the console picks up its step, timer and guesses after a reload, and the projector keeps the lesson's
// expected marks back until the step that reveals them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryStorage } from './memory-storage';
import { expectedMarksShown } from './expected-marks';
import { selectExpectedMarksShown, selectNetpol } from './selectors';
import type { LabState } from './types';

const steps = (...predict: boolean[]) => predict.map((p) => ({ predict: p }));

describe('expectedMarksShown', () => {
  it('hides the marks until the first predict step is revealed, then shows them on every later step', () => {
    const lesson = steps(false, true, false, true);
    expect(expectedMarksShown(lesson, 0, false)).toBe(false);
    expect(expectedMarksShown(lesson, 1, false)).toBe(false);
    expect(expectedMarksShown(lesson, 1, true)).toBe(true);
    expect(expectedMarksShown(lesson, 2, false)).toBe(true);
    expect(expectedMarksShown(lesson, 3, false)).toBe(true); // a later predict step hides verdicts, not the rule
  });

  it('without a predict step, shows them on the last step; with no steps, always', () => {
    expect(expectedMarksShown(steps(false, false, false), 1, false)).toBe(false);
    expect(expectedMarksShown(steps(false, false, false), 2, false)).toBe(true);
    expect(expectedMarksShown(steps(true), 0, false)).toBe(false);
    expect(expectedMarksShown(steps(true), 0, true)).toBe(true);
    expect(expectedMarksShown([], 0, false)).toBe(true);
  });
});

describe('selectNetpol on the projector', () => {
  const netpol = { grade: { status: 'failed' }, connectivity: {}, cluster: {} };
  const state = (page: string, step: number, revealed = false) =>
    ({
      route: { page, id: 'x' },
      doc: { lesson: { steps: steps(false, true, false) } },
      presenter: { step, revealed, guesses: {}, startedAt: 0 },
      result: { netpol },
    }) as unknown as LabState;

  it('drops the grade (so the amber marks) before the reveal, and only on the projector', () => {
    expect(selectExpectedMarksShown(state('present', 0))).toBe(false);
    expect(selectNetpol(state('present', 0))).toMatchObject({ grade: null, connectivity: netpol.connectivity });
    // The same object each time: components re-render only when the result changes.
    expect(selectNetpol(state('present', 0))).toBe(selectNetpol(state('present', 1)));
    expect(selectNetpol(state('present', 1, true))).toBe(netpol);
    expect(selectNetpol(state('present', 2))).toBe(netpol);
    expect(selectNetpol(state('presenter', 0))).toBe(netpol);
    expect(selectNetpol(state('lesson', 0))).toBe(netpol);
  });
});

describe('the console across a reload', () => {
  let storage: MemoryStorage;
  beforeEach(() => {
    storage = new MemoryStorage();
    vi.stubGlobal('localStorage', storage);
    vi.resetModules();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('keeps the step, the timer and the guesses, and shows the step’s YAML', async () => {
    const { useLab } = await import('./lab-store');
    const s = useLab.getState();
    s.navigate({ page: 'presenter', id: 'netpol-deny-all' });
    const startedAt = useLab.getState().presenter.startedAt;
    useLab.getState().goToStep(1);
    useLab.getState().guess('default/a->default/b');
    expect(JSON.parse(storage.getItem('cks-lab:v1:presenter:netpol-deny-all')!)).toMatchObject({ v: 1, step: 1, startedAt, guesses: { 'default/a->default/b': 'allowed' } });

    // A reload: a fresh store reads what the console saved.
    vi.resetModules();
    const reloaded = (await import('./lab-store')).useLab;
    reloaded.getState().navigate({ page: 'presenter', id: 'netpol-deny-all' });
    const after = reloaded.getState();
    expect(after.presenter).toEqual({ step: 1, startedAt, revealed: false, guesses: { 'default/a->default/b': 'allowed' } });
    expect(after.doc!.text).toBe(after.doc!.lesson!.solution); // step 2 applies the solution
    reloaded.getState().goToStep(2);
    reloaded.getState().navigate({ page: 'presenter', id: 'netpol-deny-all' });
    expect(reloaded.getState().doc!.text).toBe(after.doc!.lesson!.steps[2]!.apply!.en);

    // The projector does not restore anything: it follows the console.
    reloaded.getState().navigate({ page: 'present', id: 'netpol-deny-all' });
    expect(reloaded.getState().presenter.step).toBe(0);

    // Restarting the timer is saved too; a broken entry starts afresh.
    reloaded.getState().navigate({ page: 'presenter', id: 'netpol-deny-all' });
    reloaded.getState().restartTimer();
    expect(JSON.parse(storage.getItem('cks-lab:v1:presenter:netpol-deny-all')!).startedAt).toBeGreaterThanOrEqual(startedAt);
    storage.setItem('cks-lab:v1:presenter:netpol-deny-all', '{"v":1,"step":"two"}');
    reloaded.getState().navigate({ page: 'presenter', id: 'netpol-allow-all' });
    reloaded.getState().navigate({ page: 'presenter', id: 'netpol-deny-all' });
    expect(reloaded.getState().presenter.step).toBe(0);
  });

  it('keeps the share base address', async () => {
    const { useLab } = await import('./lab-store');
    useLab.getState().setShareBase('http://192.168.1.20:4173/');
    vi.resetModules();
    expect((await import('./lab-store')).useLab.getState().shareBase).toBe('http://192.168.1.20:4173/');
    (await import('./lab-store')).useLab.getState().setShareBase('');
    expect(storage.getItem('cks-lab:share-base')).toBeNull();
  });
});
