/**
 * Backups (lib/store/backup.ts): which records a backup holds, in which order, and that it reads
 * back (`parseExport`) as exactly what was built. Import and the round trip through an empty
 * database are tested in import.test.ts.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportFileV2, parseExport } from '@/lib/export/json';
import type { ParseOutcome, ScrapeResult } from '@/lib/schema';
import { parse as parseArxiv } from '@/lib/sites/arxiv';
import { parse as parseScholar } from '@/lib/sites/gscholar';
import { backupText, buildBackup, inSchemaOrder } from '@/lib/store/backup';
import { ScholarDb } from '@/lib/store/db';
import { ingestScrape } from '@/lib/store/ingest';
import { detectLinks, unlinkAuthors } from '@/lib/store/links';
import { papersOfAuthor } from '@/lib/store/profile';
import type { WatchEntry } from '@/lib/watchlist/schema';
import { describeFixtures, htmlDoc, readFixture } from '../fixtures';
import { makePaper } from '../make-paper';
import { withoutRev } from '../rows';

const T1 = new Date('2025-05-01T10:00:00.000Z');
const T2 = new Date('2025-05-02T09:30:00.000Z');
const NOW = new Date('2025-07-01T00:00:00.000Z');
const AMMANABROLU_URL = 'https://arxiv.org/search/cs?searchtype=author&query=Ammanabrolu%2C+P';
const SANTOS_URL = 'https://arxiv.org/search/?searchtype=author&query=Santos%2C+C+D';
const SCHOLAR_URL = 'https://scholar.google.com/citations?hl=pt-PT&user=AoKJ_g4AAAAJ';

function ok(out: ParseOutcome): ScrapeResult {
  if (!out.ok) throw new Error(out.reason);
  return out;
}
const arxivPage = (file: string, url: string) => ok(parseArxiv(htmlDoc(readFileSync(`tests/pages/${file}`, 'utf8')), url));

function watchEntry(authorId: string, over: Partial<WatchEntry> = {}): WatchEntry {
  return {
    authorId, name: authorId, note: '', addedAt: T1.toISOString(), lastSeenAt: T1.toISOString(), lastCheckedAt: null, lastCheckError: null,
    newPaperIds: [], edited: { name: 1, note: 1, lastSeenAt: 1 }, ...over,
  };
}

let db: ScholarDb;
let ammanabrolu: string;
let santos: string;
beforeEach(async () => {
  db = new ScholarDb(`backup-${Math.random()}`);
  await db.open();
  ammanabrolu = (await ingestScrape(db, arxivPage('arxiv-search-author-ammanabrolu.html', AMMANABROLU_URL), T1)).authorId!;
  santos = (await ingestScrape(db, arxivPage('arxiv-search-author-santos.html', SANTOS_URL), T1)).authorId!;
  await ingestScrape(db, arxivPage('arxiv-search-author-santos.html', SANTOS_URL), T2);
  await unlinkAuthors(db, ammanabrolu, santos, T2);
  await db.watchlist.bulkPut([
    watchEntry(santos, { name: 'Carlos Denner dos Santos', note: 'football', newPaperIds: ['2007.12255'] }),
    watchEntry('arxiv:evicted_1', { note: 'no longer cached' }),
  ]);
});
afterEach(async () => {
  await db.delete();
});

describe('buildBackup', () => {
  it('every cached author with their papers and stamps, the whole watchlist, the links', async () => {
    const file = await buildBackup(db, { now: NOW });
    expect([file.format, file.version, file.exportedAt]).toEqual(['scholar-lens', 2, NOW.toISOString()]);
    // Authors in id order, papers in id order, each paper's seenAt beside it; no computed metrics.
    expect(file.profiles.map((p) => p.author?.id)).toEqual([santos, ammanabrolu].sort());
    for (const p of file.profiles) {
      const id = p.author!.id;
      expect(Object.keys(p)).toEqual(['author', 'papers', 'reported', 'stored']);
      const mine = withoutRev(await papersOfAuthor(db, id)).sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(p.papers).toStrictEqual(mine);
      const row = (await db.authors.get(id))!;
      expect(p.stored).toStrictEqual({
        firstSeenAt: row.firstSeenAt, viewedAt: row.viewedAt,
        seenAt: await Promise.all(mine.map(async (x) => (await db.authorPapers.get([id, x.id]))!.seenAt)),
      });
    }
    const santosProfile = file.profiles.find((p) => p.author?.id === santos)!;
    expect([santosProfile.stored?.firstSeenAt, santosProfile.stored?.viewedAt, santosProfile.stored?.seenAt[0]]).toEqual([T1.toISOString(), T2.toISOString(), T2.toISOString()]);
    expect(file.watchlist?.map((w) => w.authorId)).toEqual(['arxiv:evicted_1', santos].sort());
    expect(file.links).toEqual([{ a: [ammanabrolu, santos].sort()[0], b: [ammanabrolu, santos].sort()[1], evidence: 'unlinked by the user', createdAt: T2.toISOString(), unlinked: true }]);
  });

  it('only the given authors: their profiles, their watchlist rows, the links that touch them', async () => {
    await db.links.put({ key: 'arxiv:x_1|arxiv:y_1', a: 'arxiv:x_1', b: 'arxiv:y_1', evidence: 'shared ORCID 0000-0002-1825-0097', createdAt: T1.toISOString(), unlinked: false });
    const ids = [santos, 'arxiv:evicted_1', santos, 'arxiv:never_seen'];
    const file = await buildBackup(db, { now: NOW, authorIds: ids });
    expect(file.profiles.map((p) => p.author?.id)).toEqual([santos]);
    expect(file.watchlist?.map((w) => w.authorId)).toEqual(['arxiv:evicted_1', santos].sort());
    expect(file.links?.map((l) => l.unlinked)).toEqual([true]);
    expect((await buildBackup(db, { now: NOW })).links).toHaveLength(2);
    expect(await buildBackup(db, { now: NOW, authorIds: [] })).toStrictEqual({ format: 'scholar-lens', version: 2, exportedAt: NOW.toISOString(), profiles: [], watchlist: [], links: [] });
  });

  it('reads back (parseExport) as exactly what was built; the same records give the same text', async () => {
    const file = await buildBackup(db, { now: NOW });
    const text = await backupText(db, { now: NOW });
    expect(text.endsWith('}\n')).toBe(true);
    expect(parseExport(text)).toStrictEqual({ ok: true, data: file });
    expect(await backupText(db, { now: NOW })).toBe(text);
  });

  it("fields in the format's order however the rows were written, and only the fields it names", async () => {
    const entry = watchEntry('arxiv:zz_1');
    const shuffled = Object.fromEntries([...Object.entries(entry)].reverse());
    await db.watchlist.put({ ...shuffled, draft: 'not a field of the format' } as unknown as WatchEntry);
    const text = await backupText(db, { now: NOW, authorIds: ['arxiv:zz_1'] });
    expect(text).not.toContain('draft');
    const keys = Object.keys((JSON.parse(text) as { watchlist: object[] }).watchlist[0]!);
    expect(keys).toEqual(['authorId', 'name', 'note', 'addedAt', 'lastSeenAt', 'lastCheckedAt', 'lastCheckError', 'newPaperIds', 'edited']);
    expect(inSchemaOrder({ version: 2, junk: 1, format: 'scholar-lens', profiles: [], exportedAt: 'x', watchlist: undefined }, ExportFileV2))
      .toStrictEqual({ format: 'scholar-lens', version: 2, exportedAt: 'x', profiles: [] });
  });

  it('the stamps the enrichment leaves are kept; a paper gone from the cache is left out with its seen time', async () => {
    await db.authors.update(santos, { identityCheckedAt: T2.toISOString(), openAlexCheckedAt: NOW.toISOString() });
    const gone = (await db.authorPapers.where('authorId').equals(santos).first())!.paperId;
    await db.papers.delete(gone);
    const [p] = (await buildBackup(db, { now: NOW, authorIds: [santos] })).profiles;
    expect(p!.stored).toMatchObject({ identityCheckedAt: T2.toISOString(), openAlexCheckedAt: NOW.toISOString() });
    expect(p!.papers.map((x) => x.id)).not.toContain(gone);
    expect(p!.stored!.seenAt).toHaveLength(p!.papers.length);
  });

  it('an author row without reported metrics has none in the file (not an empty list)', async () => {
    const paper = makePaper({ id: 'p1' });
    await db.papers.put(paper);
    await db.authors.put({ id: 'dblp:1/1', name: 'A. Author', nameKey: 'a author', ids: { dblp: '1/1' }, affiliations: [], url: null, firstSeenAt: T1.toISOString(), viewedAt: T1.toISOString() });
    await db.authorPapers.put({ authorId: 'dblp:1/1', paperId: 'p1', seenAt: T1.toISOString() });
    const [p] = (await buildBackup(db, { now: NOW, authorIds: ['dblp:1/1'] })).profiles;
    expect(p).toStrictEqual({
      author: { id: 'dblp:1/1', name: 'A. Author', ids: { dblp: '1/1' }, affiliations: [], url: null },
      papers: [paper], stored: { firstSeenAt: T1.toISOString(), viewedAt: T1.toISOString(), seenAt: [T1.toISOString()] },
    });
  });
});

describeFixtures('buildBackup on real captures', () => {
  it("the real Scholar profile: 176 papers, the metrics Scholar states, the link to the arXiv record", async () => {
    const page = ok(parseScholar(htmlDoc(readFixture('gscholar/profile-AoKJ_g4AAAAJ-2025-pt-PT-saved.html')), SCHOLAR_URL));
    const scholar = (await ingestScrape(db, page, T2)).authorId!;
    expect(await detectLinks(db, scholar, T2)).toBe(1);
    const file = await buildBackup(db, { now: NOW, authorIds: [scholar] });
    const [p] = file.profiles;
    expect(p!.papers).toHaveLength(176);
    expect(p!.reported).toStrictEqual(page.reported);
    expect(p!.reported?.length).toBeGreaterThan(0);
    expect(file.links?.map((l) => [l.a, l.b, l.unlinked])).toEqual([[santos, scholar, false]]);
    expect(file.watchlist).toEqual([]);
    expect(parseExport(await backupText(db, { now: NOW, authorIds: [scholar] }))).toStrictEqual({ ok: true, data: file });
  });

  it('papers of pages about no one (a real arXiv listing) are cache, not backed up', async () => {
    const before = await buildBackup(db, { now: NOW });
    const listing = ok(parseArxiv(htmlDoc(readFixture('arxiv/list-hep-th-new-2024-08-09.html')), 'https://arxiv.org/list/hep-th/new'));
    expect((await ingestScrape(db, listing, T2)).stored).toBe(49);
    expect(await buildBackup(db, { now: NOW })).toStrictEqual(before);
  });
});
