/**
 * The built extension in Debian Chromium, on arXiv pages served by routing from the real captures
 * (and two small pages of our own). Needs `npx wxt build` first; `npm test` does that.
 */
import { readFileSync } from 'node:fs';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, type ExtensionBrowser, launchWithExtension, missingChromiumMessage, openPopup } from '../../scripts/browser';
import { fixturePath, hasFixtures } from '../fixtures';

const SEARCH_URL = 'https://arxiv.org/search/?searchtype=abstract&query=distributed+systems&abstracts=show&size=200';
const AUTHOR_SEARCH_URL = 'https://arxiv.org/search/cs?searchtype=author&query=Ammanabrolu%2C+P';
const ABS_URL = 'https://arxiv.org/abs/2106.09608';
const LIST_URL = 'https://arxiv.org/list/hep-th/new';
const XSS_URL = 'https://arxiv.org/search/?searchtype=author&query=Mallory%2C+X';

const XSS_TITLE = '<img src=x onerror="window.__slPwned=1"> Attention <script>window.__slPwned=2</script>';
function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
/** An author search page of our own, in arXiv's search markup, whose only title is hostile. */
function xssPage(): string {
  const page = readFileSync('tests/pages/arxiv-search-author-ammanabrolu.html', 'utf8');
  return page.replace('How to Motivate Your Dragon: Teaching Goal-Driven Agents to Speak and Act in Fantasy Worlds', escapeHtml(XSS_TITLE))
    .replaceAll('Ammanabrolu%2C+P', 'Mallory%2C+X').replaceAll('Prithviraj Ammanabrolu', 'Xena Mallory')
    .replace('</head>', `<style>${HOSTILE_CSS}</style></head>`);
}
/** Page CSS that would wreck an overlay living in the page's own DOM. */
const HOSTILE_CSS = '* { font-size: 64px !important; color: rgb(255, 0, 0) !important; } .sl-name, .sl-card, aside { display: none !important; }';

const routes: Record<string, () => string> = {
  [SEARCH_URL]: () => readFileSync(fixturePath('arxiv/search-abstract-distributed-systems-200-2025-12.html'), 'utf8'),
  [ABS_URL]: () => readFileSync(fixturePath('arxiv/abs-2106.09608v2-2021.html'), 'utf8'),
  [LIST_URL]: () => readFileSync(fixturePath('arxiv/list-hep-th-new-2024-08-09.html'), 'utf8'),
  [AUTHOR_SEARCH_URL]: () => readFileSync('tests/pages/arxiv-search-author-ammanabrolu.html', 'utf8'),
  [XSS_URL]: xssPage,
};

function statValue(scope: Locator, metric: string): Promise<string> {
  return scope.locator(`.sl-stat[data-metric="${metric}"] .sl-stat-value`).innerText();
}

const skipReason = missingChromiumMessage() ?? (hasFixtures ? null : 'no shared fixtures');
if (skipReason) console.warn(`e2e tests skipped: ${skipReason}`);

describe.skipIf(!!skipReason)('extension in Chromium on arXiv', () => {
  let b: ExtensionBrowser;
  beforeAll(async () => {
    b = await launchWithExtension((url) => {
      const page = routes[url.href];
      return page ? { body: page() } : null;
    });
  });
  afterAll(async () => {
    await b?.close();
  });

  it('shows the overlay on a real search page with the right paper count', async () => {
    const page = await b.context.newPage();
    await page.goto(SEARCH_URL);
    const overlay = page.getByTestId('sl-overlay');
    await expect.poll(() => overlay.count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => overlay.locator('.sl-papers-head', { hasText: /^200 Papers$/ }).count()).toBe(1);
    await expect.poll(() => statValue(overlay, 'papers')).toBe('200');
    // Unknown citations are shown as unknown, not as 0.
    expect(await statValue(overlay, 'citations')).toBe('—');
    expect(await statValue(overlay, 'h')).toBe('—');
    await page.close();
  });

  it('collapses the overlay and remembers it on the next page', async () => {
    const page = await b.context.newPage();
    await page.goto(AUTHOR_SEARCH_URL);
    const overlay = page.getByTestId('sl-overlay');
    await expect.poll(() => overlay.locator('.sl-papers-head', { hasText: /^3 Papers$/ }).count(), { timeout: 20_000 }).toBe(1);
    expect(await overlay.locator('.sl-name').innerText()).toBe('Prithviraj Ammanabrolu');
    await overlay.getByRole('button', { name: 'Hide' }).click();
    await expect.poll(() => overlay.locator('.sl-papers-head', { hasText: /^3 Papers$/ }).count()).toBe(0);
    await page.reload();
    await expect.poll(() => page.getByTestId('sl-overlay').getByRole('button', { name: 'Show' }).count(), { timeout: 20_000 }).toBe(1);
    await page.getByTestId('sl-overlay').getByRole('button', { name: 'Show' }).click();
    await page.close();
  });

  it('puts a badge after an author cached earlier on a real abs page', async () => {
    const page = await b.context.newPage();
    await page.goto(ABS_URL);
    const badge = page.getByTestId('sl-author-badge');
    await expect.poll(() => badge.count(), { timeout: 20_000 }).toBe(1);
    // The badge follows Ammanabrolu's name, not Riedl's (who has no cached profile).
    const before = await badge.evaluate((el) => {
      const host = (el.getRootNode() as ShadowRoot).host;
      return host.previousSibling?.textContent; // right after the name, before the comma
    });
    expect(before).toBe('Prithviraj Ammanabrolu');
    await badge.getByRole('button', { name: /^Scholar Lens profile of/ }).hover();
    await expect.poll(() => page.getByRole('tooltip').innerText()).toContain('3 papers');
    await page.close();
  });

  it('shows the card and list in the popup with values from the pages', async () => {
    const popup = await openPopup(b, ABS_URL);
    await expect.poll(() => popup.locator('.sl-name').count(), { timeout: 10_000 }).toBe(1);
    expect(await popup.locator('.sl-name').innerText()).toBe('Prithviraj Ammanabrolu');
    expect(await popup.locator('.sl-primary').innerText()).toBe('LG');
    expect(await statValue(popup.locator('body'), 'papers')).toBe('3');
    const rows = popup.locator('.sl-paper');
    expect(await rows.count()).toBe(3);
    const first = rows.first();
    expect(await first.locator('.sl-title').innerText()).toBe('Learning Knowledge Graph-based World Models of Textual Environments');
    expect(await first.locator('.sl-title a').getAttribute('href')).toBe('https://arxiv.org/abs/2106.09608');
    expect(await first.locator('.sl-authors').innerText()).toBe('Prithviraj Ammanabrolu, Mark O. Riedl');
    expect(await first.locator('.sl-code').count()).toBe(1);
    expect(await rows.nth(1).locator('.sl-authors').innerText()).toBe('Prithviraj Ammanabrolu, Jack Urbanek, Margaret Li et al.');
    // The abs page's full abstract (merged over the search page's summary) is one click away.
    await first.getByRole('button', { name: 'Abstract' }).click();
    expect(await first.locator('.sl-abstract-text').innerText()).toMatch(/^World models improve a learning agent's ability/);
    await popup.close();
  });

  it('does not duplicate records on a second visit', async () => {
    const counts = async () => ({
      papers: await countRows(b.worker, 'papers'),
      authors: await countRows(b.worker, 'authors'),
      authorPapers: await countRows(b.worker, 'authorPapers'),
    });
    const before = await counts();
    expect(before.authors).toBe(1); // the author search above; the abstract search is about no one
    for (const url of [AUTHOR_SEARCH_URL, ABS_URL]) {
      const page = await b.context.newPage();
      await page.goto(url);
      await page.waitForTimeout(1500);
      await page.close();
    }
    expect(await counts()).toEqual(before);
  });

  it('badges cached authors on a real listing page, and stays quiet for the rest', async () => {
    const page = await b.context.newPage();
    await page.goto(LIST_URL);
    await page.waitForLoadState('load');
    await page.waitForTimeout(1500);
    expect(await page.getByTestId('sl-author-badge').count()).toBe(0);
    expect(await countRows(b.worker, 'papers')).toBeGreaterThanOrEqual(200 + 3 + 49);
    await page.close();
  });

  it('renders a hostile title as text and runs nothing', async () => {
    const page = await b.context.newPage();
    await page.goto(XSS_URL);
    const overlay = page.getByTestId('sl-overlay');
    await expect.poll(() => overlay.locator('.sl-title').count(), { timeout: 20_000 }).toBe(3);
    expect(await overlay.locator('.sl-title', { hasText: 'onerror' }).innerText()).toBe(XSS_TITLE);
    expect(await overlay.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __slPwned?: number }).__slPwned)).toBeUndefined();
    // The shadow root keeps the page's CSS out, and the card's CSS out of the page.
    const name = overlay.locator('.sl-name');
    expect(await name.isVisible()).toBe(true);
    expect(await name.evaluate((el) => getComputedStyle(el).fontSize)).toBe('18px');
    expect(await name.evaluate((el) => getComputedStyle(el).color)).not.toBe('rgb(255, 0, 0)');
    expect(await page.locator('p.title').first().evaluate((el) => getComputedStyle(el).fontSize)).toBe('64px');
    await page.close();
    const popup = await openPopup(b, XSS_URL);
    await expect.poll(() => popup.locator('.sl-title', { hasText: 'onerror' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await popup.locator('.sl-title', { hasText: 'onerror' }).innerText()).toBe(XSS_TITLE);
    expect(await popup.locator('img, script:not([src])').count()).toBe(0);
    expect(await popup.evaluate(() => (window as unknown as { __slPwned?: number }).__slPwned)).toBeUndefined();
    await popup.close();
  });
});
