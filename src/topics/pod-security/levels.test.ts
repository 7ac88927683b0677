// Levels, versions and namespace labels as api/helpers.go reads them (ParseLevel, ParseVersion, PolicyToEvaluate,
// CompareLevels, LevelVersion.Equivalent), and Go's %q quoting.
import { describe, expect, it } from 'vitest';
import {
  LATEST,
  compareLevels,
  equivalent,
  fullyPrivileged,
  goQuote,
  labelErrorText,
  levelVersionString,
  majorMinor,
  older,
  parseLevel,
  parseVersion,
  policyToEvaluate,
  sameVersion,
  versionString,
  PRIVILEGED_POLICY,
  type Policy,
} from './levels';

const ENFORCE = 'pod-security.kubernetes.io/enforce';
const ENFORCE_V = 'pod-security.kubernetes.io/enforce-version';
const AUDIT = 'pod-security.kubernetes.io/audit';
const AUDIT_V = 'pod-security.kubernetes.io/audit-version';
const WARN = 'pod-security.kubernetes.io/warn';
const WARN_V = 'pod-security.kubernetes.io/warn-version';

const pol = (p: Policy): string => `enforce=${levelVersionString(p.enforce)} audit=${levelVersionString(p.audit)} warn=${levelVersionString(p.warn)}`;
const evalLabels = (labels: Record<string, string>, defaults: Policy = PRIVILEGED_POLICY): { p: string; errors: string[] } => {
  const { policy, errors } = policyToEvaluate(labels, defaults);
  return { p: pol(policy), errors: errors.map(labelErrorText) };
};

describe('parseLevel', () => {
  it('accepts the three levels exactly', () => {
    for (const l of ['privileged', 'baseline', 'restricted'] as const) expect(parseLevel(l)).toEqual({ level: l, error: null });
  });

  it('reads anything else as restricted with an error', () => {
    for (const bad of ['', 'Restricted', 'baseline ', 'none', 'latest']) {
      expect(parseLevel(bad)).toEqual({ level: 'restricted', error: 'must be one of privileged, baseline, restricted' });
    }
  });
});

describe('parseVersion', () => {
  it('accepts latest and v1.N without leading zeros', () => {
    expect(parseVersion('latest')).toEqual({ version: LATEST, error: null });
    expect(parseVersion('v1.0')).toEqual({ version: majorMinor(1, 0), error: null });
    expect(parseVersion('v1.25')).toEqual({ version: majorMinor(1, 25), error: null });
    expect(parseVersion('v1.100')).toEqual({ version: majorMinor(1, 100), error: null });
  });

  it('rejects other forms and reads them as latest', () => {
    for (const bad of ['v1.01', 'v1.00', 'v2.0', 'v0.1', '1.25', 'v1.', 'v1', 'V1.25', 'v1.25.0', ' v1.25', 'v1.25 ', 'v1.25\n', 'v1.-1', 'v1.+1', 'Latest', '']) {
      expect(parseVersion(bad), bad).toEqual({ version: LATEST, error: 'must be "latest" or "v1.x"' });
    }
  });

  it('accepts minors up to int64 and rejects beyond (strconv.Atoi)', () => {
    const max = parseVersion('v1.9223372036854775807');
    expect(max.error).toBeNull();
    expect(versionString(max.version)).toBe('v1.9223372036854775807');
    expect(max.version.latest).toBe(false);
    expect(parseVersion('v1.9223372036854775808').error).toBe('must be "latest" or "v1.x"');
    expect(parseVersion('v1.99999999999999999999999').error).toBe('must be "latest" or "v1.x"');
  });

  it('prints versions back as written', () => {
    for (const v of ['latest', 'v1.0', 'v1.37', 'v1.9007199254740993']) expect(versionString(parseVersion(v).version)).toBe(v);
  });

  it('keeps huge versions apart from each other and newer than v1.37', () => {
    const a = parseVersion('v1.9007199254740993').version;
    const b = parseVersion('v1.9007199254740992').version;
    expect(sameVersion(a, b)).toBe(false);
    expect(older(majorMinor(1, 37), a)).toBe(true);
    expect(older(a, LATEST)).toBe(true);
  });
});

describe('older and compareLevels', () => {
  it('latest is never older and everything else is older than latest', () => {
    expect(older(LATEST, LATEST)).toBe(false);
    expect(older(LATEST, majorMinor(1, 99))).toBe(false);
    expect(older(majorMinor(1, 99), LATEST)).toBe(true);
    expect(older(majorMinor(1, 2), majorMinor(1, 10))).toBe(true);
    expect(older(majorMinor(1, 10), majorMinor(1, 10))).toBe(false);
  });

  it('privileged < baseline < restricted', () => {
    expect(compareLevels('privileged', 'baseline')).toBe(-1);
    expect(compareLevels('restricted', 'baseline')).toBe(1);
    expect(compareLevels('baseline', 'baseline')).toBe(0);
    expect(compareLevels('restricted', 'privileged')).toBe(1);
  });
});

describe('policyToEvaluate', () => {
  it('no labels: the defaults as they are (no warn defaulting)', () => {
    const defaults: Policy = { enforce: { level: 'restricted', version: LATEST }, audit: { level: 'privileged', version: LATEST }, warn: { level: 'privileged', version: LATEST } };
    expect(evalLabels({}, defaults).p).toBe('enforce=restricted:latest audit=privileged:latest warn=privileged:latest');
  });

  it('an enforce label stricter than warn sets warn to enforce, level and version', () => {
    expect(evalLabels({ [ENFORCE]: 'baseline' }).p).toBe('enforce=baseline:latest audit=privileged:latest warn=baseline:latest');
    expect(evalLabels({ [ENFORCE]: 'restricted', [ENFORCE_V]: 'v1.20' }).p).toBe('enforce=restricted:v1.20 audit=privileged:latest warn=restricted:v1.20');
  });

  it('a warn-version label keeps its version when warn takes the enforce level', () => {
    expect(evalLabels({ [ENFORCE]: 'restricted', [ENFORCE_V]: 'v1.20', [WARN_V]: 'v1.22' }).p).toBe('enforce=restricted:v1.20 audit=privileged:latest warn=restricted:v1.22');
  });

  it('a warn label, even a looser one, stops the defaulting', () => {
    expect(evalLabels({ [ENFORCE]: 'restricted', [WARN]: 'privileged' }).p).toBe('enforce=restricted:latest audit=privileged:latest warn=privileged:latest');
  });

  it('only an enforce level label triggers it, not an enforce-version alone', () => {
    const defaults: Policy = { enforce: { level: 'baseline', version: LATEST }, audit: { level: 'privileged', version: LATEST }, warn: { level: 'privileged', version: LATEST } };
    expect(evalLabels({ [ENFORCE_V]: 'v1.25' }, defaults).p).toBe('enforce=baseline:v1.25 audit=privileged:latest warn=privileged:latest');
  });

  it('does not loosen a stricter default warn', () => {
    const defaults: Policy = { enforce: { level: 'privileged', version: LATEST }, audit: { level: 'privileged', version: LATEST }, warn: { level: 'restricted', version: majorMinor(1, 30) } };
    expect(evalLabels({ [ENFORCE]: 'baseline' }, defaults).p).toBe('enforce=baseline:latest audit=privileged:latest warn=restricted:v1.30');
  });

  it('an invalid enforce level fails closed (restricted) and does not set warn', () => {
    const r = evalLabels({ [ENFORCE]: 'strict' });
    expect(r.p).toBe('enforce=restricted:latest audit=privileged:latest warn=privileged:latest');
    expect(r.errors).toEqual(['metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "strict": must be one of privileged, baseline, restricted']);
  });

  it('invalid audit and warn levels fail open (privileged); an invalid warn still counts as a warn label', () => {
    const r = evalLabels({ [ENFORCE]: 'restricted', [AUDIT]: 'x', [WARN]: 'y' });
    expect(r.p).toBe('enforce=restricted:latest audit=privileged:latest warn=privileged:latest');
    expect(r.errors).toHaveLength(2);
  });

  it('an invalid version reads as latest; errors come in enforce, audit, warn order', () => {
    const r = evalLabels({ [WARN_V]: 'v1.02', [AUDIT_V]: 'v2', [ENFORCE_V]: 'old', [ENFORCE]: 'baseline' });
    expect(r.p).toBe('enforce=baseline:latest audit=privileged:latest warn=baseline:latest');
    expect(r.errors).toEqual([
      'metadata.labels[pod-security.kubernetes.io/enforce-version]: Invalid value: "old": must be "latest" or "v1.x"',
      'metadata.labels[pod-security.kubernetes.io/audit-version]: Invalid value: "v2": must be "latest" or "v1.x"',
      'metadata.labels[pod-security.kubernetes.io/warn-version]: Invalid value: "v1.02": must be "latest" or "v1.x"',
    ]);
  });

  it('ignores other labels', () => {
    expect(evalLabels({ 'kubernetes.io/metadata.name': 'x', 'pod-security.kubernetes.io/enforce-level': 'restricted' })).toEqual({
      p: 'enforce=privileged:latest audit=privileged:latest warn=privileged:latest',
      errors: [],
    });
  });

  it('does not change the defaults it is given', () => {
    const defaults: Policy = { enforce: { level: 'privileged', version: LATEST }, audit: { level: 'privileged', version: LATEST }, warn: { level: 'privileged', version: LATEST } };
    policyToEvaluate({ [ENFORCE]: 'restricted', [AUDIT]: 'baseline' }, defaults);
    expect(defaults.enforce.level).toBe('privileged');
    expect(defaults.warn.level).toBe('privileged');
  });

  it('quotes the label value in errors as Go %q does', () => {
    expect(evalLabels({ [AUDIT]: 'a"b\n' }).errors).toEqual(['metadata.labels[pod-security.kubernetes.io/audit]: Invalid value: "a\\"b\\n": must be one of privileged, baseline, restricted']);
  });
});

describe('equivalent and fullyPrivileged', () => {
  it('privileged at any versions is equivalent; others need level and version', () => {
    expect(equivalent({ level: 'privileged', version: majorMinor(1, 1) }, { level: 'privileged', version: LATEST })).toBe(true);
    expect(equivalent({ level: 'baseline', version: majorMinor(1, 2) }, { level: 'baseline', version: majorMinor(1, 3) })).toBe(false);
    expect(equivalent({ level: 'baseline', version: LATEST }, { level: 'baseline', version: LATEST })).toBe(true);
    expect(equivalent({ level: 'baseline', version: LATEST }, { level: 'restricted', version: LATEST })).toBe(false);
  });

  it('fully privileged means every mode privileged', () => {
    expect(fullyPrivileged(PRIVILEGED_POLICY)).toBe(true);
    expect(fullyPrivileged({ ...PRIVILEGED_POLICY, audit: { level: 'baseline', version: LATEST } })).toBe(false);
  });
});

describe('goQuote (strconv.Quote)', () => {
  it.each([
    ['plain', '"plain"'],
    ['', '""'],
    ['a b', '"a b"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['back\\slash', '"back\\\\slash"'],
    ['tab\there', '"tab\\there"'],
    ['line\nbreak\r', '"line\\nbreak\\r"'],
    ['\x07\x08\x0c\x0b', '"\\a\\b\\f\\v"'],
    ['\x01\x1f\x7f', '"\\x01\\x1f\\x7f"'],
    ['café', '"café"'],
    ['日本', '"日本"'],
    ['😀', '"😀"'],
    ['\u00a0', '"\\u00a0"'],
    ['\u200b', '"\\u200b"'],
    ['\u{e0001}', '"\\U000e0001"'],
  ])('%j -> %s', (input, expected) => {
    expect(goQuote(input)).toBe(expected);
  });
});
