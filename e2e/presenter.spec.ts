// Presenter mode: the console drives every projector view in the same browser; predict, then reveal.
// How fast the projector follows the console is measured by `npm run bench:ui`, not asserted here.
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
  await expect.poll(() => editorText(projector)).toContain('# Lesson: pods in namespace');

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
  expect(await mark('default/sample-pod-1', 'default/sample-pod-2')).toBe('');
  expect(await edgeState(projector, 'default/sample-pod-1', 'default/sample-pod-2')).toMatchObject({ verdict: 'denied' });
});
