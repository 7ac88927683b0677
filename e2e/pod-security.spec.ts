// The Pod Security topic as a learner meets it: pods and workloads coloured by what the admission plugin answers,
// a namespace relabelled in the editor recolouring its pods, "Why?" with the upstream reasons and links to the
// lines at fault, the container panel (effective securityContext, `id`, the kubelet's refusal), and Japanese.
import { readdirSync } from 'node:fs';
import { parse } from 'yaml';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { clickGraphElement, editorReady, failThenPass, lessonFile, pasteIntoEditor, type Mistake } from './helpers';

const GREEN = 'rgb(21,128,61)';
const RED = 'rgb(220,38,38)';
const AMBER = 'rgb(217,119,6)';

const manifest = (labels: string): string => `apiVersion: v1
kind: Namespace
metadata:
  name: team-a
${labels}---
apiVersion: v1
kind: Pod
metadata:
  name: debug
  namespace: team-a
spec:
  hostPID: true
  containers:
  - name: shell
    image: busybox
    securityContext:
      privileged: true
---
apiVersion: v1
kind: Pod
metadata:
  name: both-test
  namespace: team-a
spec:
  securityContext:
    runAsUser: 1000
    fsGroup: 2000
  containers:
  - name: ubuntu
    image: ubuntu:21.10
    securityContext:
      runAsUser: 1001
---
apiVersion: v1
kind: Pod
metadata:
  name: pod-sc
  namespace: team-a
spec:
  securityContext:
    runAsNonRoot: true
  containers:
  - name: nginx-container
    image: nginx:1.21
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: team-a
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
      - name: api
        image: nginx
        securityContext:
          capabilities: {add: [NET_ADMIN]}
`;

async function nodeState(page: Page, id: string) {
  return page.evaluate((i) => {
    const n = window.__cksLabGraph?.getElementById(i);
    if (!n || n.empty()) return null;
    return { verdict: n.data('verdict') as string, border: (n.style('border-color') as string).replace(/\s/g, ''), label: n.data('label') as string };
  }, id);
}

async function openPlayground(page: Page, text: string, lang = ''): Promise<void> {
  await page.goto(`/${lang}#/playground`);
  await editorReady(page);
  await page.getByTestId('topic-switch').selectOption('pod-security');
  await pasteIntoEditor(page, text);
}

test('relabelling a namespace in the editor recolours every pod and workload in it', async ({ page }) => {
  await openPlayground(page, manifest(''));
  // No labels: privileged, everything admitted.
  await expect.poll(() => nodeState(page, 'Pod:team-a/debug')).toMatchObject({ verdict: 'admitted', border: GREEN });
  await expect.poll(() => nodeState(page, 'Deployment:team-a/api')).toMatchObject({ verdict: 'admitted', border: GREEN });
  await expect(page.getByTestId('graph')).toContainText('✓ admitted');

  await pasteIntoEditor(page, manifest('  labels:\n    pod-security.kubernetes.io/enforce: baseline\n'));
  await expect.poll(() => nodeState(page, 'Pod:team-a/debug')).toMatchObject({ verdict: 'rejected', border: RED });
  // baseline: a workload is never refused; adding NET_ADMIN earns a warning (warn follows enforce).
  await expect.poll(() => nodeState(page, 'Deployment:team-a/api')).toMatchObject({ verdict: 'warned', border: AMBER });
  await expect.poll(() => nodeState(page, 'Pod:team-a/both-test')).toMatchObject({ verdict: 'admitted', border: GREEN });

  await pasteIntoEditor(page, manifest('  labels:\n    pod-security.kubernetes.io/enforce: restricted\n'));
  await expect.poll(() => nodeState(page, 'Pod:team-a/both-test')).toMatchObject({ verdict: 'rejected', border: RED });
  expect((await nodeState(page, 'Pod:team-a/both-test'))!.label).toContain('✗ both-test');

  // The Table tab lists the same verdicts with the failed checks.
  await page.getByRole('tab', { name: 'Table' }).click();
  const row = page.getByTestId('psa-table').getByRole('row', { name: /Pod team-a\/debug/ });
  await expect(row).toContainText('refused');
  await expect(row).toContainText('privileged');
  await expect(row).toContainText('enforce restricted:latest');
});

test('Why? gives the upstream reason of each failed check and jumps to the line at fault', async ({ page }) => {
  await openPlayground(page, manifest('  labels:\n    pod-security.kubernetes.io/enforce: baseline\n'));
  await clickGraphElement(page, 'Pod:team-a/debug');
  const why = page.getByTestId('psa-explain');
  await expect(why).toContainText('Pod team-a/debug: refused');
  const enforce = why.locator('li[data-mode="enforce"]');
  await expect(enforce).toContainText('baseline:latest');
  await expect(enforce.locator('li[data-check="hostNamespaces"]')).toContainText('host namespaces (hostPID=true)');
  await expect(enforce.locator('li[data-check="privileged"]')).toContainText('privileged (container "shell" must not set securityContext.privileged=true)');
  await expect(why.getByTestId('psa-kubectl')).toContainText(
    'Error from server (Forbidden): error when creating "editor.yaml": pods "debug" is forbidden: violates PodSecurity "baseline:latest": host namespaces (hostPID=true), privileged (container "shell" must not set securityContext.privileged=true)',
  );
  // `privileged: true` is on line 19 of the editor: the link puts the cursor there.
  await enforce.locator('li[data-check="privileged"]').getByRole('button', { name: 'line 19' }).click();
  await expect(page.locator('.monaco-editor .line-numbers.active-line-number').first()).toHaveText('19');
});

test('the container panel shows the securityContext each container runs with, and the kubelet refusing root', async ({ page }) => {
  await openPlayground(page, manifest(''));
  await clickGraphElement(page, 'Pod:team-a/both-test');
  const panel = page.getByTestId('psa-containers');
  // The container's runAsUser 1001 wins over the pod's 1000.
  await expect(panel.locator('tr[data-field="runAsUser"]')).toHaveText(/runAsUser\s*1001\s*container/);
  await expect(panel.locator('tr[data-field="fsGroup"]')).toHaveText(/fsGroup\s*2000\s*pod/);
  await expect(panel.getByTestId('psa-id')).toContainText('uid=1001 gid=0(root) groups=0(root),2000');

  await clickGraphElement(page, 'Pod:team-a/pod-sc');
  await expect(panel.locator('tr[data-field="runAsUser"]')).toHaveText(/runAsUser\s*0\s*image/);
  await expect(panel).toContainText('The kubelet refuses to start it (CreateContainerConfigError):');
  await expect(panel).toContainText('container has runAsNonRoot and image will run as root (pod: "pod-sc_team-a(<uid>)", container: nginx-container)');
  // Admission lets it in (privileged namespace); the graph marks that it would not start.
  expect(await page.evaluate(() => window.__cksLabGraph?.getElementById('Pod:team-a/pod-sc').data('flag'))).toBe('nostart');
});

test('?lang=ja shows the Pod Security panel in Japanese', async ({ page }) => {
  await openPlayground(page, manifest('  labels:\n    pod-security.kubernetes.io/enforce: baseline\n'), '?lang=ja');
  await expect(page.getByTestId('graph')).toContainText('拒否（enforce レベル）');
  await clickGraphElement(page, 'Pod:team-a/debug');
  const why = page.getByTestId('psa-explain');
  await expect(why).toContainText('Pod team-a/debug: 拒否');
  await expect(why).toContainText('privileged なコンテナは禁止です。');
  await expect(page.getByTestId('psa-containers')).toContainText('コンテナ: 実行時の securityContext');
});

// ---- The Pod Security lessons, as a learner takes them -----------------------------------------------------------

/** The Pod Security lesson folders on disk: a new lesson without a mistake below fails the suite. */
const PSA_LESSONS = readdirSync(new URL('../lessons/', import.meta.url)).filter((name) => name.startsWith('psa-')).sort();

/** One plausible wrong answer per lesson (classic slips of src/lessons/pod-security-lessons.test.ts). */
const PSA_MISTAKES: Record<string, Mistake> = {
  'psa-baseline-enforce': {
    // warn instead of enforce: the four are admitted with a warning.
    wrong: (s) => s.replace('pod-security.kubernetes.io/enforce: baseline', 'pod-security.kubernetes.io/warn: baseline'),
    check: 'refuses-the-four',
    message: 'Pod team-a/metrics-agent should be rejected, but it is admitted with warnings (host namespaces (hostNetwork=true))',
  },
  'psa-capabilities': {
    // The capability spelled as the kernel does: the runtime would grant it, restricted compares the text.
    wrong: (s) => s.replace('add: [NET_BIND_SERVICE]', 'add: [CAP_NET_BIND_SERVICE]'),
    check: 'admitted',
    message: 'Pod edge/gateway should be admitted without warnings, but it is rejected (unrestricted capabilities (container "proxy" must not include "CAP_NET_BIND_SERVICE" in securityContext.capabilities.add))',
  },
  'psa-enforce-version': {
    // Pinned at the release that added the probe host check.
    wrong: (s) => s.replace('enforce-version: v1.33', 'enforce-version: v1.34'),
    check: 'health-proxy-warned',
    message: 'Pod legacy/health-proxy should be admitted with warnings, but it is rejected (probe or lifecycle host (container "proxy" uses probe or lifecycle host "10.0.0.10"))',
  },
  'psa-host-hunt': {
    // privileged gone from debugger, hostPID left.
    wrong: (s) => s.replace('        app: debugger\n    spec:\n', '        app: debugger\n    spec:\n      hostPID: true\n'),
    check: 'debugger',
    message: 'Deployment apps/debugger should be admitted without warnings, but it is admitted with warnings (host namespaces (hostPID=true))',
  },
  'psa-nonroot-nginx': {
    // Only the nginx image swapped: the busybox init container still runs as root.
    wrong: (s) => s.replace('    securityContext:\n      runAsUser: 65534\n', ''),
    check: 'init-starts',
    message: 'Pod shop/web container fetch-config: starts should be true, but it is false',
  },
  'psa-readonly-rootfs': {
    // /var/run forgotten.
    wrong: (s) => s.replace('    - name: run\n      mountPath: /var/run\n', ''),
    check: 'nginx-read-only',
    message: 'Pod shop/storefront container nginx: /var/run is not writable (no volume is mounted there, and the root filesystem is read-only)',
  },
  'psa-restricted-pod': {
    // runAsNonRoot without a user: admitted, but the kubelet refuses the root images.
    wrong: (s) => s.replace('    runAsUser: 10001\n', ''),
    check: 'starts',
    message: 'Pod payments/api container migrate: starts should be true, but it is false',
  },
  'psa-securitycontext-demos': {
    // both-test with 1001 on the container only: the sidecar runs as root.
    wrong: (s) => s.replace('  securityContext:\n    runAsUser: 1000\n', ''),
    check: 'pod-default',
    message: 'Pod default/both-test container sidecar: runAsUser should be 1000, but it is 0',
  },
  'psa-warn-audit': {
    // enforce and warn swapped: web is refused instead of warned about.
    wrong: (s) => s.replace('enforce: baseline', 'enforce: restricted').replace('warn: restricted', 'warn: baseline').replace('audit: restricted', 'audit: baseline'),
    check: 'warned',
    message: /Pod staging\/web should be admitted with warnings, but it is rejected \(allowPrivilegeEscalation != false/,
  },
};

test.describe('every Pod Security lesson: a plausible mistake fails and says why, the solution passes', () => {
  test('each Pod Security lesson folder has a mistake to try', () => {
    expect(PSA_LESSONS.length).toBeGreaterThan(0);
    expect(Object.keys(PSA_MISTAKES).sort()).toEqual(PSA_LESSONS);
  });
  for (const id of PSA_LESSONS) {
    test(`${id}: fails with a mistake, passes with the solution`, async ({ page }) => {
      await failThenPass(page, id, PSA_MISTAKES[id], 'pod-security');
    });
  }
});

const BASELINE = 'psa-baseline-enforce';
const TEAM_A_REFUSED = ['metrics-agent', 'debug-shell', 'log-tailer', 'db'];
const TEAM_A_KEPT = ['web', 'cache'];

test('psa-baseline-enforce: labelling team-a turns the four pods red, and Why? shows what kubectl label printed', async ({ page }) => {
  await page.goto(`/#/lessons/${BASELINE}`);
  await editorReady(page);
  await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-state', 'pending');
  // No Pod Security label on team-a yet: every pod is admitted, green.
  for (const name of [...TEAM_A_REFUSED, ...TEAM_A_KEPT]) {
    await expect.poll(() => nodeState(page, `Pod:team-a/${name}`), { message: name }).toMatchObject({ verdict: 'admitted', border: GREEN });
  }
  const why = page.getByTestId('psa-explain');
  await expect(why).toContainText('Click a pod or workload');
  await expect(why.getByTestId('psa-relabel')).toHaveCount(0);

  await pasteIntoEditor(page, lessonFile(BASELINE, 'solution.yaml'));
  await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-state', 'passed');
  for (const name of TEAM_A_REFUSED) {
    await expect.poll(() => nodeState(page, `Pod:team-a/${name}`), { message: name }).toMatchObject({ verdict: 'rejected', border: RED });
    expect((await nodeState(page, `Pod:team-a/${name}`))!.label).toContain(`✗ ${name}`);
  }
  for (const name of TEAM_A_KEPT) expect(await nodeState(page, `Pod:team-a/${name}`), name).toMatchObject({ verdict: 'admitted', border: GREEN });
  // team-b is not labelled: its debug-shell stays in.
  expect(await nodeState(page, 'Pod:team-b/debug-shell')).toMatchObject({ verdict: 'admitted' });

  // Nothing chosen: Why? shows what `kubectl label` printed for the relabel.
  const relabel = why.getByTestId('psa-relabel');
  await expect(relabel).toBeVisible();
  await expect(relabel).toContainText('Relabelling namespace team-a: kubectl label prints');
  await expect(relabel).toContainText('Warning: existing pods in namespace "team-a" violate the new PodSecurity enforce level "baseline:latest"');
  // As upstream: one line per reason (without the detail), naming the first pod by name and counting the others.
  await expect(relabel.locator('pre')).toHaveText(
    [
      'Warning: existing pods in namespace "team-a" violate the new PodSecurity enforce level "baseline:latest"',
      'Warning: db (and 1 other pod): privileged',
      'Warning: log-tailer: hostPath volumes',
      'Warning: metrics-agent: host namespaces',
      'namespace/team-a labeled',
    ].join('\n'),
  );

  // db: its init container is the one at fault.
  await clickGraphElement(page, 'Pod:team-a/db');
  await expect(why).toContainText('Pod team-a/db: refused');
  await expect(why.locator('li[data-mode="enforce"] li[data-check="privileged"]')).toContainText('container "sysctl-init" must not set securityContext.privileged=true');
});

test('?lang=ja: a Pod Security lesson, its checks and a failed check are in Japanese', async ({ page }) => {
  const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
  const lesson = parse(lessonFile(BASELINE, 'lesson.yaml')) as { title: { ja: string }; checks: { id: string; title: { ja: string } }[] };
  await page.goto(`/?lang=ja#/lessons/${BASELINE}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title.ja);
  const checklist = page.getByTestId('checklist');
  await expect(checklist.locator('li')).toHaveCount(lesson.checks.length);
  for (const check of lesson.checks) await expect(checklist.locator(`[data-check="${check.id}"]`)).toHaveText(JAPANESE);
  await expect(checklist.locator('[data-check="enforce-baseline"]')).toContainText('team-a は baseline を強制している');

  await pasteIntoEditor(page, PSA_MISTAKES[BASELINE]!.wrong(lessonFile(BASELINE, 'solution.yaml')));
  await expect(page.getByTestId('lesson-status')).toHaveText('✗ 未合格');
  const problems = checklist.locator('[data-check="refuses-the-four"] .check-problems');
  await expect(problems).toContainText('Pod team-a/metrics-agent は「拒否」になるはずが「警告付きで受け入れ」です');
  await expect(problems).toContainText('ヒント');
  await expect(checklist.locator('[data-check="enforce-baseline"] .check-problems')).toContainText('Namespace team-a: enforce は baseline のはずが privileged です');

  await pasteIntoEditor(page, lessonFile(BASELINE, 'solution.yaml'));
  await expect(page.getByTestId('lesson-status')).toHaveText('✓ 合格');
});

test('predict, then reveal, on a Pod Security lesson: the room marks pods, the reveal shows the verdicts and the score', async ({ page, context }) => {
  const lesson = parse(lessonFile(BASELINE, 'lesson.yaml')) as { steps: { predict?: boolean }[] };
  const predictStep = lesson.steps.findIndex((s) => s.predict === true);
  expect(predictStep, 'a predict step').toBeGreaterThan(0);

  const projector = await context.newPage();
  await projector.goto(`/#/present/${BASELINE}`);
  await page.goto(`/#/presenter/${BASELINE}`);
  await editorReady(projector);
  for (let i = 0; i < predictStep; i++) await page.getByTestId('next-step').click();
  await expect(page.getByTestId('step-index')).toHaveText(String(predictStep + 1));
  await expect(projector.getByTestId('step-index')).toHaveText(String(predictStep + 1));
  await expect(projector.getByTestId('predict-banner')).toContainText('Predict');
  await expect(projector.getByTestId('predict-banner')).toContainText('(0 marked)');
  await expect(projector.getByTestId('predict-banner')).toContainText('click a pod or workload once if admission lets it in');

  // The step applies the label, but the verdicts are hidden: neutral boxes without the ✓/✗ symbol.
  const state = (name: string) =>
    projector.evaluate((id) => {
      const n = window.__cksLabGraph!.getElementById(id);
      if (n.empty()) return null;
      return { hidden: n.hasClass('hidden-verdict'), label: n.style('label') as string, right: n.hasClass('guess-right'), wrong: n.hasClass('guess-wrong') };
    }, `Pod:team-a/${name}`);
  await expect.poll(async () => (await state('debug-shell'))?.hidden).toBe(true);
  expect((await state('debug-shell'))!.label).not.toMatch(/[✓⚠✗]/);

  const click = async (name: string, times: number) => {
    for (let i = 0; i < times; i++) await clickGraphElement(projector, `Pod:team-a/${name}`);
  };
  await click('web', 1); // guess admitted: right
  await click('debug-shell', 2); // guess refused: right
  await click('db', 1); // guess admitted: wrong (its init container is privileged)
  await click('cache', 3); // marked, then cleared
  await expect(page.getByTestId('predict-status')).toContainText('(3 marked)');
  await expect(projector.getByTestId('predict-banner')).toContainText('(3 marked)');
  // A click is a guess, not a question: Why? says nothing on the projector.
  await expect(projector.getByTestId('psa-explain')).toHaveCount(0);

  await page.getByTestId('reveal-verdicts').click();
  await expect(page.getByTestId('step-index')).toHaveText(String(predictStep + 1));
  await expect(projector.getByTestId('predict-banner')).toContainText('Revealed: 2 of 3 predictions right.');
  await expect(page.getByTestId('predict-status')).toContainText('Revealed: 2 of 3 predictions right.');
  await expect.poll(async () => (await state('debug-shell'))?.hidden).toBe(false);
  expect(await nodeState(projector, 'Pod:team-a/debug-shell')).toMatchObject({ verdict: 'rejected', border: RED });
  expect(await nodeState(projector, 'Pod:team-a/web')).toMatchObject({ verdict: 'admitted', border: GREEN });
  expect(await state('web')).toMatchObject({ right: true, wrong: false });
  expect(await state('debug-shell')).toMatchObject({ right: true, wrong: false });
  expect(await state('db')).toMatchObject({ right: false, wrong: true });
  expect(await state('cache')).toMatchObject({ right: false, wrong: false });
});

test('each lesson page has its own title, and passing one offers the next lesson', async ({ page }) => {
  await page.goto('/#/lessons/psa-securitycontext-demos');
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).not.toBeEmpty();
  await expect(page).toHaveTitle(`${await heading.innerText()} · cks-lab`);
  await expect(page.getByTestId('next-lesson')).toHaveCount(0);
  await pasteIntoEditor(page, lessonFile('psa-securitycontext-demos', 'solution.yaml'));
  await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-state', 'passed');
  const next = page.getByTestId('next-lesson');
  await expect(next).toContainText('Next lesson');
  await next.click();
  await expect(page).toHaveURL(/#\/lessons\/psa-nonroot-nginx$/);
  await expect(page).toHaveTitle(`${await page.getByRole('heading', { level: 1 }).innerText()} · cks-lab`);
  await page.goto('/#/playground');
  await expect(page).toHaveTitle('Playground · cks-lab');
});
