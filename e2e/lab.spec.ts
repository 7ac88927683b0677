// The lab as a learner meets it: edges change colour as they type, clicking an edge explains it,
// the engine flags a misspelt field, and nothing typed is lost.
import { test, expect } from './fixtures';
import { clickEdge, clickGraphElement, edgeState, editorReady, editorText, lessonFile, pasteIntoEditor, verdictCell } from './helpers';

const GREEN = 'rgb(21,128,61)';
const RED = 'rgb(220,38,38)';
const AMBER = 'rgb(217,119,6)';

test('edges turn from green to red as the policy is typed, and the table agrees', async ({ page }) => {
  await page.goto('/#/lessons/netpol-deny-all');
  await editorReady(page);
  const normalise = (s: { color: string } | null) => s?.color.replace(/\s/g, '');
  // Before any policy: everything is allowed, and the lesson marks what should be denied: still green (its
  // true verdict), dashed, on an amber glow.
  // Connections no policy touches are not drawn (the legend says how many); choosing a pod draws all its own.
  await expect(page.getByTestId('quiet-edges')).toBeVisible();
  expect(await edgeState(page, 'test/sample-pod-3', 'test/sample-pod-4')).toBeNull();
  await clickGraphElement(page, 'ep:test/sample-pod-3');
  await expect.poll(async () => (await edgeState(page, 'test/sample-pod-3', 'test/sample-pod-4'))?.verdict).toBe('allowed');
  expect(normalise(await edgeState(page, 'test/sample-pod-3', 'test/sample-pod-4'))).toBe(GREEN);
  expect(await edgeState(page, 'default/sample-pod-1', 'default/sample-pod-2')).toMatchObject({ verdict: 'allowed', shouldBe: 'denied' });
  expect(normalise(await edgeState(page, 'default/sample-pod-1', 'default/sample-pod-2'))).toBe(GREEN);
  expect(await edgeState(page, 'default/sample-pod-1', 'default/sample-pod-2')).toMatchObject({ lineStyle: 'dashed', glow: AMBER });
  expect(await edgeState(page, 'test/sample-pod-3', 'test/sample-pod-4')).toMatchObject({ lineStyle: 'solid', glow: '' });

  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  // Typed line by line. Escape closes the completion list (Enter would accept a suggestion), and Monaco
  // indents each new line like the one before, so that indentation is cleared and each line brings its own.
  for (const line of ['apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata:', '  name: deny', 'spec:', '  podSelector: {}', '  policyTypes: [Ingress, Egress]']) {
    await page.keyboard.type(line);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Delete');
  }
  expect(await editorText(page)).toContain('kind: NetworkPolicy\nmetadata:\n  name: deny\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]');
  await expect(page.getByTestId('problems')).toBeEmpty();
  await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-state', 'passed');
  await expect.poll(async () => normalise(await edgeState(page, 'default/sample-pod-1', 'default/sample-pod-2'))).toBe(RED);
  expect(await edgeState(page, 'default/sample-pod-1', 'default/sample-pod-2')).toMatchObject({ verdict: 'denied', shouldBe: null, lineStyle: 'solid', glow: '' });
  expect(normalise(await edgeState(page, 'test/sample-pod-3', 'test/sample-pod-4'))).toBe(GREEN);
  await expect(verdictCell(page, 'default/sample-pod-1', 'default/sample-pod-2')).toHaveAttribute('data-verdict', 'denied');
  await expect(verdictCell(page, 'test/sample-pod-3', 'external:internet')).toHaveAttribute('data-verdict', 'allowed');
});

test('clicking an edge explains the verdict, and the policy name jumps to its line', async ({ page }) => {
  await page.goto('/#/lessons/netpol-namespace-selector');
  await pasteIntoEditor(page, lessonFile('netpol-namespace-selector', 'solution.yaml'));
  await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-state', 'passed');
  await clickEdge(page, 'test/sample-pod-4', 'test/sample-pod-3');
  const panel = page.getByTestId('explanation');
  await expect(panel).toContainText('test/sample-pod-4 → test/sample-pod-3 on TCP 80: denied.');
  await expect(panel).toContainText('test/sample-pod-3 is isolated for ingress by test/sp-namespace-allow-networkpolicy');

  await clickEdge(page, 'default/sample-pod-2', 'test/sample-pod-3');
  await expect(panel).toContainText('default/sample-pod-2 → test/sample-pod-3 on TCP 80: allowed.');
  await expect(panel).toContainText('its ingress rule 1 admits all pods of namespaces matching kubernetes.io/metadata.name=default on TCP 80');
  await panel.getByRole('button', { name: 'test/sp-namespace-allow-networkpolicy' }).first().click();
  await expect(page.locator('.monaco-editor .current-line ~ .line-numbers, .monaco-editor .line-numbers.active-line-number').first()).toHaveText('1');
});

test('a misspelt field gets one marker, the engine’s, which the problem list names', async ({ page }) => {
  await page.goto('/#/lessons/netpol-deny-all');
  await pasteIntoEditor(page, 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: typo\nspec:\n  podSelecter: {}\n');
  await expect(page.getByTestId('problems')).toContainText('6:3 error[unknown-field]');
  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeVisible();
  // The monaco-yaml worker validates nothing (it would only repeat the engine, in English).
  await expect
    .poll(async () => page.evaluate(() => window.__cksLabMarkers?.().map((m) => `${m.owner} ${m.startLineNumber}: ${m.message}`)))
    .toEqual([expect.stringMatching(/^cks-lab 6: unknown field spec\.podSelecter; did you mean podSelector\?/)]);
});

test('a parse error keeps the last good graph, marks it stale, and keeps the text', async ({ page }) => {
  await page.goto('/#/lessons/netpol-deny-all');
  await pasteIntoEditor(page, lessonFile('netpol-deny-all', 'solution.yaml'));
  await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-state', 'passed');
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\nbroken: key: here');
  await expect(page.getByTestId('stale')).toBeVisible();
  await expect(page.getByTestId('problems')).toContainText('error[yaml-syntax]');
  await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-state', 'passed');
  await expect(verdictCell(page, 'default/sample-pod-1', 'default/sample-pod-2')).toHaveAttribute('data-verdict', 'denied');
  expect(await editorText(page)).toContain('broken: key: here');
});

test('the text survives a reload, and a corrupt saved entry is set aside with a notice', async ({ page }) => {
  await page.goto('/#/lessons/netpol-pod-selector');
  await pasteIntoEditor(page, '# my work in progress\napiVersion: networking.k8s.io/v1\n');
  await expect(page.getByTestId('problems')).toContainText('kind is required');
  await page.reload();
  await editorReady(page);
  expect(await editorText(page)).toContain('# my work in progress');

  await page.evaluate(() => localStorage.setItem('cks-lab:v1:lesson:netpol-ip-block', '{not json'));
  await page.goto('/#/lessons/netpol-ip-block');
  await expect(page.getByTestId('notice')).toContainText('could not be read');
  await editorReady(page);
  expect(await editorText(page)).toContain('Lesson: the pod labelled app=pod3');
  const aside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cks-lab:corrupt:lesson:netpol-ip-block')));
  expect(aside).toHaveLength(1);
});

test('the table is a keyboard-navigable table of every verdict', async ({ page }) => {
  await page.goto('/#/lessons/netpol-pod-selector');
  await pasteIntoEditor(page, lessonFile('netpol-pod-selector', 'solution.yaml'));
  await page.getByRole('tab', { name: 'Table' }).click();
  const table = page.getByRole('table');
  await expect(table.getByRole('columnheader', { name: 'From' })).toBeVisible();
  // 8 pods (decoys included) and 2 external endpoints: 10 x 10 ordered pairs less the 4 external-to-external
  // ones, each on the lesson's 5 probes.
  await expect(table.locator('tbody tr')).toHaveCount(480);
  await page.getByRole('radio', { name: 'Denied' }).click();
  // Only default/sample-pod-2 is isolated: 8 sources denied on every probe, sample-pod-1 on all but TCP 80.
  await expect(table.locator('tbody tr')).toHaveCount(44);
  await table.locator('tbody tr').first().focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('explanation')).toContainText('default/sample-pod-2 is isolated for ingress');
  await page.getByLabel('Filter').fill('sample-pod-4');
  await expect(table.locator('tbody tr')).toHaveCount(5);
});

test('the playground evaluates a whole cluster typed in the editor', async ({ page }) => {
  await page.goto('/#/playground');
  await editorReady(page);
  await expect(verdictCell(page, 'test/sample-pod-3', 'default/sample-pod-2')).toHaveAttribute('data-verdict', 'denied');
  await expect(verdictCell(page, 'default/sample-pod-1', 'default/sample-pod-2')).toHaveAttribute('data-verdict', 'allowed');
  const manifest = `apiVersion: v1
kind: Pod
metadata: {name: api, namespace: shop, labels: {app: api}}
spec:
  containers: [{name: api, image: api, ports: [{name: http, containerPort: 8080}, {name: dns, containerPort: 53, protocol: UDP}]}]
status: {podIP: 10.1.0.5}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec:
  containers: [{name: web, image: web, ports: [{containerPort: 80}]}]
status: {podIP: 10.1.0.6}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-from-web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: web}}}]
    ports: [{port: http}]
`;
  await pasteIntoEditor(page, manifest);
  await expect(verdictCell(page, 'shop/web', 'shop/api', 8080)).toHaveAttribute('data-verdict', 'allowed');
  await expect(verdictCell(page, 'shop/web', 'shop/api', 53, 'UDP')).toHaveAttribute('data-verdict', 'denied');
  await expect(verdictCell(page, 'shop/api', 'shop/web', 80)).toHaveAttribute('data-verdict', 'allowed');
  expect(await edgeState(page, 'shop/web', 'shop/api')).toMatchObject({ verdict: 'mixed' });
});

test('a namespace the lesson lacks is a warning at its line, and nothing is drawn for it', async ({ page }) => {
  await page.goto('/#/lessons/netpol-deny-all');
  await pasteIntoEditor(page, lessonFile('netpol-deny-all', 'solution.yaml').replace('namespace: default', 'namespace: defualt'));
  await expect(page.getByTestId('problems')).toContainText('warning[namespace-not-found]');
  await expect(page.getByTestId('problems')).toContainText('namespace "defualt" not found');
  await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-state', 'pending');
  const namespaces = await page.evaluate(() => window.__cksLabGraph?.nodes('[kind = "namespace"]').map((n) => n.id()) ?? []);
  expect(namespaces.length).toBeGreaterThan(0);
  expect(namespaces).not.toContain('ns:defualt');
});

test('a spec field misspelt in a Pod is an error in a NetworkPolicy lesson too', async ({ page }) => {
  await page.goto('/#/lessons/netpol-deny-all');
  await pasteIntoEditor(page, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: extra\nspec:\n  containres:\n  - name: c\n    image: nginx\n');
  await expect(page.getByTestId('problems')).toContainText('6:3 error[unknown-field]');
  await expect(page.getByTestId('problems')).toContainText('did you mean containers?');
});

test('Why? names the near miss of a denied connection', async ({ page }) => {
  await page.goto('/#/lessons/netpol-namespace-selector');
  // podSelector where namespaceSelector was meant: the rule only looks at namespace test.
  await pasteIntoEditor(page, lessonFile('netpol-namespace-selector', 'solution.yaml').replace('namespaceSelector:', 'podSelector:'));
  await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-state', 'failed');
  await page.getByRole('tab', { name: 'Table' }).click();
  await page.getByRole('row').filter({ hasText: 'default/sample-pod-1' }).filter({ hasText: 'test/sample-pod-3' }).first().click();
  const panel = page.getByTestId('explanation');
  await expect(panel).toContainText("test/sp-namespace-allow-networkpolicy's ingress rule 1:");
  await expect(panel).toContainText('a podSelector alone looks only at namespace test, and default/sample-pod-1 is in namespace default.');
});
