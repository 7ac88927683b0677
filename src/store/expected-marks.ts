// When the projector may show the lesson's expected marks (the amber "the lesson expects otherwise"): they
// give the answer away, so not before the first predict step has been revealed. A lesson without a predict
// step shows them on its last step. The learner's own pages always show them.
import type { Step } from '../lessons/index';

/** Are the expected marks shown at this step of a workshop? */
export function expectedMarksShown(steps: readonly Pick<Step, 'predict'>[], step: number, revealed: boolean): boolean {
  if (steps.length === 0) return true;
  const first = steps.findIndex((s) => s.predict);
  const revealAt = first >= 0 ? first : steps.length - 1;
  if (step !== revealAt) return step > revealAt;
  return first < 0 || revealed;
}
