// Makes a large Pod Security input for the benchmark: labelled namespaces and pods of three sorts, in about equal
// numbers: restricted-compliant ones, ones that break baseline (privileged, host namespaces, hostPath, added
// capabilities, hostPort) and ones that pass baseline but not restricted (root, no seccomp profile, escalation).
// Seeded, so every run measures the same input.
import { rng } from './cluster-gen';

export interface PsaGenOptions {
  pods: number;
  namespaces: number;
  /** Pods per file (a file holds at most 4 MiB, the lab's limit): the namespaces go first in the first. */
  podsPerFile?: number;
  seed?: number;
}

export const PSA_BENCH_SIZE: PsaGenOptions = { pods: 10_000, namespaces: 20, podsPerFile: 2_500 };

export type PodSort = 'compliant' | 'baseline' | 'restricted';

const APPS = ['web', 'api', 'db', 'cache', 'queue', 'auth', 'search', 'billing', 'mail', 'metrics', 'gateway', 'worker'];
const LEVELS = ['privileged', 'baseline', 'restricted'];

/** Which sort the i-th pod is (the same rotation the generator uses). */
export const podSort = (i: number): PodSort => (['compliant', 'baseline', 'restricted'] as const)[i % 3]!;

const RESTRICTED_CONTAINER = `
    securityContext:
      allowPrivilegeEscalation: false
      runAsNonRoot: true
      capabilities:
        drop: [ALL]
        add: [NET_BIND_SERVICE]`;

/** Multi-document YAML texts, one per file: the namespaces, then the pods. */
export function generatePodSecurity(options: PsaGenOptions): string[] {
  const random = rng(options.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const docs: string[] = [];
  const nsNames = Array.from({ length: options.namespaces }, (_, i) => `team-${String(i).padStart(2, '0')}`);
  nsNames.forEach((name, i) => {
    const enforce = LEVELS[i % 3]!;
    docs.push(`apiVersion: v1
kind: Namespace
metadata:
  name: ${name}
  labels:
    pod-security.kubernetes.io/enforce: ${enforce}
    pod-security.kubernetes.io/enforce-version: v1.${28 + (i % 8)}
    pod-security.kubernetes.io/warn: restricted
    pod-security.kubernetes.io/audit: ${pick(LEVELS)}`);
  });
  for (let i = 0; i < options.pods; i++) {
    const ns = nsNames[i % nsNames.length]!;
    const app = pick(APPS);
    const sort = podSort(i);
    let podSc = '';
    let hostFields = '';
    let containerSc = '';
    let hostPort = '';
    let volumes = `  volumes:
  - name: config
    configMap: {name: ${app}-config}`;
    if (sort === 'compliant') {
      podSc = `  securityContext:
    runAsNonRoot: true
    runAsUser: ${1000 + (i % 1000)}
    fsGroup: 2000
    seccompProfile:
      type: RuntimeDefault
`;
      containerSc = RESTRICTED_CONTAINER;
    } else if (sort === 'baseline') {
      switch (Math.floor(random() * 5)) {
        case 0:
          containerSc = '\n    securityContext:\n      privileged: true';
          break;
        case 1:
          hostFields = '  hostNetwork: true\n  hostPID: true\n';
          break;
        case 2:
          volumes += `
  - name: host
    hostPath: {path: /var/log}`;
          break;
        case 3:
          containerSc = '\n    securityContext:\n      capabilities:\n        add: [NET_ADMIN, SYS_TIME]';
          break;
        default:
          hostPort = `\n      hostPort: ${30000 + (i % 2000)}`;
      }
    } else {
      switch (Math.floor(random() * 3)) {
        case 0:
          // Everything but the seccomp profile.
          podSc = '  securityContext:\n    runAsNonRoot: true\n';
          containerSc = RESTRICTED_CONTAINER;
          break;
        case 1:
          podSc = '  securityContext:\n    runAsUser: 0\n    seccompProfile:\n      type: RuntimeDefault\n';
          break;
        default:
          containerSc = '\n    securityContext:\n      allowPrivilegeEscalation: true\n      readOnlyRootFilesystem: true';
      }
    }
    docs.push(`apiVersion: v1
kind: Pod
metadata:
  name: ${app}-${i}
  namespace: ${ns}
  labels:
    app: ${app}
    version: v${1 + (i % 3)}
spec:
${hostFields}${podSc}  containers:
  - name: main
    image: registry.example.com/${app}:1.${i % 10}
    resources:
      limits: {cpu: 500m, memory: 256Mi}
    ports:
    - name: http
      containerPort: 8080${hostPort}
    volumeMounts:
    - {name: config, mountPath: /etc/${app}}${containerSc}
${volumes}`);
  }
  const perFile = options.podsPerFile ?? options.pods;
  const files: string[] = [];
  for (let start = 0; start < options.pods || files.length === 0; start += perFile) {
    const from = start === 0 ? 0 : options.namespaces + start;
    files.push(docs.slice(from, options.namespaces + start + perFile).join('\n---\n') + '\n');
  }
  return files;
}
