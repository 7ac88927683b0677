// Each seed lesson solved by pasting the article's manifest, and mistakes that must fail.
import { test, expect } from './fixtures';
import { readdirSync } from 'node:fs';
import { editorReady, lessonFile, pasteIntoEditor, verdictCell } from './helpers';

const LESSONS = ['netpol-allow-all', 'netpol-deny-all', 'netpol-egress-only', 'netpol-pod-selector', 'netpol-namespace-selector', 'netpol-ip-block'];
/** Every NetworkPolicy lesson, the ten intermediate and advanced ones included. */
const NETPOL = readdirSync(new URL('../lessons/', import.meta.url)).filter((name) => name.startsWith('netpol-'));
const ADVANCED = NETPOL.filter((id) => !LESSONS.includes(id));

test.describe('the six seed lessons', () => {
  for (const id of LESSONS) {
    test(`${id}: pasting the article's manifest passes`, async ({ page }) => {
      await page.goto(`/#/lessons/${id}`);
      const status = page.getByTestId('lesson-status');
      await expect(status).toHaveAttribute('data-state', 'pending');
      await expect(page.getByTestId('lesson-instructions')).not.toBeEmpty();
      await pasteIntoEditor(page, lessonFile(id, 'solution.yaml'));
      await expect(status).toHaveAttribute('data-state', 'passed');
      await expect(status).toContainText('Passed');
      await expect(page.locator('[data-testid="checklist"] [data-state="passed"]')).toHaveCount(await page.locator('[data-testid="checklist"] li').count());
    });
  }
});

test.describe('the ten further NetworkPolicy lessons', () => {
  test('there are ten of them', () => {
    expect(ADVANCED).toHaveLength(10);
  });
  for (const id of ADVANCED) {
    test(`${id}: the starting text does not pass, the solution does, and the next lesson is offered`, async ({ page }) => {
      await page.goto(`/#/lessons/${id}`);
      await editorReady(page);
      const status = page.getByTestId('lesson-status');
      // A "predict first" lesson keeps the graph for after the questions: skip them here (its own test answers them).
      if (await page.getByTestId('skip-questions').count()) await page.getByTestId('skip-questions').click();
      await expect(page.getByTestId('graph')).toBeVisible();
      await expect(status).not.toHaveAttribute('data-state', 'passed');
      await expect(page.getByTestId('lesson-instructions')).toContainText('What is graded');
      await pasteIntoEditor(page, lessonFile(id, 'solution.yaml'));
      await expect(status).toHaveAttribute('data-state', 'passed');
      await expect(page.locator('[data-testid="checklist"] [data-state="passed"]')).toHaveCount(await page.locator('[data-testid="checklist"] li').count());
      await expect(page.getByTestId('next-lesson')).toBeVisible();
    });
  }

  test('AND written as OR fails, naming the decoy that gets in', async ({ page }) => {
    await page.goto('/#/lessons/netpol-and-or-peers');
    const solution = lessonFile('netpol-and-or-peers', 'solution.yaml');
    // One more dash: the podSelector becomes a second peer.
    const or = solution.replace('      podSelector:\n        matchLabels:\n          role: monitoring', '    - podSelector:\n        matchLabels:\n          role: monitoring');
    expect(or).not.toBe(solution);
    await pasteIntoEditor(page, or);
    await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-state', 'failed');
    await expect(page.locator('[data-check="api-from-monitoring-only"]')).toContainText('monitoring/grafana → prod/api (TCP 8080) should be denied, but it is allowed.');
  });

  test('the broken policy starts failed and says what is wrong', async ({ page }) => {
    await page.goto('/#/lessons/netpol-fix-broken');
    await editorReady(page);
    await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-state', 'failed');
    await expect(page.locator('[data-check="backend-reachable"]')).toContainText('store/frontend → store/backend (TCP 8080) should be allowed, but it is denied.');
  });
});

test('a wrong manifest fails and says which connection and why', async ({ page }) => {
  await page.goto('/#/lessons/netpol-namespace-selector');
  // A classic slip: podSelector where namespaceSelector was meant.
  const wrong = lessonFile('netpol-namespace-selector', 'solution.yaml').replace('namespaceSelector:', 'podSelector:');
  await pasteIntoEditor(page, wrong);
  const status = page.getByTestId('lesson-status');
  await expect(status).toHaveAttribute('data-state', 'failed');
  const failed = page.locator('[data-check="pod3-from-default-only"]');
  await expect(failed).toHaveAttribute('data-state', 'failed');
  await expect(failed).toContainText('default/sample-pod-1 → test/sample-pod-3 (TCP 80) should be allowed, but it is denied.');
  await expect(failed).toContainText('namespaceSelector');
  await expect(verdictCell(page, 'default/sample-pod-1', 'test/sample-pod-3')).toHaveAttribute('data-verdict', 'denied');
});

test('hints appear one at a time, and reset asks first and can be undone', async ({ page }) => {
  await page.goto('/#/lessons/netpol-deny-all');
  await editorReady(page);
  const hints = page.getByTestId('hints').locator('li');
  await expect(hints).toHaveCount(0);
  await page.getByTestId('next-hint').click();
  await expect(hints).toHaveCount(1);
  await page.getByTestId('next-hint').click();
  await expect(hints).toHaveCount(2);
  await expect(hints.nth(1)).toContainText('policyTypes');

  await page.getByTestId('show-solution').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-state', 'pending');
  await page.getByTestId('show-solution').click();
  await page.getByTestId('show-solution-confirm').click();
  await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-state', 'passed');

  await page.getByTestId('reset').click();
  await page.getByTestId('reset-confirm').click();
  await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-state', 'pending');
  // The replaced text is one undo away: nothing the learner wrote is lost.
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-state', 'passed');
});

test('the lesson list shows progress', async ({ page }) => {
  await page.goto('/#/lessons/netpol-allow-all');
  await pasteIntoEditor(page, lessonFile('netpol-allow-all', 'solution.yaml'));
  await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-state', 'passed');
  await page.getByRole('link', { name: 'Lessons' }).click();
  const cards = page.locator('[data-topic="netpol"]').getByTestId('lesson-list').locator('li');
  await expect(cards).toHaveCount(16);
  await expect(page.getByTestId('progress-netpol')).toHaveText('1 of 16 passed');
  await expect(page.locator('[data-lesson="netpol-allow-all"]')).toHaveAttribute('data-passed', 'true');
  await expect(page.locator('[data-lesson="netpol-allow-all"]')).toContainText('Passed');
  await expect(page.locator('[data-lesson="netpol-deny-all"]')).toHaveAttribute('data-passed', 'false');
  await expect(page.locator('[data-lesson="netpol-deny-all"]')).toContainText('Start');

  // Work in progress says Continue; a lesson passed through "Show solution" says so, not "Passed".
  await page.goto('/#/lessons/netpol-deny-all');
  await pasteIntoEditor(page, '# my first try\n');
  await page.goto('/#/lessons/netpol-ip-block');
  await page.getByTestId('show-solution').click();
  await page.getByTestId('show-solution-confirm').click();
  await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-state', 'passed');
  await page.getByRole('link', { name: 'Lessons' }).click();
  await expect(page.locator('[data-lesson="netpol-deny-all"]')).toContainText('Continue');
  await expect(page.locator('[data-lesson="netpol-ip-block"]')).toHaveAttribute('data-progress', 'solution-shown');
  await expect(page.locator('[data-lesson="netpol-ip-block"]')).toContainText('Solution shown');
  await expect(page.locator('[data-lesson="netpol-allow-all"]')).toContainText('Passed');
  // Comparing with the solution after passing takes nothing away.
  await page.goto('/#/lessons/netpol-allow-all');
  await page.getByTestId('show-solution').click();
  await page.getByTestId('show-solution-confirm').click();
  await page.getByRole('link', { name: 'Lessons' }).click();
  await expect(page.locator('[data-lesson="netpol-allow-all"]')).toHaveAttribute('data-progress', 'passed');
});
