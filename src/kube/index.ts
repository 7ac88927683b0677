// Reading Kubernetes text, shared by every topic: YAML/JSON with positions as kubectl reads it, budgets,
// diagnostics with one code catalogue, label selectors, addresses, and the readers of common objects.
export type * from './types';
export { PROTOCOLS } from './types';
export { ERROR_CODES, type ErrorCode } from './errors';
export {
  parseSources,
  createParseCache,
  resolvePlainScalar,
  MAX_INPUT_CHARS,
  MAX_EXPANDED_NODES,
  MAX_DEPTH,
  type SourceText,
  type ParseCache,
  type SourceDocument,
  type PNode,
  type PMap,
  type PSeq,
  type PScalar,
  type PEntry,
} from './yaml-source';
export { selectorMatches, formatSelector, isEmptySelector } from './label-selector';
export { parseIP, parseCidr, cidrContains, isStrictSubset } from './ip';
export { checkDnsLabel, checkDnsSubdomain, checkLabelKey, checkLabelValue, checkPathSegmentName, checkPortName } from './validation';
export { formatDiagnostic } from './format';
export { msg, type Message } from './message';
export * as api from './fields';
export { shape, objectShape, type Shape, type FieldShape } from './fields';
export { ObjectReader, Invalid, EMPTY_SELECTOR, isNull, describe, closest, type ObjectMeta, type NameRule } from './reader';
export {
  readObjects,
  objectsOf,
  uniqueObjects,
  compareLocation,
  sortDiagnostics,
  NAMESPACE_NAME_LABEL,
  NamespaceKind,
  PodKind,
  ServiceAccountKind,
  WORKLOAD_KINDS,
  COMMON_KINDS,
  type KindReader,
  type KubeObject,
  type PodSpecInfo,
  type NamespaceValue,
  type PodValue,
  type WorkloadKind,
  type WorkloadValue,
} from './objects';
