// The Pod Security Standards checks, one per upstream check ID, each version as k8s.io/pod-security-admission's
// policy/check_*.go defines it: the same decision, the same `reason` and `detail` strings (container names in
// visiting order, value sets sorted as Go's sets.List does). Each result also names the fields at fault, so
// the editor can mark them; that is the only addition.
import type { ContainerSpec, FieldPath, PodMetadata, PodSpecModel, ProfileRef, SELinuxOptions } from './model';
import { goQuote, majorMinor, type Level, type Version } from './levels';

export interface CheckResult {
  allowed: boolean;
  reason: string;
  detail: string;
  /** The fields at fault (or, where a field is missing, the object that should set it). */
  faults: readonly FieldPath[];
}

export type CheckPodFn = (meta: PodMetadata, spec: PodSpecModel) => CheckResult;

export interface VersionedCheck {
  minimumVersion: Version;
  checkPod: CheckPodFn;
  /** Baseline checks this restricted check replaces from this version on. */
  overrides?: readonly string[];
}

export interface Check {
  id: string;
  level: Exclude<Level, 'privileged'>;
  versions: readonly VersionedCheck[];
}

const ALLOWED: CheckResult = { allowed: true, reason: '', detail: '', faults: [] };
const forbid = (reason: string, detail: string, faults: FieldPath[]): CheckResult => ({ allowed: false, reason, detail, faults });

// ---- helpers.go ----

/** joinQuote: `"a", "b"` (no escaping, as upstream). */
export function joinQuote(items: readonly string[]): string {
  return items.length === 0 ? '' : `"${items.join('", "')}"`;
}

const pluralize = (singular: string, plural: string, count: number): string => (count === 1 ? singular : plural);
const containers = (n: number): string => pluralize('container', 'containers', n);

/** Go's sets.List(): the distinct values, sorted by byte order. */
function sortedSet(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(byteOrder);
}

/** Go's string order: by UTF-8 bytes, which is code point order (UTF-16 units differ for surrogates). */
export function byteOrder(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    return (a.codePointAt(i) ?? x) - (b.codePointAt(i) ?? y);
  }
  return a.length - b.length;
}

const userNamespacePod = (spec: PodSpecModel): boolean => spec.hostUsers === false;
const windowsPod = (spec: PodSpecModel): boolean => spec.os === 'windows';

const at = (base: FieldPath, ...more: (string | number)[]): FieldPath => [...base, ...more];
const podSc = (spec: PodSpecModel, ...more: (string | number)[]): FieldPath => at(spec.path, 'securityContext', ...more);
const ctrSc = (c: ContainerSpec, ...more: (string | number)[]): FieldPath => at(c.path, 'securityContext', ...more);
/** Where a container should set a missing value: the field's place (located at its nearest written parent). */
const ctrMissing = (c: ContainerSpec, ...more: string[]): FieldPath => (c.securityContext ? ctrSc(c, ...more) : c.path);

// ---- allowPrivilegeEscalation (restricted, 1.8+) ----

function allowPrivilegeEscalation_1_8(_meta: PodMetadata, spec: PodSpecModel): CheckResult {
  const bad = spec.containers.filter((c) => c.securityContext?.allowPrivilegeEscalation !== false);
  if (bad.length === 0) return ALLOWED;
  return forbid(
    'allowPrivilegeEscalation != false',
    `${containers(bad.length)} ${joinQuote(bad.map((c) => c.name))} must set securityContext.allowPrivilegeEscalation=false`,
    bad.map((c) => ctrMissing(c, 'allowPrivilegeEscalation')),
  );
}

const allowPrivilegeEscalation_1_25: CheckPodFn = (meta, spec) => (windowsPod(spec) ? ALLOWED : allowPrivilegeEscalation_1_8(meta, spec));

// ---- appArmorProfile (baseline, 1.0+) ----

const APPARMOR_ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

const allowedAppArmorAnnotation = (v: string): boolean => v === '' || v === 'runtime/default' || v.startsWith('localhost/');
const allowedAppArmorType = (t: string): boolean => t === 'RuntimeDefault' || t === 'Localhost';

function appArmorProfile_1_0(meta: PodMetadata, spec: PodSpecModel): CheckResult {
  const setters: string[] = [];
  const values = new Set<string>();
  const faults: FieldPath[] = [];
  const podProfile = spec.securityContext?.appArmorProfile;
  if (podProfile && !allowedAppArmorType(podProfile.type)) {
    setters.push('pod');
    values.add(podProfile.type);
    faults.push(podSc(spec, 'appArmorProfile', 'type'));
  }
  const bad: string[] = [];
  for (const c of spec.containers) {
    const profile = c.securityContext?.appArmorProfile;
    if (profile && !allowedAppArmorType(profile.type)) {
      bad.push(c.name);
      values.add(profile.type);
      faults.push(ctrSc(c, 'appArmorProfile', 'type'));
    }
  }
  if (bad.length > 0) setters.push(`${containers(bad.length)} ${joinQuote(bad)}`);
  const annotations: string[] = [];
  for (const [k, v] of Object.entries(meta.annotations)) {
    if (k.startsWith(APPARMOR_ANNOTATION_PREFIX) && !allowedAppArmorAnnotation(v)) {
      annotations.push(`${k}=${goQuote(v)}`);
      faults.push(at(meta.path, 'annotations', k));
    }
  }
  const list = sortedSet(values);
  if (annotations.length > 0) {
    list.push(...annotations.sort(byteOrder));
    setters.push(pluralize('annotation', 'annotations', annotations.length));
  }
  if (setters.length === 0) return ALLOWED;
  return forbid(
    pluralize('forbidden AppArmor profile', 'forbidden AppArmor profiles', list.length),
    `${setters.join(' and ')} must not set AppArmor profile type to ${joinQuote(list)}`,
    faults,
  );
}

// ---- capabilities_baseline (1.0+) ----

export const BASELINE_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

function capabilitiesBaseline_1_0(_meta: PodMetadata, spec: PodSpecModel): CheckResult {
  const bad: string[] = [];
  const caps = new Set<string>();
  const faults: FieldPath[] = [];
  for (const c of spec.containers) {
    const add = c.securityContext?.capabilities?.add ?? [];
    let valid = true;
    add.forEach((cap, i) => {
      if (!BASELINE_CAPABILITIES.has(cap)) {
        valid = false;
        caps.add(cap);
        faults.push(ctrSc(c, 'capabilities', 'add', i));
      }
    });
    if (!valid) bad.push(c.name);
  }
  if (bad.length === 0) return ALLOWED;
  return forbid(
    'non-default capabilities',
    `${containers(bad.length)} ${joinQuote(bad)} must not include ${joinQuote(sortedSet(caps))} in securityContext.capabilities.add`,
    faults,
  );
}

// ---- capabilities_restricted (1.22+, overrides capabilities_baseline) ----

function capabilitiesRestricted_1_22(_meta: PodMetadata, spec: PodSpecModel): CheckResult {
  const missingDropAll: string[] = [];
  const addingForbidden: string[] = [];
  const forbidden = new Set<string>();
  const faults: FieldPath[] = [];
  for (const c of spec.containers) {
    const caps = c.securityContext?.capabilities;
    if (!caps) {
      missingDropAll.push(c.name);
      faults.push(ctrMissing(c, 'capabilities'));
      continue;
    }
    if (!caps.drop.includes('ALL')) {
      missingDropAll.push(c.name);
      faults.push(caps.drop.length > 0 ? ctrSc(c, 'capabilities', 'drop') : ctrSc(c, 'capabilities'));
    }
    let added = false;
    caps.add.forEach((cap, i) => {
      if (cap !== 'NET_BIND_SERVICE') {
        added = true;
        forbidden.add(cap);
        faults.push(ctrSc(c, 'capabilities', 'add', i));
      }
    });
    if (added) addingForbidden.push(c.name);
  }
  const details: string[] = [];
  if (missingDropAll.length > 0) details.push(`${containers(missingDropAll.length)} ${joinQuote(missingDropAll)} must set securityContext.capabilities.drop=["ALL"]`);
  if (addingForbidden.length > 0) {
    details.push(`${containers(addingForbidden.length)} ${joinQuote(addingForbidden)} must not include ${joinQuote(sortedSet(forbidden))} in securityContext.capabilities.add`);
  }
  if (details.length === 0) return ALLOWED;
  return forbid('unrestricted capabilities', details.join('; '), faults);
}

const capabilitiesRestricted_1_25: CheckPodFn = (meta, spec) => (windowsPod(spec) ? ALLOWED : capabilitiesRestricted_1_22(meta, spec));

// ---- hostNamespaces (baseline, 1.0+) ----

function hostNamespaces_1_0(_meta: PodMetadata, spec: PodSpecModel): CheckResult {
  const set: string[] = [];
  const faults: FieldPath[] = [];
  for (const key of ['hostNetwork', 'hostPID', 'hostIPC'] as const) {
    if (spec[key]) {
      set.push(`${key}=true`);
      faults.push(at(spec.path, key));
    }
  }
  return set.length === 0 ? ALLOWED : forbid('host namespaces', set.join(', '), faults);
}

// ---- hostPathVolumes (baseline, 1.0+) ----

function hostPathVolumes_1_0(_meta: PodMetadata, spec: PodSpecModel): CheckResult {
  const bad = spec.volumes.filter((v) => v.source === 'hostPath');
  if (bad.length === 0) return ALLOWED;
  return forbid(
    'hostPath volumes',
    `${pluralize('volume', 'volumes', bad.length)} ${joinQuote(bad.map((v) => v.name))}`,
    bad.map((v) => at(spec.path, 'volumes', v.index, 'hostPath')),
  );
}

// ---- hostPorts (baseline, 1.0+) ----

function hostPorts_1_0(_meta: PodMetadata, spec: PodSpecModel): CheckResult {
  const bad: string[] = [];
  const ports = new Set<string>();
  const faults: FieldPath[] = [];
  for (const c of spec.containers) {
    let valid = true;
    c.ports.forEach((p, i) => {
      if (p.hostPort !== 0) {
        valid = false;
        ports.add(String(p.hostPort));
        faults.push(at(c.path, 'ports', i, p.defaulted ? 'containerPort' : 'hostPort'));
      }
    });
    if (!valid) bad.push(c.name);
  }
  if (bad.length === 0) return ALLOWED;
  const list = sortedSet(ports);
  return forbid(
    'hostPort',
    `${containers(bad.length)} ${joinQuote(bad)} ${pluralize('uses', 'use', bad.length)} ${pluralize('hostPort', 'hostPorts', list.length)} ${list.join(', ')}`,
    faults,
  );
}

// ---- hostProbesAndHostLifecycle (baseline, 1.34+) ----

function hostProbesAndHostLifecycle_1_34(_meta: PodMetadata, spec: PodSpecModel): CheckResult {
  const bad = new Set<string>();
  const hosts = new Set<string>();
  const faults: FieldPath[] = [];
  for (const c of spec.containers) {
    for (const h of c.hosts) {
      if (h.host === '') continue;
      bad.add(c.name);
      hosts.add(h.host);
      const handler = h.handler === 'postStart' || h.handler === 'preStop' ? ['lifecycle', h.handler] : [h.handler];
      faults.push(at(c.path, ...handler, h.action, 'host'));
    }
  }
  if (bad.size === 0) return ALLOWED;
  const hostList = sortedSet(hosts);
  return forbid(
    'probe or lifecycle host',
    `${containers(bad.size)} ${joinQuote(sortedSet(bad))} ${pluralize('uses', 'use', bad.size)} ${pluralize('probe or lifecycle host', 'probe or lifecycle hosts', hostList.length)} ${joinQuote(hostList)}`,
    faults,
  );
}

// ---- privileged (baseline, 1.0+) ----

function privileged_1_0(_meta: PodMetadata, spec: PodSpecModel): CheckResult {
  const bad = spec.containers.filter((c) => c.securityContext?.privileged === true);
  if (bad.length === 0) return ALLOWED;
  return forbid(
    'privileged',
    `${containers(bad.length)} ${joinQuote(bad.map((c) => c.name))} must not set securityContext.privileged=true`,
    bad.map((c) => ctrSc(c, 'privileged')),
  );
}

// ---- procMount (baseline 1.0+, relaxed for user namespaces at 1.35; restricted keeps the strict one) ----

function procMount_1_0(_meta: PodMetadata, spec: PodSpecModel): CheckResult {
  const bad: string[] = [];
  const types = new Set<string>();
  const faults: FieldPath[] = [];
  for (const c of spec.containers) {
    const pm = c.securityContext?.procMount;
    if (pm === null || pm === undefined) continue;
    if (pm !== 'Default') {
      bad.push(c.name);
      types.add(pm);
      faults.push(ctrSc(c, 'procMount'));
    }
  }
  if (bad.length === 0) return ALLOWED;
  return forbid('procMount', `${containers(bad.length)} ${joinQuote(bad)} must not set securityContext.procMount to ${joinQuote(sortedSet(types))}`, faults);
}

const procMount_1_35_baseline: CheckPodFn = (meta, spec) => (userNamespacePod(spec) ? ALLOWED : procMount_1_0(meta, spec));

// ---- restrictedVolumes (restricted, 1.0+, overrides hostPathVolumes) ----

const ALLOWED_VOLUME_SOURCES = new Set(['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'image', 'persistentVolumeClaim', 'projected', 'secret']);
/** The restricted volume types upstream names, in its switch order (a volume has one source). */
export const RESTRICTED_VOLUME_SOURCES: readonly string[] = [
  'hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'nfs', 'iscsi', 'glusterfs', 'rbd', 'flexVolume', 'cinder', 'cephfs',
  'flocker', 'fc', 'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'storageos',
];

function restrictedVolumes_1_0(_meta: PodMetadata, spec: PodSpecModel): CheckResult {
  const bad: string[] = [];
  const types = new Set<string>();
  const faults: FieldPath[] = [];
  for (const v of spec.volumes) {
    if (ALLOWED_VOLUME_SOURCES.has(v.source)) continue;
    bad.push(v.name);
    types.add(RESTRICTED_VOLUME_SOURCES.includes(v.source) ? v.source : 'unknown');
    faults.push(at(spec.path, 'volumes', v.index, v.source));
  }
  if (bad.length === 0) return ALLOWED;
  const list = sortedSet(types);
  return forbid(
    'restricted volume types',
    `${pluralize('volume', 'volumes', bad.length)} ${joinQuote(bad)} ${pluralize('uses', 'use', bad.length)} ${pluralize('restricted volume type', 'restricted volume types', list.length)} ${joinQuote(list)}`,
    faults,
  );
}

// ---- runAsNonRoot (restricted 1.0+, relaxed for user namespaces at 1.35) ----

function runAsNonRoot_1_0(_meta: PodMetadata, spec: PodSpecModel): CheckResult {
  const setters: string[] = [];
  const faults: FieldPath[] = [];
  let podRunAsNonRoot = false;
  const pod = spec.securityContext?.runAsNonRoot;
  if (pod !== null && pod !== undefined) {
    if (!pod) {
      setters.push('pod');
      faults.push(podSc(spec, 'runAsNonRoot'));
    } else podRunAsNonRoot = true;
  }
  const explicit: string[] = [];
  const implicit: string[] = [];
  const implicitFaults: FieldPath[] = [];
  for (const c of spec.containers) {
    const v = c.securityContext?.runAsNonRoot;
    if (v !== null && v !== undefined) {
      if (!v) {
        explicit.push(c.name);
        faults.push(ctrSc(c, 'runAsNonRoot'));
      }
    } else if (!podRunAsNonRoot) {
      implicit.push(c.name);
      implicitFaults.push(ctrMissing(c, 'runAsNonRoot'));
    }
  }
  if (explicit.length > 0) setters.push(`${containers(explicit.length)} ${joinQuote(explicit)}`);
  if (setters.length > 0) return forbid('runAsNonRoot != true', `${setters.join(' and ')} must not set securityContext.runAsNonRoot=false`, faults);
  if (implicit.length > 0) {
    return forbid('runAsNonRoot != true', `pod or ${containers(implicit.length)} ${joinQuote(implicit)} must set securityContext.runAsNonRoot=true`, implicitFaults);
  }
  return ALLOWED;
}

const runAsNonRoot_1_35: CheckPodFn = (meta, spec) => (userNamespacePod(spec) ? ALLOWED : runAsNonRoot_1_0(meta, spec));

// ---- runAsUser (restricted 1.23+, relaxed for user namespaces at 1.35) ----

function runAsUser_1_23(_meta: PodMetadata, spec: PodSpecModel): CheckResult {
  const setters: string[] = [];
  const faults: FieldPath[] = [];
  if (spec.securityContext?.runAsUser === 0) {
    setters.push('pod');
    faults.push(podSc(spec, 'runAsUser'));
  }
  const bad = spec.containers.filter((c) => c.securityContext?.runAsUser === 0);
  for (const c of bad) faults.push(ctrSc(c, 'runAsUser'));
  if (bad.length > 0) setters.push(`${containers(bad.length)} ${joinQuote(bad.map((c) => c.name))}`);
  if (setters.length === 0) return ALLOWED;
  return forbid('runAsUser=0', `${setters.join(' and ')} must not set runAsUser=0`, faults);
}

const runAsUser_1_35: CheckPodFn = (meta, spec) => (userNamespacePod(spec) ? ALLOWED : runAsUser_1_23(meta, spec));

// ---- seLinuxOptions (baseline 1.0+, container_engine_t allowed from 1.31) ----

const SELINUX_TYPES_1_0 = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t']);
const SELINUX_TYPES_1_31 = new Set([...SELINUX_TYPES_1_0, 'container_engine_t']);

function seLinuxOptions(spec: PodSpecModel, allowedTypes: ReadonlySet<string>): CheckResult {
  const setters: string[] = [];
  const badTypes = new Set<string>();
  const faults: FieldPath[] = [];
  let setUser = false;
  let setRole = false;
  const valid = (opts: SELinuxOptions, base: FieldPath): boolean => {
    let ok = true;
    if (!allowedTypes.has(opts.type)) {
      ok = false;
      badTypes.add(opts.type);
      faults.push(at(base, 'type'));
    }
    if (opts.user.length > 0) {
      ok = false;
      setUser = true;
      faults.push(at(base, 'user'));
    }
    if (opts.role.length > 0) {
      ok = false;
      setRole = true;
      faults.push(at(base, 'role'));
    }
    return ok;
  };
  const podOpts = spec.securityContext?.seLinuxOptions;
  if (podOpts && !valid(podOpts, podSc(spec, 'seLinuxOptions'))) setters.push('pod');
  const bad: string[] = [];
  for (const c of spec.containers) {
    const opts = c.securityContext?.seLinuxOptions;
    if (opts && !valid(opts, ctrSc(c, 'seLinuxOptions'))) bad.push(c.name);
  }
  if (bad.length > 0) setters.push(`${containers(bad.length)} ${joinQuote(bad)}`);
  if (setters.length === 0) return ALLOWED;
  const data: string[] = [];
  if (badTypes.size > 0) data.push(`${pluralize('type', 'types', badTypes.size)} ${joinQuote(sortedSet(badTypes))}`);
  if (setUser) data.push('user may not be set');
  if (setRole) data.push('role may not be set');
  return forbid('seLinuxOptions', `${setters.join(' and ')} set forbidden securityContext.seLinuxOptions: ${data.join('; ')}`, faults);
}

// ---- seccompProfile_baseline (1.0+ annotations, 1.19+ fields) ----

const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

const validSeccomp = (p: ProfileRef): boolean => p.type === 'Localhost' || p.type === 'RuntimeDefault';
const validSeccompAnnotation = (v: string): boolean => v === 'runtime/default' || v === 'docker/default' || v.startsWith('localhost/');

function seccompProfileBaseline_1_0(meta: PodMetadata, spec: PodSpecModel): CheckResult {
  const forbidden = new Set<string>();
  const faults: FieldPath[] = [];
  const check = (key: string): void => {
    const v = meta.annotations[key];
    if (v !== undefined && !validSeccompAnnotation(v)) {
      forbidden.add(`${key}=${goQuote(v)}`);
      faults.push(at(meta.path, 'annotations', key));
    }
  };
  check(SECCOMP_POD_ANNOTATION);
  for (const c of spec.containers) check(SECCOMP_CONTAINER_ANNOTATION_PREFIX + c.name);
  if (forbidden.size === 0) return ALLOWED;
  return forbid('seccompProfile', `forbidden ${pluralize('annotation', 'annotations', forbidden.size)} ${sortedSet(forbidden).join(', ')}`, faults);
}

/** The 1.19 baseline and restricted seccomp checks share this walk; `restricted` also requires a profile. */
function seccompFields(spec: PodSpecModel, restricted: boolean): CheckResult {
  const setters: string[] = [];
  const values = new Set<string>();
  const faults: FieldPath[] = [];
  let podSet = false;
  const podProfile = spec.securityContext?.seccompProfile;
  if (podProfile) {
    if (!validSeccomp(podProfile)) {
      setters.push('pod');
      values.add(podProfile.type);
      faults.push(podSc(spec, 'seccompProfile', 'type'));
    } else podSet = true;
  }
  const explicit: string[] = [];
  const implicit: string[] = [];
  const implicitFaults: FieldPath[] = [];
  for (const c of spec.containers) {
    const profile = c.securityContext?.seccompProfile;
    if (profile) {
      if (!validSeccomp(profile)) {
        explicit.push(c.name);
        values.add(profile.type);
        faults.push(ctrSc(c, 'seccompProfile', 'type'));
      }
    } else if (restricted && !podSet) {
      implicit.push(c.name);
      implicitFaults.push(ctrMissing(c, 'seccompProfile'));
    }
  }
  if (explicit.length > 0) setters.push(`${containers(explicit.length)} ${joinQuote(explicit)}`);
  if (setters.length > 0) {
    return forbid('seccompProfile', `${setters.join(' and ')} must not set securityContext.seccompProfile.type to ${joinQuote(sortedSet(values))}`, faults);
  }
  if (implicit.length > 0) {
    return forbid(
      'seccompProfile',
      `pod or ${containers(implicit.length)} ${joinQuote(implicit)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
      implicitFaults,
    );
  }
  return ALLOWED;
}

const seccompProfileBaseline_1_19: CheckPodFn = (_meta, spec) => seccompFields(spec, false);
const seccompProfileRestricted_1_19: CheckPodFn = (_meta, spec) => seccompFields(spec, true);
const seccompProfileRestricted_1_25: CheckPodFn = (meta, spec) => (windowsPod(spec) ? ALLOWED : seccompProfileRestricted_1_19(meta, spec));

// ---- sysctls (baseline; the safe set grows at 1.27, 1.29, 1.32 and 1.37) ----

const SYSCTLS_1_0 = ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start'];
const SYSCTLS_1_27 = [...SYSCTLS_1_0, 'net.ipv4.ip_local_reserved_ports'];
const SYSCTLS_1_29 = [...SYSCTLS_1_27, 'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes'];
const SYSCTLS_1_32 = [...SYSCTLS_1_29, 'net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem'];
const SYSCTLS_1_37 = [...SYSCTLS_1_32, 'net.ipv4.tcp_slow_start_after_idle', 'net.ipv4.tcp_notsent_lowat'];

function sysctls(allowed: readonly string[]): CheckPodFn {
  const set = new Set(allowed);
  return (_meta, spec) => {
    const bad: string[] = [];
    const faults: FieldPath[] = [];
    (spec.securityContext?.sysctls ?? []).forEach((s, i) => {
      if (!set.has(s.name)) {
        bad.push(s.name);
        faults.push(podSc(spec, 'sysctls', i, 'name'));
      }
    });
    return bad.length === 0 ? ALLOWED : forbid('forbidden sysctls', bad.join(', '), faults);
  };
}

/** The safe sysctls a version allows (for explanations). */
export function safeSysctls(version: Version): readonly string[] {
  const m = version.latest ? Infinity : version.minor;
  return m >= 37 ? SYSCTLS_1_37 : m >= 32 ? SYSCTLS_1_32 : m >= 29 ? SYSCTLS_1_29 : m >= 27 ? SYSCTLS_1_27 : SYSCTLS_1_0;
}

// ---- windowsHostProcess (baseline, 1.0+) ----

function windowsHostProcess_1_0(_meta: PodMetadata, spec: PodSpecModel): CheckResult {
  const bad = spec.containers.filter((c) => c.securityContext?.windowsOptions?.hostProcess === true);
  const setters: string[] = [];
  const faults: FieldPath[] = [];
  if (spec.securityContext?.windowsOptions?.hostProcess === true) {
    setters.push('pod');
    faults.push(podSc(spec, 'windowsOptions', 'hostProcess'));
  }
  if (bad.length > 0) setters.push(`${containers(bad.length)} ${joinQuote(bad.map((c) => c.name))}`);
  for (const c of bad) faults.push(ctrSc(c, 'windowsOptions', 'hostProcess'));
  if (setters.length === 0) return ALLOWED;
  return forbid('hostProcess', `${setters.join(' and ')} must not set securityContext.windowsOptions.hostProcess=true`, faults);
}

// ---- the registry's input: every check with its versions ----

const v = majorMinor;

export const CHECKS: readonly Check[] = [
  { id: 'allowPrivilegeEscalation', level: 'restricted', versions: [{ minimumVersion: v(1, 8), checkPod: allowPrivilegeEscalation_1_8 }, { minimumVersion: v(1, 25), checkPod: allowPrivilegeEscalation_1_25 }] },
  { id: 'appArmorProfile', level: 'baseline', versions: [{ minimumVersion: v(1, 0), checkPod: appArmorProfile_1_0 }] },
  { id: 'capabilities_baseline', level: 'baseline', versions: [{ minimumVersion: v(1, 0), checkPod: capabilitiesBaseline_1_0 }] },
  {
    id: 'capabilities_restricted',
    level: 'restricted',
    versions: [
      { minimumVersion: v(1, 22), checkPod: capabilitiesRestricted_1_22, overrides: ['capabilities_baseline'] },
      { minimumVersion: v(1, 25), checkPod: capabilitiesRestricted_1_25, overrides: ['capabilities_baseline'] },
    ],
  },
  { id: 'hostNamespaces', level: 'baseline', versions: [{ minimumVersion: v(1, 0), checkPod: hostNamespaces_1_0 }] },
  { id: 'hostPathVolumes', level: 'baseline', versions: [{ minimumVersion: v(1, 0), checkPod: hostPathVolumes_1_0 }] },
  { id: 'hostPorts', level: 'baseline', versions: [{ minimumVersion: v(1, 0), checkPod: hostPorts_1_0 }] },
  { id: 'hostProbesAndHostLifecycle', level: 'baseline', versions: [{ minimumVersion: v(1, 34), checkPod: hostProbesAndHostLifecycle_1_34 }] },
  { id: 'privileged', level: 'baseline', versions: [{ minimumVersion: v(1, 0), checkPod: privileged_1_0 }] },
  { id: 'procMount', level: 'baseline', versions: [{ minimumVersion: v(1, 0), checkPod: procMount_1_0 }, { minimumVersion: v(1, 35), checkPod: procMount_1_35_baseline }] },
  { id: 'procMount_restricted', level: 'restricted', versions: [{ minimumVersion: v(1, 35), checkPod: procMount_1_0, overrides: ['procMount'] }] },
  { id: 'restrictedVolumes', level: 'restricted', versions: [{ minimumVersion: v(1, 0), checkPod: restrictedVolumes_1_0, overrides: ['hostPathVolumes'] }] },
  { id: 'runAsNonRoot', level: 'restricted', versions: [{ minimumVersion: v(1, 0), checkPod: runAsNonRoot_1_0 }, { minimumVersion: v(1, 35), checkPod: runAsNonRoot_1_35 }] },
  { id: 'runAsUser', level: 'restricted', versions: [{ minimumVersion: v(1, 23), checkPod: runAsUser_1_23 }, { minimumVersion: v(1, 35), checkPod: runAsUser_1_35 }] },
  {
    id: 'seLinuxOptions',
    level: 'baseline',
    versions: [
      { minimumVersion: v(1, 0), checkPod: (_m, s) => seLinuxOptions(s, SELINUX_TYPES_1_0) },
      { minimumVersion: v(1, 31), checkPod: (_m, s) => seLinuxOptions(s, SELINUX_TYPES_1_31) },
    ],
  },
  {
    id: 'seccompProfile_baseline',
    level: 'baseline',
    versions: [
      { minimumVersion: v(1, 0), checkPod: seccompProfileBaseline_1_0 },
      { minimumVersion: v(1, 19), checkPod: seccompProfileBaseline_1_19 },
    ],
  },
  {
    id: 'seccompProfile_restricted',
    level: 'restricted',
    versions: [
      { minimumVersion: v(1, 19), checkPod: seccompProfileRestricted_1_19, overrides: ['seccompProfile_baseline'] },
      { minimumVersion: v(1, 25), checkPod: seccompProfileRestricted_1_25, overrides: ['seccompProfile_baseline'] },
    ],
  },
  {
    id: 'sysctls',
    level: 'baseline',
    versions: [
      { minimumVersion: v(1, 0), checkPod: sysctls(SYSCTLS_1_0) },
      { minimumVersion: v(1, 27), checkPod: sysctls(SYSCTLS_1_27) },
      { minimumVersion: v(1, 29), checkPod: sysctls(SYSCTLS_1_29) },
      { minimumVersion: v(1, 32), checkPod: sysctls(SYSCTLS_1_32) },
      { minimumVersion: v(1, 37), checkPod: sysctls(SYSCTLS_1_37) },
    ],
  },
  { id: 'windowsHostProcess', level: 'baseline', versions: [{ minimumVersion: v(1, 0), checkPod: windowsHostProcess_1_0 }] },
];
