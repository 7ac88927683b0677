// Pod Security levels, versions and the namespace labels that choose them, as k8s.io/pod-security-admission's
// api/helpers.go and api/constants.go define them (ParseLevel, ParseVersion, PolicyToEvaluate, CompareLevels).

export type Level = 'privileged' | 'baseline' | 'restricted';
export const LEVELS: readonly Level[] = ['privileged', 'baseline', 'restricted'];

/** `v1.N`, or `latest` (newer than every version, even future ones). */
export interface Version {
  major: number;
  minor: number;
  latest: boolean;
  /** The label's digits when they are too many for a JavaScript number to print back exactly. */
  digits?: string;
}

export const LATEST: Version = { major: 0, minor: 0, latest: true };

export function majorMinor(major: number, minor: number): Version {
  return { major, minor, latest: false };
}

export function versionString(v: Version): string {
  return v.latest ? 'latest' : `v${v.major}.${v.digits ?? v.minor}`;
}

/** api.Version.Older: is `a` older than `b`? `latest` is never older; everything else is older than `latest`. */
export function older(a: Version, b: Version): boolean {
  if (a.latest) return false;
  if (b.latest) return true;
  if (a.major !== b.major) return a.major < b.major;
  return a.minor < b.minor;
}

export function sameVersion(a: Version, b: Version): boolean {
  return a.latest === b.latest && (a.latest || (a.major === b.major && a.minor === b.minor && a.digits === b.digits));
}

export interface LevelVersion {
  level: Level;
  version: Version;
}

/** `restricted:latest`, `baseline:v1.30`: how admission messages name a policy. */
export function levelVersionString(lv: LevelVersion): string {
  return `${lv.level}:${versionString(lv.version)}`;
}

export function sameLevelVersion(a: LevelVersion, b: LevelVersion): boolean {
  return a.level === b.level && sameVersion(a.version, b.version);
}

export const LEVEL_ERROR = 'must be one of privileged, baseline, restricted';
export const VERSION_ERROR = 'must be "latest" or "v1.x"';
/** LEVEL_ERROR and VERSION_ERROR in Japanese, for the editor's diagnostics. */
export const LEVEL_ERROR_JA = 'privileged、baseline、restricted のいずれかでなければなりません';
export const VERSION_ERROR_JA = '"latest" か "v1.x" の形でなければなりません';

/** api.ParseLevel: an invalid level reads as `restricted` (the caller decides whether to fail open). */
export function parseLevel(text: string): { level: Level; error: string | null } {
  if (text === 'privileged' || text === 'baseline' || text === 'restricted') return { level: text, error: null };
  return { level: 'restricted', error: LEVEL_ERROR };
}

const VERSION_RE = /^v1\.([0-9]|[1-9][0-9]*)$/;

/** api.ParseVersion: `latest` or `v1.N` (no leading zeros); anything else is an error and reads as `latest`. */
export function parseVersion(text: string): { version: Version; error: string | null } {
  if (text === 'latest') return { version: LATEST, error: null };
  const m = VERSION_RE.exec(text);
  // Go's strconv.Atoi fails beyond int64, and so does the label.
  if (!m || BigInt(m[1]!) > 9223372036854775807n) return { version: LATEST, error: VERSION_ERROR };
  const minor = Number(m[1]);
  return { version: Number.isSafeInteger(minor) ? majorMinor(1, minor) : { ...majorMinor(1, minor), digits: m[1]! }, error: null };
}

/** api.CompareLevels: privileged < baseline < restricted. */
export function compareLevels(a: Level, b: Level): number {
  return Math.sign(LEVELS.indexOf(a) - LEVELS.indexOf(b));
}

export const LABEL_PREFIX = 'pod-security.kubernetes.io/';
export const MODES = ['enforce', 'audit', 'warn'] as const;
export type Mode = (typeof MODES)[number];
export const levelLabel = (mode: Mode): string => `${LABEL_PREFIX}${mode}`;
export const versionLabel = (mode: Mode): string => `${LABEL_PREFIX}${mode}-version`;

export interface Policy {
  enforce: LevelVersion;
  audit: LevelVersion;
  warn: LevelVersion;
}

/** privileged:latest for every mode: an unlabelled namespace under the default configuration. */
export const PRIVILEGED_POLICY: Policy = {
  enforce: { level: 'privileged', version: LATEST },
  audit: { level: 'privileged', version: LATEST },
  warn: { level: 'privileged', version: LATEST },
};

/** A namespace label the plugin cannot read: `metadata.labels[KEY]: Invalid value: "VALUE": MESSAGE`. */
export interface LabelError {
  label: string;
  value: string;
  message: string;
}

/** field.Invalid's text for a label error, as the API server words it. */
export function labelErrorText(e: LabelError): string {
  return `metadata.labels[${e.label}]: Invalid value: ${goQuote(e.value)}: ${e.message}`;
}

/**
 * api.PolicyToEvaluate: the namespace's policy from its labels over the configured defaults. An invalid enforce
 * level fails closed (restricted), invalid audit and warn levels fail open (privileged), an invalid version reads
 * as latest. A namespace with an enforce level and no warn label warns at the enforce level when that is stricter.
 */
export function policyToEvaluate(labels: Readonly<Record<string, string>>, defaults: Policy): { policy: Policy; errors: LabelError[] } {
  const p: Policy = { enforce: { ...defaults.enforce }, audit: { ...defaults.audit }, warn: { ...defaults.warn } };
  const errors: LabelError[] = [];
  if (Object.keys(labels).length === 0) return { policy: p, errors };
  let hasEnforceLevel = false;
  let hasWarnLevel = false;
  let hasWarnVersion = false;
  const level = (mode: Mode): void => {
    const value = labels[levelLabel(mode)];
    if (value === undefined) return;
    const parsed = parseLevel(value);
    p[mode].level = parsed.level;
    if (parsed.error) {
      errors.push({ label: levelLabel(mode), value, message: parsed.error });
      if (mode !== 'enforce') p[mode].level = 'privileged'; // fail open for audit and warn
    } else if (mode === 'enforce') hasEnforceLevel = true;
    if (mode === 'warn') hasWarnLevel = true;
  };
  const version = (mode: Mode): void => {
    const value = labels[versionLabel(mode)];
    if (value === undefined) return;
    const parsed = parseVersion(value);
    p[mode].version = parsed.version;
    if (parsed.error) errors.push({ label: versionLabel(mode), value, message: parsed.error });
    if (mode === 'warn') hasWarnVersion = true;
  };
  level('enforce');
  version('enforce');
  level('audit');
  version('audit');
  level('warn');
  version('warn');
  if (!hasWarnLevel && hasEnforceLevel && compareLevels(p.enforce.level, p.warn.level) > 0) {
    p.warn.level = p.enforce.level;
    if (!hasWarnVersion) p.warn.version = p.enforce.version;
  }
  return { policy: p, errors };
}

export function fullyPrivileged(p: Policy): boolean {
  return p.enforce.level === 'privileged' && p.audit.level === 'privileged' && p.warn.level === 'privileged';
}

/** LevelVersion.Equivalent: both privileged (any version), or the same level and version. */
export function equivalent(a: LevelVersion, b: LevelVersion): boolean {
  return (a.level === 'privileged' && b.level === 'privileged') || sameLevelVersion(a, b);
}

/**
 * Go's strconv.Quote (the `%q` verb): double quotes, backslash escapes, \xHH for bytes below space and DEL,
 * \uHHHH / \UHHHHHHHH for characters Go does not count as printable.
 */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (c === 0x07) out += '\\a';
    else if (c === 0x08) out += '\\b';
    else if (c === 0x0c) out += '\\f';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c === 0x0b) out += '\\v';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c === 0x20 || PRINTABLE.test(ch)) out += ch;
    else if (c < 0x10000) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += '\\U' + c.toString(16).padStart(8, '0');
  }
  return out + '"';
}

// unicode.IsPrint: letters, marks, numbers, punctuation and symbols (and the ASCII space, handled above).
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
