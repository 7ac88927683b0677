// "Predict first": the learner answers reachability questions about the starting policies before the graph shows,
// reads what was right and why, then fixes the policy the task names.
import { test, expect } from './fixtures';
import { editorReady, lessonFile, pasteIntoEditor } from './helpers';

const ID = 'netpol-predict-first';

test('the graph waits for the answers, which are judged with reasons; then the fix passes', async ({ page }) => {
  await page.goto(`/#/lessons/${ID}`);
  await editorReady(page);
  const questions = page.getByTestId('question');
  await expect(questions).toHaveCount(8);
  // Nothing gives the answers away: no graph, no table, no verdicts in the checklist.
  await expect(page.getByTestId('predict-cover')).toBeVisible();
  await expect(page.getByTestId('graph')).toHaveCount(0);
  await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-state', 'pending');
  await expect(page.getByTestId('checklist')).not.toContainText('should be');

  const check = page.getByTestId('check-answers');
  await expect(check).toBeDisabled();
  // Everything "allowed": right where the policies allow, wrong where they deny.
  for (let i = 0; i < 8; i++) await questions.nth(i).getByRole('button', { name: 'Allowed' }).click();
  await expect(questions.nth(0).getByRole('button', { name: 'Allowed' })).toHaveAttribute('aria-pressed', 'true');
  // A change of mind before checking.
  await questions.nth(1).getByRole('button', { name: 'Denied' }).click();
  await expect(questions.nth(1)).toHaveAttribute('data-answer', 'denied');
  await expect(page.getByTestId('predict-questions')).toContainText('8 of 8 answered');
  await check.click();

  await expect(page.getByTestId('predict-cover')).toHaveCount(0);
  await expect(page.getByTestId('graph')).toBeVisible();
  await expect(page.getByTestId('question-score')).toContainText('5 of 8 right.');
  const staging = questions.nth(4);
  await expect(staging).toContainText('staging/sample-pod-1 → test/sample-pod-3 (TCP 80)');
  await expect(staging).toHaveAttribute('data-result', 'right');
  await expect(staging).toContainText('It is allowed.');
  await expect(staging).toContainText('its ingress rule 1 admits pods matching app=pod1 of every namespace on TCP 80');
  const web = questions.nth(6);
  await expect(web).toHaveAttribute('data-result', 'wrong');
  await expect(web).toContainText('It is denied.');
  await expect(web).toContainText('default/web is isolated for egress by default/web-egress-to-test');

  // "Show in the graph" opens the connection's Why?.
  await staging.getByRole('button', { name: 'Show in the graph' }).click();
  await expect(page.getByTestId('explanation')).toContainText('staging/sample-pod-1 → test/sample-pod-3');

  // Now the checks speak: the starting text lets the look-alike pods in.
  await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-state', 'failed');
  await expect(page.locator('[data-check="pod3-from-default-pod1"]')).toContainText('staging/sample-pod-1 → test/sample-pod-3 (TCP 80) should be denied, but it is allowed.');

  // A reload keeps the answers and the graph.
  await page.reload();
  await expect(page.getByTestId('question-score')).toContainText('5 of 8 right.');
  await expect(page.getByTestId('graph')).toBeVisible();

  await pasteIntoEditor(page, lessonFile(ID, 'solution.yaml'));
  await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-state', 'passed');

  // Answer again: the graph hides until the new answers are checked; skipping shows it at once.
  await page.getByRole('button', { name: 'Answer again' }).click();
  await expect(page.getByTestId('predict-cover')).toBeVisible();
  await expect(questions.first()).toHaveAttribute('data-answer', '');
  await page.getByTestId('skip-questions').click();
  await expect(page.getByTestId('graph')).toBeVisible();
  await expect(questions.first()).toHaveAttribute('data-result', 'unanswered');
  await expect(page.getByTestId('question-score')).toContainText('0 of 8 right.');
});

test('in Japanese, the questions and the answers read in Japanese', async ({ page }) => {
  await page.goto(`/?lang=ja#/lessons/${ID}`);
  await editorReady(page);
  await expect(page.getByTestId('predict-questions')).toContainText('まず予想する');
  await expect(page.getByTestId('predict-cover')).toContainText('レッスン欄の質問に答えるまで');
  await page.getByTestId('skip-questions').click();
  await expect(page.getByTestId('question').nth(6)).toContainText('拒否されます。');
  await expect(page.getByTestId('question').nth(6)).toContainText('default/web-egress-to-test');
});
