/**
 * Enrichment in the real extension: the background worker asks Semantic Scholar (routed to recorded-shape
 * answers) for citation counts, the overlay and popup fill in live, and with the network gone the same
 * profile still shows, marked as cached.
 */
import { readFileSync } from 'node:fs';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension, missingChromiumMessage, openPopup } from '../../scripts/browser';
import { fixturePath, hasFixtures } from '../fixtures';

const AUTHOR_SEARCH_URL = 'https://arxiv.org/search/cs?searchtype=author&query=Ammanabrolu%2C+P';
const ABS_URL = 'https://arxiv.org/abs/2106.09608';
const LIST_URL = 'https://arxiv.org/list/math-ph/new';
const S2_BATCH = 'https://api.semanticscholar.org/graph/v1/paper/batch';

/** What Semantic Scholar would say of these papers (recorded shape: an array aligned with the ids). */
const CITES: Record<string, number> = { '2106.09608': 25, '2010.00685': 12, '2001.08837': 3 };

const pages: Record<string, () => string> = {
  [AUTHOR_SEARCH_URL]: () => readFileSync('tests/pages/arxiv-search-author-ammanabrolu.html', 'utf8'),
  [ABS_URL]: () => readFileSync(fixturePath('arxiv/abs-2106.09608v2-2021.html'), 'utf8'),
  [LIST_URL]: () => readFileSync(fixturePath('arxiv/list-math-ph-new-2024-08-09.html'), 'utf8'),
};

function s2Batch(postData: string | null): string {
  const { ids } = JSON.parse(postData ?? '{"ids":[]}') as { ids: string[] };
  return JSON.stringify(ids.map((id) => {
    const arxiv = id.replace(/^ARXIV:/, '');
    const n = CITES[arxiv];
    return n === undefined ? null : { paperId: `s2-${arxiv}`, externalIds: { ArXiv: arxiv }, title: `paper ${arxiv}`, citationCount: n };
  }));
}

const statValue = (scope: Locator, metric: string) => scope.locator(`.sl-stat[data-metric="${metric}"] .sl-stat-value`).innerText();

const skipReason = missingChromiumMessage() ?? (hasFixtures ? null : 'no shared fixtures');

describe.skipIf(!!skipReason)('enrichment in Chromium', () => {
  let b: ExtensionBrowser;
  let online = true;
  let refused = 0;
  const s2Requests: string[] = [];
  beforeAll(async () => {
    b = await launchWithExtension((url, req) => {
      if (!online && url.hostname !== 'arxiv.org') {
        refused++;
        return 'abort';
      }
      if (url.href.startsWith(S2_BATCH) && req.method === 'POST') {
        s2Requests.push(req.postData ?? '');
        return { body: s2Batch(req.postData), contentType: 'application/json' };
      }
      // Who the author is at S2 (identity) is covered by unit tests; here S2 does not know the papers.
      if (url.href.startsWith('https://api.semanticscholar.org/graph/v1/paper/ARXIV:')) {
        return { status: 404, body: '{"error":"Paper with id ARXIV:x not found"}', contentType: 'application/json' };
      }
      if (url.hostname === 'export.arxiv.org') {
        return { body: readFileSync(fixturePath('arxiv-api/idlist-1706.03762-2026.xml'), 'utf8'), contentType: 'application/atom+xml' };
      }
      const page = pages[url.href];
      return page ? { body: page() } : null;
    });
  });
  afterAll(async () => {
    await b?.close();
  });

  it('fills in citation counts live on the overlay, in one batched request', async () => {
    const page = await b.context.newPage();
    await page.goto(AUTHOR_SEARCH_URL);
    const overlay = page.getByTestId('sl-overlay');
    await expect.poll(() => overlay.count(), { timeout: 20_000 }).toBe(1);
    // 25 + 12 + 3 citations; h = 3 (three papers with ≥ 3 citations each).
    await expect.poll(() => statValue(overlay, 'citations'), { timeout: 20_000 }).toBe('40');
    expect(await statValue(overlay, 'h')).toBe('3');
    expect(s2Requests).toHaveLength(1);
    expect(JSON.parse(s2Requests[0]!).ids.sort()).toEqual(['ARXIV:2001.08837', 'ARXIV:2010.00685', 'ARXIV:2106.09608']);
    await page.close();
  });

  it('shows the counts and the h-index computed from them in the popup', async () => {
    const page = await b.context.newPage();
    await page.goto(ABS_URL);
    await page.waitForLoadState('load');
    const popup = await openPopup(b, ABS_URL);
    await expect.poll(() => statValue(popup.locator('body'), 'h'), { timeout: 10_000 }).toBe('3');
    expect(await statValue(popup.locator('body'), 'citations')).toBe('40');
    expect(await popup.locator('.sl-paper').first().locator('.sl-cites').innerText()).toBe('25 cited');
    const tip = await popup.locator('.sl-stat[data-metric="h"] [role=tooltip]').textContent();
    expect(tip).toContain('computed from 3 papers, of which 3 have citation counts');
    // Within the TTL nothing is asked again.
    expect(s2Requests).toHaveLength(1);
    await popup.close();
    await page.close();
  });

  it('offline, the same profile still shows, marked as cached with its age', async () => {
    online = false;
    const page = await b.context.newPage();
    await page.goto(LIST_URL); // new papers to enrich: the worker finds the network gone
    await expect.poll(() => refused, { timeout: 40_000 }).toBeGreaterThan(0);
    const popup = await openPopup(b, AUTHOR_SEARCH_URL);
    // The worker learns the network is gone from its own failed request; reopen until the popup says so.
    await expect.poll(async () => {
      const line = await popup.getByTestId('sl-enrichment').innerText({ timeout: 1000 }).catch(() => '');
      if (!line) await popup.reload();
      return line;
    }, { timeout: 20_000 }).toMatch(/^offline: cached data from (just now|\d+ min ago)/);
    expect(await statValue(popup.locator('body'), 'h')).toBe('3');
    expect(await statValue(popup.locator('body'), 'citations')).toBe('40');
    expect(s2Requests).toHaveLength(1);
    await popup.close();
    await page.close();
  });
});
