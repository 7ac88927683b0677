// The Pod Security lessons: each solution passes, each starting text fails (or is pending), and the answers a CKS
// examiner would reject fail with the checks that name the mistake (labels on the wrong namespace, warn instead of
// enforce, privileged: false with hostPID left, drop [NET_RAW] instead of ALL, seccomp on one container only,
// runAsUser: 0, an Unconfined profile, CAP_-prefixed capabilities, a deleted init container, a renamed pod, ...).
import { describe, expect, it } from 'vitest';
import { gradeAttempt } from './index';
import { expectPasses, failingChecks, lessonsOf } from './test-grading';

const { lessons, lesson } = lessonsOf('psa-');
const failing = (id: string, text: string): string[] => failingChecks(lesson(id), text);
const passes = (id: string, text: string): void => expectPasses(lesson(id), text);

/** The text with each [from, to] replaced once; a `from` that is not there is a broken test, not a pass. */
function edit(text: string, ...changes: [from: string, to: string][]): string {
  let out = text;
  for (const [from, to] of changes) {
    const i = out.indexOf(from);
    if (i < 0) throw new Error(`edit: ${JSON.stringify(from)} is not in the text`);
    out = out.slice(0, i) + to + out.slice(i + from.length);
  }
  return out;
}



/** The problems of one check, in English (to pin a message). */
function problems(id: string, text: string, check: string): string[] {
  return gradeAttempt(lesson(id), text).checks.find((c) => c.id === check)!.problems.map((p) => p.en);
}

const IDS = ['psa-securitycontext-demos', 'psa-nonroot-nginx', 'psa-readonly-rootfs', 'psa-restricted-pod', 'psa-capabilities', 'psa-baseline-enforce', 'psa-warn-audit', 'psa-enforce-version', 'psa-host-hunt'];

describe('the Pod Security lessons', () => {
  it('are all there, as Pod Security lessons of Minimize Microservice Vulnerabilities with workshop steps', () => {
    expect([...lessons.keys()].sort()).toEqual([...IDS].sort());
    for (const id of IDS) {
      const l = lesson(id);
      expect(l.topic).toBe('pod-security');
      expect(l.domain).toBe('Minimize Microservice Vulnerabilities');
      expect(l.cluster.file).toMatch(/^lessons\/_clusters\/psa-[a-z-]+\.yaml$/);
      expect(l.steps.length).toBeGreaterThanOrEqual(3);
      expect(l.steps.length).toBeLessThanOrEqual(5);
      expect(l.steps.some((s) => s.predict)).toBe(true);
      expect(l.steps.every((s) => s.notes.en !== '' && /[\u3040-\u30ff]/.test(s.notes.ja) && s.apply !== null)).toBe(true);
    }
  });

  for (const id of IDS) {
    it(`${id}: the solution passes`, () => passes(id, lesson(id).solution));
  }
});

// ---- 1. the article's securityContext demos ---------------------------------------------------------------------

describe('psa-securitycontext-demos', () => {
  const ID = 'psa-securitycontext-demos';
  const sol = (): string => lesson(ID).solution;
  const podSc = '  securityContext:\n    runAsNonRoot: true\n  containers:\n  - name: nginx-container\n    image: nginx:1.21\n---';
  const ctrSc = '    image: nginx:1.21\n    securityContext:\n      runAsNonRoot: true\n  - name: helper';

  it('the starting text fails every check', () => {
    expect(failing(ID, lesson(ID).start.en)).toEqual(['pod-level', 'container-level', 'container-wins', 'pod-default']);
  });

  it('the kubelet says why pod-sc does not start', () => {
    const grade = gradeAttempt(lesson(ID), edit(sol(), [podSc, '  containers:\n  - name: nginx-container\n    image: nginx:1.21\n---']));
    expect(grade.checks.find((c) => c.id === 'pod-level')!.problems.map((p) => p.en)).toEqual([
      'Pod default/pod-sc container nginx-container: runAsNonRoot should be true, but it is false',
      'Pod default/pod-sc container nginx-container: starts should be false, but it is true',
      "Pod default/pod-sc container nginx-container: runAsNonRoot should come from the pod's securityContext, but it comes from the default",
    ]);
  });

  it('pod-sc with runAsNonRoot on the container instead of the pod', () => {
    const text = edit(sol(), [podSc, '  containers:\n  - name: nginx-container\n    image: nginx:1.21\n    securityContext:\n      runAsNonRoot: true\n---']);
    expect(failing(ID, text)).toEqual(['pod-level']);
  });

  it('container-sc with runAsNonRoot in the pod: the helper (busybox, root) is refused too', () => {
    const text = edit(sol(), [ctrSc, '    image: nginx:1.21\n  - name: helper'], ['  name: container-sc\nspec:\n', '  name: container-sc\nspec:\n  securityContext:\n    runAsNonRoot: true\n']);
    expect(failing(ID, text)).toEqual(['container-level', 'helper-untouched']);
  });

  it('"fixing" pod-sc with runAsUser: 101 makes it start: not the demo', () => {
    expect(failing(ID, edit(sol(), ['    runAsNonRoot: true\n  containers:', '    runAsNonRoot: true\n    runAsUser: 101\n  containers:']))).toEqual(['pod-level']);
  });

  it('an unprivileged image in pod-sc starts: not the demo', () => {
    expect(failing(ID, edit(sol(), ['    image: nginx:1.21\n---', '    image: nginxinc/nginx-unprivileged:1.27\n---']))).toEqual(['pod-level']);
  });

  it('both-test with 1001 for the pod and nothing on the container', () => {
    const text = edit(sol(), ['    runAsUser: 1000', '    runAsUser: 1001'], ['    securityContext:\n      runAsUser: 1001\n', '']);
    expect(failing(ID, text)).toEqual(['container-wins', 'pod-default']);
  });

  it('both-test with the users swapped', () => {
    const text = edit(sol(), ['    runAsUser: 1000', '    runAsUser: 1001'], ['      runAsUser: 1001', '      runAsUser: 1000']);
    expect(failing(ID, text)).toEqual(['container-wins', 'pod-default']);
  });

  it('both-test with 1001 on the container only: the sidecar runs as root', () => {
    const text = edit(sol(), ['  securityContext:\n    runAsUser: 1000\n', '']);
    expect(failing(ID, text)).toEqual(['pod-default']);
    expect(problems(ID, text, 'pod-default')[0]).toBe('Pod default/both-test container sidecar: runAsUser should be 1000, but it is 0');
  });

  it('both-test with 1001 on both containers', () => {
    expect(failing(ID, edit(sol(), ['  - name: sidecar\n    image: busybox:1.36\n    command: [sleep, infinity]', '  - name: sidecar\n    image: busybox:1.36\n    command: [sleep, infinity]\n    securityContext:\n      runAsUser: 1001']))).toEqual(['pod-default']);
  });

  it('runAsNonRoot: false on pod-sc', () => {
    expect(failing(ID, edit(sol(), ['    runAsNonRoot: true\n  containers:', '    runAsNonRoot: false\n  containers:']))).toEqual(['pod-level']);
  });

  it('the pods renamed (pod-sc-demo) or put in namespace test are not the pods asked for', () => {
    expect(failing(ID, edit(sol(), ['  name: pod-sc\n', '  name: pod-sc-demo\n']))).toEqual(['pod-level']);
    expect(failing(ID, edit(sol(), ['  name: both-test\n', '  name: both-test\n  namespace: test\n']))).toEqual(['container-wins', 'pod-default']);
  });
});

// ---- 9. runAsNonRoot on an image that runs as root --------------------------------------------------------------

describe('psa-nonroot-nginx', () => {
  const ID = 'psa-nonroot-nginx';
  const sol = (): string => lesson(ID).solution;
  const initUser = '    securityContext:\n      runAsUser: 65534\n';
  const unprivileged = 'image: nginxinc/nginx-unprivileged:1.27';

  it('the starting text fails: neither container starts', () => {
    expect(failing(ID, lesson(ID).start.en)).toEqual(['nginx-starts', 'init-starts']);
    expect(problems(ID, lesson(ID).start.en, 'init-starts')).toEqual(['Pod shop/web container fetch-config: starts should be true, but it is false']);
  });

  it('runAsUser 101 for the whole pod with the official image is accepted (the kubelet checks the user, not the image)', () => {
    passes(ID, edit(sol(), ['    runAsNonRoot: true\n', '    runAsNonRoot: true\n    runAsUser: 101\n'], [initUser, ''], [unprivileged, 'image: nginx:1.27']));
  });

  it('only the nginx image swapped: the busybox init container still runs as root', () => {
    expect(failing(ID, edit(sol(), [initUser, '']))).toEqual(['init-starts']);
  });

  it('runAsNonRoot removed: everything starts, as root', () => {
    expect(failing(ID, edit(lesson(ID).start.en, ['  securityContext:\n    runAsNonRoot: true\n', '']))).toEqual(['nginx-starts', 'init-starts', 'pod-level']);
  });

  it('runAsUser: 0 for the pod: the kubelet refuses it ("runAsUser breaks non-root policy")', () => {
    const text = edit(sol(), ['    runAsNonRoot: true\n', '    runAsNonRoot: true\n    runAsUser: 0\n']);
    expect(failing(ID, text)).toEqual(['nginx-starts']);
  });

  it('runAsNonRoot: false on the init container overrides the pod', () => {
    expect(failing(ID, edit(sol(), ['      runAsUser: 65534\n', '      runAsNonRoot: false\n']))).toEqual(['init-starts', 'pod-level']);
  });

  it('the init container deleted', () => {
    const text = sol().replace(/ {2}initContainers:\n[\s\S]*?(?= {2}containers:)/, '');
    expect(text).not.toContain('fetch-config');
    expect(failing(ID, text)).toEqual(['init-starts']);
  });

  it('an image the kubelet cannot vouch for: a user name (prom/prometheus runs as nobody)', () => {
    expect(failing(ID, edit(sol(), [unprivileged, 'image: prom/prometheus:v3.4.0']))).toEqual(['nginx-starts']);
  });

  it('an image the lab does not know: not proven non-root', () => {
    expect(failing(ID, edit(sol(), [unprivileged, 'image: registry.example.com/nginx-nonroot:1.0']))).toEqual(['nginx-starts']);
  });

  it('runAsNonRoot moved from the pod into each container', () => {
    const text = edit(sol(), ['  securityContext:\n    runAsNonRoot: true\n', ''], ['      runAsUser: 65534\n', '      runAsUser: 65534\n      runAsNonRoot: true\n'], [unprivileged, `${unprivileged}\n    securityContext:\n      runAsNonRoot: true`]);
    expect(failing(ID, text)).toEqual(['pod-level']);
  });

  it('the pod renamed', () => {
    expect(failing(ID, edit(sol(), ['  name: web\n', '  name: web-nonroot\n']))).toEqual(['nginx-starts', 'init-starts', 'pod-level']);
  });
});

// ---- 8. a read-only root filesystem -----------------------------------------------------------------------------

describe('psa-readonly-rootfs', () => {
  const ID = 'psa-readonly-rootfs';
  const sol = (): string => lesson(ID).solution;
  const agentRo = '    command: [sh, -c, \'while true; do date >> /tmp/heartbeat; sleep 30; done\']\n    securityContext:\n      readOnlyRootFilesystem: true\n';
  const agentRw = '    command: [sh, -c, \'while true; do date >> /tmp/heartbeat; sleep 30; done\']\n';

  it('the starting text fails', () => {
    expect(failing(ID, lesson(ID).start.en)).toEqual(['nginx-read-only', 'agent-read-only', 'site-read-only']);
  });

  it('one emptyDir at /var/cache covers /var/cache/nginx', () => {
    passes(ID, edit(sol(), ['      mountPath: /var/cache/nginx', '      mountPath: /var/cache']));
  });

  it('read-only everywhere without volumes: nothing the apps write is writable', () => {
    expect(failing(ID, lesson(ID).steps[1]!.apply!.en)).toEqual(['nginx-read-only', 'agent-read-only']);
  });

  it('the sidecar left writable', () => {
    expect(failing(ID, edit(sol(), [agentRo, agentRw]))).toEqual(['agent-read-only']);
  });

  it('/var/run forgotten', () => {
    expect(failing(ID, edit(sol(), ['    - name: run\n      mountPath: /var/run\n', '']))).toEqual(['nginx-read-only']);
    expect(problems(ID, edit(sol(), ['    - name: run\n      mountPath: /var/run\n', '']), 'nginx-read-only')).toEqual([
      'Pod shop/storefront container nginx: /var/run is not writable (no volume is mounted there, and the root filesystem is read-only)',
    ]);
  });

  it('the emptyDir mounts marked readOnly', () => {
    expect(failing(ID, edit(sol(), ['      mountPath: /tmp\n  - name: log-agent', '      mountPath: /tmp\n      readOnly: true\n  - name: log-agent']))).toEqual(['nginx-read-only']);
  });

  it('the site ConfigMap reused for /tmp: a configMap volume is always read-only', () => {
    expect(failing(ID, edit(sol(), ['    - name: agent-tmp\n      mountPath: /tmp', '    - name: site\n      mountPath: /tmp']))).toEqual(['agent-read-only']);
  });

  it('a mount naming a volume the pod does not have', () => {
    expect(failing(ID, edit(sol(), ['  - name: agent-tmp\n    emptyDir: {}\n', '']))).toEqual(['agent-read-only']);
  });

  it('the site directory made writable with an emptyDir over it', () => {
    expect(failing(ID, edit(sol(), ['    - name: site\n      mountPath: /usr/share/nginx/html\n', '    - name: tmp\n      mountPath: /usr/share/nginx/html\n']))).toEqual(['site-read-only']);
  });

  it('a hostPath for the cache: writable, but shop enforces baseline', () => {
    expect(failing(ID, edit(sol(), ['  - name: cache\n    emptyDir: {}', '  - name: cache\n    hostPath:\n      path: /var/cache/storefront']))).toEqual(['admitted']);
  });

  it('readOnlyRootFilesystem false with the volumes in place', () => {
    expect(failing(ID, edit(sol(), ['      readOnlyRootFilesystem: true\n    volumeMounts:\n    - name: site', '      readOnlyRootFilesystem: false\n    volumeMounts:\n    - name: site']))).toEqual(['nginx-read-only', 'site-read-only']);
  });

  it('readOnlyRootFilesystem in the pod securityContext is not a field there: the text is invalid', () => {
    const text = edit(sol(), ['spec:\n  containers:', 'spec:\n  securityContext:\n    readOnlyRootFilesystem: true\n  containers:']);
    const grade = gradeAttempt(lesson(ID), text);
    expect(grade.status).toBe('invalid');
    expect(grade.diagnostics.map((d) => d.code)).toContain('unknown-field');
  });

  it('the container renamed (web instead of nginx)', () => {
    expect(failing(ID, edit(sol(), ['  - name: nginx\n', '  - name: web\n']))).toEqual(['nginx-read-only', 'site-read-only']);
  });
});

// ---- 3. the restricted level -------------------------------------------------------------------------------------

describe('psa-restricted-pod', () => {
  const ID = 'psa-restricted-pod';
  const sol = (): string => lesson(ID).solution;
  const hardened = '    securityContext:\n      allowPrivilegeEscalation: false\n      capabilities:\n        drop: [ALL]\n';
  const podLevel = '  securityContext:\n    runAsNonRoot: true\n    runAsUser: 10001\n    seccompProfile:\n      type: RuntimeDefault\n';
  /** The solution with the n-th (0: migrate, 1: api, 2: metrics) container's securityContext replaced. */
  const container = (n: number, sc: string): string => {
    const parts = sol().split(hardened);
    expect(parts).toHaveLength(4);
    return parts.map((p, i) => (i === 0 ? p : (i - 1 === n ? sc : hardened) + p)).join('');
  };

  it('the starting text is rejected, naming every check and every container', () => {
    expect(failing(ID, lesson(ID).start.en)).toEqual(['admitted', 'restricted-latest', 'init-hardened', 'every-container']);
    expect(problems(ID, lesson(ID).start.en, 'admitted')[0]).toBe(
      'Pod payments/api should be admitted without warnings, but it is rejected (allowPrivilegeEscalation != false (containers "migrate", "api", "metrics" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (containers "migrate", "api", "metrics" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or containers "migrate", "api", "metrics" must set securityContext.runAsNonRoot=true), seccompProfile (pod or containers "migrate", "api", "metrics" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"))',
    );
  });

  it('seccomp and runAsNonRoot per container instead of the pod are accepted', () => {
    const perContainer = '    securityContext:\n      runAsNonRoot: true\n      runAsUser: 10001\n      seccompProfile:\n        type: RuntimeDefault\n      allowPrivilegeEscalation: false\n      capabilities:\n        drop: [ALL]\n';
    passes(ID, edit(sol(), [podLevel, '']).split(hardened).join(perContainer));
  });

  it('hardened api only (the predict step): migrate and metrics still fail', () => {
    expect(failing(ID, lesson(ID).steps[1]!.apply!.en)).toEqual(['admitted', 'restricted-latest', 'init-hardened', 'every-container']);
  });

  it('seccomp on one container only, not the pod', () => {
    const text = edit(container(1, `${hardened}      seccompProfile:\n        type: RuntimeDefault\n`), ['    seccompProfile:\n      type: RuntimeDefault\n  initContainers', '  initContainers']);
    expect(failing(ID, text)).toEqual(['admitted', 'restricted-latest', 'init-hardened', 'every-container']);
  });

  it('an Unconfined seccomp profile', () => {
    expect(failing(ID, edit(sol(), ['      type: RuntimeDefault', '      type: Unconfined']))).toEqual(['admitted', 'restricted-latest', 'init-hardened', 'every-container']);
  });

  it('runAsUser: 0 with runAsNonRoot: restricted refuses it, and so would the kubelet', () => {
    expect(failing(ID, edit(sol(), ['    runAsUser: 10001', '    runAsUser: 0']))).toEqual(['admitted', 'restricted-latest', 'starts']);
  });

  it('runAsNonRoot without a user: admitted, but the kubelet refuses the root images', () => {
    expect(failing(ID, edit(sol(), ['    runAsUser: 10001\n', '']))).toEqual(['starts']);
  });

  it('drop [NET_RAW] instead of ALL on the api container', () => {
    expect(failing(ID, container(1, hardened.replace('[ALL]', '[NET_RAW]')))).toEqual(['admitted', 'restricted-latest', 'every-container']);
  });

  it('privileged: false in place of allowPrivilegeEscalation: false', () => {
    expect(failing(ID, container(2, hardened.replace('allowPrivilegeEscalation: false', 'privileged: false')))).toEqual(['admitted', 'restricted-latest', 'every-container']);
  });

  it('the init container that failed deleted', () => {
    const text = edit(sol(), ['  initContainers:\n  - name: migrate\n    image: postgres:16\n    command: [psql, -f, /migrations/up.sql]\n' + hardened, '']);
    expect(failing(ID, text)).toEqual(['init-hardened']);
  });

  it('payments relabelled to baseline instead of fixing the pod', () => {
    const text = `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: payments\n  labels:\n    pod-security.kubernetes.io/enforce: baseline\n---\n${lesson(ID).start.en}`;
    expect(failing(ID, text)).toEqual(['restricted-latest', 'init-hardened', 'every-container', 'payments-still-restricted']);
  });

  it('the pod moved to namespace shop (baseline) under the same name', () => {
    expect(failing(ID, edit(sol(), ['  namespace: payments', '  namespace: shop']))).toEqual(['admitted', 'restricted-latest', 'init-hardened', 'every-container', 'starts']);
  });
});

// ---- 6. capabilities -----------------------------------------------------------------------------------------

describe('psa-capabilities', () => {
  const ID = 'psa-capabilities';
  const sol = (): string => lesson(ID).solution;
  const proxyCaps = '        drop: [ALL]\n        add: [NET_BIND_SERVICE]\n';
  const statsCaps = "done']\n    securityContext:\n      allowPrivilegeEscalation: false\n      capabilities:\n        drop: [ALL]\n";
  const stats = (caps: string): string => edit(sol(), [statsCaps, `done']\n    securityContext:\n      allowPrivilegeEscalation: false\n      capabilities:\n${caps}`]);

  it('the starting text is rejected for the capabilities only', () => {
    expect(failing(ID, lesson(ID).start.en)).toEqual(['admitted', 'proxy-binds-80', 'stats-none']);
    expect(problems(ID, lesson(ID).start.en, 'admitted')[0]).toBe(
      'Pod edge/gateway should be admitted without warnings, but it is rejected (unrestricted capabilities (containers "proxy", "stats" must set securityContext.capabilities.drop=["ALL"]; containers "proxy", "stats" must not include "NET_ADMIN", "NET_RAW", "SYS_ADMIN" in securityContext.capabilities.add))',
    );
  });

  it('drop [NET_RAW] instead of ALL on stats: the runtime defaults remain', () => {
    expect(failing(ID, stats('        drop: [NET_RAW]\n'))).toEqual(['admitted', 'stats-none']);
  });

  it('CAP_NET_BIND_SERVICE: the runtime grants it, restricted refuses the spelling', () => {
    const text = edit(sol(), [proxyCaps, '        drop: [ALL]\n        add: [CAP_NET_BIND_SERVICE]\n']);
    expect(failing(ID, text)).toEqual(['admitted']);
  });

  it('drop [all] in lower case', () => {
    expect(failing(ID, edit(sol(), [proxyCaps, '        drop: [all]\n        add: [NET_BIND_SERVICE]\n']))).toEqual(['admitted']);
  });

  it('SYS_ADMIN kept "for the proxy\'s tuning"', () => {
    expect(failing(ID, edit(sol(), [proxyCaps, '        drop: [ALL]\n        add: [NET_BIND_SERVICE, SYS_ADMIN]\n']))).toEqual(['admitted', 'proxy-binds-80']);
  });

  it('NET_RAW kept on stats for its ping', () => {
    expect(failing(ID, stats('        drop: [ALL]\n        add: [NET_RAW]\n'))).toEqual(['admitted', 'stats-none']);
  });

  it('the add lists removed but nothing dropped', () => {
    const text = edit(lesson(ID).start.en, ['        add: [NET_ADMIN, NET_RAW, SYS_ADMIN]\n', '        drop: []\n'], ['        add: [NET_RAW]\n', '        drop: []\n']);
    expect(failing(ID, text)).toEqual(['admitted', 'proxy-binds-80', 'stats-none']);
  });

  it('drop ALL on proxy without adding NET_BIND_SERVICE back: admitted, but nginx cannot bind port 80', () => {
    expect(failing(ID, edit(sol(), [proxyCaps, '        drop: [ALL]\n']))).toEqual(['proxy-binds-80']);
  });

  it('NET_BIND_SERVICE on stats too', () => {
    expect(failing(ID, stats('        drop: [ALL]\n        add: [NET_BIND_SERVICE]\n'))).toEqual(['stats-none']);
  });

  it('privileged proxy: every capability', () => {
    expect(failing(ID, edit(sol(), ['      allowPrivilegeEscalation: false\n      capabilities:\n        drop: [ALL]\n        add', '      privileged: true\n      capabilities:\n        drop: [ALL]\n        add']))).toEqual(['admitted', 'proxy-binds-80']);
  });

  it('stats deleted', () => {
    const text = sol().slice(0, sol().indexOf('  - name: stats'));
    expect(failing(ID, text)).toEqual(['stats-none']);
  });

  it('edge relabelled privileged to let the start in', () => {
    const text = `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: edge\n  labels:\n    pod-security.kubernetes.io/enforce: privileged\n---\n${lesson(ID).start.en}`;
    expect(failing(ID, text)).toEqual(['proxy-binds-80', 'stats-none', 'still-restricted']);
  });
});

/** A Namespace with labels, as the learner declares it again. */
const namespace = (name: string, labels: Record<string, string>): string =>
  `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n  labels:\n${Object.entries(labels)
    .map(([k, v]) => `    ${k}: ${JSON.stringify(v)}\n`)
    .join('')}`;
const PSA = 'pod-security.kubernetes.io/';

// ---- 2. enforce baseline ----------------------------------------------------------------------------------------

describe('psa-baseline-enforce', () => {
  const ID = 'psa-baseline-enforce';
  const teamA = (labels: Record<string, string>): string => namespace('team-a', { team: 'a', ...labels });

  it('the starting text (comments only) is pending', () => {
    expect(gradeAttempt(lesson(ID), lesson(ID).start.en).status).toBe('pending');
  });

  it('enforce with a pinned version and warn restricted on top is accepted', () => {
    passes(ID, teamA({ [`${PSA}enforce`]: 'baseline', [`${PSA}enforce-version`]: 'latest', [`${PSA}warn`]: 'restricted' }));
  });

  it('only the new label declared: team: a stays, since labels merge', () => {
    passes(ID, namespace('team-a', { [`${PSA}enforce`]: 'baseline' }));
  });

  it('the labels on team-b instead', () => {
    expect(failing(ID, namespace('team-b', { team: 'b', [`${PSA}enforce`]: 'baseline' }))).toEqual(['enforce-baseline', 'refuses-the-four', 'others-untouched']);
  });

  it('warn instead of enforce', () => {
    expect(failing(ID, teamA({ [`${PSA}warn`]: 'baseline' }))).toEqual(['enforce-baseline', 'refuses-the-four']);
  });

  it('audit instead of enforce', () => {
    expect(failing(ID, teamA({ [`${PSA}audit`]: 'baseline' }))).toEqual(['enforce-baseline', 'refuses-the-four']);
  });

  it('restricted instead of baseline: web and cache are refused too (and hostPath is judged as restrictedVolumes)', () => {
    expect(failing(ID, teamA({ [`${PSA}enforce`]: 'restricted' }))).toEqual(['enforce-baseline', 'refuses-the-four', 'keeps-the-rest']);
  });

  it('enforce privileged', () => {
    expect(failing(ID, teamA({ [`${PSA}enforce`]: 'privileged' }))).toEqual(['enforce-baseline', 'refuses-the-four']);
  });

  it('"Baseline" capitalised is not a level: the API server refuses the relabel, and team-a keeps its old labels', () => {
    expect(failing(ID, teamA({ [`${PSA}enforce`]: 'Baseline' }))).toEqual(['enforce-baseline', 'refuses-the-four']);
    expect(problems(ID, teamA({ [`${PSA}enforce`]: 'Baseline' }), 'enforce-baseline')[0]).toBe(
      'Namespace team-a: label pod-security.kubernetes.io/enforce="Baseline" must be one of privileged, baseline, restricted',
    );
  });

  it('a misspelt key (enforced) sets nothing', () => {
    expect(failing(ID, teamA({ [`${PSA}enforced`]: 'baseline' }))).toEqual(['enforce-baseline', 'refuses-the-four']);
  });

  it('the label written as an annotation', () => {
    const text = `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-a\n  labels:\n    team: a\n  annotations:\n    ${PSA}enforce: baseline\n`;
    expect(failing(ID, text)).toEqual(['enforce-baseline', 'refuses-the-four']);
  });

  it('both team namespaces labelled: team-b\'s debug-shell is refused too', () => {
    const text = `${teamA({ [`${PSA}enforce`]: 'baseline' })}---\n${namespace('team-b', { team: 'b', [`${PSA}enforce`]: 'baseline' })}`;
    expect(failing(ID, text)).toEqual(['others-untouched']);
  });

  it('platform tightened "to be safe"', () => {
    const text = `${teamA({ [`${PSA}enforce`]: 'baseline' })}---\n${namespace('platform', { [`${PSA}enforce`]: 'baseline' })}`;
    expect(failing(ID, text)).toEqual(['others-untouched']);
  });
});

// ---- 4. warn and audit versus enforce --------------------------------------------------------------------------

describe('psa-warn-audit', () => {
  const ID = 'psa-warn-audit';
  const staging = (enforce: string | null, warn: string | null, audit: string | null, name = 'staging'): string =>
    namespace(name, {
      stage: 'staging',
      ...(enforce ? { [`${PSA}enforce`]: enforce } : {}),
      ...(warn ? { [`${PSA}warn`]: warn } : {}),
      ...(audit ? { [`${PSA}audit`]: audit } : {}),
    });

  it('enforce baseline only: no warnings about restricted', () => {
    expect(failing(ID, staging('baseline', null, null))).toEqual(['labels', 'warned']);
  });

  it('enforce and warn swapped: web is refused', () => {
    expect(failing(ID, staging('restricted', 'baseline', 'baseline'))).toEqual(['labels', 'warned']);
    expect(problems(ID, staging('restricted', 'baseline', 'baseline'), 'warned')[0]).toMatch(/^Pod staging\/web should be admitted with warnings, but it is rejected \(allowPrivilegeEscalation != false/);
  });

  it('warn and audit restricted without enforce: node-debugger only gets a warning', () => {
    expect(failing(ID, staging(null, 'restricted', 'restricted'))).toEqual(['labels', 'refused']);
  });

  it('audit forgotten', () => {
    expect(failing(ID, staging('baseline', 'restricted', null))).toEqual(['labels']);
  });

  it('audit at baseline', () => {
    expect(failing(ID, staging('baseline', 'restricted', 'baseline'))).toEqual(['labels']);
  });

  it('enforce restricted too: web is refused and api alone gets through', () => {
    expect(failing(ID, staging('restricted', 'restricted', 'restricted'))).toEqual(['labels', 'warned']);
  });

  it('warn baseline: the root pods fit it, so nobody hears about restricted', () => {
    expect(failing(ID, staging('baseline', 'baseline', 'restricted'))).toEqual(['labels', 'warned']);
  });

  it('the labels on dev', () => {
    expect(failing(ID, staging('baseline', 'restricted', 'restricted', 'dev'))).toEqual(['labels', 'refused', 'warned', 'others-untouched']);
  });

  it('staging and dev both labelled', () => {
    expect(failing(ID, `${lesson(ID).solution}---\n${staging('baseline', 'restricted', 'restricted', 'dev')}`)).toEqual(['others-untouched']);
  });

  it('a warn-version pinned to an old release still warns at restricted', () => {
    passes(ID, edit(lesson(ID).solution, ['    pod-security.kubernetes.io/audit', `    ${PSA}warn-version: v1.30\n    pod-security.kubernetes.io/audit`]));
  });
});

// ---- 5. pin the enforce version --------------------------------------------------------------------------------

describe('psa-enforce-version', () => {
  const ID = 'psa-enforce-version';
  const legacy = (labels: Record<string, string>, name = 'legacy'): string => namespace(name, Object.fromEntries(Object.entries(labels).map(([k, v]) => [`${PSA}${k}`, v])));
  const pinned = (version: string): string => legacy({ enforce: 'baseline', 'enforce-version': version, warn: 'baseline', 'warn-version': 'latest' });

  it('warn without a version means latest: accepted', () => {
    passes(ID, legacy({ enforce: 'baseline', 'enforce-version': 'v1.33', warn: 'baseline' }));
  });

  it('any pin from v1.29 to v1.33 keeps both apps running', () => {
    passes(ID, edit(pinned('v1.29'), ['v1.29', 'v1.33']));
    const grade = gradeAttempt(lesson(ID), pinned('v1.29'));
    expect(grade.checks.filter((c) => !c.passed).map((c) => c.id)).toEqual(['pinned']);
  });

  it('no version: baseline at latest refuses the probe host', () => {
    expect(failing(ID, legacy({ enforce: 'baseline', warn: 'baseline' }))).toEqual(['pinned', 'health-proxy-warned']);
  });

  it('pinned at v1.34, the release that added the probe host check', () => {
    expect(failing(ID, pinned('v1.34'))).toEqual(['pinned', 'health-proxy-warned']);
    expect(problems(ID, pinned('v1.34'), 'health-proxy-warned')).toEqual([
      'Pod legacy/health-proxy should be admitted with warnings, but it is rejected (probe or lifecycle host (container "proxy" uses probe or lifecycle host "10.0.0.10"))',
    ]);
  });

  it('pinned at v1.28: the keepalive sysctl was not safe yet', () => {
    expect(failing(ID, pinned('v1.28'))).toEqual(['pinned', 'tuned-api-admitted']);
  });

  it('no warn label: the namespace warns at v1.33 and health-proxy passes silently', () => {
    expect(failing(ID, legacy({ enforce: 'baseline', 'enforce-version': 'v1.33' }))).toEqual(['warns-latest', 'health-proxy-warned']);
  });

  it('warn pinned at v1.33 as well', () => {
    expect(failing(ID, edit(pinned('v1.33'), ['warn-version: "latest"', 'warn-version: "v1.33"']))).toEqual(['warns-latest', 'health-proxy-warned']);
  });

  it('"1.33" without the v is not a version: the relabel is refused, legacy keeps its old labels, and the label is flagged', () => {
    expect(failing(ID, pinned('1.33'))).toEqual(['pinned', 'warns-latest', 'root-shell-refused', 'health-proxy-warned']);
    expect(problems(ID, pinned('1.33'), 'pinned')[0]).toBe('Namespace legacy: label pod-security.kubernetes.io/enforce-version="1.33" must be "latest" or "v1.x"');
  });

  it('audit-version pinned instead of enforce-version', () => {
    expect(failing(ID, legacy({ enforce: 'baseline', 'audit-version': 'v1.33', warn: 'baseline' }))).toEqual(['pinned', 'health-proxy-warned']);
  });

  it('warn instead of enforce: root-shell gets in', () => {
    expect(failing(ID, legacy({ warn: 'baseline', 'warn-version': 'v1.33' }))).toEqual(['pinned', 'warns-latest', 'root-shell-refused', 'health-proxy-warned']);
  });

  it('restricted pinned at v1.33: web and tuned-api are refused too', () => {
    expect(failing(ID, legacy({ enforce: 'restricted', 'enforce-version': 'v1.33', warn: 'restricted' }))).toEqual(['pinned', 'warns-latest', 'health-proxy-warned', 'tuned-api-admitted']);
  });

  it('the labels on modern instead', () => {
    expect(failing(ID, edit(pinned('v1.33'), ['name: legacy', 'name: modern']))).toEqual(['pinned', 'warns-latest', 'root-shell-refused', 'health-proxy-warned', 'modern-untouched']);
  });
});

// ---- 7. the host hunt in a namespace of workloads ---------------------------------------------------------------

describe('psa-host-hunt', () => {
  const ID = 'psa-host-hunt';
  const sol = (): string => lesson(ID).solution;
  const start = (): string => lesson(ID).start.en;
  const initPriv = "        command: [sh, -c, 'mkdir -p /cache/index']\n";

  it('the starting text: every workload warned, none rejected', () => {
    expect(failing(ID, start())).toEqual(['web', 'report-builder', 'debugger', 'cache-warmer', 'containers-kept', 'apps-quiet']);
    expect(problems(ID, start(), 'apps-quiet')).toContain(
      'DaemonSet apps/cache-warmer should be admitted without warnings, but it is admitted with warnings (hostPort (container "warmer" uses hostPort 9100), privileged (container "setup" must not set securityContext.privileged=true))',
    );
  });

  it('the quick fixes of the predict step', () => {
    expect(failing(ID, lesson(ID).steps[1]!.apply!.en)).toEqual(['report-builder', 'debugger', 'cache-warmer', 'containers-kept', 'apps-quiet']);
  });

  it('privileged: false with hostPID left', () => {
    const text = edit(sol(), ['        app: debugger\n    spec:\n', '        app: debugger\n    spec:\n      hostPID: true\n']);
    expect(failing(ID, text)).toEqual(['debugger', 'apps-quiet']);
  });

  it('hostNetwork: false written out is fine', () => {
    passes(ID, edit(sol(), ['        app: web\n    spec:\n', '        app: web\n    spec:\n      hostNetwork: false\n']));
  });

  it('hostIPC instead of hostPID: still a host namespace', () => {
    expect(failing(ID, edit(sol(), ['        app: debugger\n    spec:\n', '        app: debugger\n    spec:\n      hostIPC: true\n']))).toEqual(['debugger', 'apps-quiet']);
  });

  it('the hostPath moved to another path', () => {
    expect(failing(ID, edit(sol(), ['      - name: scratch\n        emptyDir: {}', '      - name: scratch\n        hostPath:\n          path: /var/tmp/reports']))).toEqual(['report-builder', 'apps-quiet']);
  });

  it('the privileged init container left in place', () => {
    expect(failing(ID, edit(sol(), [initPriv, `${initPriv}        securityContext:\n          privileged: true\n`]))).toEqual(['cache-warmer', 'containers-kept', 'apps-quiet']);
  });

  it('the init container deleted instead of fixed', () => {
    const text = sol().replace(/ {6}initContainers:\n[\s\S]*?(?= {6}containers:\n {6}- name: warmer)/, '');
    expect(text).not.toContain('name: setup');
    expect(failing(ID, text)).toEqual(['containers-kept']);
  });

  it('the hostPort left on the DaemonSet', () => {
    expect(failing(ID, edit(sol(), ['        - containerPort: 9100\n', '        - containerPort: 9100\n          hostPort: 9100\n']))).toEqual(['cache-warmer', 'apps-quiet']);
  });

  it('a capability added instead of privileged: SYS_ADMIN is not baseline either', () => {
    const text = edit(sol(), ['        command: [sleep, infinity]\n', '        command: [sleep, infinity]\n        securityContext:\n          capabilities:\n            add: [SYS_ADMIN]\n']);
    expect(failing(ID, text)).toEqual(['debugger', 'apps-quiet']);
  });

  it('apps relabelled enforce privileged: its warn label stays (labels merge), so the warnings stay too', () => {
    const text = `${namespace('apps', { [`${PSA}enforce`]: 'privileged' })}---\n${start()}`;
    expect(failing(ID, text)).toEqual(['web', 'report-builder', 'debugger', 'cache-warmer', 'containers-kept', 'apps-quiet', 'apps-enforces']);
  });

  it('apps relabelled privileged for enforce and warn: the warnings go, the host stays open', () => {
    const text = `${namespace('apps', { [`${PSA}enforce`]: 'privileged', [`${PSA}warn`]: 'privileged' })}---\n${start()}`;
    expect(failing(ID, text)).toEqual(['web', 'report-builder', 'debugger', 'cache-warmer', 'containers-kept', 'apps-enforces']);
  });

  it('the workloads moved to node-system', () => {
    expect(failing(ID, start().split('namespace: apps').join('namespace: node-system').replace('name: log-reader', 'name: log-reader'))).toEqual([
      'web', 'report-builder', 'debugger', 'cache-warmer', 'containers-kept',
    ]);
  });

  it('debugger deleted', () => {
    const parts = sol().split('---\n');
    expect(failing(ID, parts.filter((p) => !p.includes('name: debugger')).join('---\n'))).toEqual(['debugger']);
  });
});
