// Predict, then reveal: how many of the room's guesses match the verdicts. An edge counts as allowed only when
// everything on it is (every probe of a connection, every verb of an RBAC question).
import type { AccessCheck, RbacResult } from '../topics/rbac/index';
import { lessonQuestions } from '../topics/rbac/view/graph';
import { objectNodeId, type PodSecurityResult } from '../topics/pod-security/index';
import type { Lesson } from '../lessons/index';
import type { LabResult, NetpolResult } from './types';

export interface Score {
  guessed: number;
  right: number;
}

type Guesses = Readonly<Record<string, 'allowed' | 'denied'>>;

/** Whether each edge the room can mark is allowed, by the key guesses use (`from->to`, an RBAC question's id, or a
 * Pod Security object's node id). */
export function edgeVerdicts(result: LabResult | null, lesson: Lesson | null): Map<string, boolean> {
  if (!result) return new Map();
  if (result.topic === 'rbac') return rbacVerdicts(result.rbac, lesson);
  if (result.topic === 'pod-security') return podSecurityVerdicts(result.podSecurity);
  return netpolVerdicts(result.netpol);
}

function netpolVerdicts(result: NetpolResult | null): Map<string, boolean> {
  const out = new Map<string, boolean>();
  if (!result) return out;
  const { connectivity, cluster } = result;
  const eps = cluster.endpoints;
  for (const { from: s, to: d, probe: g } of connectivity.cells()) {
    if (s === d) continue;
    const key = `${eps[s]!.id}->${eps[d]!.id}`;
    out.set(key, (out.get(key) ?? true) && connectivity.verdict(s, d, g).allowed);
  }
  return out;
}

function rbacVerdicts(result: RbacResult | null, lesson: Lesson | null): Map<string, boolean> {
  if (!result) return new Map();
  const checks = (lesson?.checks ?? []).filter((c) => c.topic === 'rbac' && c.key === 'access').map((c) => c.spec as AccessCheck);
  return new Map(lessonQuestions(result, checks).map((q) => [q.id, q.cells.every((c) => c.allowed)] as const));
}

/** Pod Security: each pod or workload, allowed when admission lets it in (warnings or not). */
function podSecurityVerdicts(result: PodSecurityResult | null): Map<string, boolean> {
  if (!result) return new Map();
  return new Map(result.model.objects.map((o) => [objectNodeId(o), result.verdicts.get(o)!.allowed] as const));
}

/** Each guess judged against the verdicts: right or wrong, by edge key. */
export function judgeGuesses(verdicts: ReadonlyMap<string, boolean>, guesses: Guesses): Map<string, boolean> {
  const judged = new Map<string, boolean>();
  for (const [edge, guess] of Object.entries(guesses)) {
    const allowed = verdicts.get(edge);
    if (allowed !== undefined) judged.set(edge, (guess === 'allowed') === allowed);
  }
  return judged;
}

/** How many of the room's guesses match the verdicts. */
export function scoreGuesses(verdicts: ReadonlyMap<string, boolean>, guesses: Guesses): Score {
  const judged = [...judgeGuesses(verdicts, guesses).values()];
  return { guessed: judged.length, right: judged.filter(Boolean).length };
}
