// Predict, then reveal: how many of the room's guesses match the engine's verdicts.
import type { LabResult } from '../../store/lab-store';

export interface Score {
  guessed: number;
  right: number;
}

/** Scores guesses keyed `from->to` against the verdicts (an edge counts as allowed only on every probe). */
export function scoreGuesses(result: LabResult | null, guesses: Readonly<Record<string, 'allowed' | 'denied'>>): Score {
  if (!result) return { guessed: 0, right: 0 };
  const { connectivity, cluster } = result;
  const index = new Map(cluster.endpoints.map((e, i) => [e.id, i] as const));
  let right = 0;
  let guessed = 0;
  for (const [edge, guess] of Object.entries(guesses)) {
    const [from, to] = edge.split('->');
    const s = index.get(from ?? '');
    const d = index.get(to ?? '');
    if (s === undefined || d === undefined) continue;
    guessed++;
    const allowed = connectivity.probesOf(d).every((g) => connectivity.verdict(s, d, g).allowed);
    if ((guess === 'allowed') === allowed) right++;
  }
  return { guessed, right };
}
