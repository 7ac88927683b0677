// The engine's public surface: load texts, evaluate every connection, explain any verdict.
export type * from './model';
export { PROTOCOLS } from './model';
export { loadCluster, buildCluster, readCluster, sortDiagnostics, NAMESPACE_NAME_LABEL, NETPOL_KINDS, NetworkPolicyKind, ExternalEndpointKind, type LoadResult } from './read';
export { evaluate, compareProbes, EvaluationTooLarge, type Connectivity, type Counts, type ProbeOptions, type Cell } from './evaluate';
export {
  indexCluster,
  explainConnection,
  describeExplanation,
  explainSegments,
  describeDirection,
  describePeer,
  describePort,
  isolatingPolicies,
  policySelects,
  peerMatches,
  portMatches,
  type ClusterIndex,
  type ExplainLanguage,
} from './explain';
export { parseProbeList } from './probes';
// The shared reading layer, re-exported while callers move to importing src/kube directly.
export * from '../../kube/index';
export { netpolTopic } from './topic';
export {
  matchesPattern,
  expectedVerdict,
  type ExpectedVerdict,
  type ConnectivityCheck,
  type ConnectivityException,
  type IsolationCheck,
  type PolicyCheck,
} from './checks';
