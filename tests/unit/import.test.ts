/**
 * Importing backups (lib/store/import.ts): a database filled from real pages survives
 * backup → import into an empty database record for record; version 1 files still import; a
 * hostile, truncated or wrong file is refused with nothing written; a failure midway writes
 * nothing; importing twice duplicates nothing; what is already stored is merged, not overwritten.
 *
 * The real captures come from the shared fixtures folder (tests/fixtures.ts): Google Scholar's
 * profile AoKJ_g4AAAAJ, DBLP's person 95/7448-1 and arXiv's abs page 2106.09608v2. The two arXiv
 * author searches are the project's pages in arXiv's markup (tests/pages). Every page is parsed by
 * its site adapter and stored by `ingestScrape`, as the extension does.
 *
 * The round trip compares every table but two: `views` (which page showed what: browsing history,
 * rebuilt by the next visit) and `jobs` (this browser's pending enrichment work, planned again
 * when a profile is opened) are not part of a backup.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportProfile } from '@/lib/export/index';
import { enqueue } from '@/lib/enrich/queue';
import type { Paper, ParseOutcome, ScrapeResult } from '@/lib/schema';
import { parse as parseArxiv } from '@/lib/sites/arxiv';
import { parseDblpXml } from '@/lib/sites/dblp';
import { parse as parseScholar } from '@/lib/sites/gscholar';
import { backupText } from '@/lib/store/backup';
import { ScholarDb } from '@/lib/store/db';
import { loadGroupProfile } from '@/lib/store/group-profile';
import { importBackup, mergeWatchEntry } from '@/lib/store/import';
import { ingestScrape } from '@/lib/store/ingest';
import { detectLinks, unlinkAuthors } from '@/lib/store/links';
import { loadAuthorProfile } from '@/lib/store/profile';
import type { WatchEntry } from '@/lib/watchlist/schema';
import { describeFixtures, htmlDoc, readFixture } from '../fixtures';
import { makePaper } from '../make-paper';
import { dumpTables, withoutRev } from '../rows';

const T1 = new Date('2025-05-01T10:00:00.000Z');
const T2 = new Date('2025-05-02T09:30:00.000Z');
const T3 = new Date('2025-06-01T08:00:00.000Z');
const BACKUP_AT = new Date('2025-07-01T00:00:00.000Z');
const IMPORT_AT = new Date('2025-07-02T00:00:00.000Z');

const AMMANABROLU_URL = 'https://arxiv.org/search/cs?searchtype=author&query=Ammanabrolu%2C+P';
const SANTOS_URL = 'https://arxiv.org/search/?searchtype=author&query=Santos%2C+C+D';
const ABS_URL = 'https://arxiv.org/abs/2106.09608';
const SCHOLAR_URL = 'https://scholar.google.com/citations?hl=pt-PT&user=AoKJ_g4AAAAJ';
const DBLP_URL = 'https://dblp.org/pid/95/7448-1.xml';
const SCHOLAR = 'gscholar:AoKJ_g4AAAAJ';

/** The tables a backup restores (all but views and jobs: see the header). */
const RESTORED = ['papers', 'authors', 'authorPapers', 'links', 'watchlist'] as const;

function ok(out: ParseOutcome): ScrapeResult {
  if (!out.ok) throw new Error(out.reason);
  return out;
}
const arxivPage = (file: string, url: string) => ok(parseArxiv(htmlDoc(readFileSync(`tests/pages/${file}`, 'utf8')), url));

/** Every row of every table, in key order. */
const dump = dumpTables;
const restored = (d: Record<string, unknown[]>) => Object.fromEntries(RESTORED.map((t) => [t, d[t]]));

function watchEntry(over: Partial<WatchEntry> & { authorId: string }): WatchEntry {
  return {
    name: 'Someone', note: '', addedAt: T1.toISOString(), lastSeenAt: T1.toISOString(), lastCheckedAt: null, lastCheckError: null,
    newPaperIds: [], edited: { name: T1.getTime(), note: T1.getTime(), lastSeenAt: T1.getTime() }, ...over,
  };
}

/** The two arXiv author searches (always in the project): enough for the tests that need no captures. */
async function fillArxiv(db: ScholarDb): Promise<{ ammanabrolu: string; santos: string }> {
  const ammanabrolu = (await ingestScrape(db, arxivPage('arxiv-search-author-ammanabrolu.html', AMMANABROLU_URL), T1)).authorId!;
  const santos = (await ingestScrape(db, arxivPage('arxiv-search-author-santos.html', SANTOS_URL), T2)).authorId!;
  await db.watchlist.put(watchEntry({
    authorId: santos, name: 'Carlos Denner dos Santos', note: 'Home advantage: compare with the 2019 season.', addedAt: T2.toISOString(),
    lastSeenAt: T2.toISOString(), lastCheckedAt: T3.toISOString(), newPaperIds: ['2007.12255'],
    edited: { name: T2.getTime(), note: T3.getTime(), lastSeenAt: T2.getTime() },
  }));
  return { ammanabrolu, santos };
}

/** The real pages on top: a Scholar profile seen twice, a DBLP person, an abs page; links; the enrichment's marks. */
async function fillReal(db: ScholarDb): Promise<Record<'ammanabrolu' | 'santos' | 'scholar' | 'dblp', string>> {
  const { ammanabrolu, santos } = await fillArxiv(db);
  const abs = ok(parseArxiv(htmlDoc(readFixture('arxiv/abs-2106.09608v2-2021.html')), ABS_URL));
  await ingestScrape(db, abs, T2);
  const scholarPage = ok(parseScholar(htmlDoc(readFixture('gscholar/profile-AoKJ_g4AAAAJ-2025-pt-PT-saved.html')), SCHOLAR_URL));
  await ingestScrape(db, scholarPage, T1);
  const scholar = (await ingestScrape(db, scholarPage, T3)).authorId!;
  const dblp = (await ingestScrape(db, ok(parseDblpXml(readFixture('dblp/person-95-7448-1.xml'), DBLP_URL, T2)), T2)).authorId!;
  // The same person on arXiv and on Scholar, found by their shared works; two records the user told apart.
  expect(await detectLinks(db, scholar, T3)).toBe(1);
  await unlinkAuthors(db, dblp, ammanabrolu, T3);
  // What the enrichment leaves: the identity check's stamp, a queued job.
  await db.authors.update(ammanabrolu, { identityCheckedAt: T3.toISOString() });
  await enqueue(db, [{ kind: 'citations', paperId: '2106.09608' }], T3);
  await db.watchlist.put(watchEntry({ authorId: scholar, name: 'C. D. dos Santos (Scholar)', lastCheckedAt: T3.toISOString(), lastCheckError: 'offline' }));
  // Watched, though the cache no longer holds the author (the watchlist outlives "clear cache").
  await db.watchlist.put(watchEntry({ authorId: 's2:1741101', name: 'Someone evicted', note: 'n' }));
  return { ammanabrolu, santos, scholar, dblp };
}

let src: ScholarDb;
let dst: ScholarDb;
beforeEach(async () => {
  src = new ScholarDb(`import-src-${Math.random()}`);
  dst = new ScholarDb(`import-dst-${Math.random()}`);
  await Promise.all([src.open(), dst.open()]);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all([src.delete(), dst.delete()]);
});

describeFixtures('backup → import of a database filled from real pages', () => {
  it('into an empty database: every record identical (views and jobs excepted)', async () => {
    const ids = await fillReal(src);
    const before = await dump(src);
    // The fill is what the tests claim it is.
    expect(before.authors).toHaveLength(4);
    expect(before.papers).toHaveLength(3 + 3 + 176 + 8);
    expect(before.links).toHaveLength(2);
    expect(before.links).toEqual(expect.arrayContaining([
      expect.objectContaining({ unlinked: false, evidence: '3 shared papers (2007.12255, 2007.07333, 2006.16944)' }),
      expect.objectContaining({ unlinked: true }),
    ]));
    const scholarRow = (await src.authors.get(ids.scholar))!;
    expect([scholarRow.firstSeenAt, scholarRow.viewedAt]).toEqual([T1.toISOString(), T3.toISOString()]);
    expect(scholarRow.reported?.length).toBeGreaterThan(0);
    expect((await src.papers.get('2106.09608'))?.abstract).toMatch(/^World models/);
    expect([before.views!.length, before.jobs!.length]).toEqual([5, 1]);

    const text = await backupText(src, { now: BACKUP_AT });
    const r = await importBackup(dst, text, IMPORT_AT);
    expect(r).toEqual({ ok: true, profiles: 4, papers: 190, watchlist: 3 });
    const after = await dump(dst);
    expect(restored(after)).toStrictEqual(restored(before));
    expect([after.views, after.jobs]).toEqual([[], []]);
    // And so what the popup shows: the linked Scholar + arXiv profile, metrics and all.
    expect(await loadGroupProfile(dst, ids.scholar)).toStrictEqual(await loadGroupProfile(src, ids.scholar));
  });

  it('backing up the imported database gives the same file but for exportedAt', async () => {
    await fillReal(src);
    const text = await backupText(src, { now: BACKUP_AT });
    await importBackup(dst, text, IMPORT_AT);
    const again = await backupText(dst, { now: IMPORT_AT });
    expect(again).not.toBe(text);
    expect(again).toBe(text.replace(`"exportedAt": "${BACKUP_AT.toISOString()}"`, `"exportedAt": "${IMPORT_AT.toISOString()}"`));
  });

  it('importing twice, or into the database it came from, duplicates and changes nothing', async () => {
    await fillReal(src);
    const text = await backupText(src, { now: BACKUP_AT });
    const first = await importBackup(dst, text, IMPORT_AT);
    const once = await dump(dst);
    expect(await importBackup(dst, text, new Date('2025-08-01T00:00:00Z'))).toEqual(first);
    expect(await dump(dst)).toStrictEqual(once);
    const before = await dump(src);
    expect((await importBackup(src, text, IMPORT_AT)).ok).toBe(true);
    expect(await dump(src)).toStrictEqual(before);
  });

  it('a version 1 file (an export of the real Scholar profile) still imports', async () => {
    await fillReal(src);
    const profile = (await loadAuthorProfile(src, SCHOLAR))!;
    const v2 = exportProfile('json', profile, { now: BACKUP_AT }).text;
    // A plain export carries none of version 2's fields: as version 1 it is what the last release wrote.
    expect(v2).not.toMatch(/"stored"|"watchlist"|"links": \[/);
    const v1 = v2.replace('"version": 2,', '"version": 1,');
    expect(await importBackup(dst, v1, IMPORT_AT)).toEqual({ ok: true, profiles: 1, papers: 176, watchlist: 0 });
    const { nameKey: _, firstSeenAt, viewedAt, ...row } = (await dst.authors.get(SCHOLAR))!;
    // The stamps a version 1 file does not carry are the import's.
    expect([firstSeenAt, viewedAt]).toEqual([IMPORT_AT.toISOString(), IMPORT_AT.toISOString()]);
    expect(row).toStrictEqual({ ...profile.author, reported: profile.reported });
    expect(withoutRev(await dst.papers.orderBy('id').toArray())).toStrictEqual(withoutRev((await src.papers.bulkGet(profile.papers.map((p) => p.id).sort())).filter((p) => !!p)));
    const links = await dst.authorPapers.toArray();
    expect(links).toHaveLength(176);
    expect(new Set(links.map((l) => l.seenAt))).toEqual(new Set([IMPORT_AT.toISOString()]));
  });

  it('a version 1 file into a database that has the profile: stamps stay, nothing is duplicated', async () => {
    await fillReal(src);
    const before = await dump(src);
    const v1 = exportProfile('json', (await loadAuthorProfile(src, SCHOLAR))!, { now: BACKUP_AT }).text.replace('"version": 2,', '"version": 1,');
    expect((await importBackup(src, v1, IMPORT_AT)).ok).toBe(true);
    expect(await dump(src)).toStrictEqual(before);
  });
});

describe('a file that is wrong in any way is refused, and nothing is written', () => {
  let good: string;
  let before: Record<string, unknown[]>;
  const json = () => JSON.parse(good) as Record<string, unknown> & {
    profiles: (Record<string, unknown> & { papers: Record<string, unknown>[]; stored: { seenAt: string[] } })[];
    watchlist: Record<string, unknown>[]; links: Record<string, unknown>[];
  };
  beforeEach(async () => {
    await fillArxiv(src);
    good = await backupText(src, { now: BACKUP_AT });
    // The database the files are refused by already holds records: they must stay as they are.
    await fillArxiv(dst);
    await dst.watchlist.put(watchEntry({ authorId: 'arxiv:other_1', note: 'mine' }));
    before = await dump(dst);
  });

  async function refused(text: unknown): Promise<string> {
    const r = await importBackup(dst, text, IMPORT_AT);
    if (r.ok) throw new Error('accepted');
    expect(r.error).not.toContain('\n');
    expect(await dump(dst)).toStrictEqual(before);
    return r.error;
  }

  it('truncated', async () => {
    expect(await refused(good.slice(0, Math.floor(good.length / 2)))).toMatch(/it is truncated$/);
    expect(await refused(good.slice(0, -2))).toBe('the file ends with 1 bracket left open: it is truncated');
    expect(await refused('')).toBe('the file is empty');
    expect(await refused(undefined)).toBe('expected the text of a file');
  });

  it('malformed, or another format or version', async () => {
    expect(await refused(good.replace('"profiles": [', '"profiles": [,'))).toMatch(/^not valid JSON: /);
    expect(await refused(good.replace('"format": "scholar-lens"', '"format": "zotero"'))).toBe('format: expected "scholar-lens", found "zotero"; not a Scholar Lens export');
    expect(await refused(good.replace('"version": 2', '"version": 3'))).toBe(
      'version: unsupported version 3; this Scholar Lens reads versions 1 and 2 (written by a later Scholar Lens; update to import it)',
    );
    expect(await refused(good.replace('"version": 2', '"version": "2"'))).toBe('version: unsupported version "2"; this Scholar Lens reads versions 1 and 2');
    expect(await refused('[]')).toBe('(top level): expected a JSON object; not a Scholar Lens export');
  });

  it('negative counts', async () => {
    const cites = json();
    cites.profiles[1]!.papers[2]!.citations = -5;
    expect(await refused(JSON.stringify(cites))).toMatch(/^profiles\[1\]\.papers\[2\]\.citations: Too small: expected number to be >=0$/);
    const version = json();
    version.profiles[0]!.papers[0]!.version = -1;
    expect(await refused(JSON.stringify(version))).toMatch(/^profiles\[0\]\.papers\[0\]\.version: Too small/);
    const v1 = JSON.parse(exportProfile('json', { author: null, papers: [makePaper()], metrics: undefined }, { now: BACKUP_AT }).text.replace('"version": 2', '"version": 1')) as { profiles: Record<string, unknown>[] };
    v1.profiles[0]!.metrics = { papers: -3 };
    expect(await refused(JSON.stringify(v1))).toMatch(/^profiles\[0\]\.metrics\.papers: Too small: expected number to be >=0/);
  });

  it('text over the limit (a 100 KB title is fine: see below)', async () => {
    const long = json();
    long.profiles[0]!.papers[0]!.title = 'x'.repeat(200 * 1024);
    expect(await refused(JSON.stringify(long))).toBe('profiles[0].papers[0].title: text of 204,800 characters (the limit is 102,400)');
    const key = json();
    key.watchlist[0]!['k'.repeat(150_000)] = 1;
    expect(await refused(JSON.stringify(key))).toMatch(/^watchlist\[0\]: a key of 150,000 characters/);
  });

  it('a watchlist entry with a 10,000-character note, or otherwise not a watchlist entry', async () => {
    const note = json();
    note.watchlist[0]!.note = 'n'.repeat(10_000);
    expect(await refused(JSON.stringify(note))).toBe('watchlist[0].note: Too big: expected string to have <=500 characters');
    const edited = json();
    delete (edited.watchlist[0]!.edited as Record<string, unknown>).note;
    expect(await refused(JSON.stringify(edited))).toMatch(/^watchlist\[0\]\.edited\.note: /);
    const many = json();
    many.watchlist[0]!.newPaperIds = Array.from({ length: 10_001 }, (_, i) => `p${i}`);
    expect(await refused(JSON.stringify(many))).toMatch(/^watchlist\[0\]\.newPaperIds: Too big/);
  });

  it('records that do not fit together: seen times that do not match the papers, a link of an author to itself, stamps without an author', async () => {
    const seen = json();
    seen.profiles[0]!.stored.seenAt.pop();
    expect(await refused(JSON.stringify(seen))).toBe('profiles[0].stored.seenAt: expected one time per paper (3), found 2');
    const self = json();
    self.links = [{ a: 'arxiv:x', b: 'arxiv:x', evidence: 'e', createdAt: T1.toISOString(), unlinked: false }];
    expect(await refused(JSON.stringify(self))).toBe('links[0].b: a link joins two different authors');
    const orphan = json();
    orphan.profiles[0]!.author = null;
    expect(await refused(JSON.stringify(orphan))).toBe('profiles[0].stored: only the profile of an author has stored records');
    const time = json();
    time.profiles[0]!.stored.seenAt[0] = 'yesterday';
    expect(await refused(JSON.stringify(time))).toMatch(/^profiles\[0\]\.stored\.seenAt\[0\]: /);
  });

  it('__proto__ and other unknown keys are dropped: the file imports, nothing is polluted', async () => {
    const hostile = good
      .replace('"format": "scholar-lens",', '"format": "scholar-lens", "__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}},')
      .replace('"ids": {', '"ids": {"__proto__": {"arxiv": "injected"}, ')
      .replace('"authorId": "', '"__proto__": {"note": "injected"}, "authorId": "')
      .replace('"stored": {', '"stored": {"__proto__": {"viewedAt": "2099-01-01T00:00:00.000Z"}, ');
    expect(hostile.match(/__proto__/g)).toHaveLength(4);
    const r = await importBackup(dst, hostile, IMPORT_AT);
    expect(r).toEqual({ ok: true, profiles: 2, papers: 6, watchlist: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const rows = await dump(dst);
    expect(JSON.stringify(rows)).not.toMatch(/injected|polluted|2099/);
    for (const row of [...rows.authors!, ...rows.watchlist!]) expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
  });

  it('a 100 KB title imports', async () => {
    const long = json();
    long.profiles[0]!.papers[0]!.title = 'x'.repeat(100_000);
    const id = long.profiles[0]!.papers[0]!.id as string;
    expect(await importBackup(dst, JSON.stringify(long), IMPORT_AT)).toMatchObject({ ok: true });
    expect((await dst.papers.get(id))?.title).toHaveLength(100_000);
  });
});

describe('a failure inside the transaction writes nothing', () => {
  let text: string;
  let before: Record<string, unknown[]>;
  beforeEach(async () => {
    await fillArxiv(src);
    await src.watchlist.put(watchEntry({ authorId: 'arxiv:new_1', note: 'new here' }));
    text = await backupText(src, { now: BACKUP_AT });
    // The target holds an older copy of one author, so the import would both add and merge.
    await ingestScrape(dst, arxivPage('arxiv-search-author-ammanabrolu.html', AMMANABROLU_URL), new Date('2025-01-01T00:00:00Z'));
    await dst.watchlist.put(watchEntry({ authorId: 'arxiv:mine_1', note: 'mine' }));
    before = await dump(dst);
  });

  it('papers half written, then the disk is full', async () => {
    const put = dst.papers.bulkPut.bind(dst.papers);
    let midway = 0;
    const halfThenFail = async (rows: readonly Paper[]): Promise<never> => {
      await put(rows.slice(0, 2));
      midway = await dst.papers.count();
      throw Object.assign(new Error('Disk full'), { name: 'QuotaExceededError' });
    };
    const spy = vi.spyOn(dst.papers, 'bulkPut').mockImplementation(halfThenFail as unknown as typeof put);
    const r = await importBackup(dst, text, IMPORT_AT);
    expect(spy).toHaveBeenCalledOnce();
    // Inside the transaction the first two (new) papers were there…
    expect(midway).toBe(3 + 2);
    expect(r).toEqual({ ok: false, error: 'the database refused the import, so nothing was imported: Disk full' });
    expect(await dump(dst)).toStrictEqual(before);
  });

  it('the last table (the watchlist) fails after every other table was written', async () => {
    const authorsPut = vi.spyOn(dst.authors, 'bulkPut');
    vi.spyOn(dst.watchlist, 'bulkPut').mockRejectedValue(new Error('ConstraintError: Key already exists'));
    const r = await importBackup(dst, text, IMPORT_AT);
    expect(authorsPut).toHaveBeenCalledOnce();
    expect(r.ok).toBe(false);
    expect(await dump(dst)).toStrictEqual(before);
    // The database is usable afterwards: the same file imports once the fault is gone.
    vi.restoreAllMocks();
    expect(await importBackup(dst, text, IMPORT_AT)).toEqual({ ok: true, profiles: 2, papers: 6, watchlist: 2 });
    expect((await dst.watchlist.toArray()).map((w) => w.authorId).sort()).toEqual(['arxiv-query:c d santos', 'arxiv:mine_1', 'arxiv:new_1'].sort());
  });
});

describe('merging with what is stored', () => {
  it('papers merge by the ingest rules: a stored citation count and abstract survive an older copy', async () => {
    await fillArxiv(src);
    const text = await backupText(src, { now: BACKUP_AT });
    await fillArxiv(dst);
    const id = '2106.09608';
    const stored = (await dst.papers.get(id))!;
    await dst.papers.put({ ...stored, citations: 42, citationsSource: 'semanticscholar', citationsFetchedAt: T3.toISOString(), abstract: `${stored.abstract ?? ''} And more.` });
    expect((await importBackup(dst, text, IMPORT_AT)).ok).toBe(true);
    const merged = (await dst.papers.get(id))!;
    expect([merged.citations, merged.citationsSource, merged.abstract]).toEqual([42, 'semanticscholar', `${stored.abstract ?? ''} And more.`]);
    expect(await dst.papers.count()).toBe(6);
  });

  it('watchlist rows merge field by field by their edited stamps; new papers are the union', async () => {
    const ms = (iso: string) => Date.parse(iso);
    const mine = watchEntry({
      authorId: 'arxiv:a_1', name: 'Old name', note: 'newer note', lastSeenAt: '2025-03-01T00:00:00.000Z', newPaperIds: ['p1', 'p2'],
      lastCheckedAt: '2025-03-02T00:00:00.000Z', lastCheckError: null, addedAt: '2025-02-01T00:00:00.000Z',
      edited: { name: ms('2025-02-01T00:00:00Z'), note: ms('2025-03-10T00:00:00Z'), lastSeenAt: ms('2025-03-01T00:00:00Z') },
    });
    const theirs = watchEntry({
      authorId: 'arxiv:a_1', name: 'New name', note: 'older note', lastSeenAt: '2025-04-01T00:00:00.000Z', newPaperIds: ['p2', 'p3'],
      lastCheckedAt: '2025-01-20T00:00:00.000Z', lastCheckError: 'offline', addedAt: '2025-01-15T00:00:00.000Z',
      edited: { name: ms('2025-02-15T00:00:00Z'), note: ms('2025-02-15T00:00:00Z'), lastSeenAt: ms('2025-04-01T00:00:00Z') },
    });
    const expected: WatchEntry = {
      authorId: 'arxiv:a_1', name: 'New name', note: 'newer note', addedAt: '2025-01-15T00:00:00.000Z', lastSeenAt: '2025-04-01T00:00:00.000Z',
      lastCheckedAt: '2025-03-02T00:00:00.000Z', lastCheckError: null, newPaperIds: ['p1', 'p2', 'p3'],
      edited: { name: ms('2025-02-15T00:00:00Z'), note: ms('2025-03-10T00:00:00Z'), lastSeenAt: ms('2025-04-01T00:00:00Z') },
    };
    expect(mergeWatchEntry(mine, theirs)).toStrictEqual(expected);
    expect(mergeWatchEntry(theirs, mine)).toStrictEqual({ ...expected, newPaperIds: ['p2', 'p3', 'p1'] });
    // A copy watched later but never annotated does not wipe the note (the sync mirror's rule).
    const later = watchEntry({ authorId: 'arxiv:a_1', addedAt: '2025-05-01T00:00:00.000Z', edited: { name: ms('2025-05-01T00:00:00Z'), note: ms('2025-05-01T00:00:00Z'), lastSeenAt: ms('2025-05-01T00:00:00Z') } });
    expect(mergeWatchEntry(mine, later).note).toBe('newer note');
    // Through a file, into the database.
    await dst.watchlist.put(mine);
    const file = { format: 'scholar-lens', version: 2, exportedAt: BACKUP_AT.toISOString(), profiles: [], watchlist: [theirs] };
    expect(await importBackup(dst, JSON.stringify(file), IMPORT_AT)).toEqual({ ok: true, profiles: 0, papers: 0, watchlist: 1 });
    expect(await dst.watchlist.get('arxiv:a_1')).toStrictEqual(expected);
  });

  it('author rows: the earliest first sighting, the latest view, the newer name; an unlinked pair stays apart', async () => {
    const { santos } = await fillArxiv(src);
    await unlinkAuthors(src, santos, SCHOLAR, T3);
    const text = await backupText(src, { now: BACKUP_AT });
    // The target saw the same author earlier and later, under another spelling, and has the pair linked.
    await fillArxiv(dst);
    await dst.authors.update(santos, { firstSeenAt: '2024-01-01T00:00:00.000Z', viewedAt: '2026-01-01T00:00:00.000Z', name: 'C. D. dos Santos' });
    const [a, b] = [santos, SCHOLAR].sort() as [string, string];
    await dst.links.put({ key: `${a}|${b}`, a, b, evidence: 'shared works', createdAt: T1.toISOString(), unlinked: false });
    expect((await importBackup(dst, text, IMPORT_AT)).ok).toBe(true);
    const row = (await dst.authors.get(santos))!;
    expect([row.firstSeenAt, row.viewedAt, row.name, row.nameKey]).toEqual(['2024-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'C. D. dos Santos', 'c d dos santos']);
    expect(await dst.links.toArray()).toEqual([expect.objectContaining({ unlinked: true, createdAt: T1.toISOString() })]);
  });
});
