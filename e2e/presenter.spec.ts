// Presenter mode: the console drives every projector view in the same browser; predict, then reveal.
// How fast the projector follows the console is measured by `npm run bench:ui`, not asserted here.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { clickEdge, edgeState, editorReady, editorText } from './helpers';

test('the console moves the projector: steps, YAML, notes, timer, keys', async ({ page, context }) => {
  const projector = await context.newPage();
  await projector.goto('/#/present/netpol-deny-all');
  await page.goto('/#/presenter/netpol-deny-all');
  await editorReady(projector);

  await expect(page.getByTestId('step-index')).toHaveText('1');
  await expect(projector.getByTestId('step-index')).toHaveText('1');
  await expect(page.getByTestId('presenter-notes')).toContainText('Ask the room');
  await expect(page.getByTestId('presenter-timer')).toHaveText(/^00:0[0-9]$/);
  await expect(page.getByTestId('share-qr')).toBeVisible();

  await page.getByTestId('next-step').click();
  await expect(page.getByTestId('step-index')).toHaveText('2');
  await expect(projector.getByTestId('step-index')).toHaveText('2');
  await expect.poll(() => editorText(projector)).toContain('all-deny-networkpolicy');

  await page.keyboard.press('ArrowRight');
  await expect(projector.getByTestId('step-index')).toHaveText('3');
  await expect(page.getByTestId('next-step')).toBeDisabled();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(projector.getByTestId('step-index')).toHaveText('1');
  // (The projector's large font wraps long lines.)
  await expect.poll(async () => (await editorText(projector)).replace(/\s+/g, ' ')).toContain('# Lesson: pods in namespace');

  await page.getByTestId('reveal-solution').click();
  await expect.poll(() => editorText(projector)).toContain('all-deny-networkpolicy');
  await expect.poll(async () => (await edgeState(projector, 'default/sample-pod-1', 'default/sample-pod-2'))?.verdict).toBe('denied');
  // On the projector, a click on an edge reads out why.
  await clickEdge(projector, 'default/sample-pod-1', 'test/sample-pod-3');
  await expect(projector.getByTestId('explanation')).toContainText('default/sample-pod-1 is isolated for egress by default/all-deny-networkpolicy');
  // The console says what the room sees: the lesson's status, the verdict counts and the YAML.
  await expect(page.getByTestId('console-room')).toContainText('✓ Passed');
  await expect(page.getByTestId('console-room')).toContainText(/\d+ allowed · \d+ denied/);
  await page.getByText('The YAML in its editor').click();
  await expect(page.getByTestId('console-yaml')).toContainText('name: all-deny-networkpolicy');
  await expect(page.getByTestId('presenter-timer')).not.toHaveText('00:00');
});

test('predict, then reveal: the room marks edges, the reveal shows the truth and the score', async ({ page, context }) => {
  const projector = await context.newPage();
  await projector.goto('/#/present/netpol-deny-all');
  await page.goto('/#/presenter/netpol-deny-all');
  await editorReady(projector);
  await page.getByTestId('next-step').click(); // step 2 predicts
  await expect(projector.getByTestId('predict-banner')).toContainText('Predict');

  // Verdicts are hidden: every edge is grey, whatever the policy decides.
  const grey = async (from: string, to: string) => projector.evaluate(([f, t]) => window.__cksLabGraph!.getElementById(`edge:${f}->${t}`).hasClass('hidden-verdict'), [from, to] as const);
  await expect.poll(() => grey('default/sample-pod-1', 'default/sample-pod-2')).toBe(true);
  // Nor do the pods say they are isolated, which would give the answer away.
  const podLabel = async () => projector.evaluate(() => window.__cksLabGraph!.getElementById('ep:default/sample-pod-1').style('label') as string);
  expect(await podLabel()).toBe('sample-pod-1\n192.168.173.129');

  const click = async (from: string, to: string, times: number) => {
    for (let i = 0; i < times; i++) await clickEdge(projector, from, to);
  };
  await click('test/sample-pod-3', 'test/sample-pod-4', 1); // guess allowed: right
  await click('test/sample-pod-3', 'default/sample-pod-1', 2); // guess denied: right
  await click('test/sample-pod-4', 'external:internet', 2); // guess denied: wrong
  await expect(page.getByTestId('predict-status')).toContainText('(3 marked)');
  await expect(projector.getByTestId('explanation')).toHaveCount(0); // a click is a guess, not a question
  await expect
    .poll(() => projector.evaluate(() => window.__cksLabGraph!.edges('.guess-denied').length))
    .toBe(2);

  // The presenter tabs to Reveal and presses Space: that reveals, it does not move to the next step.
  await page.getByTestId('reveal-solution').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('reveal-verdicts')).toBeFocused();
  await page.keyboard.press(' ');
  await expect(page.getByTestId('step-index')).toHaveText('2');
  await expect(projector.getByTestId('predict-banner')).toContainText('Revealed: 2 of 3 predictions right.');
  await expect(page.getByTestId('predict-status')).toContainText('Revealed: 2 of 3 predictions right.');
  await expect.poll(() => grey('default/sample-pod-1', 'default/sample-pod-2')).toBe(false);
  expect(await podLabel()).toBe('sample-pod-1\n192.168.173.129\nisolated: in · out');
  // Each marked edge now says whether the room got it right.
  const mark = async (from: string, to: string) => projector.evaluate(([f, t]) => window.__cksLabGraph!.getElementById(`edge:${f}->${t}`).style('label') as string, [from, to] as const);
  expect(await mark('test/sample-pod-3', 'test/sample-pod-4')).toBe('✓');
  expect(await mark('test/sample-pod-3', 'default/sample-pod-1')).toBe('✓');
  expect(await mark('test/sample-pod-4', 'external:internet')).toBe('✗');
  // An edge nobody marked keeps its own label: each probe and its verdict.
  expect(await mark('default/sample-pod-1', 'default/sample-pod-2')).toBe('53/UDP ✗  80 ✗  443 ✗  3868/SCTP ✗  8080 ✗');
  expect(await edgeState(projector, 'default/sample-pod-1', 'default/sample-pod-2')).toMatchObject({ verdict: 'denied' });
});

test('the console keeps its step and timer across a reload, jumps to any step, restarts the timer', async ({ page, context }) => {
  const projector = await context.newPage();
  await projector.goto('/#/present/netpol-deny-all');
  await page.goto('/#/presenter/netpol-deny-all');
  await editorReady(projector);

  // Every step is listed; a click jumps there (and the projector follows).
  await page.getByTestId('jump-step-3').click();
  await expect(page.getByTestId('step-index')).toHaveText('3');
  await expect(page.getByTestId('jump-step-3')).toHaveAttribute('aria-current', 'step');
  await expect(projector.getByTestId('step-index')).toHaveText('3');
  await expect.poll(() => editorText(projector)).toContain('all-deny-networkpolicy');
  await expect(page.getByTestId('presenter-timer')).toHaveText(/^00:0[2-9]$/, { timeout: 15_000 });

  await page.reload();
  await expect(page.getByTestId('step-index')).toHaveText('3');
  await expect(page.getByTestId('presenter-timer')).toHaveText(/^00:(0[2-9]|1\d)$/);
  await expect(page.getByTestId('console-yaml')).toContainText('all-deny-networkpolicy', { useInnerText: false });
  await expect(projector.getByTestId('step-index')).toHaveText('3');

  await page.getByTestId('restart-timer').click();
  await expect(page.getByTestId('presenter-timer')).toHaveText(/^00:0[01]$/);
  await page.getByTestId('jump-step-1').click();
  await expect(projector.getByTestId('step-index')).toHaveText('1');
  await page.keyboard.press('End');
  await expect(page.getByTestId('step-index')).toHaveText('3');
  await page.keyboard.press('Home');
  await expect(page.getByTestId('step-index')).toHaveText('1');
});

test('the address the room opens: the QR code and link use it, and a localhost link is warned about', async ({ page }) => {
  await page.goto('/#/presenter/netpol-deny-all');
  const link = page.getByRole('textbox', { name: 'Share link' });
  // The lab is served on 127.0.0.1: the room could not open that link.
  await expect(link).toHaveValue(/^http:\/\/127\.0\.0\.1:4173\/#\/lessons\/netpol-deny-all\?share=1\./);
  await expect(page.getByTestId('share-base-warning')).toContainText('localhost');
  const qrBefore = await page.getByTestId('share-qr').getAttribute('src');

  await page.getByTestId('share-base').fill('192.168.1.20:4173');
  await expect(link).toHaveValue(/^http:\/\/192\.168\.1\.20:4173\/#\/lessons\/netpol-deny-all\?share=1\.[A-Za-z0-9_-]+$/);
  await expect(page.getByTestId('share-base-warning')).toHaveCount(0);
  await expect(page.getByTestId('share-qr')).not.toHaveAttribute('src', qrBefore!);

  await page.getByTestId('share-base').fill('http://localhost:4173/');
  await expect(page.getByTestId('share-base-warning')).toBeVisible();
  await page.getByTestId('share-base').fill('not an address');
  await expect(page.getByTestId('share-base-invalid')).toBeVisible();
  await expect(link).toHaveValue(/^http:\/\/127\.0\.0\.1:4173\//);

  // Kept across a reload.
  await page.getByTestId('share-base').fill('http://192.168.1.20:4173/');
  await page.reload();
  await expect(page.getByTestId('share-base')).toHaveValue('http://192.168.1.20:4173/');
  await expect(link).toHaveValue(/^http:\/\/192\.168\.1\.20:4173\/#\/lessons\//);
  await expect(page.getByTestId('share-base-warning')).toHaveCount(0);
});

test('each lesson links to its presenter console', async ({ page }) => {
  await page.goto('/#/lessons/rbac-role-binding');
  await page.getByTestId('open-presenter').click();
  await expect(page).toHaveURL(/#\/presenter\/rbac-role-binding$/);
  await expect(page.getByTestId('step-index')).toHaveText('1');
  await expect(page.getByTestId('jump-step-1')).toBeVisible();
});

const markedEdges = (p: Page) => p.evaluate(() => window.__cksLabGraph?.edges('[shouldBe]').length ?? -1);
const graphReady = (p: Page) => expect.poll(() => p.evaluate(() => window.__cksLabGraph?.nodes().length ?? 0)).toBeGreaterThan(0);

test('the projector: a larger editor font, and no expected marks before the step that reveals them', async ({ page, context }) => {
  // The learner's page shows what the lesson expects of the open cluster...
  const learner = await context.newPage();
  await learner.goto('/#/lessons/netpol-deny-all');
  await editorReady(learner);
  await graphReady(learner);
  await expect.poll(() => markedEdges(learner)).toBeGreaterThan(0);
  await expect(learner.getByText('dashed on amber')).toBeVisible();
  const learnerFont = await learner.locator('.monaco-editor .view-lines').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  await learner.close();

  // ...the projector does not, on the same text, until the predict step is revealed.
  const projector = await context.newPage();
  await projector.goto('/#/present/netpol-deny-all');
  await page.goto('/#/presenter/netpol-deny-all');
  await editorReady(projector);
  await graphReady(projector);
  expect(await projector.locator('.monaco-editor .view-lines').evaluate((e) => parseFloat(getComputedStyle(e).fontSize))).toBe(24);
  expect(learnerFont).toBeLessThan(24);
  expect(await markedEdges(projector)).toBe(0);
  // Without the lesson's expectation, pod1 -> pod2 is a connection no policy touches yet: not drawn, not marked.
  expect((await edgeState(projector, 'default/sample-pod-1', 'default/sample-pod-2'))?.shouldBe ?? null).toBeNull();
  await expect(projector.getByText('dashed on amber')).toHaveCount(0);

  await page.getByTestId('next-step').click(); // predict
  await expect(projector.getByTestId('predict-banner')).toBeVisible();
  await page.getByTestId('reveal-verdicts').click();
  await page.getByTestId('next-step').click(); // "Now forget policyTypes": egress stays open, against the lesson
  await expect(projector.getByTestId('step-index')).toHaveText('3');
  await expect.poll(() => markedEdges(projector)).toBeGreaterThan(0);
  await expect(projector.getByText('dashed on amber')).toBeVisible();

  // Back before the reveal: hidden again. RBAC and Pod Security follow the same rule.
  await page.keyboard.press('Home');
  await expect.poll(() => markedEdges(projector)).toBe(0);
});

test('the projector holds back RBAC expected marks too', async ({ page, context }) => {
  const learner = await context.newPage();
  await learner.goto('/#/lessons/rbac-role-binding');
  await graphReady(learner);
  await expect.poll(() => markedEdges(learner)).toBeGreaterThan(0);
  await learner.close();
  const projector = await context.newPage();
  await projector.goto('/#/present/rbac-role-binding');
  await page.goto('/#/presenter/rbac-role-binding');
  await graphReady(projector);
  await expect(projector.getByTestId('step-index')).toHaveText('1');
  expect(await markedEdges(projector)).toBe(0);
  await expect(projector.getByText('dashed on amber')).toHaveCount(0);
});
