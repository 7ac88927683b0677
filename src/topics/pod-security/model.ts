// What the Pod Security checks read of a pod: its annotations and the PodSpec fields the upstream checks look at,
// after the API server's defaulting, each object with the path of its fields so a violation can point at the
// line at fault. `null` is Go's nil pointer (absent or null in the YAML).
import type { SourceLocation } from '../../kube/index';

/** A field's path inside its object: `['spec', 'containers', 0, 'securityContext']`. */
export type FieldPath = readonly (string | number)[];

export interface ProfileRef {
  type: string;
  localhostProfile: string | null;
}

export interface SELinuxOptions {
  user: string;
  role: string;
  type: string;
  level: string;
}

export interface WindowsOptions {
  hostProcess: boolean | null;
  runAsUserName: string | null;
}

export interface Capabilities {
  add: readonly string[];
  drop: readonly string[];
}

/** corev1.SecurityContext (a container's). */
export interface ContainerSecurityContext {
  privileged: boolean | null;
  allowPrivilegeEscalation: boolean | null;
  runAsUser: number | null;
  runAsGroup: number | null;
  runAsNonRoot: boolean | null;
  readOnlyRootFilesystem: boolean | null;
  procMount: string | null;
  capabilities: Capabilities | null;
  seccompProfile: ProfileRef | null;
  appArmorProfile: ProfileRef | null;
  seLinuxOptions: SELinuxOptions | null;
  windowsOptions: WindowsOptions | null;
}

/** corev1.PodSecurityContext. */
export interface PodSecurityContext {
  runAsUser: number | null;
  runAsGroup: number | null;
  runAsNonRoot: boolean | null;
  fsGroup: number | null;
  supplementalGroups: readonly number[];
  supplementalGroupsPolicy: string | null;
  sysctls: readonly { name: string; value: string }[];
  seccompProfile: ProfileRef | null;
  appArmorProfile: ProfileRef | null;
  seLinuxOptions: SELinuxOptions | null;
  windowsOptions: WindowsOptions | null;
}

export type ContainerGroup = 'initContainers' | 'containers' | 'ephemeralContainers';

/** A host set in a probe or lifecycle handler (`livenessProbe.httpGet.host`). */
export interface HandlerHost {
  /** `livenessProbe`, `readinessProbe`, `startupProbe`, `lifecycle.postStart`, `lifecycle.preStop`. */
  handler: 'livenessProbe' | 'readinessProbe' | 'startupProbe' | 'postStart' | 'preStop';
  action: 'httpGet' | 'tcpSocket';
  host: string;
}

export interface ContainerPort {
  containerPort: number;
  hostPort: number;
  /** hostPort was 0 and the API server set it to containerPort (a Pod with hostNetwork). */
  defaulted: boolean;
}

export interface ContainerSpec {
  name: string;
  image: string;
  group: ContainerGroup;
  index: number;
  securityContext: ContainerSecurityContext | null;
  ports: readonly ContainerPort[];
  hosts: readonly HandlerHost[];
  mounts: readonly { name: string; mountPath: string; readOnly: boolean }[];
  /** Where the container is in its object. */
  path: FieldPath;
  location: SourceLocation;
}

export interface VolumeSpec {
  name: string;
  /** The VolumeSource key (`hostPath`, `emptyDir`, ...); `emptyDir` when none was given (defaulted). */
  source: string;
  defaulted: boolean;
  index: number;
}

/** A PodSpec as Pod Security sees it; containers in the checks' visiting order (init, regular, ephemeral). */
export interface PodSpecModel {
  /** Where the PodSpec is in its object (`spec`, `spec.template.spec`, ...). */
  path: FieldPath;
  hostNetwork: boolean;
  hostPID: boolean;
  hostIPC: boolean;
  hostUsers: boolean | null;
  /** spec.os.name (`linux`, `windows`); null when unset. */
  os: string | null;
  runtimeClassName: string | null;
  securityContext: PodSecurityContext | null;
  containers: readonly ContainerSpec[];
  volumes: readonly VolumeSpec[];
}

/** The pod's (or pod template's) metadata the checks read. */
export interface PodMetadata {
  path: FieldPath;
  annotations: Readonly<Record<string, string>>;
}
