// Reads what Pod Security needs of every Pod and pod template: the PodSpec fields the checks look at (unknown
// fields were rejected when the object was read: src/kube/fields.ts), after the defaulting the API server applies before admission (a volume without a source is an emptyDir; a Pod with
// hostNetwork gets hostPort = containerPort; a Pod's AppArmor annotations become fields).
import { ObjectReader, api, isNull, msg, type KubeObject, type PMap, type PNode } from '../../kube/index';
import type {
  Capabilities,
  ContainerGroup,
  ContainerPort,
  ContainerSecurityContext,
  ContainerSpec,
  FieldPath,
  HandlerHost,
  PodMetadata,
  PodSecurityContext,
  PodSpecModel,
  ProfileRef,
  SELinuxOptions,
  VolumeSpec,
  WindowsOptions,
} from './model';

/** Every corev1.VolumeSource field (a Volume's fields but its name). */
export const VOLUME_SOURCES = Object.keys(api.Volume.fields).filter((f) => f !== 'name');

const MAX_ID = 2147483647;

/** A pod (or pod template) as the checks see it. */
export interface PodTemplateView {
  meta: PodMetadata;
  spec: PodSpecModel;
}

/** Reads with located problems; one per object (problems say which object). */
class SpecReader {
  constructor(readonly r: ObjectReader) {}

  optBool(node: PNode | undefined, path: string): boolean | null {
    if (!node || isNull(node)) return null;
    return this.r.bool(node, path);
  }

  /** An int64 ID (runAsUser, fsGroup, ...); outside 0-2147483647 the API server rejects it (a warning here). */
  id(node: PNode | undefined, path: string): number | null {
    const n = this.r.integer(node, path);
    if (n !== null && (n < 0 || n > MAX_ID)) this.r.report(node!, 'invalid-value', msg(`${path}: Invalid value: ${n}: must be between 0 and ${MAX_ID}, inclusive`, `${path}: 値 ${n} は正しくありません。0 以上 ${MAX_ID} 以下でなければなりません`), 'warning');
    return n;
  }

  str(map: PMap | null, key: string, path: string): string | null {
    return this.r.string(map?.entries.get(key)?.value, `${path}.${key}`);
  }

  profile(node: PNode | undefined, path: string, allowedTypes: readonly string[]): ProfileRef | null {
    const map = this.r.map(node, path);
    if (!map) return null;
    const typeNode = map.entries.get('type')?.value;
    const type = this.str(map, 'type', path);
    if (type === null) this.r.report(map, 'missing-field', msg(`${path}.type: Required value`, `${path}.type は必須です`), 'warning');
    else if (!allowedTypes.includes(type)) {
      const supported = allowedTypes.map((t) => `"${t}"`).join(', ');
      this.r.report(typeNode!, 'invalid-value', msg(`${path}.type: Unsupported value: "${type}": supported values: ${supported}`, `${path}.type の "${type}" は使えません。使える値: ${supported}`), 'warning');
    }
    const localhostProfile = this.str(map, 'localhostProfile', path);
    if (type === 'Localhost' && !localhostProfile) this.r.report(map, 'missing-field', msg(`${path}.localhostProfile: Required value: must be set when ${path.split('.').pop()} type is Localhost`, `${path.split('.').pop()} の type が Localhost のとき、${path}.localhostProfile は必須です`), 'warning');
    return { type: type ?? '', localhostProfile };
  }

  seLinux(node: PNode | undefined, path: string): SELinuxOptions | null {
    const map = this.r.map(node, path);
    if (!map) return null;
    return { user: this.str(map, 'user', path) ?? '', role: this.str(map, 'role', path) ?? '', type: this.str(map, 'type', path) ?? '', level: this.str(map, 'level', path) ?? '' };
  }

  windows(node: PNode | undefined, path: string): WindowsOptions | null {
    const map = this.r.map(node, path);
    if (!map) return null;
    return { hostProcess: this.optBool(map.entries.get('hostProcess')?.value, `${path}.hostProcess`), runAsUserName: this.str(map, 'runAsUserName', path) };
  }

  capabilities(node: PNode | undefined, path: string): Capabilities | null {
    const map = this.r.map(node, path);
    if (!map) return null;
    return { add: this.r.strings(map.entries.get('add')?.value, `${path}.add`), drop: this.r.strings(map.entries.get('drop')?.value, `${path}.drop`) };
  }

  containerSc(node: PNode | undefined, path: string): ContainerSecurityContext | null {
    const map = this.r.map(node, path);
    if (!map) return null;
    const get = (k: string): PNode | undefined => map.entries.get(k)?.value;
    const procMountNode = get('procMount');
    const procMount = this.r.string(procMountNode, `${path}.procMount`);
    if (procMount !== null && procMount !== 'Default' && procMount !== 'Unmasked') {
      this.r.report(procMountNode!, 'invalid-value', msg(`${path}.procMount: Unsupported value: "${procMount}": supported values: "Default", "Unmasked"`, `${path}.procMount の "${procMount}" は使えません。使える値: "Default", "Unmasked"`), 'warning');
    }
    const privileged = this.optBool(get('privileged'), `${path}.privileged`);
    const allowPrivilegeEscalation = this.optBool(get('allowPrivilegeEscalation'), `${path}.allowPrivilegeEscalation`);
    const capabilities = this.capabilities(get('capabilities'), `${path}.capabilities`);
    // ValidateSecurityContext: no_new_privs cannot hold for a privileged container or one with CAP_SYS_ADMIN.
    if (allowPrivilegeEscalation === false && privileged === true) {
      this.r.report(get('allowPrivilegeEscalation')!, 'invalid-value', msg(`${path}: Invalid value: cannot set \`allowPrivilegeEscalation\` to false and \`privileged\` to true`, `${path}: allowPrivilegeEscalation を false にしたまま privileged を true にはできません`), 'warning');
    }
    if (allowPrivilegeEscalation === false && capabilities?.add.includes('CAP_SYS_ADMIN')) {
      this.r.report(get('allowPrivilegeEscalation')!, 'invalid-value', msg(`${path}: Invalid value: cannot set \`allowPrivilegeEscalation\` to false and \`capabilities.Add\` CAP_SYS_ADMIN`, `${path}: allowPrivilegeEscalation を false にしたまま capabilities.add に CAP_SYS_ADMIN は書けません`), 'warning');
    }
    return {
      privileged,
      allowPrivilegeEscalation,
      runAsUser: this.id(get('runAsUser'), `${path}.runAsUser`),
      runAsGroup: this.id(get('runAsGroup'), `${path}.runAsGroup`),
      runAsNonRoot: this.optBool(get('runAsNonRoot'), `${path}.runAsNonRoot`),
      readOnlyRootFilesystem: this.optBool(get('readOnlyRootFilesystem'), `${path}.readOnlyRootFilesystem`),
      procMount,
      capabilities,
      seccompProfile: this.profile(get('seccompProfile'), `${path}.seccompProfile`, SECCOMP_TYPES),
      appArmorProfile: this.profile(get('appArmorProfile'), `${path}.appArmorProfile`, APPARMOR_TYPES),
      seLinuxOptions: this.seLinux(get('seLinuxOptions'), `${path}.seLinuxOptions`),
      windowsOptions: this.windows(get('windowsOptions'), `${path}.windowsOptions`),
    };
  }

  podSc(node: PNode | undefined, path: string): PodSecurityContext | null {
    const map = this.r.map(node, path);
    if (!map) return null;
    const get = (k: string): PNode | undefined => map.entries.get(k)?.value;
    const supplementalGroups: number[] = [];
    (this.r.list(get('supplementalGroups'), `${path}.supplementalGroups`) ?? []).forEach((g, i) => {
      const n = this.id(g, `${path}.supplementalGroups[${i}]`);
      if (n !== null) supplementalGroups.push(n);
    });
    const sysctls: { name: string; value: string }[] = [];
    (this.r.list(get('sysctls'), `${path}.sysctls`) ?? []).forEach((s, i) => {
      const at = `${path}.sysctls[${i}]`;
      const m = this.r.map(s, at);
      if (!m) return;
      sysctls.push({ name: this.str(m, 'name', at) ?? '', value: this.str(m, 'value', at) ?? '' });
    });
    return {
      runAsUser: this.id(get('runAsUser'), `${path}.runAsUser`),
      runAsGroup: this.id(get('runAsGroup'), `${path}.runAsGroup`),
      runAsNonRoot: this.optBool(get('runAsNonRoot'), `${path}.runAsNonRoot`),
      fsGroup: this.id(get('fsGroup'), `${path}.fsGroup`),
      supplementalGroups,
      supplementalGroupsPolicy: this.r.string(get('supplementalGroupsPolicy'), `${path}.supplementalGroupsPolicy`),
      sysctls,
      seccompProfile: this.profile(get('seccompProfile'), `${path}.seccompProfile`, SECCOMP_TYPES),
      appArmorProfile: this.profile(get('appArmorProfile'), `${path}.appArmorProfile`, APPARMOR_TYPES),
      seLinuxOptions: this.seLinux(get('seLinuxOptions'), `${path}.seLinuxOptions`),
      windowsOptions: this.windows(get('windowsOptions'), `${path}.windowsOptions`),
    };
  }

  hosts(container: PMap, path: string): HandlerHost[] {
    const out: HandlerHost[] = [];
    const actions = (handler: PMap, at: string, kind: HandlerHost['handler']): void => {
      for (const action of ['httpGet', 'tcpSocket'] as const) {
        const m = this.r.map(handler.entries.get(action)?.value, `${at}.${action}`);
        if (!m) continue;
        const host = this.str(m, 'host', `${at}.${action}`);
        if (host) out.push({ handler: kind, action, host });
      }
    };
    for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
      const m = this.r.map(container.entries.get(probe)?.value, `${path}.${probe}`);
      if (!m) continue;
      actions(m, `${path}.${probe}`, probe);
    }
    const lifecycle = this.r.map(container.entries.get('lifecycle')?.value, `${path}.lifecycle`);
    if (lifecycle) {
      for (const h of ['postStart', 'preStop'] as const) {
        const m = this.r.map(lifecycle.entries.get(h)?.value, `${path}.lifecycle.${h}`);
        if (!m) continue;
        actions(m, `${path}.lifecycle.${h}`, h);
      }
    }
    return out;
  }

  ports(container: PMap, path: string, hostNetworkPod: boolean): ContainerPort[] {
    const out: ContainerPort[] = [];
    (this.r.list(container.entries.get('ports')?.value, `${path}.ports`) ?? []).forEach((p, i) => {
      const at = `${path}.ports[${i}]`;
      const m = this.r.map(p, at);
      if (!m) return;
      const containerPort = this.r.integer(m.entries.get('containerPort')?.value, `${at}.containerPort`) ?? 0;
      const hostPort = this.r.integer(m.entries.get('hostPort')?.value, `${at}.hostPort`) ?? 0;
      // SetDefaults_Pod: with host networking every container port is a host port.
      if (hostNetworkPod && hostPort === 0) out.push({ containerPort, hostPort: containerPort, defaulted: containerPort !== 0 });
      else out.push({ containerPort, hostPort, defaulted: false });
    });
    return out;
  }

  containers(spec: PMap, specPath: FieldPath, hostNetworkPod: boolean): ContainerSpec[] {
    const out: ContainerSpec[] = [];
    for (const group of ['initContainers', 'containers', 'ephemeralContainers'] as ContainerGroup[]) {
      const path = `${specPath.join('.')}.${group}`;
      (this.r.list(spec.entries.get(group)?.value, path) ?? []).forEach((node, index) => {
        const at = `${path}[${index}]`;
        const c = this.r.map(node, at);
        if (!c) return;
        const name = this.str(c, 'name', at);
        if (name === null) this.r.report(c, 'missing-field', msg(`${at}.name: Required value`, `${at}.name は必須です`));
        out.push({
          name: name ?? '',
          image: this.str(c, 'image', at) ?? '',
          group,
          index,
          securityContext: this.containerSc(c.entries.get('securityContext')?.value, `${at}.securityContext`),
          // hostNetwork defaulting covers containers and init containers, not ephemeral ones.
          ports: this.ports(c, at, hostNetworkPod && group !== 'ephemeralContainers'),
          hosts: this.hosts(c, at),
          mounts: this.mounts(c, at),
          path: [...specPath, group, index],
          location: this.r.at(c),
        });
      });
    }
    return out;
  }

  mounts(container: PMap, path: string): ContainerSpec['mounts'] {
    const out: { name: string; mountPath: string; readOnly: boolean }[] = [];
    (this.r.list(container.entries.get('volumeMounts')?.value, `${path}.volumeMounts`) ?? []).forEach((m, i) => {
      const at = `${path}.volumeMounts[${i}]`;
      const map = this.r.map(m, at);
      if (!map) return;
      out.push({ name: this.str(map, 'name', at) ?? '', mountPath: this.str(map, 'mountPath', at) ?? '', readOnly: this.optBool(map.entries.get('readOnly')?.value, `${at}.readOnly`) === true });
    });
    return out;
  }

  volumes(spec: PMap, specPath: FieldPath): VolumeSpec[] {
    const out: VolumeSpec[] = [];
    const path = `${specPath.join('.')}.volumes`;
    (this.r.list(spec.entries.get('volumes')?.value, path) ?? []).forEach((node, index) => {
      const at = `${path}[${index}]`;
      const v = this.r.map(node, at);
      if (!v) return;
      const sources = [...v.entries.values()].filter((e) => e.key !== 'name' && VOLUME_SOURCES.includes(e.key) && !isNull(e.value)).map((e) => e.key);
      if (sources.length > 1) this.r.report(v, 'invalid-value', msg(`${at}: Forbidden: may not specify more than 1 volume type (${sources.join(', ')})`, `${at}: ボリュームの種類は 1 つしか書けません（${sources.join(', ')}）`), 'warning');
      // A volume with several sources is judged by the first in upstream's switch order; SetDefaults_Volume
      // makes a volume without any an emptyDir.
      const source = sources.sort((a, b) => sourceRank(a) - sourceRank(b))[0];
      out.push({ name: this.str(v, 'name', at) ?? '', source: source ?? 'emptyDir', defaulted: source === undefined, index });
    });
    return out;
  }
}

const SECCOMP_TYPES = ['Localhost', 'RuntimeDefault', 'Unconfined'];
const APPARMOR_TYPES = ['Localhost', 'RuntimeDefault', 'Unconfined'];

// restrictedVolumes' switch: the allowed sources first, then hostPath, gcePersistentDisk, ... in its order.
const SWITCH_ORDER = [
  'configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'image', 'persistentVolumeClaim', 'projected', 'secret',
  'hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'nfs', 'iscsi', 'glusterfs', 'rbd', 'flexVolume', 'cinder', 'cephfs',
  'flocker', 'fc', 'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'storageos',
];
const sourceRank = (s: string): number => {
  const i = SWITCH_ORDER.indexOf(s);
  return i < 0 ? SWITCH_ORDER.length : i;
};

/** Where an object keeps its pod template: a Pod is its own; a PodTemplate has `template`; others `spec.template`. */
export function templatePath(kind: string): FieldPath | null {
  switch (kind) {
    case 'Pod':
      return [];
    case 'PodTemplate':
      return ['template'];
    case 'CronJob':
      return ['spec', 'jobTemplate', 'spec', 'template'];
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Job':
    case 'ReplicationController':
      return ['spec', 'template'];
    default:
      return null;
  }
}

function child(node: PNode | undefined, key: string | number): PNode | undefined {
  if (!node) return undefined;
  if (typeof key === 'number') return node.type === 'seq' ? node.items[key] : undefined;
  return node.type === 'map' ? node.entries.get(key)?.value : undefined;
}

/** The node at a path, or the deepest node on the way that exists. */
export function nodeAt(root: PNode, path: FieldPath): { node: PNode; found: boolean } {
  let node = root;
  for (const key of path) {
    const next = child(node, key);
    if (!next || isNull(next)) return { node, found: false };
    node = next;
  }
  return { node, found: true };
}

/**
 * Reads the pod (or pod template) of an object for Pod Security; null when the object has none (a
 * ReplicationController without a template). Problems go to `r` (its `what` says which object).
 */
export function readPodTemplate(obj: KubeObject, r: ObjectReader): PodTemplateView | null {
  const base = templatePath(obj.kind);
  if (base === null) return null;
  let root: PNode = obj.node;
  if (base.length > 0) {
    const t = nodeAt(obj.node, base);
    if (!t.found) return null;
    root = t.node;
  }
  if (root.type !== 'map') return null;
  const reader = new SpecReader(r);
  const isPod = obj.kind === 'Pod';
  const metaPath: FieldPath = [...base, 'metadata'];
  const metaNode = r.map(root.entries.get('metadata')?.value, metaPath.join('.'));
  const annotations: Record<string, string> = {};
  const annotationsNode = r.map(metaNode?.entries.get('annotations')?.value, `${metaPath.join('.')}.annotations`);
  for (const entry of annotationsNode?.entries.values() ?? []) {
    const value = isNull(entry.value) ? '' : r.string(entry.value, `${metaPath.join('.')}.annotations.${entry.key}`);
    if (value !== null) annotations[entry.key] = value;
  }
  const specPath: FieldPath = [...base, 'spec'];
  const specNode: PMap = r.map(root.entries.get('spec')?.value, specPath.join('.')) ?? { type: 'map', entries: new Map(), offset: root.offset };
  const path = specPath.join('.');
  const get = (k: string): PNode | undefined => specNode.entries.get(k)?.value;
  const hostNetwork = r.bool(get('hostNetwork'), `${path}.hostNetwork`);
  const osNode = r.map(get('os'), `${path}.os`);
  const spec: PodSpecModel = {
    path: specPath,
    hostNetwork,
    hostPID: r.bool(get('hostPID'), `${path}.hostPID`),
    hostIPC: r.bool(get('hostIPC'), `${path}.hostIPC`),
    hostUsers: reader.optBool(get('hostUsers'), `${path}.hostUsers`),
    os: reader.str(osNode, 'name', `${path}.os`),
    runtimeClassName: r.string(get('runtimeClassName'), `${path}.runtimeClassName`),
    securityContext: reader.podSc(get('securityContext'), `${path}.securityContext`),
    containers: reader.containers(specNode, specPath, isPod && hostNetwork),
    volumes: reader.volumes(specNode, specPath),
  };
  const meta: PodMetadata = { path: metaPath, annotations };
  return isPod ? syncAppArmorAnnotations(meta, spec) : { meta, spec };
}

const APPARMOR_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

/**
 * The Pod strategy's applyAppArmorVersionSkew (pods only, not templates): a container with an AppArmor annotation
 * and no appArmorProfile field gets the field the annotation means, unless it equals the pod's profile. Windows
 * pods are left alone; annotations that mean no valid profile are not copied.
 */
export function syncAppArmorAnnotations(meta: PodMetadata, spec: PodSpecModel): PodTemplateView {
  if (spec.os === 'windows') return { meta, spec };
  const podProfile = spec.securityContext?.appArmorProfile ?? null;
  const containers = spec.containers.map((c): ContainerSpec => {
    const annotation = meta.annotations[APPARMOR_PREFIX + c.name];
    if (annotation === undefined || c.securityContext?.appArmorProfile) return c;
    const field = appArmorFieldFor(annotation);
    if (!field || (podProfile && podProfile.type === field.type && podProfile.localhostProfile === field.localhostProfile)) return c;
    return { ...c, securityContext: { ...(c.securityContext ?? EMPTY_SC), appArmorProfile: field } };
  });
  return { meta, spec: { ...spec, containers } };
}

function appArmorFieldFor(annotation: string): ProfileRef | null {
  if (annotation === 'unconfined') return { type: 'Unconfined', localhostProfile: null };
  if (annotation === 'runtime/default') return { type: 'RuntimeDefault', localhostProfile: null };
  if (annotation.startsWith('localhost/') && annotation.length > 'localhost/'.length) return { type: 'Localhost', localhostProfile: annotation.slice('localhost/'.length) };
  return null;
}

export const EMPTY_SC: ContainerSecurityContext = {
  privileged: null,
  allowPrivilegeEscalation: null,
  runAsUser: null,
  runAsGroup: null,
  runAsNonRoot: null,
  readOnlyRootFilesystem: null,
  procMount: null,
  capabilities: null,
  seccompProfile: null,
  appArmorProfile: null,
  seLinuxOptions: null,
  windowsOptions: null,
};
