// Editor schema pieces for Pod Security: securityContext (pod and container), the PodSpec fields the Pod Security
// Standards look at, volumes, and the pod-security.kubernetes.io namespace labels. Hover docs say what each
// field does and which level forbids what; completion offers the values the API accepts.

type Schema = Record<string, unknown>;

const profile = (what: string, types: readonly string[]): Schema => ({
  type: 'object',
  additionalProperties: false,
  required: ['type'],
  description: what,
  properties: {
    type: { enum: types, description: 'RuntimeDefault: the container runtime\'s default profile. Localhost: a profile file on the node (set localhostProfile). Unconfined: no profile (forbidden at baseline).' },
    localhostProfile: { type: 'string', description: 'With type Localhost: the profile\'s name or path on the node.' },
  },
});

const seccompProfile = profile('The seccomp profile (system calls the process may make). restricted requires RuntimeDefault or Localhost on the pod or every container.', ['RuntimeDefault', 'Localhost', 'Unconfined']);
const appArmorProfile = profile('The AppArmor profile. baseline forbids Unconfined; unset means the runtime\'s default on nodes with AppArmor.', ['RuntimeDefault', 'Localhost', 'Unconfined']);

const seLinuxOptions: Schema = {
  type: 'object',
  additionalProperties: false,
  description: 'SELinux labels. baseline allows only the type (empty or a container_* type) and forbids user and role.',
  properties: {
    user: { type: 'string', description: 'SELinux user: forbidden at baseline.' },
    role: { type: 'string', description: 'SELinux role: forbidden at baseline.' },
    type: { type: 'string', description: 'SELinux type: baseline allows container_t, container_init_t, container_kvm_t and (from v1.31) container_engine_t.' },
    level: { type: 'string', description: 'SELinux level (MCS), such as s0:c123,c456.' },
  },
};

const windowsOptions: Schema = {
  type: 'object',
  additionalProperties: false,
  description: 'Windows-only options.',
  properties: {
    hostProcess: { type: 'boolean', description: 'A Windows HostProcess container: forbidden at baseline.' },
    runAsUserName: { type: 'string', description: 'The Windows user the process runs as.' },
    gmsaCredentialSpecName: { type: 'string', description: 'The GMSA credential spec to use.' },
    gmsaCredentialSpec: { type: 'string', description: 'The GMSA credential spec, inline.' },
  },
};

const id = (what: string): Schema => ({ type: 'integer', description: what });
const CAPABILITIES = ['ALL', 'NET_BIND_SERVICE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_RAW', 'SETGID', 'SETUID', 'SETFCAP', 'SETPCAP', 'SYS_CHROOT', 'AUDIT_WRITE', 'SYS_ADMIN', 'NET_ADMIN', 'SYS_PTRACE', 'SYS_TIME', 'SYS_MODULE'];

export const containerSecurityContext: Schema = {
  type: 'object',
  additionalProperties: false,
  description: 'How this container runs. A field set here wins over the same field of the pod\'s securityContext.',
  properties: {
    runAsUser: id('The user ID the process runs as (wins over the pod\'s). Unset: the pod\'s, else the image\'s USER. restricted forbids 0.'),
    runAsGroup: id('The primary group ID (wins over the pod\'s). Unset with runAsUser set: 0 (root).'),
    runAsNonRoot: { type: 'boolean', description: 'true: the kubelet refuses to start the container if it would run as UID 0 (CreateContainerConfigError). restricted requires true here or on the pod.' },
    allowPrivilegeEscalation: { type: 'boolean', description: 'false sets no_new_privs: setuid binaries cannot gain privileges. restricted requires false on every container.' },
    privileged: { type: 'boolean', description: 'Runs with every capability and the host\'s devices: nearly root on the node. Forbidden at baseline.' },
    readOnlyRootFilesystem: { type: 'boolean', description: 'Mounts the image\'s filesystem read-only; write to volumes (an emptyDir for /tmp) instead.' },
    procMount: { enum: ['Default', 'Unmasked'], description: 'Unmasked exposes /proc paths the runtime hides: forbidden at baseline (v1.35+: allowed for hostUsers: false pods) and restricted.' },
    capabilities: {
      type: 'object',
      additionalProperties: false,
      description: 'Linux capabilities to add to or drop from the runtime\'s default set.',
      properties: {
        add: { type: 'array', items: { anyOf: [{ enum: CAPABILITIES }, { type: 'string' }] }, description: 'Capabilities to add. baseline allows only the default set (not NET_RAW, SYS_ADMIN, ...); restricted only NET_BIND_SERVICE.' },
        drop: { type: 'array', items: { anyOf: [{ enum: CAPABILITIES }, { type: 'string' }] }, description: 'Capabilities to drop. restricted requires ALL.' },
      },
    },
    seccompProfile,
    appArmorProfile,
    seLinuxOptions,
    windowsOptions,
  },
};

export const podSecurityContext: Schema = {
  type: 'object',
  additionalProperties: false,
  description: 'Security settings for every container of the pod; a container\'s own securityContext wins field by field.',
  properties: {
    runAsUser: id('The user ID every container runs as, unless a container sets its own. restricted forbids 0.'),
    runAsGroup: id('The primary group ID of every container, unless a container sets its own.'),
    runAsNonRoot: { type: 'boolean', description: 'true: the kubelet refuses to start a container that would run as UID 0. restricted requires true here or on every container.' },
    fsGroup: id('A supplementary group of every container; volumes that support it are owned by this group.'),
    fsGroupChangePolicy: { enum: ['OnRootMismatch', 'Always'], description: 'When the kubelet changes volume ownership to fsGroup.' },
    supplementalGroups: { type: 'array', items: { type: 'integer' }, description: 'More supplementary group IDs of every container.' },
    supplementalGroupsPolicy: { enum: ['Merge', 'Strict'], description: 'Merge: also the groups /etc/group in the image gives the user. Strict: only these.' },
    sysctls: {
      type: 'array',
      description: 'Kernel parameters for the pod. baseline allows only the safe, namespaced ones (such as net.ipv4.ip_unprivileged_port_start).',
      items: { type: 'object', additionalProperties: false, required: ['name', 'value'], properties: { name: { type: 'string', description: 'The sysctl name.' }, value: { type: 'string', description: 'The sysctl value.' } } },
    },
    seccompProfile,
    appArmorProfile,
    seLinuxOptions,
    seLinuxChangePolicy: { enum: ['MountOption', 'Recursive'], description: 'How volumes get their SELinux label.' },
    windowsOptions,
  },
};

/** The PodSpec fields Pod Security looks at (merged into the editor's PodSpec). */
export const podSpecSecurityFields: Schema = {
  hostPID: { type: 'boolean', description: 'Share the node\'s process namespace: the pod sees every process on the node. Forbidden at baseline.' },
  hostIPC: { type: 'boolean', description: 'Share the node\'s IPC namespace. Forbidden at baseline.' },
  hostUsers: { type: 'boolean', description: 'false: run in a user namespace (root in the container is not root on the node). From v1.35 Pod Security relaxes runAsNonRoot, runAsUser and (baseline) procMount for such pods.' },
  os: { type: 'object', additionalProperties: false, description: 'The pod\'s operating system.', properties: { name: { enum: ['linux', 'windows'], description: 'linux or windows; restricted skips the Linux-only checks for windows pods (v1.25+).' } } },
  runtimeClassName: { type: 'string', description: 'The RuntimeClass (sandbox such as gVisor or Kata) the pod runs with. A PodSecurityConfiguration may exempt runtime classes.' },
  securityContext: podSecurityContext,
  volumes: {
    type: 'array',
    description: 'Volumes the containers can mount. restricted allows only configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret.',
    items: {
      type: 'object',
      required: ['name'],
      properties: {
        name: { type: 'string', description: 'The volume name that volumeMounts refer to.' },
        emptyDir: { type: ['object', 'null'], description: 'An empty directory for the pod\'s lifetime: the writable place for a read-only root filesystem. A volume with no source is an emptyDir.' },
        hostPath: { type: 'object', description: 'A file or directory of the node: forbidden at baseline.', properties: { path: { type: 'string', description: 'The path on the node.' }, type: { type: 'string', description: 'What must exist there (Directory, File, ...).' } } },
        configMap: { type: 'object', description: 'Files from a ConfigMap.' },
        secret: { type: 'object', description: 'Files from a Secret.' },
        persistentVolumeClaim: { type: 'object', description: 'A PersistentVolumeClaim.' },
        projected: { type: 'object', description: 'Several sources (tokens, ConfigMaps, Secrets) in one directory.' },
        downwardAPI: { type: 'object', description: 'The pod\'s own fields as files.' },
      },
    },
  },
};

const container = (containerPort: Schema): Schema => ({
  type: 'object',
  properties: {
    name: { type: 'string', description: 'The container name, unique in the pod; Pod Security messages name containers by it.' },
    image: { type: 'string', description: 'The image. Its USER decides the user when runAsUser is unset (nginx, busybox, ubuntu run as root).' },
    ports: {
      type: 'array',
      items: { ...containerPort, properties: { ...(containerPort.properties as Schema), hostPort: { type: 'integer', description: 'A port on the node forwarded to the container: forbidden at baseline. A Pod with hostNetwork uses every containerPort as a hostPort.' } } },
    },
    securityContext: containerSecurityContext,
    volumeMounts: {
      type: 'array',
      items: { type: 'object', properties: { name: { type: 'string', description: 'The volume to mount.' }, mountPath: { type: 'string', description: 'Where in the container.' }, readOnly: { type: 'boolean', description: 'Mount read-only.' } } },
    },
  },
});

/** containers, initContainers and ephemeralContainers, each with its securityContext. */
export const containerLists = (containerPort: Schema): Schema => ({
  containers: { type: 'array', description: 'The pod\'s containers.', items: container(containerPort) },
  initContainers: { type: 'array', description: 'Containers that run to completion before the others start; Pod Security checks them too.', items: container(containerPort) },
  ephemeralContainers: { type: 'array', description: 'Debugging containers (kubectl debug); Pod Security checks them too.', items: container(containerPort) },
});

const LEVEL = { enum: ['privileged', 'baseline', 'restricted'], description: '' };
const VERSION = { anyOf: [{ enum: ['latest', 'v1.37', 'v1.36', 'v1.35', 'v1.34', 'v1.30', 'v1.25'] }, { type: 'string' }], description: '' };

/** The Pod Security labels of a Namespace. */
export const podSecurityLabels: Schema = {
  'pod-security.kubernetes.io/enforce': { ...LEVEL, description: 'Pods that violate this level are refused (privileged, baseline or restricted). Workloads are not refused.' },
  'pod-security.kubernetes.io/enforce-version': { ...VERSION, description: 'The version of the level\'s checks to enforce: latest (default) or v1.N, to pin the rules when the cluster is upgraded.' },
  'pod-security.kubernetes.io/warn': { ...LEVEL, description: 'Pods and workloads that violate this level are admitted with a warning that kubectl prints.' },
  'pod-security.kubernetes.io/warn-version': { ...VERSION, description: 'The version of the warn level\'s checks: latest or v1.N.' },
  'pod-security.kubernetes.io/audit': { ...LEVEL, description: 'Violations of this level are recorded in the audit log (the request is admitted).' },
  'pod-security.kubernetes.io/audit-version': { ...VERSION, description: 'The version of the audit level\'s checks: latest or v1.N.' },
};
