/** The background's page writes go through the quota retry: a full disk evicts old profiles, never the watchlist, and says so. */
import { afterEach, expect, it } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import { dispatch } from '@/lib/messaging';
import type { ScrapeResult } from '@/lib/schema';
import type { EvictionNotice } from '@/lib/store/evict';
import type { ScholarDb } from '@/lib/store/db';
import { makePaper } from '../make-paper';
import { dbWithMutateHook } from '../commit-abort';

/** A page about one arXiv author with these papers. */
function page(author: string, ids: string[], at: string): ScrapeResult {
  const url = `https://arxiv.org/a/${author}_1`;
  return {
    ok: true, site: 'arxiv', pageType: 'author', url, title: null, total: null, scrapedAt: at,
    author: { name: author, url, arxivId: `${author}_1`, query: null },
    authors: [],
    papers: ids.map((id) => makePaper({ id, arxivId: id, authors: [author], authorUrls: [url] })),
  };
}

let db: ScholarDb | undefined;
afterEach(async () => {
  await db?.delete();
});

it('evicts the least recently viewed profile when the papers table is full, keeps the watched one, and records a notice', async () => {
  let capacity = Infinity;
  db = dbWithMutateHook(`quota-${Math.random()}`, async (name, req, write, down) => {
    const res = await write();
    if (name === 'papers' && (req.type === 'put' || req.type === 'add')) {
      const t = down.table(name);
      const n = await t.count({ trans: req.trans, query: { index: t.schema.primaryKey, range: { type: 3 } as never } });
      if (n > capacity) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    return res;
  });
  const notices: EvictionNotice[] = [];
  let clock = Date.parse('2026-11-01T00:00:00Z');
  const handlers = createHandlers(db, undefined, {
    setBadge: async () => {}, notify: async () => {}, sync: async () => null,
    recordEviction: async (n) => void notices.push(n),
  });
  const ingest = async (s: ScrapeResult) => {
    clock += 3600_000;
    const reply = await dispatch({ type: 'ingest', payload: { scrape: { ...s, scrapedAt: new Date(clock).toISOString() } } }, handlers);
    if (!reply.ok) throw new Error(reply.error.message);
  };
  await ingest(page('turing', ['1001.00001', '1001.00002'], ''));
  await ingest(page('lovelace', ['1002.00001', '1002.00002'], ''));
  await ingest(page('hopper', ['1003.00001'], ''));
  expect((await dispatch({ type: 'watch', payload: { authorId: 'arxiv:turing_1', watched: true } }, handlers)).ok).toBe(true);
  capacity = 5;
  await ingest(page('noether', ['1004.00001', '1004.00002'], ''));
  // Lovelace, viewed longest ago among the unwatched, made room; Turing is watched and stays.
  expect((await db.authors.toCollection().primaryKeys()).sort()).toEqual(['arxiv:hopper_1', 'arxiv:noether_1', 'arxiv:turing_1']);
  expect(await db.papers.count()).toBe(5);
  expect(await db.watchlist.count()).toBe(1);
  expect(notices).toHaveLength(1);
  expect(notices[0]!.evicted).toEqual({ authors: 1, papers: 2 });
});
