/**
 * The watchlist in the built extension (Chromium): save an author from the overlay, see them in
 * the popup's Watchlist tab, export BibTeX (the download is captured and parsed by a BibTeX parser)
 * and a JSON backup, let the real `alarms` API run the check against a routed arXiv API answer with
 * one new paper ("1 new" and the action badge), then import the backup into a fresh browser profile
 * and see the same watchlist and note there.
 */
import { readFileSync } from 'node:fs';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension, missingChromiumMessage, openPopup, type PageSource } from '../../scripts/browser';

const AUTHOR_SEARCH_URL = 'https://arxiv.org/search/cs?searchtype=author&query=Ammanabrolu%2C+P';
const NAME = 'Prithviraj Ammanabrolu';
const FEED = readFileSync('tests/pages/arxiv-api-au-ammanabrolu.xml', 'utf8');
const OLD_FEED = FEED.replace(/<entry>\s*<id>http:\/\/arxiv.org\/abs\/2611\.01234v1[\s\S]*?<\/entry>/, '');

let newPaperOut = false;
const pages: PageSource = (url) => {
  if (url.href === AUTHOR_SEARCH_URL) return { body: readFileSync('tests/pages/arxiv-search-author-ammanabrolu.html', 'utf8') };
  // arXiv's API: metadata by id list and the watchlist's author query get the same feed.
  if (url.hostname === 'export.arxiv.org') return { body: newPaperOut ? FEED : OLD_FEED, contentType: 'application/atom+xml' };
  if (url.hostname === 'api.semanticscholar.org') return { status: 404, body: '{"error":"not found"}', contentType: 'application/json' };
  return null;
};

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** The parts of the service worker's `chrome` used here (evaluated in the worker, not in Node). */
type Chrome = { action: { getBadgeText(d: object): Promise<string> }; alarms: { create(name: string, info: { when: number }): Promise<void> } };
const badgeText = (b: ExtensionBrowser) => b.worker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.action.getBadgeText({}));

const skipReason = missingChromiumMessage();

describe.skipIf(!!skipReason)('watchlist in Chromium', () => {
  let b: ExtensionBrowser;
  let fresh: ExtensionBrowser | undefined;
  let backup = '';
  beforeAll(async () => {
    b = await launchWithExtension(pages);
  });
  afterAll(async () => {
    await b?.close();
    await fresh?.close();
  });

  it('saves an author from the overlay and lists them in the Watchlist tab', async () => {
    const page = await b.context.newPage();
    await page.goto(AUTHOR_SEARCH_URL);
    const overlay = page.getByTestId('sl-overlay');
    const star = overlay.getByRole('button', { name: `Save ${NAME} to your watchlist` });
    await expect.poll(() => star.count(), { timeout: 20_000 }).toBe(1);
    await star.click();
    await expect.poll(() => overlay.getByTestId('sl-star').getAttribute('aria-pressed')).toBe('true');
    await page.close();

    const popup = await openPopup(b, AUTHOR_SEARCH_URL);
    await expect.poll(() => popup.getByTestId('sl-star').getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
    await popup.getByRole('tab', { name: 'Watchlist' }).click();
    const item = popup.getByTestId('sl-watch-item');
    await expect.poll(() => item.count(), { timeout: 10_000 }).toBe(1);
    expect(await item.locator('.sl-watch-name').innerText()).toBe(NAME);
    expect(await item.locator('.sl-watch-stats').innerText()).toContain('3 papers');
    await item.getByRole('textbox').fill('text-game agents; ask about LIGHT');
    await item.getByRole('textbox').blur();
    await expect.poll(() => item.getByRole('status').innerText()).toBe('Note saved');
    await popup.close();
  });

  it('exports BibTeX (parsed back) and a JSON backup from the popup', async () => {
    const popup = await openPopup(b, AUTHOR_SEARCH_URL);
    await expect.poll(() => popup.locator('.sl-name').count(), { timeout: 10_000 }).toBe(1);
    const bib = await download(popup, () => popup.locator('.sl-export button').click());
    expect(bib.name).toMatch(/^scholar-lens-prithviraj-ammanabrolu-\d{4}-\d{2}-\d{2}\.bib$/);
    const parsed = parseBibtex(bib.text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries.map((e) => e.fields.eprint).sort()).toEqual(['2001.08837', '2010.00685', '2106.09608']);
    expect(parsed.entries.every((e) => e.fields.archiveprefix === 'arXiv')).toBe(true);

    await popup.getByRole('tab', { name: 'Watchlist' }).click();
    await popup.locator('#sl-export-watchlist').selectOption('json');
    const json = await download(popup, () => popup.locator('.sl-watchlist .sl-export button').click());
    expect(json.name).toMatch(/^scholar-lens-watchlist-\d{4}-\d{2}-\d{2}\.json$/);
    backup = json.text;
    expect(JSON.parse(backup).watchlist).toHaveLength(1);
    await popup.close();
  });

  it('an alarm-triggered check with a routed new paper shows "1 new" and the badge', async () => {
    expect(await badgeText(b)).toBe('');
    newPaperOut = true;
    // The real alarm, due now (unpacked extensions may fire alarms at any interval).
    await b.worker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.alarms.create('watchlist-check', { when: Date.now() + 200 }));
    await expect.poll(() => badgeText(b), { timeout: 20_000 }).toBe('1');
    // With new papers, the popup opens on the Watchlist tab.
    const popup = await openPopup(b);
    await expect.poll(() => popup.getByRole('tab', { name: 'Watchlist (1 new)', selected: true }).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => popup.getByTestId('sl-new').innerText(), { timeout: 10_000 }).toBe('1 new');
    expect(await popup.getByTestId('sl-watch-item').locator('.sl-watch-stats').innerText()).toContain('4 papers');
    // Opening the author is seeing the new paper: the badge clears.
    await popup.getByTestId('sl-watch-item').locator('.sl-watch-name').click();
    await expect.poll(() => popup.locator('.sl-paper .sl-title').first().innerText(), { timeout: 10_000 }).toBe('Watching Agents Learn to Watch');
    await expect.poll(() => badgeText(b), { timeout: 10_000 }).toBe('');
    await popup.close();
  });

  it('imports the backup into a fresh browser profile: same watchlist, same note', async () => {
    fresh = await launchWithExtension(pages);
    const options = await fresh.context.newPage();
    await options.goto(`chrome-extension://${fresh.extensionId}/options.html`);
    await options.getByTestId('sl-import').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
    await expect.poll(() => options.getByRole('status').innerText(), { timeout: 10_000 }).toBe('Imported 1 profiles, 3 papers and 1 watched authors.');
    const popup = await openPopup(fresh);
    await popup.getByRole('tab', { name: /^Watchlist/ }).click();
    const item = popup.getByTestId('sl-watch-item');
    await expect.poll(() => item.count(), { timeout: 10_000 }).toBe(1);
    expect(await item.locator('.sl-watch-name').innerText()).toBe(NAME);
    expect(await item.getByRole('textbox').inputValue()).toBe('text-game agents; ask about LIGHT');
    await popup.close();
    await options.close();
  });
});
