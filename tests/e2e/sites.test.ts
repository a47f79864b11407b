/** The overlay on Google Scholar (the real capture, routed) and on a DBLP person page (our own, in DBLP's markup). */
import { readFileSync } from 'node:fs';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension, missingChromiumMessage, openPopup } from '../../scripts/browser';
import { fixturePath, hasFixtures } from '../fixtures';

const SCHOLAR_URL = 'https://scholar.google.com/citations?hl=pt-PT&user=AoKJ_g4AAAAJ';
const DBLP_URL = 'https://dblp.org/pid/123/4567-2.html';

const pages: Record<string, () => string> = {
  [SCHOLAR_URL]: () => readFileSync(fixturePath('gscholar/profile-AoKJ_g4AAAAJ-2025-pt-PT-saved.html'), 'utf8'),
  [DBLP_URL]: () => readFileSync('tests/pages/dblp-person-synthetic.html', 'utf8'),
};

const statValue = (scope: Locator, metric: string) => scope.locator(`.sl-stat[data-metric="${metric}"] .sl-stat-value`).innerText();
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

  it('reads a real Google Scholar profile: 176 papers, the table as the source says it', async () => {
    const page = await b.context.newPage();
    await page.goto(SCHOLAR_URL);
    const overlay = page.getByTestId('sl-overlay');
    await expect.poll(() => overlay.count(), { timeout: 20_000 }).toBe(1);
    expect(await overlay.locator('.sl-name').innerText()).toBe('Carlos Denner dos Santos');
    expect(await overlay.locator('.sl-papers-head').innerText()).toBe('176 Papers');
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
});
