// Predict, then reveal: how many of the room's guesses match the engine's verdicts.
import type { NetpolResult } from './lab-store';

export interface Score {
  guessed: number;
  right: number;
}

/** Each guess keyed `from->to`, judged against the verdicts (an edge counts as allowed only on every probe). */
export function judgeGuesses(result: NetpolResult | null, guesses: Readonly<Record<string, 'allowed' | 'denied'>>): Map<string, boolean> {
  const judged = new Map<string, boolean>();
  if (!result) return judged;
  const { connectivity, cluster } = result;
  const index = new Map(cluster.endpoints.map((e, i) => [e.id, i] as const));
  for (const [edge, guess] of Object.entries(guesses)) {
    const [from, to] = edge.split('->');
    const s = index.get(from ?? '');
    const d = index.get(to ?? '');
    if (s === undefined || d === undefined) continue;
    const allowed = connectivity.probesOf(d).every((g) => connectivity.verdict(s, d, g).allowed);
    judged.set(edge, (guess === 'allowed') === allowed);
  }
  return judged;
}

/** How many of the room's guesses match the verdicts. */
export function scoreGuesses(result: NetpolResult | null, guesses: Readonly<Record<string, 'allowed' | 'denied'>>): Score {
  const judged = [...judgeGuesses(result, guesses).values()];
  return { guessed: judged.length, right: judged.filter(Boolean).length };
}
