// The NetworkPolicy topic's lesson checks: expected connectivity ("default plus exceptions"), isolation of pods,
// and structural checks on the learner's policies. Messages name the connection and what was expected.
import type { CheckKind, LessonFail, Localized } from '../../core/index';
import type { Connectivity } from './evaluate';
import type { Cluster, Endpoint, Probe } from './model';
import { parseProbeList } from './probes';

export type ExpectedVerdict = 'allowed' | 'denied';

/** One exception of a connectivity table: endpoints as `ns/name`, `ns/*`, `external:name` or `*`. */
export interface ConnectivityException {
  from: string;
  to: string;
  /** `80`, `80/TCP`; absent means every probe. */
  probe: Probe | null;
  verdict: ExpectedVerdict;
}

/** Expected connectivity written as "default plus exceptions"; later exceptions win. */
export interface ConnectivityCheck {
  default: ExpectedVerdict;
  except: readonly ConnectivityException[];
}

/** Pods (a pattern) must (or must not) be isolated in the given directions. */
export interface IsolationCheck {
  pods: string;
  ingress: boolean | null;
  egress: boolean | null;
}

/** Structural checks on the learner's policies. */
export interface PolicyCheck {
  /** Some policy lives in each of these namespaces. */
  namespaces: readonly string[];
  /** Some policy uses this peer kind. */
  uses: 'podSelector' | 'namespaceSelector' | 'ipBlock' | null;
  /** Some policy has exactly these effective policyTypes (after API-server defaulting; order aside). */
  policyTypes: readonly ('Ingress' | 'Egress')[] | null;
  /** At most this many policies in all. */
  maxPolicies: number | null;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const PATTERN = /^(\*|external:(\*|[a-z0-9]([-a-z0-9.]*[a-z0-9])?)|[a-z0-9]([-a-z0-9]*[a-z0-9])?\/(\*|[a-z0-9]([-a-z0-9.]*[a-z0-9])?))$/;

function pattern(v: unknown, at: string, fail: LessonFail): string {
  if (typeof v !== 'string' || !PATTERN.test(v)) fail(at, 'must be ns/name, ns/*, external:name or *');
  return String(v);
}

/** Does an endpoint match a lesson pattern (`*`, `ns/*`, `ns/name`, `external:*`, `external:name`)? */
export function matchesPattern(pattern: string, e: Endpoint): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('/*')) return e.kind === 'pod' && e.namespace === pattern.slice(0, -2);
  if (pattern === 'external:*') return e.kind === 'external';
  return e.id === pattern;
}

/** The verdict a connectivity check expects for one connection. */
export function expectedVerdict(spec: ConnectivityCheck, from: Endpoint, to: Endpoint, probe: Probe): ExpectedVerdict {
  let verdict = spec.default;
  for (const x of spec.except) {
    if (x.probe && (x.probe.port !== probe.port || x.probe.protocol !== probe.protocol)) continue;
    if (matchesPattern(x.from, from) && matchesPattern(x.to, to)) verdict = x.verdict;
  }
  return verdict;
}

const SHOWN = 4;

export const connectivityCheck: CheckKind<ConnectivityCheck, Cluster, Connectivity> = {
  key: 'connectivity',
  parse(value, path, fail) {
    if (!isObj(value)) {
      fail(path, 'must be a mapping');
      return null;
    }
    const verdict = (v: unknown, at: string): ExpectedVerdict => {
      if (v !== 'allowed' && v !== 'denied') fail(at, 'must be allowed or denied');
      return v as ExpectedVerdict;
    };
    const except: ConnectivityException[] = [];
    (Array.isArray(value.except) ? value.except : []).forEach((e: unknown, j: number) => {
      const at = `${path}.except[${j}]`;
      if (!isObj(e)) return fail(at, 'must be a mapping');
      let probe: Probe | null = null;
      if (e.probe !== undefined) {
        const parsed = parseProbeList(String(e.probe));
        if ('error' in parsed || parsed.probes.length !== 1) fail(`${at}.probe`, 'must be one probe such as 80/TCP');
        else probe = parsed.probes[0]!;
      }
      except.push({ from: pattern(e.from, `${at}.from`, fail), to: pattern(e.to, `${at}.to`, fail), probe, verdict: verdict(e.verdict, `${at}.verdict`) });
    });
    if (value.except !== undefined && !Array.isArray(value.except)) fail(`${path}.except`, 'must be a list');
    return { default: verdict(value.default, `${path}.default`), except };
  },
  run(spec, { model: cluster, result }) {
    const endpoints = cluster.endpoints;
    const wrong: Localized[] = [];
    for (const { from: s, to: d, probe: g } of result.cells()) {
      if (s === d) continue; // a pod may always reach itself: never graded
      const probe = result.probes[g]!;
      const want = expectedVerdict(spec, endpoints[s]!, endpoints[d]!, probe);
      const got: ExpectedVerdict = result.verdict(s, d, g).allowed ? 'allowed' : 'denied';
      if (want !== got) wrong.push(connectionProblem(endpoints[s]!.id, endpoints[d]!.id, probe, want));
    }
    const problems = wrong.slice(0, SHOWN);
    if (wrong.length > SHOWN) {
      const more = wrong.length - SHOWN;
      problems.push({ en: `…and ${more} more connection${more > 1 ? 's' : ''}.`, ja: `…ほか ${more} 件の接続。` });
    }
    return problems;
  },
};

export const isolationCheck: CheckKind<IsolationCheck, Cluster, Connectivity> = {
  key: 'isolation',
  parse(value, path, fail) {
    if (!isObj(value)) {
      fail(path, 'must be a mapping');
      return null;
    }
    const flag = (v: unknown, at: string): boolean | null => {
      if (v === undefined) return null;
      if (typeof v !== 'boolean') fail(at, 'must be true or false');
      return Boolean(v);
    };
    const ingress = flag(value.ingress, `${path}.ingress`);
    const egress = flag(value.egress, `${path}.egress`);
    if (ingress === null && egress === null) fail(path, 'must set ingress or egress');
    return { pods: pattern(value.pods, `${path}.pods`, fail), ingress, egress };
  },
  run(spec, { model: cluster, result }) {
    const problems: Localized[] = [];
    cluster.endpoints.forEach((e, i) => {
      if (e.kind !== 'pod' || !matchesPattern(spec.pods, e)) return;
      const iso = result.isolation(i);
      for (const dir of ['ingress', 'egress'] as const) {
        const want = spec[dir];
        if (want === null) continue;
        const is = iso[dir].length > 0;
        if (is !== want) problems.push(isolationProblem(e.id, dir, want));
      }
    });
    return problems;
  },
};

export const policyCheck: CheckKind<PolicyCheck, Cluster, Connectivity> = {
  key: 'policy',
  parse(value, path, fail) {
    if (!isObj(value)) {
      fail(path, 'must be a mapping');
      return null;
    }
    const namespaces = value.namespaces === undefined ? [] : value.namespaces;
    if (!Array.isArray(namespaces) || !namespaces.every((n) => typeof n === 'string')) fail(`${path}.namespaces`, 'must be a list of names');
    const uses = value.uses ?? null;
    if (uses !== null && !['podSelector', 'namespaceSelector', 'ipBlock'].includes(uses as string)) {
      fail(`${path}.uses`, 'must be podSelector, namespaceSelector or ipBlock');
    }
    const types = value.policyTypes ?? null;
    if (types !== null && (!Array.isArray(types) || !types.every((t) => t === 'Ingress' || t === 'Egress'))) {
      fail(`${path}.policyTypes`, 'must list Ingress and/or Egress');
    }
    const max = value.maxPolicies ?? null;
    if (max !== null && (typeof max !== 'number' || max < 1)) fail(`${path}.maxPolicies`, 'must be a positive number');
    return {
      namespaces: Array.isArray(namespaces) ? (namespaces as string[]) : [],
      uses: uses as PolicyCheck['uses'],
      policyTypes: types as PolicyCheck['policyTypes'],
      maxPolicies: max as number | null,
    };
  },
  run(spec, { model: cluster }) {
    const problems: Localized[] = [];
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
          (r.peers ?? []).some((peer) => (kind === 'ipBlock' ? peer.kind === 'ipBlock' : peer.kind === 'selector' && peer[kind] !== null)),
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
    return problems;
  },
};

function connectionProblem(from: string, to: string, probe: Probe, want: ExpectedVerdict): Localized {
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
