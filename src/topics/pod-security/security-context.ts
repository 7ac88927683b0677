// The securityContext a container runs with, as the kubelet resolves it (pkg/securitycontext
// DetermineEffectiveSecurityContext; the kuberuntime seccomp and AppArmor choices; verifyRunAsNonRoot), each value
// with where it came from, and what `id` would print. Image users come from a small table of well-known images.
import type { ContainerSpec, PodSpecModel, ProfileRef } from './model';

export type Source = 'container' | 'pod' | 'image' | 'default';

export interface Resolved<T> {
  value: T;
  source: Source;
}

/** What the image's config says its process runs as, for images the lab knows. */
export interface ImageUser {
  /** The image's USER: '' (root), a number, `uid:gid`, or a name. */
  user: string;
  /** The reference the table matched (`nginx`, `gcr.io/distroless/static:nonroot`). */
  matched: string;
}

/** containerd's default capability set (what a container gets when it neither adds nor drops). */
export const RUNTIME_DEFAULT_CAPABILITIES: readonly string[] = [
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'NET_RAW', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
];

// Image USER of common images (their Dockerfiles' last USER; '' is none, so root). Keyed by repository.
const IMAGE_USERS: readonly [string, string][] = [
  ['nginx', ''],
  ['httpd', ''],
  ['busybox', ''],
  ['ubuntu', ''],
  ['debian', ''],
  ['alpine', ''],
  ['centos', ''],
  ['fedora', ''],
  ['redis', ''],
  ['postgres', ''],
  ['mysql', ''],
  ['python', ''],
  ['node', ''],
  ['golang', ''],
  ['nginxinc/nginx-unprivileged', '101'],
  ['bitnami/nginx', '1001'],
  ['registry.k8s.io/pause', '65535:65535'],
  ['cgr.dev/chainguard/nginx', '65532'],
  ['cgr.dev/chainguard/static', '65532'],
  ['prom/prometheus', 'nobody'],
  ['grafana/grafana', '472'],
  ['jenkins/jenkins', 'jenkins'],
];

/** Splits `registry/repo:tag@digest` into the repository (Docker Hub's `library/` dropped) and the tag. */
export function parseImage(image: string): { repository: string; tag: string } {
  let ref = image.split('@')[0] ?? '';
  let tag = 'latest';
  const colon = ref.lastIndexOf(':');
  if (colon > ref.lastIndexOf('/')) {
    tag = ref.slice(colon + 1);
    ref = ref.slice(0, colon);
  }
  ref = ref.replace(/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '').replace(/^library\//, '');
  return { repository: ref, tag };
}

/** The image's USER for images the lab knows; null otherwise. */
export function imageUser(image: string): ImageUser | null {
  const { repository, tag } = parseImage(image);
  if (/^gcr\.io\/distroless\//.test(repository)) {
    // distroless: the `nonroot` tags run as 65532, the others as root.
    return tag.includes('nonroot') ? { user: '65532', matched: `${repository}:${tag}` } : { user: '', matched: `${repository}:${tag}` };
  }
  const hit = IMAGE_USERS.find(([name]) => name === repository);
  return hit ? { user: hit[1], matched: hit[0] } : null;
}

/** The kubelet's reading of an image USER: a numeric uid, or a name it cannot check. */
function userOf(u: ImageUser): { uid: number | null; gid: number | null; username: string } {
  const [user = '', group] = u.user.split(':');
  if (user === '') return { uid: 0, gid: 0, username: '' };
  if (/^[0-9]+$/.test(user)) return { uid: Number(user), gid: group && /^[0-9]+$/.test(group) ? Number(group) : null, username: '' };
  return { uid: null, gid: null, username: user };
}

export interface EffectiveContext {
  container: ContainerSpec;
  /** null: the image's user is unknown (not in the table) or a name the kubelet cannot resolve to a uid. */
  runAsUser: Resolved<number | null>;
  /** A user name from the image (USER nobody) when the uid is not numeric. */
  imageUserName: string | null;
  runAsGroup: Resolved<number | null>;
  runAsNonRoot: Resolved<boolean>;
  fsGroup: Resolved<number | null>;
  supplementalGroups: Resolved<readonly number[]>;
  readOnlyRootFilesystem: Resolved<boolean>;
  allowPrivilegeEscalation: Resolved<boolean>;
  privileged: Resolved<boolean>;
  /** The capability bounding set the process gets. */
  capabilities: Resolved<readonly string[]>;
  seccompProfile: Resolved<string>;
  appArmorProfile: Resolved<string>;
  seLinuxOptions: Resolved<string | null>;
  procMount: Resolved<string>;
  /** The kubelet's CreateContainerConfigError message when runAsNonRoot cannot be met; null when it starts. */
  startError: string | null;
  /** runAsNonRoot is set but the lab cannot tell (an image it does not know). */
  startUnknown: boolean;
  /** What `id` prints in the container (similar to: image /etc/group memberships are not known). */
  id: string | null;
}

const pick = <T>(container: T | null | undefined, pod: T | null | undefined, fallback: T, fallbackSource: Source = 'default'): Resolved<T> =>
  container !== null && container !== undefined
    ? { value: container, source: 'container' }
    : pod !== null && pod !== undefined
      ? { value: pod, source: 'pod' }
      : { value: fallback, source: fallbackSource };

const profileText = (p: ProfileRef): string => (p.type === 'Localhost' && p.localhostProfile ? `Localhost (${p.localhostProfile})` : p.type);

/**
 * Resolves every container's securityContext; `podName` and `namespace` word the kubelet's error
 * (`pod: "NAME_NAMESPACE(UID)"`; the UID is the API server's, shown as `<uid>` unless metadata.uid is given).
 */
export function effectiveContexts(spec: PodSpecModel, podName: string, namespace: string, uid = '<uid>'): EffectiveContext[] {
  const pod = spec.securityContext;
  return spec.containers.map((c) => {
    const sc = c.securityContext;
    const image = imageUser(c.image);
    const fromImage = image ? userOf(image) : null;
    const explicitUser = sc?.runAsUser ?? pod?.runAsUser ?? null;
    const runAsUser: Resolved<number | null> =
      explicitUser !== null ? pick(sc?.runAsUser, pod?.runAsUser, null) : { value: fromImage ? fromImage.uid : null, source: 'image' };
    const imageUserName = explicitUser === null && fromImage && fromImage.uid === null ? fromImage.username : null;
    const explicitGroup = sc?.runAsGroup ?? pod?.runAsGroup ?? null;
    const runAsGroup: Resolved<number | null> =
      explicitGroup !== null
        ? pick(sc?.runAsGroup, pod?.runAsGroup, null)
        : explicitUser === null && fromImage
          ? { value: fromImage.gid ?? (fromImage.uid === 0 ? 0 : null), source: 'image' }
          : { value: explicitUser !== null ? 0 : null, source: explicitUser !== null ? 'default' : 'image' };
    const runAsNonRoot = pick(sc?.runAsNonRoot, pod?.runAsNonRoot, false);
    const privileged = pick(sc?.privileged, null, false);
    const caps = sc?.capabilities;
    let capabilities: Resolved<readonly string[]>;
    if (privileged.value) capabilities = { value: ['ALL'], source: 'container' };
    else if (caps && (caps.add.length > 0 || caps.drop.length > 0)) {
      const dropAll = caps.drop.some((d) => d.toUpperCase() === 'ALL');
      const base = dropAll ? [] : RUNTIME_DEFAULT_CAPABILITIES.filter((x) => !caps.drop.some((d) => d.replace(/^CAP_/, '') === x));
      capabilities = { value: [...new Set([...base, ...caps.add.map((a) => a.replace(/^CAP_/, ''))])].sort(), source: 'container' };
    } else capabilities = { value: RUNTIME_DEFAULT_CAPABILITIES, source: 'default' };
    const hasSysAdmin = capabilities.value.includes('SYS_ADMIN') || capabilities.value.includes('ALL');
    const ape = sc?.allowPrivilegeEscalation;
    const allowPrivilegeEscalation: Resolved<boolean> =
      privileged.value || (hasSysAdmin && ape !== false) ? { value: true, source: privileged.value ? 'container' : ape !== null && ape !== undefined ? 'container' : 'default' } : pick(ape, null, true);
    const seccomp = pick(sc?.seccompProfile, pod?.seccompProfile, null as ProfileRef | null);
    const apparmor = pick(sc?.appArmorProfile, pod?.appArmorProfile, null as ProfileRef | null);
    const seLinux = pick(sc?.seLinuxOptions, pod?.seLinuxOptions, null);
    const result: EffectiveContext = {
      container: c,
      runAsUser,
      imageUserName,
      runAsGroup,
      runAsNonRoot,
      fsGroup: pick(null, pod?.fsGroup, null),
      supplementalGroups: pick(null, pod && pod.supplementalGroups.length > 0 ? pod.supplementalGroups : null, [] as readonly number[]),
      readOnlyRootFilesystem: pick(sc?.readOnlyRootFilesystem, null, false),
      allowPrivilegeEscalation,
      privileged,
      capabilities,
      // Without the kubelet's --seccomp-default, an unset profile is Unconfined.
      seccompProfile: seccomp.value ? { value: profileText(seccomp.value), source: seccomp.source } : { value: 'Unconfined', source: 'default' },
      // On a node with AppArmor, an unset profile is the runtime's default; a privileged container runs unconfined.
      appArmorProfile: apparmor.value ? { value: profileText(apparmor.value), source: apparmor.source } : { value: privileged.value ? 'Unconfined' : 'RuntimeDefault', source: 'default' },
      seLinuxOptions: seLinux.value
        ? { value: [seLinux.value.user, seLinux.value.role, seLinux.value.type, seLinux.value.level].map((x, i) => `${['user', 'role', 'type', 'level'][i]}=${x || '-'}`).join(' '), source: seLinux.source }
        : { value: null, source: 'default' },
      procMount: pick(sc?.procMount, null, 'Default'),
      startError: null,
      startUnknown: false,
      id: null,
    };
    // verifyRunAsNonRoot
    const who = `(pod: "${podName}_${namespace}(${uid})", container: ${c.name})`;
    if (runAsNonRoot.value) {
      if (explicitUser !== null) {
        if (explicitUser === 0) result.startError = `container's runAsUser breaks non-root policy ${who}`;
      } else if (!fromImage) result.startUnknown = true;
      else if (fromImage.uid === null && fromImage.username) {
        result.startError = `container has runAsNonRoot and image has non-numeric user (${fromImage.username}), cannot verify user is non-root ${who}`;
      } else if (fromImage.uid === 0) result.startError = `container has runAsNonRoot and image will run as root ${who}`;
    }
    result.id = idOutput(result);
    return result;
  });
}

/** `uid=1000 gid=3000 groups=2000,3000,4000`, as the docs show; null when the user is not known. */
function idOutput(e: EffectiveContext): string | null {
  if (e.startError) return null;
  const uid = e.runAsUser.value;
  const gid = e.runAsGroup.value ?? (uid === null ? null : 0);
  if (uid === null || gid === null) return null;
  const name = (n: number): string => (n === 0 ? `${n}(root)` : `${n}`);
  const groups = [...new Set([gid, ...(e.fsGroup.value !== null ? [e.fsGroup.value] : []), ...e.supplementalGroups.value])].sort((a, b) => a - b);
  return `uid=${name(uid)} gid=${name(gid)} groups=${groups.map(name).join(',')}`;
}
