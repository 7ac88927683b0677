// What a learner does with the editor and the graph, as Playwright steps.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

export const lessonFile = (id: string, name: string): string =>
  readFileSync(new URL(`../lessons/${id}/${name}`, import.meta.url), 'utf8');

/** Waits for Monaco to be ready for typing. */
export async function editorReady(page: Page): Promise<void> {
  await expect(page.locator('.monaco-editor .view-lines')).toBeVisible();
}

/** Selects everything in the editor and pastes the text, as a learner pasting a manifest would. */
export async function pasteIntoEditor(page: Page, text: string): Promise<void> {
  await editorReady(page);
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.evaluate((t) => {
    const target = document.activeElement as HTMLElement;
    const data = new DataTransfer();
    data.setData('text/plain', t);
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** The text on screen in the editor (Monaco renders spaces as non-breaking spaces). */
export async function editorText(page: Page): Promise<string> {
  const lines = await page.locator('.monaco-editor .view-lines .view-line').allInnerTexts();
  return lines.join('\n').replace(/\u00a0/g, ' ');
}

/** Colour and data of a graph edge, read from Cytoscape's live state. */
export async function edgeState(page: Page, from: string, to: string) {
  return page.evaluate(
    ([f, t]) => {
      const cy = window.__cksLabGraph;
      const edge = cy?.getElementById(`edge:${f}->${t}`);
      if (!cy || !edge || edge.empty()) return null;
      return {
        color: edge.style('line-color') as string,
        lineStyle: edge.style('line-style') as string,
        // The amber glow behind an edge whose verdict the lesson expects the other way ('' when none).
        glow: Number(edge.style('underlay-opacity')) > 0 ? (edge.style('underlay-color') as string).replace(/\s/g, '') : '',
        verdict: edge.data('verdict') as string,
        shouldBe: (edge.data('shouldBe') as string | undefined) ?? null,
      };
    },
    [from, to] as const,
  );
}

/** Clicks the middle of a graph edge, as a learner would. */
export async function clickEdge(page: Page, from: string, to: string): Promise<void> {
  const point = await page.evaluate(
    ([f, t]) => {
      const cy = window.__cksLabGraph!;
      const mid = cy.getElementById(`edge:${f}->${t}`).renderedMidpoint();
      const box = cy.container()!.getBoundingClientRect();
      return { x: box.left + mid.x, y: box.top + mid.y };
    },
    [from, to] as const,
  );
  await page.mouse.click(point.x, point.y);
}

export const verdictCell = (page: Page, from: string, to: string, port = 80, protocol = 'TCP') =>
  page.locator(`[data-testid="connectivity-table"] [data-from="${from}"][data-to="${to}"][data-port="${port}"][data-protocol="${protocol}"]`);

/** Hovers a piece of editor text until Monaco shows a hover with the text, as a person would while a worker starts. */
export async function hoverUntil(page: Page, target: Locator, text: string): Promise<void> {
  const hover = page.locator('.monaco-hover').filter({ hasText: text });
  await expect(async () => {
    await page.mouse.move(0, 0);
    await target.hover();
    await expect(hover).toBeVisible({ timeout: 4000 });
  }).toPass({ timeout: 30_000 });
}
