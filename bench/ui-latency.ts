// `npm run bench:ui`: time from a keystroke in the editor to the updated graph, in real Chromium, at
// lesson size (a NetworkPolicy and an RBAC lesson) and with 30, 100 and 500 pods in the playground (with the
// longest main-thread task while typing); and from a click on the presenter console's "next step" to
// the projector showing that step and its YAML. Medians; the machine is noted. Needs a built app.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { chromium, type Browser, type Page } from '@playwright/test';
import { generateCluster } from './cluster-gen';

const PORT = 4179;
const BASE = `http://127.0.0.1:${PORT}`;
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function paste(page: Page, text: string): Promise<void> {
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Types one character at the end of the text and returns ms from keydown to the graph update. */
async function keystrokeToGraph(page: Page, key: string): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { __keyAt?: number };
    delete w.__keyAt;
    document.addEventListener('keydown', () => (w.__keyAt = performance.now()), { once: true, capture: true });
  });
  const before = await page.evaluate(() => window.__cksLabGraphUpdatedAt ?? 0);
  await page.keyboard.press(key);
  await page.waitForFunction((b) => (window.__cksLabGraphUpdatedAt ?? 0) > b, before, { timeout: 10_000 });
  return page.evaluate(() => window.__cksLabGraphUpdatedAt! - (window as unknown as { __keyAt: number }).__keyAt);
}

async function measure(page: Page, label: string): Promise<number> {
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    times.push(await keystrokeToGraph(page, '#'));
    times.push(await keystrokeToGraph(page, 'Backspace'));
  }
  const evalMs = await page.evaluate(() => Number(document.querySelector('[data-eval-ms]')?.getAttribute('data-eval-ms') ?? 'NaN'));
  console.log(`${label.padEnd(34)} keystroke → graph median ${median(times).toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}); evaluation ${evalMs.toFixed(1)} ms`);
  return median(times);
}

/** Console "next step" click → projector shows the step's number and the step's YAML in its editor. */
async function measurePresenter(browser: Browser): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const projector = await context.newPage();
  const console_ = await context.newPage();
  await projector.goto(`${BASE}/#/present/netpol-deny-all`);
  await projector.locator('.monaco-editor .view-lines').waitFor();
  await console_.goto(`${BASE}/#/presenter/netpol-deny-all`);
  await console_.getByTestId('step-index').waitFor();
  // In a workshop the projector is a window of its own on the big screen: let it paint as the front page does.
  await projector.bringToFront();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    for (const [button, step] of [['next-step', '2'], ['prev-step', '1']] as const) {
      await console_.evaluate((b) => {
        const w = window as unknown as { __clickAt?: number };
        document.querySelector(`[data-testid="${b}"]`)!.addEventListener('click', () => (w.__clickAt = Date.now()), { once: true, capture: true });
      }, button);
      await console_.getByTestId(button).click();
      // Step 2 applies the deny-all YAML; step 1 the starting comment.
      const marker = step === '2' ? 'all-deny-networkpolicy' : '# Lesson:';
      await projector.waitForFunction(
        ([s, m]) =>
          document.querySelector('[data-testid="step-index"]')?.textContent === s &&
          [...document.querySelectorAll('.monaco-editor .view-line')].some((l) => l.textContent?.replace(/\u00a0/g, ' ').includes(m)),
        [step, marker] as const,
        { timeout: 10_000, polling: 10 },
      );
      const shownAt = await projector.evaluate(() => Date.now());
      times.push(shownAt - (await console_.evaluate(() => (window as unknown as { __clickAt: number }).__clickAt)));
    }
  }
  console.log(`${'presenter console → projector'.padEnd(34)} click → step and YAML shown median ${median(times).toFixed(0)} ms (min ${Math.min(...times)}, max ${Math.max(...times)})`);
  await context.close();
}

const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
try {
  await new Promise((r) => setTimeout(r, 1500));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? 'CPU'}; headless Chromium; ${RUNS * 2} keystrokes each`);
  await page.goto(`${BASE}/#/lessons/netpol-pod-selector`);
  await page.locator('.monaco-editor .view-lines').waitFor();
  await paste(page, readFileSync('lessons/netpol-pod-selector/solution.yaml', 'utf8'));
  await page.getByTestId('lesson-status').and(page.locator('[data-state="passed"]')).waitFor();
  await measure(page, 'lesson (8 pods, 2 externals, 5 probes)');
  await page.goto(`${BASE}/#/lessons/rbac-least-privilege-ci`);
  await page.locator('.monaco-editor .view-lines').waitFor();
  await paste(page, readFileSync('lessons/rbac-least-privilege-ci/solution.yaml', 'utf8'));
  await page.getByTestId('lesson-status').and(page.locator('[data-state="passed"]')).waitFor();
  await measure(page, 'RBAC lesson (least privilege CI)');
  for (const size of [
    { pods: 30, namespaces: 4, policies: 9, target: 100 },
    { pods: 100, namespaces: 8, policies: 30, target: null },
    { pods: 500, namespaces: 30, policies: 150, target: 300 },
  ]) {
    await page.goto(`${BASE}/#/playground`);
    await page.locator('.monaco-editor .view-lines').waitFor();
    await paste(page, generateCluster(size));
    await page.waitForFunction((n) => (window.__cksLabGraph?.nodes().length ?? 0) > n, size.pods, { timeout: 60_000 });
    // Long tasks (over 50 ms) on the main thread while typing: the longest is what a typist feels.
    await page.evaluate(() => {
      const w = window as unknown as { __longest?: number };
      w.__longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longest = Math.max(w.__longest ?? 0, e.duration);
      }).observe({ type: 'longtask' });
    });
    const ms = await measure(page, `playground (${size.pods} pods, ${size.policies} policies)`);
    const longest = await page.evaluate(() => (window as unknown as { __longest?: number }).__longest ?? 0);
    const target = size.target === null ? '' : `; target keystroke → graph < ${size.target} ms ${ms < size.target ? 'met' : 'NOT met'}`;
    console.log(`${''.padEnd(34)} longest main-thread task while typing ${longest.toFixed(0)} ms (target < 200 ms ${longest < 200 ? 'met' : 'NOT met'})${target}`);
  }
  await measurePresenter(browser);
  await browser.close();
} finally {
  server.kill();
}
