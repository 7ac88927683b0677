import { test, expect } from './fixtures';

const cell = (from: string, to: string) =>
  `[data-testid="connectivity-table"] [data-from="${from}"][data-to="${to}"][data-port="80"][data-protocol="TCP"]`;

test('the engine decides the demo cluster in the page and re-decides as the learner types', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'cks-lab' })).toBeVisible();
  // The starting policy only lets app=pod1 reach app=pod2.
  await expect(page.locator(cell('default/sample-pod-1', 'default/sample-pod-2'))).toHaveAttribute('data-verdict', 'allowed');
  await expect(page.locator(cell('test/sample-pod-3', 'default/sample-pod-2'))).toHaveAttribute('data-verdict', 'denied');
  await expect(page.locator('[data-testid="connectivity-table"] tbody tr')).toHaveCount(16);

  // Replace it with a deny-all for namespace default, typed as a learner would.
  const editor = page.getByLabel(/NetworkPolicy YAML/);
  await editor.fill('');
  await editor.pressSequentially(
    'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n',
  );
  await expect(page.locator(cell('default/sample-pod-1', 'default/sample-pod-2'))).toHaveAttribute('data-verdict', 'denied');
  await expect(page.locator(cell('test/sample-pod-3', 'test/sample-pod-4'))).toHaveAttribute('data-verdict', 'allowed');
  await expect(page.locator(cell('default/sample-pod-1', 'test/sample-pod-3'))).toContainText('egress: default/sample-pod-1 isolated by default/deny');

  // A mistake shows an error with its location and keeps the last good table.
  await editor.pressSequentially('  ingress:\n  - from:\n    - ipBlock: {cidr: 10.0.0.0/33}\n');
  await expect(page.getByRole('status')).toContainText('policy.yaml:10:');
  await expect(page.getByRole('status')).toContainText('error[invalid-cidr]');
  await expect(page.locator(cell('default/sample-pod-1', 'default/sample-pod-2'))).toHaveAttribute('data-verdict', 'denied');
});
