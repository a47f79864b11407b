import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuthorRef, Paper, ScrapeResult } from '@/lib/schema';
import { ScholarDb } from '@/lib/store/db';
import { loadGroupProfile } from '@/lib/store/group-profile';
import { ingestScrape } from '@/lib/store/ingest';
import { detectLinks, linkedGroup, unlinkAuthors } from '@/lib/store/links';
import { makePaper } from '../make-paper';

const T = '2025-01-01T00:00:00.000Z';
function page(site: string, url: string, author: AuthorRef, papers: Paper[]): ScrapeResult {
  return { ok: true, site, pageType: 'author', url, author, authors: [], papers, total: papers.length, title: author.name, scrapedAt: T };
}
const arxivRef = (name: string, id: string): AuthorRef => ({ name, url: `https://arxiv.org/a/${id}`, arxivId: id, query: null });
const scholarRef = (name: string, user: string): AuthorRef => ({ name, url: `https://scholar.google.com/citations?user=${user}`, arxivId: null, query: null });

const works = [
  makePaper({ id: '2007.12255', arxivId: '2007.12255', title: 'Home Advantage in the Brazilian Elite Football', year: 2020, citations: 4, citationsSource: 'semanticscholar' }),
  makePaper({ id: '2006.16944', arxivId: '2006.16944', title: 'Bucking the Trend: An Agentive Perspective', year: 2020 }),
];
const scholarRows = [
  makePaper({ id: 'gscholar:AoKJ_g4AAAAJ:a', arxivId: '2007.12255', title: 'Home Advantage in the Brazilian Elite Football', year: 2020, citations: 9, citationsSource: 'gscholar', source: 'gscholar' }),
  makePaper({ id: 'gscholar:AoKJ_g4AAAAJ:b', arxivId: '2006.16944', title: 'Bucking the Trend: An Agentive Perspective', year: 2020, citations: 2, citationsSource: 'gscholar', source: 'gscholar' }),
  makePaper({ id: 'gscholar:AoKJ_g4AAAAJ:c', title: 'A Paper Only Scholar Knows About Here', year: 2019, citations: 1, citationsSource: 'gscholar', source: 'gscholar' }),
];

let db: ScholarDb;
beforeEach(async () => {
  db = new ScholarDb(`links-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('one author across sites', () => {
  it('links on two shared works with fitting names, and merges the profile', async () => {
    await ingestScrape(db, page('arxiv', 'https://arxiv.org/a/santos_c_1', arxivRef('Carlos Denner dos Santos', 'santos_c_1'), works));
    await ingestScrape(db, page('gscholar', 'https://scholar.google.com/citations?user=AoKJ_g4AAAAJ', scholarRef('Carlos Denner dos Santos', 'AoKJ_g4AAAAJ'), scholarRows));
    expect(await detectLinks(db, 'gscholar:AoKJ_g4AAAAJ')).toBe(1);
    const profile = await loadGroupProfile(db, 'arxiv:santos_c_1');
    expect(profile?.linked).toEqual([{ authorId: 'gscholar:AoKJ_g4AAAAJ', name: 'Carlos Denner dos Santos', source: 'gscholar', evidence: expect.stringMatching(/^2 shared papers/) }]);
    expect(profile?.papers).toHaveLength(3);
    const home = profile?.papers.find((p) => p.arxivId === '2007.12255');
    // The highest count is shown with its source; every source's count is kept.
    expect([home?.citations, home?.citationsSource]).toEqual([9, 'gscholar']);
    expect(home?.citationsBySource?.map((c) => [c.source, c.count]).sort()).toEqual([['gscholar', 9], ['semanticscholar', 4]]);
    expect(profile?.author?.ids).toEqual({ arxiv: 'santos_c_1', googleScholar: 'AoKJ_g4AAAAJ' });
  });

  it('never links a co-author who shares the same two papers, nor by name alone', async () => {
    await ingestScrape(db, page('arxiv', 'https://arxiv.org/a/santos_c_1', arxivRef('Carlos Denner dos Santos', 'santos_c_1'), works));
    await ingestScrape(db, page('gscholar', 'https://scholar.google.com/citations?user=BbKJ_g4AAAAJ', scholarRef('Jessica Alves', 'BbKJ_g4AAAAJ'), scholarRows));
    await ingestScrape(db, page('gscholar', 'https://scholar.google.com/citations?user=CcKJ_g4AAAAJ', scholarRef('Carlos Denner dos Santos', 'CcKJ_g4AAAAJ'), [scholarRows[2]!]));
    expect(await detectLinks(db, 'arxiv:santos_c_1')).toBe(0);
    expect(await linkedGroup(db, 'arxiv:santos_c_1')).toEqual([]);
  });

  it('an unlinked pair stays apart, even when found again', async () => {
    await ingestScrape(db, page('arxiv', 'https://arxiv.org/a/santos_c_1', arxivRef('Carlos Denner dos Santos', 'santos_c_1'), works));
    await ingestScrape(db, page('gscholar', 'https://scholar.google.com/citations?user=AoKJ_g4AAAAJ', scholarRef('Carlos Denner dos Santos', 'AoKJ_g4AAAAJ'), scholarRows));
    await detectLinks(db, 'arxiv:santos_c_1');
    await unlinkAuthors(db, 'arxiv:santos_c_1', 'gscholar:AoKJ_g4AAAAJ');
    expect(await detectLinks(db, 'arxiv:santos_c_1')).toBe(0);
    expect((await loadGroupProfile(db, 'arxiv:santos_c_1'))?.linked).toEqual([]);
    expect((await loadGroupProfile(db, 'arxiv:santos_c_1'))?.papers).toHaveLength(2);
  });
});
