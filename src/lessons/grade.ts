// Grades an attempt: the lesson's cluster plus the learner's YAML, evaluated by the engine, against the checks.
// Messages say what is wrong in a learner's words: which connection, what was expected, what happened.
import {
  type Cluster,
  type Connectivity,
  type Diagnostic,
  type Endpoint,
  type ParseCache,
  type Probe,
  type SourceText,
  evaluate,
  EvaluationTooLarge,
  loadCluster,
} from '../topics/netpol/index';
import type { Check, ConnectivityCheck, Language, Lesson, Localized, Verdict } from './model';

export type GradeStatus = 'pending' | 'passed' | 'failed' | 'invalid';

export interface CheckResult {
  id: string;
  passed: boolean;
  title: Localized;
  hint: Localized;
  /** What is wrong, in both languages; empty when the check passed. */
  problems: readonly Localized[];
}

export interface Grade {
  /** pending: no policy yet; invalid: the text has errors; else passed or failed. */
  status: GradeStatus;
  diagnostics: readonly Diagnostic[];
  checks: readonly CheckResult[];
  connectivity: Connectivity | null;
  /** The verdict the lesson expects for a connection, if any connectivity check speaks of it. */
  expected(from: Endpoint, to: Endpoint, probe: Probe): Verdict | null;
}

/** Grades the attempt text (the editor's content) against the lesson. A parse cache speeds up re-grading. */
export function gradeAttempt(lesson: Lesson, text: string, file = 'attempt.yaml', cache?: ParseCache): Grade {
  return gradeSubmission(lesson, [{ file, text }], cache);
}

/** Grades a submission of one or more files (read together, as `kubectl apply -f` of all of them would). */
export function gradeSubmission(lesson: Lesson, inputs: readonly SourceText[], cache?: ParseCache): Grade {
  const { cluster, diagnostics } = loadCluster([lesson.cluster, ...inputs], { cache });
  const files = new Set(inputs.map((i) => i.file));
  const connectivityChecks = lesson.checks.flatMap((c) => (c.spec.kind === 'connectivity' ? [c.spec] : []));
  const expected = (from: Endpoint, to: Endpoint, probe: Probe): Verdict | null => {
    if (connectivityChecks.length === 0 || (from.id === to.id && from.kind === 'pod')) return null;
    return expectedVerdict(connectivityChecks[0]!, from, to, probe);
  };
  if (diagnostics.some((d) => d.severity === 'error')) {
    return { status: 'invalid', diagnostics, checks: [], connectivity: null, expected };
  }
  let connectivity: Connectivity;
  try {
    connectivity = evaluate(cluster, { ports: lesson.probes, declaredPorts: false });
  } catch (err) {
    if (!(err instanceof EvaluationTooLarge)) throw err;
    const refusal = err.diagnostic(inputs[0]?.file ?? lesson.cluster.file);
    return { status: 'invalid', diagnostics: [...diagnostics, refusal], checks: [], connectivity: null, expected };
  }
  const checks = lesson.checks.map((check) => runCheck(check, cluster, connectivity));
  const attemptHasPolicy = cluster.policies.some((p) => files.has(p.location.file));
  const status: GradeStatus = !attemptHasPolicy ? 'pending' : checks.every((c) => c.passed) ? 'passed' : 'failed';
  return { status, diagnostics, checks, connectivity, expected };
}

/** Does an endpoint match a lesson pattern (`*`, `ns/*`, `ns/name`, `external:*`, `external:name`)? */
export function matchesPattern(pattern: string, e: Endpoint): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('/*')) return e.kind === 'pod' && e.namespace === pattern.slice(0, -2);
  if (pattern === 'external:*') return e.kind === 'external';
  return e.id === pattern;
}

function expectedVerdict(spec: ConnectivityCheck, from: Endpoint, to: Endpoint, probe: Probe): Verdict {
  let verdict = spec.default;
  for (const x of spec.except) {
    if (x.probe && (x.probe.port !== probe.port || x.probe.protocol !== probe.protocol)) continue;
    if (matchesPattern(x.from, from) && matchesPattern(x.to, to)) verdict = x.verdict;
  }
  return verdict;
}

const SHOWN = 4;

function runCheck(check: Check, cluster: Cluster, result: Connectivity): CheckResult {
  const problems: Localized[] = [];
  const endpoints = cluster.endpoints;
  const spec = check.spec;
  switch (spec.kind) {
    case 'connectivity': {
      const wrong: Localized[] = [];
      for (let s = 0; s < endpoints.length; s++) {
        for (let d = 0; d < endpoints.length; d++) {
          if (!result.isPair(s, d) || s === d) continue;
          for (const g of result.probesOf(d)) {
            const probe = result.probes[g]!;
            const want = expectedVerdict(spec, endpoints[s]!, endpoints[d]!, probe);
            const got: Verdict = result.verdict(s, d, g).allowed ? 'allowed' : 'denied';
            if (want !== got) wrong.push(connectionProblem(endpoints[s]!.id, endpoints[d]!.id, probe, want));
          }
        }
      }
      problems.push(...wrong.slice(0, SHOWN));
      if (wrong.length > SHOWN) {
        const more = wrong.length - SHOWN;
        problems.push({ en: `…and ${more} more connection${more > 1 ? 's' : ''}.`, ja: `…ほか ${more} 件の接続。` });
      }
      break;
    }
    case 'isolation': {
      endpoints.forEach((e, i) => {
        if (e.kind !== 'pod' || !matchesPattern(spec.pods, e)) return;
        const iso = result.isolation(i);
        for (const dir of ['ingress', 'egress'] as const) {
          const want = spec[dir];
          if (want === null) continue;
          const is = iso[dir].length > 0;
          if (is !== want) problems.push(isolationProblem(e.id, dir, want));
        }
      });
      break;
    }
    case 'policy': {
      const attempt = cluster.policies;
      for (const ns of spec.namespaces) {
        if (!attempt.some((p) => p.namespace === ns)) {
          problems.push({ en: `No NetworkPolicy lives in namespace ${ns}.`, ja: `namespace ${ns} に NetworkPolicy がありません。` });
        }
      }
      if (spec.uses) {
        const kind = spec.uses;
        const used = attempt.some((p) =>
          [...p.ingress, ...p.egress].some((r) =>
            (r.peers ?? []).some((peer) =>
              kind === 'ipBlock' ? peer.kind === 'ipBlock' : peer.kind === 'selector' && peer[kind] !== null,
            ),
          ),
        );
        if (!used) problems.push({ en: `No rule uses a ${kind} peer.`, ja: `${kind} を使うルールがありません。` });
      }
      if (spec.policyTypes) {
        const want = [...spec.policyTypes].sort().join(',');
        const has = attempt.some((p) => [p.policyTypes.ingress ? 'Ingress' : '', p.policyTypes.egress ? 'Egress' : ''].filter(Boolean).sort().join(',') === want);
        if (!has) {
          const list = spec.policyTypes.join(' and ');
          problems.push({ en: `No policy has policyTypes ${list}.`, ja: `policyTypes が ${list} のポリシーがありません。` });
        }
      }
      if (spec.maxPolicies !== null && attempt.length > spec.maxPolicies) {
        problems.push({
          en: `Use at most ${spec.maxPolicies} NetworkPolicies (you have ${attempt.length}).`,
          ja: `NetworkPolicy は ${spec.maxPolicies} 個までにしてください（現在 ${attempt.length} 個）。`,
        });
      }
      break;
    }
  }
  return { id: check.id, passed: problems.length === 0, title: check.title, hint: check.hint, problems };
}

function connectionProblem(from: string, to: string, probe: Probe, want: Verdict): Localized {
  const p = `${probe.protocol} ${probe.port}`;
  return want === 'allowed'
    ? { en: `${from} → ${to} (${p}) should be allowed, but it is denied.`, ja: `${from} → ${to} (${p}) は許可されるべきですが、拒否されています。` }
    : { en: `${from} → ${to} (${p}) should be denied, but it is allowed.`, ja: `${from} → ${to} (${p}) は拒否されるべきですが、許可されています。` };
}

function isolationProblem(pod: string, dir: 'ingress' | 'egress', want: boolean): Localized {
  const ja = dir === 'ingress' ? 'Ingress' : 'Egress';
  return want
    ? { en: `${pod} should be isolated for ${dir}, but no policy selects it with ${ja}.`, ja: `${pod} は ${ja} について隔離されるべきですが、${ja} でそれを選択するポリシーがありません。` }
    : { en: `${pod} should not be isolated for ${dir}, but a policy selects it with ${ja}.`, ja: `${pod} は ${ja} について隔離されるべきではありませんが、ポリシーに選択されています。` };
}

/** A localized text in one language. */
export const inLanguage = (text: Localized, lang: Language): string => text[lang];
