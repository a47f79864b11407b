/**
 * Semantic Scholar is an app: going from one author to another changes the URL and the content
 * without loading a page, so the content script stays. In Chromium with the built extension, on our
 * own stand-in for the app (tests/pages/s2-app.html, which moves with `history.pushState` as the app
 * does) and the Graph API answered by the real capture (and our own small answer for a second
 * author): the overlay follows the app to each author, shows one author at a time, stays as it is
 * when the app moves within one author's page, goes away on a page that is not an author's, and
 * appears when an author is reached from such a page.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension, missingChromiumMessage } from '../../scripts/browser';
import { fixturePath, hasFixtures } from '../fixtures';

const S2 = 'https://www.semanticscholar.org';
const TURING = `${S2}/author/A.-Turing/2262347`;
const SEARCH = `${S2}/search?q=graphs`;

/** Our own Graph API answer for a second author (the shape of the real one, two papers). */
const ADA = JSON.stringify({
  authorId: '12345', externalIds: {}, url: `${S2}/author/12345`, name: 'Ada Lovelace', affiliations: [], homepage: null,
  paperCount: 2, citationCount: 7, hIndex: 1,
  papers: [
    { paperId: 'a'.repeat(40), externalIds: {}, title: 'Notes on the Analytical Engine', venue: 'Scientific Memoirs', year: 1843, citationCount: 5, publicationDate: '1843-09-01', authors: [{ authorId: '12345', name: 'Ada Lovelace' }] },
    { paperId: 'b'.repeat(40), externalIds: {}, title: 'On the Bernoulli numbers', venue: '', year: 1843, citationCount: 2, publicationDate: null, authors: [{ authorId: '12345', name: 'Ada Lovelace' }] },
  ],
});

const skipReason = missingChromiumMessage() ?? (hasFixtures ? null : 'no shared fixtures');

describe.skipIf(!!skipReason)('the overlay follows Semantic Scholar, an app, from author to author', () => {
  let b: ExtensionBrowser;
  const asked: string[] = [];
  beforeAll(async () => {
    const app = readFileSync('tests/pages/s2-app.html', 'utf8');
    b = await launchWithExtension((url) => {
      if (url.origin === S2) return { body: app };
      if (url.hostname === 'api.semanticscholar.org' && /^\/graph\/v1\/author\/\d+$/.test(url.pathname)) {
        // The profile read (not enrichment's look-ups, which ask for no papers).
        if (url.searchParams.get('fields')?.includes('papers.')) asked.push(url.pathname);
        const id = url.pathname.split('/').pop();
        const body = id === '2262347' ? readFileSync(fixturePath('semanticscholar/author-2262347.json'), 'utf8') : id === '12345' ? ADA : null;
        return body ? { body, contentType: 'application/json' } : { status: 404, body: '{"error":"not found"}', contentType: 'application/json' };
      }
      return null;
    });
  });
  afterAll(async () => {
    await b?.close();
  });

  const overlayNames = (page: Page) => page.locator('scholar-lens-overlay .sl-name').allInnerTexts();

  it('shows the author the app moves to, one at a time, and none on a page that is not an author\'s', async () => {
    const page = await b.context.newPage();
    await page.goto(TURING);
    await expect.poll(() => overlayNames(page), { timeout: 20_000 }).toEqual(['A. Turing']);

    // A move within the same author's page (another sort order) keeps the overlay as it is.
    const asks = asked.length;
    await page.locator('scholar-lens-overlay').evaluate((host) => host.setAttribute('data-seen', '1'));
    await page.click('#to-turing-sorted');
    await page.waitForTimeout(1000);
    expect(await page.locator('scholar-lens-overlay[data-seen="1"]').count()).toBe(1);
    expect(await overlayNames(page)).toEqual(['A. Turing']);
    expect(asked.length).toBe(asks);

    await page.click('#to-ada');
    expect(page.url()).toBe(`${S2}/author/Ada-Lovelace/12345`);
    await expect.poll(() => overlayNames(page), { timeout: 20_000 }).toEqual(['Ada Lovelace']);
    expect(await page.locator('scholar-lens-overlay').count()).toBe(1);

    await page.click('#to-search');
    await expect.poll(() => page.locator('scholar-lens-overlay').count(), { timeout: 10_000 }).toBe(0);

    await page.click('#to-turing');
    await expect.poll(() => overlayNames(page), { timeout: 20_000 }).toEqual(['A. Turing']);
    expect(await page.locator('scholar-lens-overlay').count()).toBe(1);
    await page.close();
  });

  it('on a page that is not an author\'s, stays out of the way until the app reaches one', async () => {
    const before = asked.length;
    const page = await b.context.newPage();
    await page.goto(SEARCH);
    await page.waitForTimeout(1500);
    expect(await page.locator('scholar-lens-overlay').count()).toBe(0);
    expect(asked.length).toBe(before);
    await page.click('#to-ada');
    await expect.poll(() => overlayNames(page), { timeout: 20_000 }).toEqual(['Ada Lovelace']);
    await page.close();
  });
});
