// Share links: the text travels in the URL, opens in any browser, and never runs as code.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext } from '@playwright/test';
import { test, expect } from './fixtures';
import { editorReady, editorText, lessonFile, pasteIntoEditor } from './helpers';

async function freshContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL });
}

test('a share link opened in a fresh browser restores the text and grades it', async ({ page, browser, baseURL, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/#/lessons/netpol-ip-block');
  const solution = lessonFile('netpol-ip-block', 'solution.yaml');
  await pasteIntoEditor(page, solution);
  await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-state', 'passed');
  await page.getByTestId('share-button').click();
  const url = await page.getByTestId('share-url').inputValue();
  expect(url).toMatch(/#\/lessons\/netpol-ip-block\?share=1\.[A-Za-z0-9_-]+$/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  // The link belongs to this lesson: another page never shows it.
  await page.getByRole('link', { name: 'Playground' }).click();
  await expect(page.getByTestId('share-button')).toBeVisible();
  await expect(page.getByTestId('share-url')).toHaveCount(0);

  const other = await freshContext(browser, baseURL!);
  const visitor = await other.newPage();
  const errors: string[] = [];
  visitor.on('pageerror', (e) => errors.push(String(e)));
  await visitor.goto(url);
  await editorReady(visitor);
  await expect(visitor.getByTestId('lesson-status')).toHaveAttribute('data-state', 'passed');
  expect(await editorText(visitor)).toContain('cidr: 192.168.173.130/32');
  await expect(visitor.getByTestId('notice')).toContainText('You opened a shared text.');
  expect(visitor.url()).not.toContain('share='); // a reload keeps the visitor's own edits
  expect(errors).toEqual([]);
  await other.close();
});

test('opening a share link keeps the learner’s own text, which one click restores', async ({ page }) => {
  await page.goto('/#/lessons/netpol-deny-all');
  await pasteIntoEditor(page, '# my own attempt\n');
  await page.getByTestId('share-button').click();
  const mine = await page.getByTestId('share-url').inputValue();
  await pasteIntoEditor(page, lessonFile('netpol-deny-all', 'solution.yaml'));
  await page.getByTestId('share-button').click();
  await expect(page.getByTestId('share-url')).not.toHaveValue(mine); // the link is made asynchronously
  const theirs = await page.getByTestId('share-url').inputValue();
  await pasteIntoEditor(page, '# my second attempt\n');
  await page.goto(theirs);
  await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-state', 'passed');
  await page.getByTestId('restore-backup').click();
  await expect.poll(() => editorText(page)).toContain('# my second attempt');
  expect(mine).not.toBe(theirs);
});

test('a broken share link says so and changes nothing', async ({ page }) => {
  await page.goto('/#/lessons/netpol-deny-all?share=1.not-really-deflate');
  await expect(page.getByTestId('notice')).toContainText('This share link is broken');
  await editorReady(page);
  expect(await editorText(page)).toContain('# Lesson: pods in namespace');
});

test('a shared text with script and HTML in names and labels runs nothing', async ({ page, browser, baseURL }) => {
  const evil = `# <script>window.__pwned = 'comment'</script>
apiVersion: v1
kind: Pod
metadata:
  name: "<img src=x onerror=window.__pwned='name'>"
  namespace: "<script>window.__pwned='ns'</script>"
  labels:
    app: "<img src=x onerror=window.__pwned='label'>"
    "<b onmouseover=window.__pwned=1>": x
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: "x<svg onload=window.__pwned='policy'>"
spec:
  podSelector:
    matchLabels: {app: "<img src=x onerror=window.__pwned='selector'>"}
`;
  await page.goto('/#/playground');
  await pasteIntoEditor(page, evil);
  await page.getByTestId('share-button').click();
  const url = await page.getByTestId('share-url').inputValue();

  const other = await browser.newContext({ baseURL });
  const visitor = await other.newPage();
  const dialogs: string[] = [];
  visitor.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await visitor.goto(url);
  await editorReady(visitor);
  await expect(visitor.getByTestId('problems')).toContainText('<img src=x onerror=window.__pwned=');
  await visitor.getByRole('tab', { name: 'Table' }).click();
  await visitor.getByRole('tab', { name: 'Graph' }).click();
  await visitor.mouse.move(400, 300);
  expect(await visitor.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(await visitor.locator('img[src="x"], svg[onload], b[onmouseover]').count()).toBe(0);
  expect(dialogs).toEqual([]);
  const csp = await visitor.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  await other.close();
});

test('Share starts the link with the address set in the presenter console', async ({ page }) => {
  await page.goto('/#/presenter/netpol-deny-all');
  await page.getByTestId('share-base').fill('192.168.1.20:4173');
  await page.goto('/#/lessons/netpol-deny-all');
  await pasteIntoEditor(page, '# my attempt\n');
  await page.getByTestId('share-button').click();
  await expect(page.getByTestId('share-url')).toHaveValue(/^http:\/\/192\.168\.1\.20:4173\/#\/lessons\/netpol-deny-all\?share=1\.[A-Za-z0-9_-]+$/);
});

/** Width and height of a PNG, from its IHDR chunk. */
const pngSize = (bytes: Buffer) => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });

for (const [lesson, allowed] of [
  ['netpol-deny-all', '--allowed'],
  ['rbac-role-binding', '--allowed'],
  ['psa-baseline-enforce', '--allowed'],
] as const) {
  test(`the exported PNG has the legend under the graph (${lesson})`, async ({ page }) => {
    await page.goto(`/#/lessons/${lesson}`);
    await expect.poll(() => page.evaluate(() => window.__cksLabGraph?.nodes().length ?? 0)).toBeGreaterThan(0);
    // The graph alone, as Cytoscape draws it.
    const graph = await page.evaluate(async () => {
      const blob = window.__cksLabGraph!.png({ output: 'blob', full: true, scale: 2 }) as unknown as Blob;
      const image = await createImageBitmap(blob);
      return { width: image.width, height: image.height };
    });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    const bytes = readFileSync((await download.path())!);
    const size = pngSize(bytes);
    expect(size.width).toBeGreaterThanOrEqual(graph.width);
    expect(size.height).toBeGreaterThan(graph.height + 40);
    // Under the graph: the legend's green "allowed" swatch and dark text.
    const strip = await page.evaluate(
      async ([data, top, variable]) => {
        const image = await createImageBitmap(new Blob([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], { type: 'image/png' }));
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height - top;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(image, 0, -top);
        const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        const probe = document.createElement('span');
        probe.style.color = `var(${variable})`;
        document.body.append(probe);
        const [r, g, b] = getComputedStyle(probe).color.match(/\d+/g)!.map(Number);
        probe.remove();
        let swatch = 0;
        let ink = 0;
        for (let i = 0; i < pixels.length; i += 4) {
          if (Math.abs(pixels[i]! - r!) < 12 && Math.abs(pixels[i + 1]! - g!) < 12 && Math.abs(pixels[i + 2]! - b!) < 12) swatch++;
          if (pixels[i]! < 90 && pixels[i + 1]! < 90 && pixels[i + 2]! < 90) ink++;
        }
        return { swatch, ink };
      },
      [bytes.toString('base64'), graph.height, allowed] as const,
    );
    expect(strip.swatch).toBeGreaterThan(20);
    expect(strip.ink).toBeGreaterThan(200);
  });
}
