// The check registry, as policy/registry.go builds it: for every version from v1.0 to the newest a check names,
// the baseline checks and the restricted checks (baseline ones included unless a restricted check overrides
// them), ordered baseline IDs first, then restricted IDs, each sorted. A version newer than the newest known
// (and `latest`) is judged as the newest.
import { CHECKS, byteOrder, type Check, type CheckResult, type VersionedCheck } from './checks';
import type { PodMetadata, PodSpecModel } from './model';
import { majorMinor, older, versionString, type LevelVersion, type Version } from './levels';

export interface IdentifiedResult extends CheckResult {
  /** The upstream check ID (`allowPrivilegeEscalation`, `restrictedVolumes`, ...). */
  check: string;
}

interface RegisteredCheck {
  id: string;
  versioned: VersionedCheck;
}

export interface Registry {
  /** The newest version any check names: what `latest` means. */
  maxVersion: Version;
  /** The checks that run for a level and version, in upstream's order. */
  checksFor(lv: LevelVersion): readonly RegisteredCheck[];
  /** policy.Evaluator.EvaluatePod: every check's result (privileged runs none). */
  evaluatePod(lv: LevelVersion, meta: PodMetadata, spec: PodSpecModel): IdentifiedResult[];
}

const nextMinor = (v: Version): Version => (v.latest ? v : majorMinor(v.major, v.minor + 1));
const key = (v: Version): string => versionString(v);

/** Builds the registry from check definitions (the upstream ones by default). */
export function createRegistry(checks: readonly Check[] = CHECKS): Registry {
  let maxVersion = majorMinor(1, 0);
  for (const c of checks) {
    const last = c.versions[c.versions.length - 1]!.minimumVersion;
    if (older(maxVersion, last)) maxVersion = last;
  }
  const inflate = (check: Check, into: Map<string, Map<string, VersionedCheck>>): void => {
    check.versions.forEach((vc, i) => {
      const next = check.versions[i + 1]?.minimumVersion ?? nextMinor(maxVersion);
      for (let v = vc.minimumVersion; older(v, next); v = nextMinor(v)) {
        let m = into.get(key(v));
        if (!m) into.set(key(v), (m = new Map()));
        m.set(check.id, vc);
      }
    });
  };
  const restrictedVersioned = new Map<string, Map<string, VersionedCheck>>();
  const baselineVersioned = new Map<string, Map<string, VersionedCheck>>();
  const baselineIds: string[] = [];
  const restrictedIds: string[] = [];
  for (const c of checks) {
    if (c.level === 'restricted') {
      restrictedIds.push(c.id);
      inflate(c, restrictedVersioned);
    } else {
      baselineIds.push(c.id);
      inflate(c, baselineVersioned);
    }
  }
  const ordered = [...baselineIds.sort(byteOrder), ...restrictedIds.sort(byteOrder)];
  const ordering = (m: Map<string, VersionedCheck> | undefined): RegisteredCheck[] =>
    m ? ordered.filter((id) => m.has(id)).map((id) => ({ id, versioned: m.get(id)! })) : [];
  const baseline = new Map<string, RegisteredCheck[]>();
  const restricted = new Map<string, RegisteredCheck[]>();
  for (let v = majorMinor(1, 0); older(v, nextMinor(maxVersion)); v = nextMinor(v)) {
    const overrides = new Set<string>();
    for (const vc of restrictedVersioned.get(key(v))?.values() ?? []) for (const o of vc.overrides ?? []) overrides.add(o);
    const r = new Map(restrictedVersioned.get(key(v)) ?? []);
    for (const [id, vc] of baselineVersioned.get(key(v)) ?? []) if (!overrides.has(id)) r.set(id, vc);
    restricted.set(key(v), ordering(r));
    baseline.set(key(v), ordering(baselineVersioned.get(key(v))));
  }
  const checksFor = (lv: LevelVersion): readonly RegisteredCheck[] => {
    if (lv.level === 'privileged') return [];
    const version = older(maxVersion, lv.version) ? maxVersion : lv.version;
    return (lv.level === 'baseline' ? baseline : restricted).get(key(version)) ?? [];
  };
  return {
    maxVersion,
    checksFor,
    evaluatePod(lv, meta, spec) {
      return checksFor(lv).map(({ id, versioned }) => ({ check: id, ...versioned.checkPod(meta, spec) }));
    },
  };
}

/** The registry of the upstream checks. */
export const REGISTRY: Registry = createRegistry();

/** policy.AggregateCheckResults: the failed checks, in order. */
export function failures(results: readonly IdentifiedResult[]): IdentifiedResult[] {
  return results.filter((r) => !r.allowed).map((r) => (r.reason === '' ? { ...r, reason: 'unknown forbidden reason' } : r));
}

/** AggregateCheckResult.ForbiddenDetail(): `reason (detail), reason (detail)`. */
export function forbiddenDetail(failed: readonly IdentifiedResult[]): string {
  return failed.map((r) => (r.detail !== '' ? `${r.reason} (${r.detail})` : r.reason)).join(', ');
}

/** AggregateCheckResult.ForbiddenReason(): `reason, reason`. */
export function forbiddenReason(failed: readonly IdentifiedResult[]): string {
  return failed.map((r) => r.reason).join(', ');
}
