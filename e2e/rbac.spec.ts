// The RBAC topic as a learner meets it: every lesson failed with a plausible mistake and then passed, question
// edges coloured by the authorizer's verdict, "Why?" naming the binding that decides and jumping to its line, a
// ServiceAccount's `can-i --list` table, the access matrix, Japanese, and the playground's topic switch.
import { readdirSync } from 'node:fs';
import { parse } from 'yaml';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { clickGraphElement, editorReady, failThenPass, lessonFile, pasteIntoEditor, type Mistake } from './helpers';

const GREEN = 'rgb(21,128,61)';
const RED = 'rgb(220,38,38)';
const AMBER = 'rgb(217,119,6)';

const CI = 'rbac-least-privilege-ci';
const DEPLOYER_DEPLOYMENTS = 'q:sa:ci/deployer->res:ci/deployments.apps';
const RUNNER_DEPLOYMENTS = 'q:pod:ci/runner->res:ci/deployments.apps';
const DEPLOYER_SECRETS = 'q:sa:ci/deployer->res:ci/secrets';

/** The RBAC lesson folders on disk: a new lesson without a mistake below fails the suite. */
const RBAC_LESSONS = readdirSync(new URL('../lessons/', import.meta.url)).filter((name) => name.startsWith('rbac-')).sort();

/** One plausible wrong answer per lesson (the classic slips of src/lessons/rbac-lessons.test.ts). */
const MISTAKES: Record<string, Mistake> = {
  'rbac-role-binding': {
    wrong: (s) => s.replace('verbs: [get, list, watch]', 'verbs: ["*"]'),
    check: 'pods-read-only',
    message: /sa:default\/pod-sa can \w+ pods in namespace default, but should not\./,
  },
  'rbac-cluster-role': {
    wrong: (s) => s.replace('verbs: [list]', 'verbs: ["*"]'),
    check: 'namespaces-read-only',
    message: /sa:default\/namespace-sa can \w+ namespaces \(cluster-wide\), but should not\./,
  },
  'rbac-least-privilege-ci': {
    wrong: (s) => s.replace('verbs: [get, list, watch, create, update, patch]', 'verbs: ["*"]'),
    check: 'no-deletes',
    message: /sa:ci\/deployer can delete\w* deployments\.apps in namespace ci, but should not\./,
  },
  'rbac-rolebinding-clusterrole': {
    wrong: (s) => s.replace('kind: ClusterRole\n  name: app-reader', 'kind: ClusterRole\n  name: edit'),
    check: 'read-only',
    message: /sa:monitoring\/dashboard can \w+ .* in namespace shop, but should not\./,
  },
  'rbac-view-vs-edit': {
    wrong: (s) => s.replace('kind: ClusterRole\n  name: view', 'kind: ClusterRole\n  name: edit'),
    check: 'no-secrets',
    message: /user:emma can \w+ secrets in namespace shop, but should not\./,
  },
  'rbac-subresources': {
    // "pods" only: granting a resource grants none of its subresources.
    wrong: (s) => s.replace('- apiGroups: [""]\n  resources: [pods/log]\n  verbs: [get]\n', ''),
    check: 'reads-logs',
    message: /group:oncall should be able to get pods\/log in namespace shop, but cannot\./,
  },
  'rbac-resource-names': {
    wrong: (s) => s.replace('  resourceNames: [app-config]\n', ''),
    check: 'other-configmaps',
    message: /sa:shop\/config-reloader can \w+ configmaps.*, but should not\./,
  },
  'rbac-remove-overprivilege': {
    // Leases written in the core group: leader election breaks.
    wrong: (s) => s.replace('apiGroups: [coordination.k8s.io]', 'apiGroups: [""]'),
    check: 'leader-election',
    message: /sa:shop\/inventory should be able to \w+ leases.*, but cannot\./,
  },
  'rbac-aggregated-clusterrole': {
    wrong: (s) => s.replace('aggregate-to-view', 'aggregate-to-edit'),
    check: 'auditors-read-rbac',
    message: /group:auditors should be able to \w+ roles.* in namespace shop, but cannot\./,
  },
};

/** A graph element's state, read from Cytoscape's live instance by element id (null while it is not drawn). */
async function edgeById(page: Page, id: string) {
  return page.evaluate((edgeId) => {
    const edge = window.__cksLabGraph?.getElementById(edgeId);
    if (!edge || edge.empty()) return null;
    return {
      color: (edge.style('line-color') as string).replace(/\s/g, ''),
      lineStyle: edge.style('line-style') as string,
      glow: Number(edge.style('underlay-opacity')) > 0 ? (edge.style('underlay-color') as string).replace(/\s/g, '') : '',
      verdict: edge.data('verdict') as string,
      shouldBe: (edge.data('shouldBe') as string | undefined) ?? null,
    };
  }, id);
}


/** The line number Monaco marks as the cursor's line. */
const activeLine = (page: Page) => page.locator('.monaco-editor .line-numbers.active-line-number').first();

test.describe('every RBAC lesson: a plausible mistake fails and says why, the solution passes', () => {
  test('each RBAC lesson folder has a mistake to try', () => {
    expect(RBAC_LESSONS.length).toBeGreaterThan(0);
    expect(Object.keys(MISTAKES).sort()).toEqual(RBAC_LESSONS);
  });
  for (const id of RBAC_LESSONS) {
    test(`${id}: fails with a mistake, passes with the solution`, async ({ page }) => {
      await failThenPass(page, id, MISTAKES[id]);
    });
  }
});

test('question edges are coloured by the verdict, and "Why?" names the binding and jumps to its line', async ({ page }) => {
  await page.goto(`/#/lessons/${CI}`);
  await pasteIntoEditor(page, lessonFile(CI, 'solution.yaml'));
  await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-state', 'passed');

  // The pod runner may do everything it is asked on Deployments: a green, solid edge with no amber glow.
  await expect.poll(async () => (await edgeById(page, RUNNER_DEPLOYMENTS))?.verdict).toBe('allowed');
  expect(await edgeById(page, RUNNER_DEPLOYMENTS)).toMatchObject({ color: GREEN, lineStyle: 'solid', glow: '', shouldBe: null });
  // A question denied as the lesson expects is drawn only for the chosen identity.
  expect(await edgeById(page, DEPLOYER_SECRETS)).toBeNull();

  // Choosing the ServiceAccount shows what it may do, kubectl's `can-i --list` table, and its denied questions: red.
  await clickGraphElement(page, 'sa:ci/deployer');
  const panel = page.getByTestId('explanation');
  const rules = panel.getByTestId('rules-table');
  await expect(rules).toBeVisible();
  await expect(rules).toContainText(/^\s*Resources\s+Non-Resource URLs\s+Resource Names\s+Verbs/);
  await expect(rules).toContainText('deployments.apps');
  await expect(rules).toContainText('[get list watch create update patch]');
  await expect.poll(async () => (await edgeById(page, DEPLOYER_SECRETS))?.verdict).toBe('denied');
  expect(await edgeById(page, DEPLOYER_SECRETS)).toMatchObject({ color: RED, lineStyle: 'solid', glow: '', shouldBe: null });

  // Deployments: six verbs allowed by the RoleBinding, delete denied as asked.
  await clickGraphElement(page, DEPLOYER_DEPLOYMENTS);
  await expect(panel).toContainText('sa:ci/deployer → deployments.apps · namespace ci');
  for (const verb of ['get', 'list', 'watch', 'create', 'update', 'patch']) {
    const item = panel.locator('.explain-item').filter({ has: page.locator('.explain-verdict', { hasText: new RegExp(`^${verb}: may$`) }) });
    await expect(item).toHaveAttribute('data-verdict', 'allowed');
    await expect(item).toContainText(`Allowed: RoleBinding ci/ci-deployer binds ServiceAccount ci/deployer to Role ci/ci-deployer in namespace ci only; its rule 1`);
    await expect(item).toContainText(`matches ${verb} deployments.apps in namespace ci.`);
  }
  const deleteItem = panel.locator('.explain-item').filter({ has: page.locator('.explain-verdict', { hasText: /^delete: may not$/ }) });
  await expect(deleteItem).toHaveAttribute('data-verdict', 'denied');
  await expect(deleteItem).toContainText('RoleBinding ci/ci-deployer');
  await expect(panel.locator('.explain-expected')).toHaveCount(0);

  // The names are links to the learner's YAML: the cursor moves to the object's first line (its apiVersion) and
  // to the rule's line, and that line is shown. After the paste the cursor is at the end of the text.
  const solution = lessonFile(CI, 'solution.yaml').split('\n');
  const bindingLine = solution.indexOf('kind: RoleBinding'); // 1-based: the apiVersion line just above
  const ruleLine = solution.indexOf('- apiGroups: [apps]') + 1;
  expect(solution[bindingLine - 1]).toBe('apiVersion: rbac.authorization.k8s.io/v1');
  await expect(activeLine(page)).not.toHaveText(String(bindingLine));
  await panel.getByRole('button', { name: 'RoleBinding ci/ci-deployer' }).first().click();
  await expect(activeLine(page)).toHaveText(String(bindingLine));
  await expect(activeLine(page)).toBeVisible();
  await expect(page.locator('.monaco-editor .view-line').filter({ hasText: 'kind: RoleBinding' })).toBeVisible();

  await panel.getByRole('button', { name: /^rule 1 \(/ }).first().click();
  await expect(activeLine(page)).toHaveText(String(ruleLine));
  await expect(page.locator('.monaco-editor .view-line').filter({ hasText: 'apiGroups: [apps]' })).toBeVisible();

  await panel.getByRole('button', { name: 'Role ci/ci-deployer', exact: true }).first().click();
  await expect(activeLine(page)).toHaveText('1');

  // A wrong answer (verbs "*"): the deployer may delete, which the lesson expects denied: dashed, on amber.
  await pasteIntoEditor(page, MISTAKES[CI]!.wrong(lessonFile(CI, 'solution.yaml')));
  await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-state', 'failed');
  await expect.poll(async () => (await edgeById(page, DEPLOYER_DEPLOYMENTS))?.shouldBe).toBe('denied');
  expect(await edgeById(page, DEPLOYER_DEPLOYMENTS)).toMatchObject({ verdict: 'allowed', color: GREEN, lineStyle: 'dashed', glow: AMBER });
  // The edge is still chosen: "Why?" follows the new text and flags the verb the lesson expects otherwise.
  await expect(deleteItem).toHaveCount(0);
  await expect(panel.locator('.explain-item[data-verdict="allowed"]').filter({ hasText: /^delete: may/ })).toContainText('⚠');
});

test('the access matrix shows who may do what, per resource, and filters its rows', async ({ page }) => {
  await page.goto(`/#/lessons/${CI}`);
  await pasteIntoEditor(page, lessonFile(CI, 'solution.yaml'));
  await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-state', 'passed');
  await page.getByRole('tab', { name: 'Table' }).click();
  const matrix = page.getByTestId('access-matrix');
  await expect(matrix).toBeVisible();
  await expect(page.getByTestId('matrix-resource')).toHaveValue('deployments.apps');
  await expect(page.getByTestId('matrix-namespace')).toHaveValue('ci');
  await expect(matrix.locator('caption')).toHaveText('Who may do what with deployments.apps in namespace ci');

  const row = (who: string) => matrix.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: who, exact: true }) });
  const cell = (who: string, verb: string) => row(who).locator(`td.verdict[data-verb="${verb}"]`);
  for (const verb of ['get', 'list', 'watch', 'create', 'update', 'patch']) {
    await expect(cell('sa:ci/deployer', verb)).toHaveText(/^✓/);
    await expect(cell('sa:ci/deployer', verb)).toHaveClass(/\ballowed\b/);
  }
  await expect(cell('sa:ci/deployer', 'delete')).toHaveText(/^✗/);
  await expect(cell('sa:ci/deploy-bot', 'get')).toHaveText(/^✗/);
  await expect(matrix.locator('td.verdict.mismatch')).toHaveCount(0);

  await page.getByTestId('matrix-resource').selectOption('secrets');
  await expect(matrix.locator('caption')).toHaveText('Who may do what with secrets in namespace ci');
  for (const verb of ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete']) {
    await expect(cell('sa:ci/deployer', verb)).toHaveText(/^✗/);
    await expect(cell('sa:ci/deployer', verb)).toHaveClass(/\bdenied\b/);
  }

  const rows = matrix.locator('tbody tr');
  const all = await rows.count();
  expect(all).toBeGreaterThan(2);
  await page.getByTestId('matrix-filter').fill('deployer');
  await expect.poll(() => rows.count()).toBeLessThan(all);
  await expect(rows).toHaveCount(2);
  for (const header of await rows.locator('th').allInnerTexts()) expect(header).toContain('deployer');
  await expect(row('sa:ci/deployer')).toBeVisible();
  await expect(row('sa:staging/deployer')).toBeVisible();
  await page.getByTestId('matrix-filter').fill('');
  await expect(rows).toHaveCount(all);

  // A row opens that subject's "what may it do".
  await row('sa:ci/deployer').getByRole('button').click();
  await expect(page.getByTestId('rules-table')).toContainText('Resources');
});

test('?lang=ja: the lesson, its checks and the explanation are in Japanese', async ({ page }) => {
  const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
  const lesson = parse(lessonFile(CI, 'lesson.yaml')) as { title: { ja: string }; checks: { id: string; title: { ja: string } }[] };
  await page.goto(`/?lang=ja#/lessons/${CI}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title.ja);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(JAPANESE);
  const checklist = page.getByTestId('checklist');
  await expect(checklist.locator('li')).toHaveCount(lesson.checks.length);
  for (const check of lesson.checks) {
    // The titles carry inline markdown (`*` in code), so compare the words on screen, not the source.
    await expect(checklist.locator(`[data-check="${check.id}"]`)).toHaveText(JAPANESE);
  }
  await expect(checklist.locator('[data-check="manages-deployments"]')).toContainText(lesson.checks.find((c) => c.id === 'manages-deployments')!.title.ja);

  await pasteIntoEditor(page, MISTAKES[CI]!.wrong(lessonFile(CI, 'solution.yaml')));
  await expect(page.getByTestId('lesson-status')).toHaveText('✗ 未合格');
  await expect(checklist.locator('[data-check="no-deletes"] .check-problems')).toContainText(/sa:ci\/deployer は namespace ci の deployments\.apps を delete\w* できますが、できてはいけません。/);

  await pasteIntoEditor(page, lessonFile(CI, 'solution.yaml'));
  await expect(page.getByTestId('lesson-status')).toHaveText('✓ 合格');
  await clickGraphElement(page, DEPLOYER_DEPLOYMENTS);
  const panel = page.getByTestId('explanation');
  await expect(panel.getByRole('heading', { level: 2 })).toContainText('理由');
  await expect(panel).toContainText('get: 可能');
  await expect(panel).toContainText('delete: 不可');
  await expect(panel).toContainText('許可: RoleBinding ci/ci-deployer が ServiceAccount ci/deployer に Role ci/ci-deployer を付与しています（namespace ci の中だけで有効）。');
  await expect(panel).toContainText('拒否: ');
});

test('the playground shows a pasted RBAC manifest as an RBAC graph after switching the topic', async ({ page }) => {
  await page.goto('/#/playground');
  await editorReady(page);
  const topic = page.getByTestId('topic-switch');
  await expect(topic).toHaveValue('netpol');
  await pasteIntoEditor(page, lessonFile('rbac-role-binding', 'solution.yaml'));
  await topic.selectOption('rbac');
  await expect(page.locator('section.graph-panel')).toHaveAttribute('data-topic', 'rbac');
  const ids = () => page.evaluate(() => window.__cksLabGraph?.nodes().map((n) => n.id()) ?? []);
  await expect.poll(ids).toEqual(expect.arrayContaining(['sa:default/pod-sa', 'RoleBinding:default/pod-rolebinding', 'Role:default/pod-role']));
  await clickGraphElement(page, 'sa:default/pod-sa');
  await expect(page.getByTestId('rules-table')).toContainText('pods');
  await expect(page.getByTestId('rules-table')).toContainText('[get list watch]');
});
