// The Pod Security topic's public face: the topic, its evaluator, and what its views read.
export { podSecurityTopic } from './topic';
export type { PodSecurityModel, PsaObject, PsaNamespace } from './build';
export type { PodSecurityResult, NamespaceOutcome } from './evaluate';
export type { AdmissionVerdict } from './admission';
export type { EffectiveContext, Source } from './security-context';
export { admissionCheck, type AdmissionCheckSpec } from './lesson-checks';
export { explainObject, verdictKind, CHECK_DOCS, type ObjectExplanation, type VerdictKind } from './view/explain';
export { buildPodSecurityGraph, objectNodeId, namespaceNodeId, policySummary } from './view/graph';
export { levelVersionString } from './levels';
export { expectedVerdicts } from './view/expected';
export { applyLines } from './commands';
