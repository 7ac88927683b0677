// Test helpers for the Pod Security topic: YAML through the real reader (parseSources -> readObjects ->
// buildPodSecurity), then the registry or the admission plugin. Nothing here is used outside tests.
import { stringify } from 'yaml';
import { parseSources, readObjects, type Diagnostic } from '../../kube/index';
import { buildPodSecurity, POD_SECURITY_KINDS, type PodSecurityModel, type PsaObject } from './build';
import { evaluatePodSecurity, type PodSecurityResult } from './evaluate';
import { parseLevel, parseVersion, type Level, type LevelVersion } from './levels';
import type { PodTemplateView } from './read';
import { REGISTRY, failures, type IdentifiedResult } from './registry';

/** `lv('restricted', 'v1.25')`: a level and version as a namespace label would give them (must be valid). */
export function lv(level: Level, version = 'latest'): LevelVersion {
  const l = parseLevel(level);
  const v = parseVersion(version);
  if (l.error || v.error) throw new Error(`bad level/version ${level}:${version}`);
  return { level: l.level, version: v.version };
}

/** Reads YAML documents into the Pod Security model (no evaluation). */
export function readModel(text: string): { model: PodSecurityModel; diagnostics: Diagnostic[] } {
  const parsed = parseSources([{ file: 'test.yaml', text }]);
  const read = readObjects(parsed.documents, POD_SECURITY_KINDS);
  const built = buildPodSecurity(read.objects);
  return { model: built.model, diagnostics: [...parsed.diagnostics, ...read.diagnostics, ...built.diagnostics] };
}

const errorsOf = (diagnostics: readonly Diagnostic[]): Diagnostic[] => diagnostics.filter((d) => d.severity === 'error');

/** The object (Pod or workload) named `name` (or the first), read without errors. */
export function object(text: string, name?: string): PsaObject {
  const { model, diagnostics } = readModel(text);
  const errors = errorsOf(diagnostics);
  if (errors.length > 0) throw new Error(`unexpected errors: ${errors.map((d) => d.message).join('; ')}`);
  const found = name === undefined ? model.objects[0] : model.objects.find((o) => o.name === name);
  if (!found) throw new Error(`no object ${name ?? ''}`);
  return found;
}

/** The pod (template) the checks see for the first object in `text`. */
export function template(text: string, name?: string): PodTemplateView {
  const t = object(text, name).template;
  if (!t) throw new Error('object has no pod template');
  return t;
}

/** Every check's result at a level and version, in registry order. */
export function results(level: Level, version: string, text: string): IdentifiedResult[] {
  const t = template(text);
  return REGISTRY.evaluatePod(lv(level, version), t.meta, t.spec);
}

/** The failed checks (AggregateCheckResults' view), in order. */
export function failed(level: Level, version: string, text: string): IdentifiedResult[] {
  return failures(results(level, version, text));
}

/** One check's result; throws when that check does not run at this level and version. */
export function check(id: string, level: Level, version: string, text: string): IdentifiedResult {
  const hit = results(level, version, text).find((r) => r.check === id);
  if (!hit) throw new Error(`check ${id} does not run at ${level}:${version}`);
  return hit;
}

/** Whether a check runs at a level and version. */
export function runs(id: string, level: Level, version: string): boolean {
  return REGISTRY.checksFor(lv(level, version)).some((c) => c.id === id);
}

/**
 * The pipeline analyze() runs for this topic (read, build, evaluate), without importing the topic module (its
 * lesson checks are not under test here). `result` is null when the input has errors, as analyze() gives no outcome.
 */
export function analyzeText(text: string, username?: string): { diagnostics: Diagnostic[]; result: PodSecurityResult | null } {
  const { model, diagnostics } = readModel(text);
  if (errorsOf(diagnostics).length > 0) return { diagnostics, result: null };
  return { diagnostics, result: evaluatePodSecurity(model, username === undefined ? {} : { username }) };
}

// ---- YAML writers for tests that build pods from data (property tests, many-container cases) ----

export interface PodOptions {
  name?: string;
  namespace?: string;
  kind?: 'Pod' | 'Deployment';
  annotations?: Record<string, string>;
}

/** A YAML document for a Pod (or a Deployment wrapping the same template) with the given spec. */
export function podYaml(spec: Record<string, unknown>, options: PodOptions = {}): string {
  const { name = 'p', namespace = 'default', kind = 'Pod', annotations } = options;
  const metadata: Record<string, unknown> = annotations ? { annotations } : {};
  if (kind === 'Pod') {
    return stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, ...metadata }, spec });
  }
  return stringify({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name }, ...metadata }, spec } },
  });
}

/** A namespace document with Pod Security labels. */
export function namespaceYaml(name: string, labels: Record<string, string>): string {
  return stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });
}

/** The securityContext that satisfies every restricted check for a Linux container. */
export const RESTRICTED_SC = {
  runAsNonRoot: true,
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
};

/** A container named `name` with the restricted securityContext, plus overrides merged into it. */
export function goodContainer(name: string, sc: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name, image: 'registry.example/app:1', securityContext: { ...RESTRICTED_SC, ...sc }, ...extra };
}
