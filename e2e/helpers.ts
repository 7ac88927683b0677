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
/** Clicks a NetworkPolicy edge where a click selects it (not where it crosses another), as a learner would aim. */
export async function clickEdge(page: Page, from: string, to: string): Promise<void> {
  await clickGraphElement(page, `edge:${from}->${to}`);
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

/**
 * Clicks a graph element by id where a learner would: the centre of a node, or a visible point of an edge (its
 * middle unless a node covers it there, then the nearest point along the curve that Cytoscape itself would hit).
 */
export async function clickGraphElement(page: Page, id: string): Promise<void> {
  // Wait until the element is drawn and a point of it can be hit.
  let point: { x: number; y: number } | null = null;
  let previous: string | null = null;
  await expect
    .poll(async () => {
      point = await page.evaluate((i) => {
        const cy = window.__cksLabGraph;
        const el = cy?.getElementById(i);
        if (!cy || !el || el.empty()) return null;
        const box = cy.container()!.getBoundingClientRect();
        if (el.isNode()) {
          const at = el.renderedPosition();
          return { x: box.left + at.x, y: box.top + at.y };
        }
        // Cytoscape's own hit test (what a tap at that point selects), on points of the edge's quadratic curve.
        const r = (cy as unknown as { renderer(): { projectIntoViewport(x: number, y: number): [number, number]; findNearestElement(x: number, y: number, interactive: boolean, touch: boolean): { id(): string } | null } }).renderer();
        const edge = cy.getElementById(i); // not narrowed to a node by isNode() above
        const p0 = edge.renderedSourceEndpoint();
        const p2 = edge.renderedTargetEndpoint();
        const m = edge.renderedMidpoint();
        const p1 = { x: 2 * m.x - (p0.x + p2.x) / 2, y: 2 * m.y - (p0.y + p2.y) / 2 };
        for (let k = 0; k <= 16; k++) {
          const t = 0.5 + (k % 2 === 0 ? 1 : -1) * Math.ceil(k / 2) * 0.025;
          const x = (1 - t) ** 2 * p0.x + 2 * t * (1 - t) * p1.x + t ** 2 * p2.x + box.left;
          const y = (1 - t) ** 2 * p0.y + 2 * t * (1 - t) * p1.y + t ** 2 * p2.y + box.top;
          const hit = r.findNearestElement(...r.projectIntoViewport(x, y), true, false);
          if (hit?.id() === i) return { x, y };
        }
        return null;
      }, id);
      // The same point twice in a row: the graph has stopped moving (a redraw or a resize refits it).
      const key = point ? `${Math.round(point.x)},${Math.round(point.y)}` : null;
      const stable = key !== null && key === previous;
      previous = key;
      return stable;
    }, { message: `a visible, settled point of ${id}`, intervals: [100, 100, 200, 250, 500] })
    .toBe(true);
  await page.mouse.click(point!.x, point!.y);
}

/** One plausible wrong answer for a lesson, as an edit of its solution. */
export interface Mistake {
  /** What the learner got wrong, as an edit of the solution. */
  wrong(solution: string): string;
  /** A check that must fail, and (part of) the message it shows. */
  check: string;
  message: string | RegExp;
}

/**
 * A lesson as a learner meets it: never passed at the start, the mistake fails the check it names with its
 * message and hint, and the solution passes every check. `topic` is the graph the lesson must show.
 */
export async function failThenPass(page: Page, id: string, mistake: Mistake | undefined, topic?: string): Promise<void> {
  expect(mistake, `a wrong answer for ${id}`).toBeDefined();
  const solution = lessonFile(id, 'solution.yaml');
  const wrong = mistake!.wrong(solution);
  expect(wrong, 'the mistake edits the solution').not.toBe(solution);

  await page.goto(`/#/lessons/${id}`);
  const status = page.getByTestId('lesson-status');
  // The starting text asks the task (or is the setup to fix): never passed.
  await expect(status).toHaveAttribute('data-state', /^(pending|failed)$/);
  if (topic) await expect(page.locator('section.graph-panel')).toHaveAttribute('data-topic', topic);
  await pasteIntoEditor(page, wrong);
  await expect(status).toHaveAttribute('data-state', 'failed');
  await expect(status).toContainText('Not yet');
  const failed = page.locator(`[data-testid="checklist"] [data-check="${mistake!.check}"]`);
  await expect(failed).toHaveAttribute('data-state', 'failed');
  const problems = failed.locator('.check-problems');
  await expect(problems).toBeVisible();
  await expect(problems).toContainText(mistake!.message);
  await expect(problems).toContainText('Hint:');

  await pasteIntoEditor(page, solution);
  await expect(status).toHaveAttribute('data-state', 'passed');
  await expect(status).toContainText('Passed');
  const checks = page.locator('[data-testid="checklist"] li');
  await expect(page.locator('[data-testid="checklist"] li[data-state="passed"]')).toHaveCount(await checks.count());
  await expect(page.locator('[data-testid="checklist"] .check-problems')).toHaveCount(0);
}
