// What every topic shares: localized text, the Topic shape and its check kinds, and analyze().
export { LANGUAGES, same, inLanguage, type Language, type Localized } from './localized';
export { isRefusal, type Topic, type AnyTopic, type CheckKind, type CheckContext, type LessonFail, type Refusal } from './topic';
export { analyze, kindsOf, type Analysis, type AnalysisInput, type AnalysisStatus, type CheckRef, type CheckResult, type TopicOutcome } from './analyze';
export { refSegment, plainText, explained, type ObjectRef, type Segment, type Explained } from './segments';
export type { ViewGraph, ViewNode, ViewEdge, EdgeVerdict } from './view';
export { parseArgs, oneOf, UsageError, type FlagSpec, type ParsedArgs, type CliEnv, type CliCommand } from './args';
export { encodeShare, decodeShare, readShareLink, type ShareTarget } from './share-payload';
