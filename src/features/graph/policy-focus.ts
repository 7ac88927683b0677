// "The policy under the cursor": which policy the editor's cursor is in, which pods it selects and which
// endpoints its rules admit as peers.
import { peerMatches, policySelects, type Cluster, type NetworkPolicy } from '../../topics/netpol/index';
import type { NetpolResult } from '../../store/lab-store';

export interface PolicyFocus {
  policy: NetworkPolicy;
  targets: Set<string>;
  peers: Set<string>;
}

/** The policy whose document holds the given line of `file`, if any. */
export function policyAtLine(cluster: Cluster, file: string, line: number): NetworkPolicy | null {
  const starts = [
    ...cluster.policies.filter((p) => p.location.file === file).map((p) => ({ line: p.location.line, policy: p })),
    ...cluster.endpoints.filter((e) => e.location.file === file).map((e) => ({ line: e.location.line, policy: null })),
    ...cluster.namespaces.flatMap((n) => (n.location?.file === file ? [{ line: n.location.line, policy: null }] : [])),
  ].sort((a, b) => a.line - b.line);
  let found: NetworkPolicy | null = null;
  for (const s of starts) {
    if (s.line > line) break;
    found = s.policy;
  }
  return found;
}

/** The pods a policy selects and the endpoints its rules admit. */
export function focusPolicy(result: NetpolResult, file: string, line: number | null): PolicyFocus | null {
  if (line === null) return null;
  const policy = policyAtLine(result.cluster, file, line);
  if (!policy) return null;
  const index = result.connectivity.index;
  const targets = new Set<string>();
  const peers = new Set<string>();
  for (const e of result.cluster.endpoints) {
    if (policySelects(policy, e)) targets.add(e.id);
    for (const rule of [...policy.ingress, ...policy.egress]) {
      if (rule.peers === null || rule.peers.some((p) => peerMatches(index, p, policy, e))) peers.add(e.id);
    }
  }
  return { policy, targets, peers };
}
