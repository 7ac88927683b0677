// analyze(): load -> evaluate -> grade, the one pipeline the app, `cks-lab grade`, the CLI and the tests share.
// Texts are read once with every kind the topics know; each topic builds and evaluates its own model from the
// same objects, and a lesson's checks run against the topic that owns them.
import { parseSources, readObjects, sortDiagnostics, type Diagnostic, type KindReader, type KubeObject, type ParseCache, type SourceText } from '../kube/index';
import type { Localized } from './localized';
import { isRefusal, type AnyTopic } from './topic';

/** A lesson check as the loader parsed it: its text, the topic and check kind that run it, and its spec. */
export interface CheckRef {
  id: string;
  title: Localized;
  hint: Localized;
  topic: string;
  key: string;
  spec: unknown;
}

export interface CheckResult {
  id: string;
  passed: boolean;
  title: Localized;
  hint: Localized;
  /** What is wrong, in both languages; empty when the check passed. */
  problems: readonly Localized[];
}

/** pending: nothing graded written yet; invalid: the text has errors; else passed or failed. */
export type AnalysisStatus = 'pending' | 'passed' | 'failed' | 'invalid';

/** One topic's model and result. */
export interface TopicOutcome<Model = unknown, Result = unknown> {
  topic: AnyTopic;
  model: Model;
  result: Result;
}

export interface Analysis {
  status: AnalysisStatus;
  diagnostics: readonly Diagnostic[];
  checks: readonly CheckResult[];
  /** By topic id; absent when the input had errors. */
  outcomes: ReadonlyMap<string, TopicOutcome>;
}

export interface AnalysisInput {
  /** The topics to evaluate (a lesson's, or every topic for the playground). */
  topics: readonly AnyTopic[];
  /** Options per topic id (a lesson's `netpol: {probes}`); a topic without uses its defaultOptions. */
  options?: ReadonlyMap<string, unknown>;
  /** The lesson's checks; none outside a lesson. */
  checks?: readonly CheckRef[];
  /** Texts that are not the learner's (a lesson's cluster). */
  base?: readonly SourceText[];
  /** The learner's texts. */
  attempt: readonly SourceText[];
  cache?: ParseCache;
}

/** The kinds a set of topics reads, each reader once. */
export function kindsOf(topics: readonly AnyTopic[]): KindReader[] {
  return [...new Set(topics.flatMap((t) => t.kinds))];
}

/** Reads, evaluates and grades. Problems come back as diagnostics; nothing is thrown for bad input. */
export function analyze(input: AnalysisInput): Analysis {
  const texts = [...(input.base ?? []), ...input.attempt];
  const files = texts.map((t) => t.file);
  const parsed = parseSources(texts, input.cache);
  const read = readObjects(parsed.documents, kindsOf(input.topics));
  const all: Diagnostic[] = [...parsed.diagnostics, ...read.diagnostics];
  // On a lesson's cluster, the learner's objects meet the namespaces it has (kubectl refuses the others).
  const objects = (input.base ?? []).length > 0 ? inKnownNamespaces(read.objects, new Set(input.attempt.map((t) => t.file)), all) : read.objects;
  const optionsOf = (topic: AnyTopic): unknown => input.options?.get(topic.id) ?? topic.defaultOptions;
  const built = input.topics.map((topic) => ({ topic, ...topic.build(objects, optionsOf(topic)) }));
  for (const b of built) all.push(...b.diagnostics);
  let diagnostics = sortDiagnostics(unique(all), files);
  const outcomes = new Map<string, TopicOutcome>();
  const fail = (more: Diagnostic[] = []): Analysis => ({ status: 'invalid', diagnostics: [...diagnostics, ...more], checks: [], outcomes: new Map() });
  if (diagnostics.some((d) => d.severity === 'error')) return fail();
  for (const { topic, model } of built) {
    try {
      outcomes.set(topic.id, { topic, model, result: topic.evaluate(model, optionsOf(topic)) });
    } catch (err) {
      if (!isRefusal(err)) throw err;
      return fail([err.diagnostic(input.attempt[0]?.file ?? files[0] ?? 'input')]);
    }
  }
  const attemptFiles = new Set(input.attempt.map((t) => t.file));
  const checks = (input.checks ?? []).map((check): CheckResult => {
    const outcome = outcomes.get(check.topic);
    const kind = outcome?.topic.checks.find((k) => k.key === check.key);
    if (!outcome || !kind) throw new Error(`check ${check.id}: no ${check.topic} check kind ${check.key}`);
    const problems = kind.run(check.spec as never, { model: outcome.model, result: outcome.result, attemptFiles });
    return { id: check.id, passed: problems.length === 0, title: check.title, hint: check.hint, problems };
  });
  diagnostics = sortDiagnostics([...diagnostics], files);
  const attempted = [...outcomes.values()].some((o) => o.topic.attempted(o.model, attemptFiles));
  const status: AnalysisStatus = !attempted ? 'pending' : checks.every((c) => c.passed) ? 'passed' : 'failed';
  return { status, diagnostics, checks, outcomes };
}

/** Namespaces every cluster has before anything is applied. */
const PREEXISTING_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

/**
 * The learner's namespaced objects whose namespace the cluster does not have are left out with a warning, as
 * `kubectl apply` refuses them (Error from server (NotFound): namespaces "x" not found) rather than inventing the
 * namespace. The cluster has the namespaces every cluster has, those declared by a Namespace (the learner's too),
 * and those the lesson's own objects live in.
 */
function inKnownNamespaces(objects: readonly KubeObject[], attemptFiles: ReadonlySet<string>, diagnostics: Diagnostic[]): KubeObject[] {
  const known = new Set(PREEXISTING_NAMESPACES);
  for (const o of objects) {
    if (o.kind === 'Namespace') known.add(o.meta.name);
    else if (o.meta.namespace !== '' && !attemptFiles.has(o.meta.location.file)) known.add(o.meta.namespace);
  }
  const listed = [...known].filter((n) => !n.startsWith('kube-')).sort().join(', ');
  return objects.filter((o) => {
    const ns = o.meta.namespace;
    if (ns === '' || known.has(ns) || !attemptFiles.has(o.meta.location.file)) return true;
    const nsNode = o.node.entries.get('metadata')?.value;
    const at = nsNode?.type === 'map' ? (nsNode.entries.get('namespace')?.value.offset ?? o.node.offset) : o.node.offset;
    diagnostics.push({
      ...o.doc.locate(at),
      severity: 'warning',
      code: 'namespace-not-found',
      message: `namespace "${ns}" not found: the lesson's cluster has no such namespace (it has ${listed}), so kubectl apply would refuse ${o.kind} ${ns}/${o.meta.name}; the lab leaves it out. Declare the Namespace too, or use one the cluster has.`,
      messageJa: `namespace "${ns}" が見つかりません。レッスンのクラスタにこの namespace はない（あるのは ${listed}）ため、kubectl apply は ${o.kind} ${ns}/${o.meta.name} を拒否します。ラボはこれを評価しません。Namespace も宣言するか、クラスタにある namespace を使いましょう。`,
    });
    return false;
  });
}

/** Drops repeats: two topics that build from the same Namespace report its duplicate once. */
function unique(list: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.file}:${d.line}:${d.col}:${d.severity}:${d.code}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
