/**
 * The background's watchlist messages end to end in Node: save from a card, the Watchlist tab's
 * answer, the check the alarm runs (a routed arXiv API answer with one new paper → "1 new", the
 * badge, the notification when turned on), opening the author, export and import, and the alarm plan.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import type { WatchEffects } from '@/lib/background/watch-handlers';
import { Enricher } from '@/lib/enrich/runner';
import { dispatch, type Handlers } from '@/lib/messaging';
import type { ScrapeResult } from '@/lib/schema';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { parse } from '@/lib/sites/arxiv';
import { createHttpClient } from '@/lib/sources/http';
import { ScholarDb } from '@/lib/store/db';
import { ingestScrape } from '@/lib/store/ingest';
import { checkAlarmPlan } from '@/lib/watchlist/alarm';
import type { RemovedEntry } from '@/lib/watchlist/merge';
import { htmlDoc } from '../fixtures';

const PAGE_URL = 'https://arxiv.org/search/cs?searchtype=author&query=Ammanabrolu%2C+P';
const AUTHOR = 'arxiv-query:p ammanabrolu';
const FEED = readFileSync('tests/pages/arxiv-api-au-ammanabrolu.xml', 'utf8');
/** The same answer before the new paper appeared. */
const OLD_FEED = FEED.replace(/<entry>\s*<id>http:\/\/arxiv.org\/abs\/2611\.01234v1[\s\S]*?<\/entry>/, '');

function scrape(): ScrapeResult {
  const out = parse(htmlDoc(readFileSync('tests/pages/arxiv-search-author-ammanabrolu.html', 'utf8')), PAGE_URL);
  if (!out.ok) throw new Error(out.reason);
  return out;
}

let db: ScholarDb;
let clock: number;
let feed: string;
let requests: string[];
let effects: WatchEffects & { badge: string[]; notes: string[]; synced: (RemovedEntry | undefined)[] };
let settings: Settings;
let handlers: Handlers;

beforeEach(async () => {
  db = new ScholarDb(`watch-${Math.random()}`);
  await db.open();
  clock = Date.parse('2026-11-27T09:00:00Z');
  feed = OLD_FEED;
  requests = [];
  settings = { ...DEFAULT_SETTINGS, sources: { arxivApi: false, semanticScholar: false, openAlex: false, huggingface: false } };
  const fetch = (async (input: RequestInfo | URL) => {
    const url = String(input);
    requests.push(url);
    if (url.startsWith('https://export.arxiv.org/api/query')) return new Response(feed, { headers: { 'content-type': 'application/atom+xml' } });
    throw new TypeError('Failed to fetch');
  }) as typeof globalThis.fetch;
  const http = createHttpClient({ fetch, sleep: async () => {}, now: () => clock, hosts: { 'export.arxiv.org': { intervalMs: 0 } } });
  const enricher = new Enricher({ db, http, settings: async () => settings });
  effects = {
    badge: [], notes: [], synced: [],
    setBadge: async (t) => void effects.badge.push(t),
    notify: async (title, message) => void effects.notes.push(`${title}: ${message}`),
    sync: async (removed) => { effects.synced.push(removed); return null; },
  };
  handlers = createHandlers(db, { enricher, settings: async () => settings, http, now: () => new Date(clock) }, effects);
  await ingestScrape(db, scrape(), new Date(clock));
});
afterEach(async () => {
  await db.delete();
});

async function call<T>(type: string, payload: unknown): Promise<T> {
  const reply = await dispatch({ type, payload }, handlers);
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.data as T;
}

describe('watchlist messages', () => {
  it('save → listed with headline numbers; the profile and badges say it is watched; unsave → a tombstone to sync', async () => {
    expect(await call('watch', { authorId: AUTHOR, watched: true })).toEqual({ watched: true });
    const list = await call<{ items: { entry: { name: string }; papers: number; h: number | null }[]; newPapers: number }>('getWatchlist', {});
    expect(list.items.map((i) => [i.entry.name, i.papers, i.h])).toEqual([['Prithviraj Ammanabrolu', 3, null]]);
    expect(list.newPapers).toBe(0);
    expect((await call<{ profile: { watched: boolean } }>('getProfile', { authorId: AUTHOR })).profile.watched).toBe(true);
    const found = await call<{ found: { watched: boolean }[] }>('lookupAuthors', { refs: [{ name: 'Prithviraj Ammanabrolu', url: PAGE_URL, arxivId: null, query: 'Ammanabrolu, P' }] });
    expect(found.found.map((f) => f.watched)).toEqual([true]);
    expect(effects.badge).toEqual(['']);
    await call('watch', { authorId: AUTHOR, watched: false });
    expect(effects.synced[0]).toBeUndefined();
    expect(effects.synced[1]).toMatchObject({ authorId: AUTHOR });
    expect((await call<{ items: unknown[] }>('getWatchlist', {})).items).toEqual([]);
  });

  it('refuses to save an author that is not cached, with a typed error', async () => {
    const reply = await dispatch({ type: 'watch', payload: { authorId: 'arxiv:nobody', watched: true } }, handlers);
    expect(reply.ok).toBe(false);
  });

  it('the alarm check finds the one new paper: "1 new", badge "1", a notification only when turned on; opening the author clears it', async () => {
    await call('watch', { authorId: AUTHOR, watched: true });
    expect(await call('checkWatchlist', {})).toEqual({ checked: 1, newPapers: 0, errors: 0 });
    expect(requests.filter((u) => u.includes('search_query=au'))).toHaveLength(1);
    clock += 86_400_000;
    feed = FEED;
    settings = { ...settings, sources: { ...settings.sources, semanticScholar: true }, watchlist: { checkHours: 24, notify: true } };
    expect(await call('checkWatchlist', {})).toEqual({ checked: 1, newPapers: 1, errors: 0 });
    const list = await call<{ items: { entry: { newPaperIds: string[]; lastCheckedAt: string } ; papers: number }[]; newPapers: number }>('getWatchlist', {});
    expect(list.newPapers).toBe(1);
    expect(list.items[0]!.entry.newPaperIds).toEqual(['2611.01234']);
    expect(list.items[0]!.papers).toBe(4);
    expect(list.items[0]!.entry.lastCheckedAt).toBe(new Date(clock).toISOString());
    expect(effects.badge.at(-1)).toBe('1');
    expect(effects.notes).toEqual(['1 new paper: Prithviraj Ammanabrolu (1)']);
    // The new paper is queued for its citation count like any paper a page shows.
    expect((await db.jobs.toArray()).map((j) => j.key)).toContain('citations:2611.01234');
    // A second check finds nothing more and does not notify again.
    await call('checkWatchlist', {});
    expect(effects.notes).toHaveLength(1);
    expect(await call('markSeen', { authorId: AUTHOR })).toEqual({ newPapers: 0 });
    expect(effects.badge.at(-1)).toBe('');
  });

  it('visiting the watched author\'s page is seeing their new papers', async () => {
    await call('watch', { authorId: AUTHOR, watched: true });
    feed = FEED;
    await call('checkWatchlist', {});
    expect((await call<{ newPapers: number }>('getWatchlist', {})).newPapers).toBe(1);
    await call('ingest', { scrape: scrape() });
    expect((await call<{ newPapers: number }>('getWatchlist', {})).newPapers).toBe(0);
    expect(effects.badge.at(-1)).toBe('');
  });

  it('keeps a note, and refuses one over the limit', async () => {
    await call('watch', { authorId: AUTHOR, watched: true });
    const { entry } = await call<{ entry: { note: string } }>('setWatchNote', { authorId: AUTHOR, note: '  text adventure agents  ' });
    expect(entry.note).toBe('text adventure agents');
    expect((await dispatch({ type: 'setWatchNote', payload: { authorId: AUTHOR, note: 'x'.repeat(501) } }, handlers)).ok).toBe(false);
  });
});

describe('export and import through the background', () => {
  it('exports the profile as BibTeX with arXiv fields and a sensible file name', async () => {
    const file = await call<{ filename: string; mime: string; text: string }>('exportData', { format: 'bibtex', authorId: AUTHOR });
    expect(file.filename).toBe('scholar-lens-prithviraj-ammanabrolu-2026-11-27.bib');
    expect(file.text.match(/@\w+\{/g)).toHaveLength(3);
    expect(file.text).toContain('eprint = {2106.09608}');
  });

  it('the watchlist as JSON is a backup that restores the watchlist into an empty database', async () => {
    await call('watch', { authorId: AUTHOR, watched: true });
    await call('setWatchNote', { authorId: AUTHOR, note: 'ask about LIGHT' });
    const backup = await call<{ filename: string; text: string }>('exportData', { format: 'json', watchlist: true });
    expect(backup.filename).toBe('scholar-lens-watchlist-2026-11-27.json');
    const before = await db.watchlist.toArray();

    const other = new ScholarDb(`watch-other-${Math.random()}`);
    try {
      const fresh = createHandlers(other, undefined, effects);
      const bad = await dispatch({ type: 'importBackup', payload: { text: backup.text.slice(0, 200) } }, fresh);
      expect(bad).toMatchObject({ ok: true, data: { ok: false } });
      expect((bad as { data: { message: string } }).data.message).toMatch(/^Nothing was imported: /);
      expect(await other.papers.count()).toBe(0);
      const good = await dispatch({ type: 'importBackup', payload: { text: backup.text } }, fresh);
      expect(good).toMatchObject({ ok: true, data: { ok: true } });
      expect((good as { data: { message: string } }).data.message).toBe('Imported 1 profiles, 3 papers and 1 watched authors.');
      expect(await other.watchlist.toArray()).toEqual(before);
      expect(await other.papers.count()).toBe(3);
    } finally {
      await other.delete();
    }
  });

  it('exports what the popup shows for a page, and says when nothing is cached', async () => {
    // A page the cache does not know: the popup shows the most recently viewed author, and so does the export.
    const shown = await call<{ filename: string }>('exportData', { format: 'csv', url: 'https://arxiv.org/abs/0000.00000' });
    expect(shown.filename).toBe('scholar-lens-prithviraj-ammanabrolu-2026-11-27.csv');
    const empty = new ScholarDb(`watch-empty-${Math.random()}`);
    try {
      const reply = await dispatch({ type: 'exportData', payload: { format: 'csv', url: 'https://arxiv.org/abs/0000.00000' } }, createHandlers(empty));
      expect(reply).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('nothing cached to export') } });
    } finally {
      await empty.delete();
    }
  });
});

describe('checkAlarmPlan', () => {
  const every = (h: number): Settings => ({ ...DEFAULT_SETTINGS, watchlist: { checkHours: h, notify: false } });
  const now = Date.parse('2026-11-27T00:00:00Z');
  it('creates a daily alarm by default, first due a day from now', () => {
    expect(checkAlarmPlan(DEFAULT_SETTINGS, undefined, now)).toEqual({ periodInMinutes: 1440, delayInMinutes: 1440 });
  });
  it('leaves an alarm with the right period alone', () => {
    expect(checkAlarmPlan(every(24), { periodInMinutes: 1440, scheduledTime: now + 5 }, now)).toBeNull();
  });
  it('a new period keeps a check that was due sooner, and never delays less than a minute', () => {
    expect(checkAlarmPlan(every(6), { periodInMinutes: 1440, scheduledTime: now + 60 * 60_000 }, now)).toEqual({ periodInMinutes: 360, delayInMinutes: 60 });
    expect(checkAlarmPlan(every(6), { periodInMinutes: 1440, scheduledTime: now + 20 * 3600_000 }, now)).toEqual({ periodInMinutes: 360, delayInMinutes: 360 });
    expect(checkAlarmPlan(every(6), { periodInMinutes: 1440, scheduledTime: now - 5000 }, now)).toEqual({ periodInMinutes: 360, delayInMinutes: 1 });
  });
});
