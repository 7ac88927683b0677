// The lessons bundled with the app: every file under lessons/, read at build time and validated on load.
import { loadLesson, type Lesson, type LessonFiles, type Localized } from '../lessons/index';

const files = import.meta.glob<string>('/lessons/**/*.{yaml,md}', { query: '?raw', import: 'default', eager: true });

function folders(): LessonFiles[] {
  const clusters: Record<string, string> = {};
  const byFolder = new Map<string, Record<string, string>>();
  for (const [path, text] of Object.entries(files)) {
    const [, , folder, name] = path.split('/'); // '', 'lessons', folder, file
    if (!folder || !name) continue;
    if (folder === '_clusters') clusters[name.replace(/\.yaml$/, '')] = text;
    else byFolder.set(folder, { ...byFolder.get(folder), [name]: text });
  }
  return [...byFolder.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([folder, f]) => ({ folder: `lessons/${folder}`, files: f, clusters }));
}

/** The order lessons are taught in; any other lesson follows alphabetically. */
const ORDER = ['netpol-allow-all', 'netpol-deny-all', 'netpol-egress-only', 'netpol-pod-selector', 'netpol-namespace-selector', 'netpol-ip-block', 'netpol-predict-first', 'netpol-and-or-peers', 'netpol-dns-egress', 'netpol-metadata-except', 'netpol-external-db', 'netpol-named-ports', 'netpol-port-range', 'netpol-union', 'netpol-three-tier', 'netpol-fix-broken', 'rbac-role-binding', 'rbac-cluster-role', 'rbac-least-privilege-ci', 'rbac-rolebinding-clusterrole', 'rbac-view-vs-edit', 'rbac-subresources', 'rbac-resource-names', 'rbac-remove-overprivilege', 'rbac-aggregated-clusterrole', 'psa-securitycontext-demos', 'psa-nonroot-nginx', 'psa-baseline-enforce', 'psa-warn-audit', 'psa-restricted-pod', 'psa-capabilities', 'psa-readonly-rootfs', 'psa-host-hunt', 'psa-enforce-version'];

export const LESSONS: readonly Lesson[] = folders()
  .map(loadLesson)
  .sort((a, b) => {
    const ia = ORDER.indexOf(a.id);
    const ib = ORDER.indexOf(b.id);
    return (ia < 0 ? 999 : ia) - (ib < 0 ? 999 : ib) || (a.id < b.id ? -1 : 1);
  });

export const lessonById = (id: string): Lesson | undefined => LESSONS.find((l) => l.id === id);

/** The lesson taught after this one (the lesson list's order); null after the last. */
export const nextLesson = (id: string): Lesson | null => LESSONS[LESSONS.findIndex((l) => l.id === id) + 1] ?? null;

/** The seed demo cluster without its (English) header comment; the playground writes its own per language. */
const demoCluster = (files['/lessons/_clusters/ochacafe-demo.yaml'] ?? '').replace(/^(#[^\n]*\n)+/, '').trimEnd();

const playground = (header: string, comment: string): string => `# ${header}
${demoCluster}
---
# ${comment}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web-from-pod1
  namespace: default
spec:
  podSelector:
    matchLabels:
      app: pod2
  policyTypes:
  - Ingress
  ingress:
  - from:
    - podSelector:
        matchLabels:
          app: pod1
    ports:
    - protocol: TCP
      port: 80
`;

/** The playground starts from the seed demo cluster and one policy to play with. */
export const PLAYGROUND_START: Localized = {
  en: playground(
    'The demo cluster of the OCHaCafe CKS article: namespaces default and test, two nginx pods in each, the internet.',
    'Edit anything above or below: pods, namespaces, labels, policies.',
  ),
  ja: playground(
    'OCHaCafe の CKS 記事のデモクラスタ: namespace default と test、それぞれに nginx の Pod が 2 つ、そしてインターネット。',
    '上も下も自由に書き換えられます: Pod、namespace、ラベル、ポリシー。',
  ),
};
