// The Pod Security topic as a learner meets it: pods and workloads coloured by what the admission plugin answers,
// a namespace relabelled in the editor recolouring its pods, "Why?" with the upstream reasons and links to the
// lines at fault, the container panel (effective securityContext, `id`, the kubelet's refusal), and Japanese.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { clickGraphElement, editorReady, pasteIntoEditor } from './helpers';

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
