// The engine's public surface: load texts, evaluate every connection, explain any verdict.
export type * from './model';
export { PROTOCOLS } from './model';
export { ERROR_CODES, type ErrorCode } from './errors';
export { loadCluster, buildCluster, sortDiagnostics, NAMESPACE_NAME_LABEL, type LoadResult } from './load';
export { parseSources, createParseCache, MAX_INPUT_CHARS, MAX_EXPANDED_NODES, MAX_DEPTH, type SourceText, type ParseCache } from './yaml-source';
export { evaluate, compareProbes, EvaluationTooLarge, type Connectivity, type Counts, type ProbeOptions } from './evaluate';
export {
  indexCluster,
  explainConnection,
  describeExplanation,
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
export { selectorMatches, formatSelector, isEmptySelector } from './label-selector';
export { parseIP, parseCidr, cidrContains } from './ip';
export { parseProbeList } from './probes';
export { formatDiagnostic } from './format';
