/** The overlay on Google Scholar (the real capture, routed) and on a DBLP person page (our own, in DBLP's markup). */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension, missingChromiumMessage, openPopup } from '../../scripts/browser';
import { fixturePath, hasFixtures } from '../fixtures';

const SCHOLAR_URL = 'https://scholar.google.com/citations?hl=pt-PT&user=AoKJ_g4AAAAJ';
const DBLP_URL = 'https://dblp.org/pid/123/4567-2.html';
const ARXIV_SANTOS_URL = 'https://arxiv.org/search/?searchtype=author&query=Santos%2C+C+D';

const pages: Record<string, () => string> = {
  [SCHOLAR_URL]: () => readFileSync(fixturePath('gscholar/profile-AoKJ_g4AAAAJ-2025-pt-PT-saved.html'), 'utf8'),
  [DBLP_URL]: () => readFileSync('tests/pages/dblp-person-synthetic.html', 'utf8'),
  [ARXIV_SANTOS_URL]: () => readFileSync('tests/pages/arxiv-search-author-santos.html', 'utf8'),
};

const statValue = (scope: Locator, metric: string) => scope.locator(`.sl-stat[data-metric="${metric}"] .sl-stat-value`).innerText();
/**
 * Every paper row's title by its announced position (`aria-posinset`): the popup's list is virtualised,
 * so the page is scrolled top to bottom and the rows in the DOM collected at each step.
 */
function rowTitles(popup: Page): Promise<Map<number, string>> {
  return popup.evaluate(async () => {
    const seen: [number, string][] = [];
    const frame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    const root = document.scrollingElement ?? document.documentElement;
    for (let y = 0, i = 0; i < 500; y += Math.max(100, innerHeight - 100), i++) {
      root.scrollTop = y;
      await frame();
      for (const row of document.querySelectorAll('.sl-paper')) seen.push([Number(row.getAttribute('aria-posinset')), row.querySelector('.sl-title')?.textContent ?? '']);
      if (root.scrollTop + innerHeight >= root.scrollHeight) break;
    }
    root.scrollTop = 0;
    return seen;
  }).then((rows) => new Map(rows));
}
const skipReason = missingChromiumMessage() ?? (hasFixtures ? null : 'no shared fixtures');

describe.skipIf(!!skipReason)('overlay on Google Scholar and DBLP', () => {
  let b: ExtensionBrowser;
  beforeAll(async () => {
    b = await launchWithExtension((url) => {
      const page = pages[url.href];
      return page ? { body: page() } : null;
    });
  });
  afterAll(async () => {
    await b?.close();
  });

  it('reads a real Google Scholar profile: 176 rows, 168 works, the table as the source says it', async () => {
    const page = await b.context.newPage();
    await page.goto(SCHOLAR_URL);
    const overlay = page.getByTestId('sl-overlay');
    await expect.poll(() => overlay.count(), { timeout: 20_000 }).toBe(1);
    expect(await overlay.locator('.sl-name').innerText()).toBe('Carlos Denner dos Santos');
    // Scholar lists 8 works twice (e.g. arXiv 2007.12255 under two venue spellings): one paper each.
    expect(await overlay.locator('.sl-papers-head').innerText()).toBe('168 Papers');
    expect(await statValue(overlay, 'citations')).toBe('1,799');
    expect(await statValue(overlay, 'h')).toBe('17');
    const tip = await overlay.locator('.sl-stat[data-metric="citations"] [role=tooltip]').textContent();
    expect(tip).toMatch(/reported by gscholar on \d{4}-\d{2}-\d{2}/);
    await page.close();
    const popup = await openPopup(b, SCHOLAR_URL);
    await expect.poll(() => popup.locator('.sl-name').innerText(), { timeout: 10_000 }).toBe('Carlos Denner dos Santos');
    await popup.locator('#sl-tab-metrics').click();
    // Scholar's since-column and ours (computed over papers since Y−5) side by side.
    expect(await popup.locator('.sl-metric-row[data-metric="i10"] dd').innerText()).toBe('31');
    await popup.close();
  });

  it('reads a DBLP person page', async () => {
    const page = await b.context.newPage();
    await page.goto(DBLP_URL);
    const overlay = page.getByTestId('sl-overlay');
    await expect.poll(() => overlay.count(), { timeout: 20_000 }).toBe(1);
    expect(await overlay.locator('.sl-name').innerText()).toBe('Ada Example');
    expect(await overlay.locator('.sl-papers-head').innerText()).toBe('4 Papers');
    await page.close();
  });

  it('after the same author on arXiv and on Scholar, the popup shows one merged profile, which can be unlinked', async () => {
    const page = await b.context.newPage();
    await page.goto(ARXIV_SANTOS_URL);
    await expect.poll(() => page.getByTestId('sl-overlay').count(), { timeout: 20_000 }).toBe(1);
    await page.close();
    const popup = await openPopup(b, ARXIV_SANTOS_URL);
    await expect.poll(() => popup.locator('.sl-name').innerText(), { timeout: 10_000 }).toBe('Carlos Denner dos Santos');
    // Linked on evidence: three arXiv papers that Scholar lists too (names fit; a name alone never links).
    const linked = popup.locator('[data-linked="gscholar:AoKJ_g4AAAAJ"]');
    expect(await linked.count()).toBe(1);
    expect(await linked.locator('span').getAttribute('title')).toMatch(/linked on \d shared papers \(.*2007\.12255/);
    // Scholar's 168 works + 3 arXiv papers that are the same works as Scholar rows: still 168.
    expect(await popup.locator('.sl-papers-head').innerText()).toBe('168 Papers');
    expect(await popup.locator('.sl-paper').first().getAttribute('aria-setsize')).toBe('168');
    const titles = await rowTitles(popup);
    expect(titles.size).toBe(168);
    expect([...titles.values()].filter((t) => t.includes('Home Advantage in the Brazilian Elite Football'))).toHaveLength(1);
    await linked.getByRole('button', { name: /unlink/i }).click();
    await expect.poll(() => popup.locator('.sl-papers-head').innerText()).toBe('3 Papers');
    expect(await popup.locator('[data-linked]').count()).toBe(0);
    await popup.close();
  });
});
