// The NetworkPolicy topic's lesson checks: expected connectivity ("default plus exceptions"), isolation of pods,
// and structural checks on the learner's policies. Messages name the connection and what was expected.
import type { CheckKind, LessonFail, Localized } from '../../core/index';
import type { Connectivity } from './evaluate';
import type { Cluster, Endpoint, NetworkPolicy, Peer, Probe } from './model';
import type { LabelSelector } from '../../kube/index';
import { policySelects } from './explain';
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

/** A peer kind a structural check asks for. */
export type PeerKind = 'podSelector' | 'namespaceSelector' | 'ipBlock';

/** Connections (patterns) whose admitting rules a structural check reads, on one side: the destination's ingress
 * rules (default) or the source's egress rules. */
export interface AdmitsPattern {
  from: string;
  to: string;
  /** Absent: every probe of the lesson. */
  probe: Probe | null;
  direction: 'ingress' | 'egress';
}

/**
 * Structural checks on the learner's policies (those in the learner's files, never the cluster's), scoped to the
 * policies that matter: the policy the task names, or else the policies that select the target pods; and the rules
 * that admit the graded connections. A policy elsewhere never satisfies them.
 */
export interface PolicyCheck {
  /** The policy the task names: it must exist (in each of `namespaces`, or anywhere when none are given). */
  name: string | null;
  /** With `name`: the named policy's namespaces. Without: in each, some policy of the learner selects a pod. */
  namespaces: readonly string[];
  /** A pod pattern: the policies in scope select exactly these pods (the named policy: those of its namespace). */
  selects: string | null;
  /** The rules that admit the `admits` connections all use this peer kind; without `admits`, some rule of a policy
   * in scope does. */
  uses: PeerKind | null;
  /** The graded connections: each must be admitted by a rule (of the named policy, with `name`). */
  admits: readonly AdmitsPattern[];
  /** Every policy in scope has exactly these effective policyTypes (after API-server defaulting; order aside). */
  policyTypes: readonly ('Ingress' | 'Egress')[] | null;
  /** At most this many policies in the learner's text. */
  maxPolicies: number | null;
  /** The rules that admit the `admits` connections pick their peers by these label keys and no others
   * (`{namespaceSelector: [team], podSelector: [role]}`): the labels the task names, not names or other labels
   * that happen to pick the same pods in this cluster. */
  peersBy: { namespaceSelector: readonly string[] | null; podSelector: readonly string[] | null } | null;
  /** The rules of the policies in scope admit no probed connection beyond `admits`, in either direction: a rule
   * wider than the task, even where the other end's policy still denies the traffic, fails. */
  admitsOnly: boolean;
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


/** An optional `probe:` of a lesson check: one probe such as 80/TCP, or null when absent. */
function oneProbe(value: unknown, at: string, fail: LessonFail): Probe | null {
  if (value === undefined) return null;
  const parsed = parseProbeList(String(value));
  if ('error' in parsed || parsed.probes.length !== 1) {
    fail(at, 'must be one probe such as 80/TCP');
    return null;
  }
  return parsed.probes[0]!;
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
      const probe = oneProbe(e.probe, `${at}.probe`, fail);
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

const PEER_KINDS: readonly PeerKind[] = ['podSelector', 'namespaceSelector', 'ipBlock'];
const POLICY_KEYS = ['name', 'namespace', 'namespaces', 'selects', 'uses', 'admits', 'admitsOnly', 'peersBy', 'policyTypes', 'maxPolicies'];
const NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

const article = (kind: PeerKind): string => (kind === 'ipBlock' ? 'an' : 'a');

function peerIs(kind: PeerKind, peer: Peer | null): boolean {
  if (peer === null) return false;
  return kind === 'ipBlock' ? peer.kind === 'ipBlock' : peer.kind === 'selector' && peer[kind] !== null;
}

/** Lists at most SHOWN problems, then how many more. */
function capped(list: Localized[]): Localized[] {
  if (list.length <= SHOWN) return list;
  const more = list.length - SHOWN;
  return [...list.slice(0, SHOWN), { en: `…and ${more} more.`, ja: `…ほか ${more} 件。` }];
}

export const policyCheck: CheckKind<PolicyCheck, Cluster, Connectivity> = {
  key: 'policy',
  parse(value, path, fail) {
    if (!isObj(value)) {
      fail(path, 'must be a mapping');
      return null;
    }
    for (const key of Object.keys(value)) if (!POLICY_KEYS.includes(key)) fail(`${path}.${key}`, `is not a policy check field (${POLICY_KEYS.join(', ')})`);
    const name = value.name ?? null;
    if (name !== null && (typeof name !== 'string' || !NAME.test(name))) fail(`${path}.name`, 'must be a policy name');
    if (value.namespace !== undefined && value.namespaces !== undefined) fail(`${path}.namespace`, 'give namespace or namespaces, not both');
    const namespaces = value.namespace !== undefined ? [value.namespace] : (value.namespaces ?? []);
    if (!Array.isArray(namespaces) || !namespaces.every((n) => typeof n === 'string' && NAME.test(n))) {
      fail(`${path}.${value.namespace !== undefined ? 'namespace' : 'namespaces'}`, value.namespace !== undefined ? 'must be a namespace name' : 'must be a list of namespace names');
    }
    const selects = value.selects === undefined ? null : pattern(value.selects, `${path}.selects`, fail);
    if (selects !== null && selects.startsWith('external:')) fail(`${path}.selects`, 'must match pods: ns/name, ns/* or *');
    const uses = value.uses ?? null;
    if (uses !== null && !PEER_KINDS.includes(uses as PeerKind)) fail(`${path}.uses`, 'must be podSelector, namespaceSelector or ipBlock');
    const admits: AdmitsPattern[] = [];
    if (value.admits !== undefined && !Array.isArray(value.admits)) fail(`${path}.admits`, 'must be a list of {from, to, probe?, direction?}');
    (Array.isArray(value.admits) ? value.admits : []).forEach((e: unknown, j: number) => {
      const at = `${path}.admits[${j}]`;
      if (!isObj(e)) return fail(at, 'must be a mapping');
      const probe = oneProbe(e.probe, `${at}.probe`, fail);
      const direction = e.direction ?? 'ingress';
      if (direction !== 'ingress' && direction !== 'egress') fail(`${at}.direction`, 'must be ingress or egress');
      admits.push({ from: pattern(e.from, `${at}.from`, fail), to: pattern(e.to, `${at}.to`, fail), probe, direction: direction as AdmitsPattern['direction'] });
    });
    const types = value.policyTypes ?? null;
    if (types !== null && (!Array.isArray(types) || !types.every((t) => t === 'Ingress' || t === 'Egress'))) {
      fail(`${path}.policyTypes`, 'must list Ingress and/or Egress');
    }
    const max = value.maxPolicies ?? null;
    if (max !== null && (typeof max !== 'number' || max < 1)) fail(`${path}.maxPolicies`, 'must be a positive number');
    let peersBy: PolicyCheck['peersBy'] = null;
    if (value.peersBy !== undefined) {
      const by = value.peersBy;
      const keys = (k: string): string[] | null => {
        const v = isObj(by) ? by[k] : undefined;
        if (v === undefined) return null;
        if (!Array.isArray(v) || v.length === 0 || !v.every((x) => typeof x === 'string' && x !== '')) {
          fail(`${path}.peersBy.${k}`, 'must list label keys');
          return null;
        }
        return v as string[];
      };
      if (!isObj(by) || Object.keys(by).some((k) => k !== 'namespaceSelector' && k !== 'podSelector') || Object.keys(by).length === 0) {
        fail(`${path}.peersBy`, 'must be {namespaceSelector: [KEY...], podSelector: [KEY...]} (either or both)');
      } else peersBy = { namespaceSelector: keys('namespaceSelector'), podSelector: keys('podSelector') };
      if (admits.length === 0) fail(`${path}.peersBy`, 'needs admits: the connections whose rules are looked at');
    }
    const only = value.admitsOnly ?? false;
    if (typeof only !== 'boolean') fail(`${path}.admitsOnly`, 'must be true or false');
    else if (only && admits.length === 0) fail(`${path}.admitsOnly`, 'needs admits: the connections the policies may admit');
    return {
      name: typeof name === 'string' ? name : null,
      namespaces: Array.isArray(namespaces) ? (namespaces as string[]) : [],
      selects,
      uses: uses as PeerKind | null,
      admits,
      policyTypes: types as PolicyCheck['policyTypes'],
      maxPolicies: max as number | null,
      admitsOnly: only === true,
      peersBy,
    };
  },
  run(spec, { model: cluster, result, attemptFiles }) {
    const problems: Localized[] = [];
    const learner = cluster.policies.filter((p) => attemptFiles.has(p.location.file));
    const pods = cluster.endpoints.filter((e) => e.kind === 'pod');
    const selected = (p: NetworkPolicy): Endpoint[] => pods.filter((e) => policySelects(p, e));

    // ---- the policies in scope: the named one(s), or those that select the target pods -------------------
    let scope: NetworkPolicy[];
    if (spec.name !== null) {
      const name = spec.name;
      scope = [];
      if (spec.namespaces.length === 0) {
        scope = learner.filter((p) => p.name === name);
        if (scope.length === 0) problems.push({ en: `No NetworkPolicy is named ${name}.`, ja: `${name} という名前の NetworkPolicy がありません。` });
      }
      for (const ns of spec.namespaces) {
        const found = learner.find((p) => p.name === name && p.namespace === ns);
        if (found) scope.push(found);
        else {
          const elsewhere = learner.filter((p) => p.name === name).map((p) => p.namespace);
          problems.push({
            en: `No NetworkPolicy named ${name} in namespace ${ns}${elsewhere.length ? ` (there is one in ${elsewhere.join(', ')})` : ''}.`,
            ja: `namespace ${ns} に ${name} という名前の NetworkPolicy がありません${elsewhere.length ? `（${elsewhere.join(', ')} にはあります）` : ''}。`,
          });
        }
      }
    } else {
      for (const ns of spec.namespaces) {
        const here = learner.filter((p) => p.namespace === ns);
        const hasPods = pods.some((e) => e.namespace === ns);
        if (here.length === 0) problems.push({ en: `No NetworkPolicy lives in namespace ${ns}.`, ja: `namespace ${ns} に NetworkPolicy がありません。` });
        else if (hasPods && !here.some((p) => selected(p).length > 0)) {
          problems.push({ en: `No NetworkPolicy in namespace ${ns} selects any pod.`, ja: `namespace ${ns} の NetworkPolicy はどの Pod も選択していません。` });
        }
      }
      scope = spec.selects === null ? learner : learner.filter((p) => selected(p).some((e) => matchesPattern(spec.selects!, e)));
    }

    // ---- selects: exactly the target pods ---------------------------------------------------------------
    if (spec.selects !== null) {
      const want = spec.selects;
      const wrong: Localized[] = [];
      if (spec.name !== null) {
        for (const p of scope) {
          for (const e of pods) {
            if (e.namespace !== p.namespace) continue;
            const is = policySelects(p, e);
            const should = matchesPattern(want, e);
            if (is && !should) wrong.push({ en: `${p.id} selects ${e.id}, which it should leave alone.`, ja: `${p.id} が ${e.id} を選択していますが、選択すべきではありません。` });
            if (!is && should) wrong.push({ en: `${p.id} does not select ${e.id}.`, ja: `${p.id} が ${e.id} を選択していません。` });
          }
        }
      } else {
        const targets = pods.filter((e) => matchesPattern(want, e));
        for (const e of targets) {
          if (!learner.some((p) => policySelects(p, e))) wrong.push({ en: `None of your NetworkPolicies selects ${e.id}.`, ja: `${e.id} を選択する NetworkPolicy がありません。` });
        }
        for (const p of scope) {
          for (const e of selected(p)) {
            if (!matchesPattern(want, e)) wrong.push({ en: `${p.id} selects ${e.id}, which it should leave alone.`, ja: `${p.id} が ${e.id} を選択していますが、選択すべきではありません。` });
          }
        }
      }
      problems.push(...capped(wrong));
    }

    // ---- policyTypes of every policy in scope --------------------------------------------------------------
    if (spec.policyTypes) {
      const want = [...new Set(spec.policyTypes)].sort().join(',');
      const list = spec.policyTypes.join(' and ');
      if (scope.length === 0 && spec.name === null) {
        problems.push({ en: `No policy in scope has policyTypes ${list}.`, ja: `policyTypes が ${list} のポリシーがありません。` });
      }
      for (const p of scope) {
        const has = [p.policyTypes.ingress ? 'Ingress' : '', p.policyTypes.egress ? 'Egress' : ''].filter(Boolean);
        if ([...has].sort().join(',') !== want) {
          problems.push({
            en: `${p.id} has policyTypes ${has.join(' and ') || 'none'} (after defaulting); it should have ${list}.`,
            ja: `${p.id} の policyTypes は（補完後）${has.join(' と ') || 'なし'} ですが、${list} であるべきです。`,
          });
        }
      }
    }

    // ---- the rules that admit the graded connections ---------------------------------------------------------
    if (spec.admits.length > 0) {
      const byId = new Map(cluster.policies.map((p) => [p.id, p] as const));
      const scopeIds = new Set(scope.map((p) => p.id));
      const wrong: Localized[] = [];
      const endpoints = cluster.endpoints;
      for (const a of spec.admits) {
        endpoints.forEach((from, s) => {
          if (!matchesPattern(a.from, from)) return;
          endpoints.forEach((to, d) => {
            if (s === d || !matchesPattern(a.to, to) || !result.isPair(s, d)) return;
            const probes = a.probe ? result.probes.flatMap((p, g) => (p.port === a.probe!.port && p.protocol === a.probe!.protocol ? [g] : [])) : result.probesOf(d);
            for (const g of probes) {
              const probe = result.probes[g]!;
              const c = `${from.id} → ${to.id} (${probe.protocol} ${probe.port})`;
              const reason = result.explain(s, d, g)[a.direction];
              const side = a.direction === 'ingress' ? to.id : from.id;
              const dirJa = a.direction === 'ingress' ? 'Ingress' : 'Egress';
              if (!reason.isolated) {
                wrong.push({
                  en: `${c}: nothing isolates ${side} for ${a.direction}, so no rule admits it.`,
                  ja: `${c}: ${side} は ${dirJa} について隔離されていないため、どのルールもこの接続を認めていません。`,
                });
                continue;
              }
              if (reason.allowedBy.length === 0) {
                wrong.push({ en: `${c}: no ${a.direction} rule admits it.`, ja: `${c}: この接続を認める ${dirJa} ルールがありません。` });
                continue;
              }
              if (spec.name !== null && !reason.allowedBy.some((r) => scopeIds.has(r.policy))) {
                wrong.push({ en: `${c}: no rule of ${spec.name} admits it.`, ja: `${c}: ${spec.name} のルールはこの接続を認めていません。` });
              }
              if (spec.peersBy) {
                for (const ref of reason.allowedBy) {
                  const rule = byId.get(ref.policy)?.[ref.direction].find((r) => r.index === ref.rule);
                  const peer = ref.peer === null ? null : (rule?.peers?.[ref.peer] ?? null);
                  if (spec.uses && !peerIs(spec.uses, peer)) continue; // the wrong kind of peer: \`uses\` says so
                  const problem = peerKeysProblem(spec.peersBy, peer);
                  if (!problem) continue;
                  const dirJa = ref.direction === 'ingress' ? 'Ingress' : 'Egress';
                  wrong.push({
                    en: `${c}: ${ref.policy}'s ${ref.direction} rule ${ref.rule + 1} ${problem.en}.`,
                    ja: `${c}: ${ref.policy} の ${dirJa} ルール ${ref.rule + 1} は${problem.ja}。`,
                  });
                }
              }
              if (spec.uses) {
                for (const ref of reason.allowedBy) {
                  const rule = byId.get(ref.policy)?.[ref.direction].find((r) => r.index === ref.rule);
                  const peer = ref.peer === null ? null : (rule?.peers?.[ref.peer] ?? null);
                  if (peerIs(spec.uses, peer)) continue;
                  const kind = peer === null ? null : peer.kind === 'ipBlock' ? 'ipBlock' : peer.namespaceSelector ? 'namespaceSelector' : 'podSelector';
                  const what = kind === null ? 'admits every peer' : `admits it with ${article(kind)} ${kind} peer`;
                  const whatJa = kind === null ? 'すべての相手を認めています' : `${kind} のピアで認めています`;
                  wrong.push({
                    en: `${c}: ${ref.policy}'s ${ref.direction} rule ${ref.rule + 1} ${what}, not ${article(spec.uses)} ${spec.uses}.`,
                    ja: `${c}: ${ref.policy} の ${dirJa} ルール ${ref.rule + 1} は ${spec.uses} ではなく、${whatJa}。`,
                  });
                }
              }
            }
          });
        });
      }
      problems.push(...capped(wrong));
    } else if (spec.uses) {
      const kind = spec.uses;
      const used = scope.some((p) => [...p.ingress, ...p.egress].some((r) => (r.peers ?? []).some((peer) => peerIs(kind, peer))));
      if (!used) problems.push({ en: `No rule uses ${article(kind)} ${kind} peer.`, ja: `${kind} を使うルールがありません。` });
    }

    // ---- admitsOnly: no rule in scope admits a probed connection the task does not name ----------------------
    if (spec.admitsOnly) {
      const scopeIds = new Set(scope.map((p) => p.id));
      const directions = ['ingress', 'egress'] as const;
      const endpoints = cluster.endpoints;
      const wrong: Localized[] = [];
      endpoints.forEach((from, s) => {
        endpoints.forEach((to, d) => {
          if (s === d || !result.isPair(s, d)) return;
          for (const g of result.probesOf(d)) {
            const probe = result.probes[g]!;
            const reasons = result.explain(s, d, g);
            for (const direction of directions) {
              const named = spec.admits.some(
                (a) => a.direction === direction && matchesPattern(a.from, from) && matchesPattern(a.to, to) && (!a.probe || (a.probe.port === probe.port && a.probe.protocol === probe.protocol)),
              );
              if (named) continue;
              const ref = reasons[direction].allowedBy.find((r) => scopeIds.has(r.policy));
              if (!ref) continue;
              const dirJa = direction === 'ingress' ? 'Ingress' : 'Egress';
              wrong.push({
                en: `${from.id} → ${to.id} (${probe.protocol} ${probe.port}): ${ref.policy}'s ${direction} rule ${ref.rule + 1} admits it, but the task names no such connection.`,
                ja: `${from.id} → ${to.id} (${probe.protocol} ${probe.port}): ${ref.policy} の ${dirJa} ルール ${ref.rule + 1} がこの接続を認めていますが、課題はこの接続を求めていません。`,
              });
            }
          }
        });
      });
      problems.push(...capped(wrong));
    }

    if (spec.maxPolicies !== null && learner.length > spec.maxPolicies) {
      problems.push({
        en: `Use at most ${spec.maxPolicies} NetworkPolicies (you have ${learner.length}).`,
        ja: `NetworkPolicy は ${spec.maxPolicies} 個までにしてください（現在 ${learner.length} 個）。`,
      });
    }
    return problems;
  },
};

const selectorKeys = (sel: LabelSelector): string[] => [...new Set([...Object.keys(sel.matchLabels), ...sel.matchExpressions.map((r) => r.key)])].sort();

/** How a peer picks its pods or namespaces by other label keys than the task names, or null when it does not. */
function peerKeysProblem(want: NonNullable<PolicyCheck['peersBy']>, peer: Peer | null): Localized | null {
  const parts: Localized[] = [];
  for (const [kind, keys] of [['namespaceSelector', want.namespaceSelector], ['podSelector', want.podSelector]] as const) {
    if (keys === null) continue;
    const what = kind === 'namespaceSelector' ? 'namespaces' : 'pods';
    const whatJa = kind === 'namespaceSelector' ? 'namespace' : 'Pod';
    const wanted = [...keys].sort().join(', ');
    if (peer === null || peer.kind !== 'selector' || peer[kind] === null) {
      parts.push({ en: `has no ${kind}: it should pick ${what} by ${wanted}`, ja: `${kind} がありません（${whatJa} を ${wanted} で選ぶべきです）` });
      continue;
    }
    const used = selectorKeys(peer[kind]!);
    if (used.join(', ') === wanted) continue;
    const by = used.length === 0 ? (kind === 'namespaceSelector' ? 'every namespace ({})' : 'every pod ({})') : used.join(', ');
    parts.push({ en: `picks ${what} by ${by}, not by ${wanted} (the label the task names)`, ja: `${whatJa} を ${wanted}（課題が指定するラベル）ではなく ${by} で選んでいます` });
  }
  if (parts.length === 0) return null;
  return { en: parts.map((p) => p.en).join(' and '), ja: parts.map((p) => p.ja).join('。また、') };
}

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
