// The verdict a lesson expects of each object, from its `admission` checks (later exceptions win), so the graph
// can mark an object the lesson expects otherwise.
import type { PodSecurityModel } from '../build';
import type { AdmissionCheckSpec } from '../lesson-checks';
import { objectNodeId } from './graph';

export function expectedVerdicts(model: PodSecurityModel, specs: readonly AdmissionCheckSpec[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const spec of specs) {
    if (spec.level) continue; // judged against a fixed level, not what the graph shows
    if (spec.default) {
      for (const o of model.objects) if (!spec.namespaces || spec.namespaces.includes(o.namespace)) out.set(objectNodeId(o), spec.default);
    }
    for (const e of spec.except) out.set(objectNodeId(e.object), e.verdict);
  }
  return out;
}
