// More of the lab: the policy under the cursor, export, big clusters, languages and themes.
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { clickEdge, clickGraphElement, edgeState, editorReady, editorText, hoverUntil, lessonFile, pasteIntoEditor } from './helpers';

test('the cursor inside a policy highlights the pods it selects and the peers it admits', async ({ page }) => {
  await page.goto('/#/lessons/netpol-pod-selector');
  await pasteIntoEditor(page, lessonFile('netpol-pod-selector', 'solution.yaml'));
  await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-state', 'passed');
  await page.locator('.monaco-editor .view-line').nth(8).click(); // "app: pod2", inside the policy
  await expect(page.getByRole('status').filter({ hasText: 'selects' })).toContainText('default/sp-pod-allow-networkpolicy selects 1 pod; its rules admit 1 endpoint.');
  const classes = await page.evaluate(() => {
    const cy = window.__cksLabGraph!;
    return {
      targets: cy.nodes('.policy-target').map((n) => n.data('endpoint') as string),
      peers: cy.nodes('.policy-peer').map((n) => n.data('endpoint') as string),
    };
  });
  expect(classes).toEqual({ targets: ['default/sample-pod-2'], peers: ['default/sample-pod-1'] });
});

test('export: the YAML downloads, the kubectl command is copied, the graph saves as PNG', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/#/lessons/netpol-deny-all');
  const solution = lessonFile('netpol-deny-all', 'solution.yaml');
  await pasteIntoEditor(page, solution);
  await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-state', 'passed');

  const [yaml] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download YAML' }).click()]);
  expect(yaml.suggestedFilename()).toBe('netpol-deny-all.yaml');
  expect(readFileSync((await yaml.path())!, 'utf8')).toBe(solution);

  await page.getByRole('button', { name: 'Copy as kubectl apply' }).click();
  await expect(page.getByText('Copied to the clipboard.')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(`kubectl apply -f - <<'EOF'\n${solution.replace(/\n?$/, '\n')}EOF\n`);

  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save graph as PNG' }).click()]);
  expect(png.suggestedFilename()).toBe('netpol-deny-all.png');
  const bytes = readFileSync((await png.path())!);
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  expect(bytes.length).toBeGreaterThan(5000);
});

test('a big cluster groups connections by namespace; an arrow opens into its pods\' connections, a pod shows its own', async ({ page }) => {
  await page.goto('/#/playground');
  await editorReady(page);
  const pods = Array.from({ length: 45 }, (_, i) =>
    `apiVersion: v1\nkind: Pod\nmetadata: {name: p${i}, namespace: ns${i % 3}, labels: {app: a${i % 5}}}\nspec: {containers: [{name: c, image: nginx, ports: [{containerPort: 80}]}]}\nstatus: {podIP: 10.0.0.${i + 1}}\n`,
  ).join('---\n');
  // ns0 accepts only ns1 (and its own pods).
  const policy = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: from-ns1, namespace: ns0}\nspec:\n  podSelector: {}\n  ingress:\n  - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ns1}}}, {podSelector: {}}]\n';
  await pasteIntoEditor(page, `${pods}---\n${policy}`);
  await expect(page.getByText('45 pods: arrows join namespaces')).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.__cksLabGraph?.nodes('[kind="pod"]').length)).toBe(45);
  // 3 namespaces, 15 x 15 pod pairs each way on TCP 80: the two arrows into ns0 meet its policy; the four others
  // touch no policy and are counted in the legend instead of drawn.
  await expect.poll(() => page.evaluate(() => window.__cksLabGraph!.edges().map((e) => `${e.id()} ${e.data('label')}`).sort())).toEqual([
    'group:ns:ns1->ns:ns0 225/225 ✓',
    'group:ns:ns2->ns:ns0 0/225 ✓',
  ]);
  await expect(page.getByTestId('quiet-edges')).toContainText('Not drawn: 900 connections no policy touches');
  await clickGraphElement(page, 'group:ns:ns2->ns:ns0');
  await expect.poll(() => page.evaluate(() => window.__cksLabGraph!.edges('[kind="connection"]').length)).toBe(225);
  expect(await page.evaluate(() => window.__cksLabGraph!.edges('[kind="connection"]').every((e) => e.data('from').startsWith('ns2/') && e.data('to').startsWith('ns0/') && e.data('verdict') === 'denied'))).toBe(true);
  await clickGraphElement(page, 'ep:ns1/p7');
  await expect.poll(() => page.evaluate(() => window.__cksLabGraph!.edges().length)).toBe(88); // 44 out, 44 in
  const touching = await page.evaluate(() => window.__cksLabGraph!.edges().every((e) => e.data('from') === 'ns1/p7' || e.data('to') === 'ns1/p7'));
  expect(touching).toBe(true);
});

test('?lang=ja shows Japanese, the switcher changes and remembers the language', async ({ page }) => {
  await page.goto('/?lang=ja#/lessons/netpol-deny-all');
  await expect(page.getByTestId('lesson-instructions')).toContainText('NetworkPolicy は**許可**'.replace(/\*\*/g, ''));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('namespace のすべての通信を拒否する');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('button', { name: 'ヒントを見る (1/3)' })).toBeVisible();
  // The untouched starting text is in Japanese too, and follows the switcher.
  await expect.poll(() => editorText(page)).toContain('# レッスン: namespace "default"');

  await page.getByTestId('lang-switch').selectOption('en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deny all traffic in a namespace');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect.poll(() => editorText(page)).toContain('# Lesson: pods in namespace');
  await page.goto('/#/lessons/netpol-deny-all');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deny all traffic in a namespace');

  // A text the learner has touched is theirs: switching the language never rewrites it.
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('# my note');
  await page.getByTestId('lang-switch').selectOption('ja');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('namespace のすべての通信を拒否する');
  expect(await editorText(page)).toContain('# Lesson: pods in namespace');
  expect(await editorText(page)).toContain('# my note');
  await pasteIntoEditor(page, lessonFile('netpol-deny-all', 'solution.yaml'));
  await expect(page.getByTestId('lesson-status')).toHaveText('✓ 合格');
  await clickEdge(page, 'default/sample-pod-1', 'test/sample-pod-3');
  await expect(page.getByTestId('explanation')).toContainText('default/sample-pod-1 は default/all-deny-networkpolicy によって Egress（送信）について隔離されており');
  await pasteIntoEditor(page, 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: x}\nspec:\n  ingress:\n  - from:\n    - ipBlock: {cidr: 10.0.0.0/40}\n');
  await expect(page.getByTestId('problems')).toContainText('spec.ingress[0].from[0].ipBlock.cidr の "10.0.0.0/40" は CIDR として正しくありません（例: 10.0.0.0/16）');
  await pasteIntoEditor(page, 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name:x\n  namespace: default\n');
  await expect(page.getByTestId('problems')).toContainText('キーは 1 行で書き「: 」（コロンと空白）で終えます');
  await expect(page.getByTestId('problems')).not.toContainText('YAML または JSON として正しくありません');
});

test('the dark theme follows the system', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/#/lessons/netpol-deny-all');
  await editorReady(page);
  // Before the solution every connection is allowed; pod1 -> pod2 is drawn (the lesson expects it denied).
  await expect.poll(async () => (await edgeState(page, 'default/sample-pod-1', 'default/sample-pod-2'))?.color.replace(/\s/g, '')).toBe('rgb(74,222,128)');
  const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(background).toBe('rgb(11, 17, 32)');
  await expect(page.locator('.monaco-editor.vs-dark')).toBeVisible();
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(async () => (await edgeState(page, 'default/sample-pod-1', 'default/sample-pod-2'))?.color.replace(/\s/g, '')).toBe('rgb(21,128,61)');
});

test('the editor offers completion and hover docs from the NetworkPolicy schema', async ({ page }) => {
  await page.goto('/#/lessons/netpol-deny-all');
  await pasteIntoEditor(page, 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: demo\nspec:\n  podSelector: {}\n  ');
  await expect.poll(() => editorText(page)).toMatch(/^apiVersion: networking\.k8s\.io\/v1\n[^]*\n {2}podSelector: \{\}\n {0,2}$/);
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('pol');
  await expect.poll(() => editorText(page)).toMatch(/\n {2}podSelector: \{\}\n {2}pol$/);
  const suggest = page.locator('.suggest-widget.visible');
  // The YAML worker may still be starting (or restarting for the UI language) on the first request and answer
  // "No suggestions"; ask again, as a person would, and give each answer time on a small machine.
  await expect(async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Space');
    await expect(suggest).toContainText('policyTypes', { timeout: 3000 });
  }).toPass({ timeout: 30_000 });
  await page.keyboard.press('Escape');

  await hoverUntil(page, page.locator('.monaco-editor .view-line').nth(5).getByText('podSelector'), 'The pods of this namespace the policy applies to');
});

test('hover docs follow the UI language', async ({ page }) => {
  await page.goto('/?lang=ja#/lessons/netpol-deny-all');
  await pasteIntoEditor(page, 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: demo\nspec:\n  podSelector: {}\n');
  await hoverUntil(page, page.locator('.monaco-editor .view-line').nth(5).getByText('podSelector'), 'ポリシーを適用する、この namespace の Pod です');
});

test('the browser’s language is the default', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, locale: 'ja-JP' });
  const page = await context.newPage();
  await page.goto('/#/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('レッスン');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await page.goto('/?lang=en#/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lessons');
  await context.close();
});

test('a keyboard user can get past the editor, where Tab indents', async ({ page }) => {
  await page.goto('/#/lessons/netpol-deny-all');
  await editorReady(page);
  const skip = page.getByRole('button', { name: /Skip past the editor/ });
  await expect(skip).not.toBeInViewport(); // out of sight until a keyboard user reaches it
  for (let i = 0; i < 40 && !(await skip.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'Graph' })).toBeFocused();
});

test('at 1280x800 a failing check’s message is in view; at 1024x768 the graph keeps a usable size; YAML wraps only at spaces', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/#/lessons/netpol-namespace-selector');
  await pasteIntoEditor(page, lessonFile('netpol-namespace-selector', 'solution.yaml').replace('namespaceSelector:', 'podSelector:'));
  const problem = page.locator('[data-check="pod3-from-default-only"] .check-problems > div').first();
  await expect(problem).toContainText('should be allowed, but it is denied');
  const box = (await problem.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(800); // without scrolling
  // The long selector key wraps at its space, never inside kubernetes.io/metadata.name.
  const lines = await page.locator('.monaco-editor .view-line').allTextContents();
  const key = lines.find((l) => l.includes('kubernetes.io'))!;
  expect(key.replace(/\u00a0/g, ' ')).toContain('kubernetes.io/metadata.name:');

  await page.setViewportSize({ width: 1024, height: 768 });
  const graph = page.locator('.graph-cy');
  await expect(async () => {
    const g = (await graph.boundingBox())!;
    expect(g.width).toBeGreaterThanOrEqual(480);
    expect(g.height).toBeGreaterThanOrEqual(300);
  }).toPass();
});
