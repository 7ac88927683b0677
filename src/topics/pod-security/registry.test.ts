// The check registry as policy/registry.go builds it: which checks run at a level and version, in which order,
// what overrides what, and how `latest` and future versions are judged.
import { describe, expect, it } from 'vitest';
import type { Check, CheckResult } from './checks';
import { majorMinor, parseVersion, type Level } from './levels';
import { REGISTRY, createRegistry, failures, forbiddenDetail, forbiddenReason, type IdentifiedResult } from './registry';
import { lv, podYaml, results, template } from './test-builders';

const ids = (level: Level, version: string): string[] => REGISTRY.checksFor(lv(level, version)).map((c) => c.id);

const BASELINE_LATEST = [
  'appArmorProfile',
  'capabilities_baseline',
  'hostNamespaces',
  'hostPathVolumes',
  'hostPorts',
  'hostProbesAndHostLifecycle',
  'privileged',
  'procMount',
  'seLinuxOptions',
  'seccompProfile_baseline',
  'sysctls',
  'windowsHostProcess',
];

describe('check order', () => {
  it('baseline: its IDs sorted by bytes (seLinuxOptions before seccompProfile_baseline)', () => {
    expect(ids('baseline', 'latest')).toEqual(BASELINE_LATEST);
  });

  it('restricted: the baseline IDs not overridden, then the restricted IDs, each sorted', () => {
    expect(ids('restricted', 'latest')).toEqual([
      'appArmorProfile',
      'hostNamespaces',
      'hostPorts',
      'hostProbesAndHostLifecycle',
      'privileged',
      'seLinuxOptions',
      'sysctls',
      'windowsHostProcess',
      'allowPrivilegeEscalation',
      'capabilities_restricted',
      'procMount_restricted',
      'restrictedVolumes',
      'runAsNonRoot',
      'runAsUser',
      'seccompProfile_restricted',
    ]);
  });

  it('restricted v1.0 has only restrictedVolumes and runAsNonRoot of its own', () => {
    expect(ids('restricted', 'v1.0')).toEqual([
      'appArmorProfile',
      'capabilities_baseline',
      'hostNamespaces',
      'hostPorts',
      'privileged',
      'procMount',
      'seLinuxOptions',
      'seccompProfile_baseline',
      'sysctls',
      'windowsHostProcess',
      'restrictedVolumes',
      'runAsNonRoot',
    ]);
    expect(ids('baseline', 'v1.0')).toEqual(BASELINE_LATEST.filter((id) => id !== 'hostProbesAndHostLifecycle'));
  });

  it('adds checks at their versions: v1.8, v1.19, v1.22, v1.23, v1.34, v1.35', () => {
    const added = (level: Level, from: string, to: string): string[] => ids(level, to).filter((id) => !ids(level, from).includes(id));
    const removed = (level: Level, from: string, to: string): string[] => ids(level, from).filter((id) => !ids(level, to).includes(id));
    expect(added('restricted', 'v1.7', 'v1.8')).toEqual(['allowPrivilegeEscalation']);
    expect(added('restricted', 'v1.18', 'v1.19')).toEqual(['seccompProfile_restricted']);
    expect(removed('restricted', 'v1.18', 'v1.19')).toEqual(['seccompProfile_baseline']);
    expect(added('restricted', 'v1.21', 'v1.22')).toEqual(['capabilities_restricted']);
    expect(removed('restricted', 'v1.21', 'v1.22')).toEqual(['capabilities_baseline']);
    expect(added('restricted', 'v1.22', 'v1.23')).toEqual(['runAsUser']);
    expect(added('restricted', 'v1.33', 'v1.34')).toEqual(['hostProbesAndHostLifecycle']);
    expect(added('restricted', 'v1.34', 'v1.35')).toEqual(['procMount_restricted']);
    expect(removed('restricted', 'v1.34', 'v1.35')).toEqual(['procMount']);
    expect(added('baseline', 'v1.33', 'v1.34')).toEqual(['hostProbesAndHostLifecycle']);
  });

  it('privileged runs nothing', () => {
    expect(ids('privileged', 'latest')).toEqual([]);
    const t = template(podYaml({ hostPID: true, containers: [{ name: 'a', image: 'x', securityContext: { privileged: true } }] }));
    expect(REGISTRY.evaluatePod(lv('privileged'), t.meta, t.spec)).toEqual([]);
    expect(REGISTRY.evaluatePod(lv('privileged', 'v1.0'), t.meta, t.spec)).toEqual([]);
  });
});

describe('versions', () => {
  it('the newest version any check names is v1.37', () => {
    expect(REGISTRY.maxVersion).toEqual(majorMinor(1, 37));
  });

  it('latest, v1.37, v1.38 and far-future versions all run the v1.37 checks', () => {
    for (const level of ['baseline', 'restricted'] as const) {
      const at37 = REGISTRY.checksFor(lv(level, 'v1.37'));
      expect(at37.length).toBeGreaterThan(0);
      for (const v of ['latest', 'v1.38', 'v1.99', 'v1.9223372036854775807']) {
        const other = REGISTRY.checksFor(lv(level, v));
        expect(other.map((c) => c.id)).toEqual(at37.map((c) => c.id));
        // the very same versioned functions
        other.forEach((c, i) => expect(c.versioned).toBe(at37[i]!.versioned));
      }
    }
  });

  it('a version between two check versions runs the older one (sysctls v1.30 is the v1.29 set)', () => {
    const sysctl = (v: string): unknown => REGISTRY.checksFor(lv('baseline', v)).find((c) => c.id === 'sysctls')!.versioned;
    expect(sysctl('v1.30')).toBe(sysctl('v1.29'));
    expect(sysctl('v1.31')).toBe(sysctl('v1.29'));
    expect(sysctl('v1.32')).not.toBe(sysctl('v1.31'));
    expect(sysctl('v1.36')).toBe(sysctl('v1.32'));
    expect(sysctl('v1.26')).toBe(sysctl('v1.0'));
  });

  it('every version from v1.0 to v1.37 has a check list at both levels', () => {
    for (let m = 0; m <= 37; m++) {
      const version = parseVersion(`v1.${m}`).version;
      expect(REGISTRY.checksFor({ level: 'baseline', version }).length).toBeGreaterThanOrEqual(10);
      expect(REGISTRY.checksFor({ level: 'restricted', version }).length).toBeGreaterThan(REGISTRY.checksFor({ level: 'baseline', version }).length - 4);
    }
  });

  it('results name their check and come in registry order', () => {
    const yaml = podYaml({ containers: [{ name: 'a', image: 'x' }] });
    expect(results('restricted', 'v1.25', yaml).map((r) => r.check)).toEqual(ids('restricted', 'v1.25'));
  });
});

describe('createRegistry with other checks', () => {
  const always = (reason: string): ((...args: unknown[]) => CheckResult) => () => ({ allowed: false, reason, detail: '', faults: [] });
  const checks: Check[] = [
    { id: 'zeta', level: 'baseline', versions: [{ minimumVersion: majorMinor(1, 0), checkPod: always('zeta') }] },
    { id: 'Alpha', level: 'baseline', versions: [{ minimumVersion: majorMinor(1, 2), checkPod: always('alpha') }] },
    {
      id: 'strict',
      level: 'restricted',
      versions: [
        { minimumVersion: majorMinor(1, 1), checkPod: always('strict1') },
        { minimumVersion: majorMinor(1, 5), checkPod: always('strict5'), overrides: ['zeta'] },
      ],
    },
  ];
  const r = createRegistry(checks);
  const at = (level: Level, minor: number): string[] => r.checksFor({ level, version: majorMinor(1, minor) }).map((c) => c.id);

  it('takes its newest version from the checks', () => {
    expect(r.maxVersion).toEqual(majorMinor(1, 5));
  });

  it('orders baseline then restricted, each by bytes, and applies overrides from their version', () => {
    expect(at('baseline', 0)).toEqual(['zeta']);
    expect(at('baseline', 3)).toEqual(['Alpha', 'zeta']);
    expect(at('restricted', 0)).toEqual(['zeta']);
    expect(at('restricted', 4)).toEqual(['Alpha', 'zeta', 'strict']);
    expect(at('restricted', 5)).toEqual(['Alpha', 'strict']);
    expect(at('restricted', 40)).toEqual(['Alpha', 'strict']);
  });

  it('runs the check version in force', () => {
    const t = template(podYaml({ containers: [{ name: 'a', image: 'x' }] }));
    const reasons = (minor: number): string[] => r.evaluatePod({ level: 'restricted', version: majorMinor(1, minor) }, t.meta, t.spec).map((x) => x.reason);
    expect(reasons(4)).toEqual(['alpha', 'zeta', 'strict1']);
    expect(reasons(9)).toEqual(['alpha', 'strict5']);
  });
});

describe('aggregation', () => {
  const res = (check: string, allowed: boolean, reason: string, detail: string): IdentifiedResult => ({ check, allowed, reason, detail, faults: [] });

  it('keeps the failures in order and names an empty reason "unknown forbidden reason"', () => {
    const f = failures([res('a', true, '', ''), res('b', false, '', 'd'), res('c', false, 'r', '')]);
    expect(f.map((x) => x.reason)).toEqual(['unknown forbidden reason', 'r']);
  });

  it('ForbiddenDetail puts the detail in parentheses when there is one; ForbiddenReason joins reasons', () => {
    const f = [res('a', false, 'host namespaces', 'hostPID=true'), res('b', false, 'other', '')];
    expect(forbiddenDetail(f)).toBe('host namespaces (hostPID=true), other');
    expect(forbiddenReason(f)).toBe('host namespaces, other');
    expect(forbiddenDetail([])).toBe('');
  });
});
