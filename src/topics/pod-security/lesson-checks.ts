// The Pod Security topic's lesson checks: expected admission verdicts ("default plus exceptions"), a
// container's effective securityContext, and a namespace's Pod Security labels as the plugin reads them.
import type { CheckKind, LessonFail, Localized } from '../../core/index';
import { LABEL_PREFIX, LEVELS, parseVersion, versionString, type Level, type LevelVersion, type Mode } from './levels';
import { REGISTRY, failures, forbiddenDetail } from './registry';
import type { PodSecurityModel, PsaObject } from './build';
import type { VolumeSpec } from './model';
import type { PodSecurityResult } from './evaluate';
import type { EffectiveContext, Source } from './security-context';

export type Verdict = 'admitted' | 'warned' | 'allowed' | 'rejected';
const VERDICTS: readonly Verdict[] = ['admitted', 'warned', 'allowed', 'rejected'];

export interface ObjectRefSpec {
  kind: string;
  namespace: string;
  name: string;
  text: string;
}

export interface AdmissionException {
  object: ObjectRefSpec;
  verdict: Verdict;
  /** Check IDs that must be among the violations. */
  checks: readonly string[];
}

export interface AdmissionCheckSpec {
  /** For every judged object not listed; null: only the listed ones are graded. */
  default: Verdict | null;
  /** The namespaces the default covers; null: every namespace. */
  namespaces: readonly string[] | null;
  except: readonly AdmissionException[];
  /** Judge against this policy instead of the namespaces' labels. */
  level: LevelVersion | null;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function only(v: Obj, keys: readonly string[], path: string, fail: LessonFail): void {
  for (const k of Object.keys(v)) if (!keys.includes(k)) fail(`${path}.${k}`, `is not a field here (${keys.join(', ')})`);
}

/** `Pod/team-a/web` (namespace omitted: default). */
function parseObjectRef(v: unknown, path: string, fail: LessonFail): ObjectRefSpec | null {
  if (typeof v !== 'string') {
    fail(path, 'must be KIND/NAMESPACE/NAME, e.g. Pod/team-a/web');
    return null;
  }
  const parts = v.split('/');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => p === '')) {
    fail(path, 'must be KIND/NAMESPACE/NAME, e.g. Pod/team-a/web');
    return null;
  }
  const [kind, a, b] = parts as [string, string, string | undefined];
  return { kind, namespace: b === undefined ? 'default' : a, name: b ?? a, text: b === undefined ? `${kind}/default/${a}` : v };
}

function parseVerdict(v: unknown, path: string, fail: LessonFail): Verdict | null {
  if (typeof v !== 'string' || !(VERDICTS as readonly string[]).includes(v)) {
    fail(path, `must be one of ${VERDICTS.join(', ')}`);
    return null;
  }
  return v as Verdict;
}

function parseLevelVersion(v: unknown, version: unknown, path: string, fail: LessonFail): LevelVersion | null {
  if (v === undefined) return null;
  if (typeof v !== 'string' || !(LEVELS as readonly string[]).includes(v)) {
    fail(`${path}.level`, 'must be privileged, baseline or restricted');
    return null;
  }
  const parsed = parseVersion(typeof version === 'string' ? version : 'latest');
  if (version !== undefined && (typeof version !== 'string' || parsed.error)) fail(`${path}.version`, 'must be "latest" or "v1.N"');
  return { level: v as Level, version: parsed.version };
}

const find = (model: PodSecurityModel, ref: ObjectRefSpec): PsaObject | undefined =>
  model.objects.find((o) => o.kind === ref.kind && o.namespace === ref.namespace && o.name === ref.name);

const label = (o: PsaObject): string => `${o.kind} ${o.namespace}/${o.name}`;

interface Outcome {
  verdict: 'admitted' | 'warned' | 'rejected';
  checks: readonly string[];
  detail: string;
}

function outcomeOf(obj: PsaObject, result: PodSecurityResult, level: LevelVersion | null): Outcome {
  if (level) {
    const failed = obj.template ? failures(REGISTRY.evaluatePod(level, obj.template.meta, obj.template.spec)) : [];
    const verdict = failed.length === 0 ? 'admitted' : obj.isPod ? 'rejected' : 'warned';
    return { verdict, checks: failed.map((f) => f.check), detail: forbiddenDetail(failed) };
  }
  const v = result.verdicts.get(obj)!;
  if (!v.allowed) return { verdict: 'rejected', checks: v.enforce?.failed.map((f) => f.check) ?? [], detail: forbiddenDetail(v.enforce?.failed ?? []) };
  if (v.warnings.length > 0) return { verdict: 'warned', checks: v.warn?.failed.map((f) => f.check) ?? [], detail: forbiddenDetail(v.warn?.failed ?? []) };
  return { verdict: 'admitted', checks: [], detail: '' };
}

const VERDICT_JA: Record<Verdict, string> = { admitted: '警告なしで受け入れ', warned: '警告付きで受け入れ', allowed: '受け入れ', rejected: '拒否' };
const VERDICT_EN: Record<Verdict, string> = { admitted: 'admitted without warnings', warned: 'admitted with warnings', allowed: 'admitted', rejected: 'rejected' };

const matches = (expected: Verdict, actual: Outcome['verdict']): boolean => (expected === 'allowed' ? actual !== 'rejected' : expected === actual);

export const admissionCheck: CheckKind<AdmissionCheckSpec, PodSecurityModel, PodSecurityResult> = {
  key: 'admission',
  parse(value, path, fail) {
    if (!isObj(value)) {
      fail(path, 'must be a mapping with default and/or except');
      return null;
    }
    only(value, ['default', 'namespaces', 'except', 'level', 'version'], path, fail);
    const def = value.default === undefined ? null : parseVerdict(value.default, `${path}.default`, fail);
    let namespaces: string[] | null = null;
    if (value.namespaces !== undefined) {
      if (!Array.isArray(value.namespaces) || !value.namespaces.every((n) => typeof n === 'string')) fail(`${path}.namespaces`, 'must be a list of namespace names');
      else namespaces = value.namespaces as string[];
    }
    const except: AdmissionException[] = [];
    const list = value.except ?? [];
    if (!Array.isArray(list)) fail(`${path}.except`, 'must be a list');
    else
      list.forEach((e, i) => {
        const at = `${path}.except[${i}]`;
        if (!isObj(e)) return fail(at, 'must be a mapping with object and verdict');
        only(e, ['object', 'verdict', 'checks'], at, fail);
        const object = parseObjectRef(e.object, `${at}.object`, fail);
        const verdict = parseVerdict(e.verdict, `${at}.verdict`, fail);
        const checks = e.checks === undefined ? [] : e.checks;
        if (!Array.isArray(checks) || !checks.every((c) => typeof c === 'string')) fail(`${at}.checks`, 'must be a list of check IDs');
        if (object && verdict) except.push({ object, verdict, checks: checks as string[] });
      });
    if (def === null && except.length === 0) fail(path, 'grades nothing: give a default or at least one exception');
    return { default: def, namespaces, except, level: parseLevelVersion(value.level, value.version, path, fail) };
  },
  run(spec, { model, result }) {
    const problems: Localized[] = [];
    const listed = new Set<PsaObject>();
    const judge = (obj: PsaObject, expected: Verdict, checks: readonly string[]): void => {
      const got = outcomeOf(obj, result, spec.level);
      if (!matches(expected, got.verdict)) {
        const why = got.detail ? ` (${got.detail})` : '';
        problems.push({
          en: `${label(obj)} should be ${VERDICT_EN[expected]}, but it is ${VERDICT_EN[got.verdict]}${why}`,
          ja: `${label(obj)} は「${VERDICT_JA[expected]}」になるはずが「${VERDICT_JA[got.verdict]}」です${why}`,
        });
        return;
      }
      const missing = checks.filter((c) => !got.checks.includes(c));
      if (missing.length > 0) {
        problems.push({
          en: `${label(obj)} should violate ${missing.join(', ')}, but its violations are ${got.checks.join(', ') || 'none'}`,
          ja: `${label(obj)} は ${missing.join(', ')} に違反するはずですが、違反は ${got.checks.join(', ') || 'ありません'}`,
        });
      }
    };
    for (const e of spec.except) {
      const obj = find(model, e.object);
      if (!obj) {
        problems.push({ en: `${e.object.kind} ${e.object.namespace}/${e.object.name} is not in the cluster`, ja: `${e.object.kind} ${e.object.namespace}/${e.object.name} がクラスタにありません` });
        continue;
      }
      listed.add(obj);
      judge(obj, e.verdict, e.checks);
    }
    if (spec.default) {
      for (const obj of model.objects) {
        if (listed.has(obj) || (spec.namespaces && !spec.namespaces.includes(obj.namespace))) continue;
        judge(obj, spec.default, []);
      }
    }
    return problems;
  },
};

// ---- securityContext ----

const CONTEXT_FIELDS = [
  'runAsUser', 'runAsGroup', 'runAsNonRoot', 'fsGroup', 'readOnlyRootFilesystem', 'allowPrivilegeEscalation', 'privileged', 'capabilities',
  'seccompProfile', 'appArmorProfile', 'procMount', 'starts', 'writable', 'readOnly',
] as const;
type ContextField = (typeof CONTEXT_FIELDS)[number];

/** The fields whose origin a check may name, and the origins (security-context.ts's Source). */
const FROM_FIELDS = [
  'runAsUser', 'runAsGroup', 'runAsNonRoot', 'fsGroup', 'readOnlyRootFilesystem', 'allowPrivilegeEscalation', 'privileged', 'capabilities',
  'seccompProfile', 'appArmorProfile', 'procMount',
] as const;
type FromField = (typeof FROM_FIELDS)[number];
const SOURCES: readonly Source[] = ['container', 'pod', 'image', 'default'];
const SOURCE_JA: Record<Source, string> = { container: 'コンテナの securityContext', pod: 'Pod の securityContext', image: 'イメージ', default: '既定値' };
const SOURCE_EN: Record<Source, string> = { container: "the container's securityContext", pod: "the pod's securityContext", image: 'the image', default: 'the default' };

export interface SecurityContextCheckSpec {
  object: ObjectRefSpec;
  container: string | null;
  expect: Partial<Record<ContextField, unknown>>;
  /** Where each named value must come from: the container's securityContext, the pod's, the image or the default. */
  from: Partial<Record<FromField, Source>>;
}

/** Volume sources the kubelet always mounts read-only (their contents come from the API server). */
const READ_ONLY_SOURCES = new Set(['configMap', 'secret', 'downwardAPI', 'projected', 'image']);

const under = (path: string, mountPath: string): boolean => {
  const m = mountPath.replace(/\/+$/, '');
  return path === m || path.startsWith(`${m}/`) || m === '';
};

/**
 * Can the container write at a path? The deepest mount at or above it decides: writable when it is a volume the
 * pod has, not mounted readOnly, and not a configMap, secret, downwardAPI, projected or image volume (those are
 * always read-only). A path no volume covers is on the root filesystem: writable unless readOnlyRootFilesystem.
 * `byVolume` says the path is writable through a volume (what `writable` asks for).
 */
function writability(e: EffectiveContext, volumes: readonly VolumeSpec[], path: string): { writable: boolean; byVolume: boolean; why: Localized } {
  const target = path.replace(/\/+$/, '');
  const mount = e.container.mounts
    .filter((m) => m.mountPath !== '' && under(target, m.mountPath))
    .sort((a, b) => b.mountPath.replace(/\/+$/, '').length - a.mountPath.replace(/\/+$/, '').length)[0];
  const no = (en: string, ja: string) => ({ writable: false, byVolume: false, why: { en, ja } });
  if (!mount) {
    return e.readOnlyRootFilesystem.value
      ? no('no volume is mounted there, and the root filesystem is read-only', 'ボリュームがマウントされておらず、ルートファイルシステムは読み取り専用です')
      : { writable: true, byVolume: false, why: { en: 'no volume is mounted there, and the root filesystem is writable', ja: 'ボリュームがマウントされておらず、ルートファイルシステムに書き込めます' } };
  }
  const volume = volumes.find((v) => v.name === mount.name);
  if (!volume) return no(`the pod has no volume ${mount.name}`, `Pod にボリューム ${mount.name} がありません`);
  if (mount.readOnly) return no(`${mount.mountPath} is mounted readOnly`, `${mount.mountPath} が readOnly でマウントされています`);
  if (READ_ONLY_SOURCES.has(volume.source)) return no(`volume ${volume.name} is a ${volume.source}, which is always read-only`, `ボリューム ${volume.name} は ${volume.source} で、常に読み取り専用です`);
  return { writable: true, byVolume: true, why: { en: `volume ${volume.name} (${volume.source}) is mounted writable at ${mount.mountPath}`, ja: `ボリューム ${volume.name}（${volume.source}）が ${mount.mountPath} に書き込み可能でマウントされています` } };
}

/** The value a check compares for one field, as text (null: not known). */
function actual(e: EffectiveContext, field: ContextField): unknown {
  switch (field) {
    case 'capabilities':
      return [...e.capabilities.value].sort();
    case 'seccompProfile':
    case 'appArmorProfile':
      return e[field].value.split(' ')[0];
    case 'starts':
      return e.startUnknown ? null : e.startError === null;
    case 'writable':
    case 'readOnly':
      return null; // compared separately
    default:
      return e[field].value;
  }
}

const show = (v: unknown): string => (v === null ? 'unknown' : Array.isArray(v) ? `[${v.join(', ')}]` : String(v));

export const securityContextCheck: CheckKind<SecurityContextCheckSpec, PodSecurityModel, PodSecurityResult> = {
  key: 'securityContext',
  parse(value, path, fail) {
    if (!isObj(value)) {
      fail(path, 'must be a mapping with object, container and expect');
      return null;
    }
    only(value, ['object', 'container', 'expect', 'from'], path, fail);
    const object = parseObjectRef(value.object, `${path}.object`, fail);
    if (value.container !== undefined && typeof value.container !== 'string') fail(`${path}.container`, 'must be a container name');
    const from: Partial<Record<FromField, Source>> = {};
    if (value.from !== undefined) {
      if (!isObj(value.from) || Object.keys(value.from).length === 0) fail(`${path}.from`, `must be a mapping of ${FROM_FIELDS.join(', ')} to ${SOURCES.join(', ')}`);
      else {
        only(value.from, FROM_FIELDS, `${path}.from`, fail);
        for (const [k, v] of Object.entries(value.from)) {
          if (typeof v !== 'string' || !(SOURCES as readonly string[]).includes(v)) fail(`${path}.from.${k}`, `must be one of ${SOURCES.join(', ')}`);
          else if ((FROM_FIELDS as readonly string[]).includes(k)) from[k as FromField] = v as Source;
        }
      }
    }
    if (value.expect === undefined && Object.keys(from).length > 0) return object ? { object, container: typeof value.container === 'string' ? value.container : null, expect: {}, from } : null;
    if (!isObj(value.expect) || Object.keys(value.expect).length === 0) {
      fail(`${path}.expect`, `must be a mapping of ${CONTEXT_FIELDS.join(', ')}`);
      return null;
    }
    only(value.expect, CONTEXT_FIELDS, `${path}.expect`, fail);
    for (const [k, v] of Object.entries(value.expect)) {
      const bool = ['runAsNonRoot', 'readOnlyRootFilesystem', 'allowPrivilegeEscalation', 'privileged', 'starts'].includes(k);
      const num = ['runAsUser', 'runAsGroup', 'fsGroup'].includes(k);
      const list = k === 'capabilities' || k === 'writable' || k === 'readOnly';
      if (bool && typeof v !== 'boolean') fail(`${path}.expect.${k}`, 'must be true or false');
      if (num && !(v === null || (typeof v === 'number' && Number.isInteger(v)))) fail(`${path}.expect.${k}`, 'must be an integer (or null: unset)');
      if (list && !(Array.isArray(v) && v.every((x) => typeof x === 'string'))) fail(`${path}.expect.${k}`, 'must be a list of strings');
      if (!bool && !num && !list && typeof v !== 'string') fail(`${path}.expect.${k}`, 'must be a string');
    }
    return object ? { object, container: typeof value.container === 'string' ? value.container : null, expect: value.expect, from } : null;
  },
  run(spec, { model, result }) {
    const obj = find(model, spec.object);
    if (!obj) return [{ en: `${spec.object.kind} ${spec.object.namespace}/${spec.object.name} is not in the cluster`, ja: `${spec.object.kind} ${spec.object.namespace}/${spec.object.name} がクラスタにありません` }];
    const contexts = result.contexts(obj).filter((e) => spec.container === null || e.container.name === spec.container);
    if (contexts.length === 0) return [{ en: `${label(obj)} has no container ${spec.container}`, ja: `${label(obj)} にコンテナ ${spec.container} がありません` }];
    const problems: Localized[] = [];
    for (const e of contexts) {
      const where = `${label(obj)} container ${e.container.name}`;
      for (const [field, want] of Object.entries(spec.expect) as [ContextField, unknown][]) {
        if (field === 'writable' || field === 'readOnly') {
          for (const path of want as string[]) {
            const w = writability(e, obj.template!.spec.volumes, path);
            if (field === 'writable' && !w.byVolume) problems.push({ en: `${where}: ${path} is not writable (${w.why.en})`, ja: `${where}: ${path} に書き込めません（${w.why.ja}）` });
            if (field === 'readOnly' && w.writable) problems.push({ en: `${where}: ${path} should be read-only, but ${w.why.en}`, ja: `${where}: ${path} は読み取り専用のはずが、${w.why.ja}` });
          }
          continue;
        }
        const got = actual(e, field);
        const expected = field === 'capabilities' ? [...(want as string[])].map((c) => c.replace(/^CAP_/, '')).sort() : want;
        if (JSON.stringify(got) !== JSON.stringify(expected)) {
          problems.push({ en: `${where}: ${field} should be ${show(expected)}, but it is ${show(got)}`, ja: `${where}: ${field} は ${show(expected)} のはずが ${show(got)} です` });
        }
      }
      for (const [field, want] of Object.entries(spec.from) as [FromField, Source][]) {
        const got = e[field].source;
        if (got !== want) {
          problems.push({
            en: `${where}: ${field} should come from ${SOURCE_EN[want]}, but it comes from ${SOURCE_EN[got]}`,
            ja: `${where}: ${field} は${SOURCE_JA[want]}で決まるはずが、${SOURCE_JA[got]}で決まっています`,
          });
        }
      }
    }
    return problems;
  },
};

// ---- namespace labels ----

export interface NamespaceCheckSpec {
  name: string;
  expect: Partial<Record<Mode, Level>> & Partial<Record<`${Mode}Version`, string>>;
}

const NAMESPACE_FIELDS = ['enforce', 'enforceVersion', 'warn', 'warnVersion', 'audit', 'auditVersion'] as const;

export const namespaceCheck: CheckKind<NamespaceCheckSpec, PodSecurityModel, PodSecurityResult> = {
  key: 'namespace',
  parse(value, path, fail) {
    if (!isObj(value) || typeof value.name !== 'string') {
      fail(path, 'must be a mapping with name and the expected enforce/warn/audit levels');
      return null;
    }
    only(value, ['name', ...NAMESPACE_FIELDS], path, fail);
    const expect: Record<string, string> = {};
    for (const f of NAMESPACE_FIELDS) {
      const v = value[f];
      if (v === undefined) continue;
      if (typeof v !== 'string') fail(`${path}.${f}`, 'must be a string');
      else if (f.endsWith('Version') ? parseVersion(v).error : !(LEVELS as readonly string[]).includes(v)) fail(`${path}.${f}`, f.endsWith('Version') ? 'must be "latest" or "v1.N"' : 'must be privileged, baseline or restricted');
      else expect[f] = v;
    }
    if (Object.keys(expect).length === 0) fail(path, 'expects nothing: give enforce, warn, audit or their versions');
    return { name: value.name, expect };
  },
  run(spec, { result }) {
    const ns = result.namespaces.get(spec.name);
    if (!ns || !ns.namespace.location) return [{ en: `Namespace ${spec.name} is not declared`, ja: `Namespace ${spec.name} が宣言されていません` }];
    const problems: Localized[] = [];
    // Only the labels of the modes this check names (a bad warn-version is not an enforce problem).
    const modes = new Set(Object.keys(spec.expect).map((f) => f.replace(/Version$/, '')));
    // Labels the plugin cannot read: a refused relabel leaves the old labels, whose errors (if any) still count.
    const refused = ns.verdict !== null && !ns.verdict.allowed;
    const errors = refused ? ns.verdict!.labelErrors : ns.labelErrors;
    for (const e of errors.filter((x) => modes.has(x.label.slice(LABEL_PREFIX.length).replace(/-version$/, '')))) problems.push({ en: `Namespace ${spec.name}: label ${e.label}="${e.value}" ${e.message}`, ja: `Namespace ${spec.name}: ラベル ${e.label}="${e.value}" は不正です (${e.message})` });
    for (const [field, want] of Object.entries(spec.expect)) {
      const mode = field.replace(/Version$/, '') as Mode;
      const got = field.endsWith('Version') ? versionString(ns.policy[mode].version) : ns.policy[mode].level;
      if (got !== want) problems.push({ en: `Namespace ${spec.name}: ${field} should be ${want}, but it is ${got}`, ja: `Namespace ${spec.name}: ${field} は ${want} のはずが ${got} です` });
    }
    return problems;
  },
};

export const POD_SECURITY_CHECKS = [admissionCheck, securityContextCheck, namespaceCheck] as const;
