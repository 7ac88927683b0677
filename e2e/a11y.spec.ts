// Accessibility: axe-core's WCAG 2.1 A/AA rules on every screen a learner or presenter uses, light and dark.
// (axe is injected as a script, so this context bypasses the page's CSP; the CSP itself is tested elsewhere.)
import { createRequire } from 'node:module';
import { test, expect } from './fixtures';
import { clickEdge, clickGraphElement, editorReady, lessonFile, pasteIntoEditor } from './helpers';
import type { Page } from '@playwright/test';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

test.use({ bypassCSP: true });
test.describe.configure({ timeout: 120_000 });

interface AxeViolation {
  id: string;
  kind?: 'violation' | 'incomplete';
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[]; incomplete: AxeViolation[] }> } }).axe;
    // Monaco's own editor internals and Cytoscape's canvas are third-party widgets; everything around them is ours.
    const result = await axe.run({ exclude: [['.monaco-editor'], ['[data-testid="graph"] canvas']] }, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return [...result.violations.map((v) => ({ ...v, kind: 'violation' as const })), ...result.incomplete.map((v) => ({ ...v, kind: 'incomplete' as const }))];
  });
  // A rule axe could not decide is a finding too, except contrast it cannot measure (icons, overlapped text).
  return found.filter((v) => v.id !== 'color-contrast' || v.kind === 'violation').map((v: AxeViolation) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`no WCAG A/AA violations on the lesson list, a lesson, the table, the playground and the presenter views (${scheme})`, async ({ page, context }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/#/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await violations(page)).toEqual([]);

    await page.goto('/#/lessons/netpol-namespace-selector');
    await pasteIntoEditor(page, lessonFile('netpol-namespace-selector', 'solution.yaml').replace('name: default', 'name: defualt'));
    await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-state', 'failed');
    await page.getByRole('button', { name: /Show a hint/ }).click();
    await clickEdge(page, 'default/sample-pod-1', 'test/sample-pod-3');
    await expect(page.getByTestId('explanation')).toContainText('sample-pod-3');
    expect(await violations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Table' }).click();
    await expect(page.getByTestId('connectivity-table')).toBeVisible();
    expect(await violations(page)).toEqual([]);

    await page.goto('/#/playground');
    await pasteIntoEditor(page, 'apiVersion: v1\nkind: Pod\nmetadata: {name: a, labels: {app: [x]}}\n');
    await expect(page.getByTestId('problems')).toBeVisible();
    expect(await violations(page)).toEqual([]);

    const projector = await context.newPage();
    await projector.emulateMedia({ colorScheme: scheme });
    await projector.goto('/#/present/netpol-deny-all');
    await page.goto('/#/presenter/netpol-deny-all');
    await editorReady(projector);
    await page.getByTestId('next-step').click();
    await expect(projector.getByTestId('step-index')).toHaveText('2');
    expect(await violations(page)).toEqual([]);
    expect(await violations(projector)).toEqual([]);
  });
}


for (const scheme of ['light', 'dark'] as const) {
  test(`no WCAG A/AA violations on an RBAC lesson, its explanations and its access matrix (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/#/lessons/rbac-least-privilege-ci');
    // A wrong answer: failed checks with their messages, a question dashed on amber, a risky role.
    await pasteIntoEditor(page, lessonFile('rbac-least-privilege-ci', 'solution.yaml').replace('verbs: [get, list, watch, create, update, patch]', 'verbs: ["*"]'));
    await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-state', 'failed');
    await page.getByRole('button', { name: /Show a hint/ }).click();
    await clickGraphElement(page, 'q:sa:ci/deployer->res:ci/deployments.apps');
    await expect(page.getByTestId('explanation').locator('.explain-item').first()).toBeVisible();
    expect(await violations(page)).toEqual([]);

    await clickGraphElement(page, 'sa:ci/deployer');
    await expect(page.getByTestId('rules-table')).toBeVisible();
    expect(await violations(page)).toEqual([]);

    await page.getByRole('tab', { name: 'Table' }).click();
    await expect(page.getByTestId('access-matrix')).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`no WCAG A/AA violations on the Pod Security view, its Why? and container panel, and its table (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/#/playground');
    await editorReady(page);
    await page.getByTestId('topic-switch').selectOption('pod-security');
    await pasteIntoEditor(
      page,
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: apps\n  labels: {pod-security.kubernetes.io/enforce: baseline, pod-security.kubernetes.io/warn: restricted}\n---\n' +
        'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: apps}\nspec:\n  hostNetwork: true\n  containers:\n  - name: app\n    image: nginx\n    ports: [{containerPort: 80}]\n---\n' +
        'apiVersion: v1\nkind: Pod\nmetadata: {name: ok, namespace: apps}\nspec:\n  containers:\n  - name: app\n    image: nginx\n',
    );
    await clickGraphElement(page, 'Pod:apps/web');
    await expect(page.getByTestId('psa-containers')).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await clickGraphElement(page, 'Pod:apps/ok');
    await expect(page.getByTestId('psa-explain')).toContainText('admitted, with warnings');
    expect(await violations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Table' }).click();
    await expect(page.getByTestId('psa-table')).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });
}
