// The editor in Japanese: each mistake is one entry in the problem list and one squiggle, worded in Japanese,
// and no hover names an internal file (the editor's model, the schema).
import { test, expect } from './fixtures';
import { editorReady, hoverUntil, pasteIntoEditor } from './helpers';

const TEXT = [
  'apiVersion: networking.k8s.io/v1',
  'kind: NetworkPolicy',
  'metadata:',
  '  name: typo',
  'spec:',
  '  podSelecter: {}',
  '  policyTypes: [Ingress]',
  '---',
  'apiVersion: v1',
  'kind: Namespace',
  'metadata:',
  '  name: a: b',
  '',
].join('\n');

/** Names a learner should never see: the model's file, the schema's, a URI scheme. */
const INTERNAL = /editor\.yaml|attempt\.yaml|\.json|inmemory:|file:|cks-lab:\/\/|Source:|ソース:/;

test('in Japanese, one problem and one marker per mistake, and hovers without file names', async ({ page }) => {
  await page.goto('/?lang=ja#/lessons/netpol-deny-all');
  await editorReady(page);
  await pasteIntoEditor(page, TEXT);

  const problems = page.getByTestId('problems').locator('li');
  await expect(problems).toHaveCount(2);
  await expect(problems.nth(0)).toHaveAttribute('data-code', 'unknown-field');
  await expect(problems.nth(0)).toContainText('6:3');
  await expect(problems.nth(0)).toContainText('spec.podSelecter というフィールドはありません。podSelector の誤りではありませんか');
  await expect(problems.nth(1)).toHaveAttribute('data-code', 'yaml-syntax');
  await expect(problems.nth(1)).toContainText('12:');
  await expect(problems.nth(1)).toContainText('この値の中に、別のキーのような「: 」があります');
  for (const text of await problems.allInnerTexts()) {
    // After the location and the code, a Japanese sentence: no English run of three words.
    const sentence = text.replace(/^\S+ \S+\[[\w-]+\] /, '').replace(/"[^"]*"|「[^」]*」/g, '');
    expect(sentence, text).not.toMatch(/[A-Za-z]+(?: [A-Za-z]+){2,}/);
  }

  // A field's hover docs come from the schema, in Japanese, and name no schema file.
  await hoverUntil(page, page.locator('.monaco-editor .view-line').nth(6).getByText('policyTypes'), 'Ingress');
  const docs = page.locator('.monaco-hover:visible');
  await expect(docs).not.toContainText(INTERNAL);
  await page.screenshot({ path: test.info().outputPath('hover-docs.png') });

  // The worker is up (it answered the hover), and still the engine's markers are the only ones: one per mistake.
  await expect
    .poll(async () => page.evaluate(() => window.__cksLabMarkers?.().map((m) => `${m.owner} ${m.startLineNumber}`)))
    .toEqual(['cks-lab 6', 'cks-lab 12']);
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(2);

  // The marker's hover: the Japanese sentence and the code, no file name.
  await hoverUntil(page, page.locator('.monaco-editor .view-line').nth(5).getByText('podSelecter'), 'podSelector の誤りではありませんか');
  const marker = page.locator('.monaco-hover:visible');
  await expect(marker).toContainText('unknown-field');
  await expect(marker).not.toContainText(INTERNAL);
  await page.locator('.editor-panel').screenshot({ path: test.info().outputPath('editor-ja.png') });
});
