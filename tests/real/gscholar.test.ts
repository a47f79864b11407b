/**
 * The Google Scholar adapter against the real capture in the shared fixtures folder:
 * gscholar/profile-AoKJ_g4AAAAJ-2025-pt-PT-saved.html (see MANIFEST.tsv), a pt-PT profile saved
 * by a browser with all 176 rows expanded. Every expected value here was read off the capture.
 */
import { describeFixtures, htmlDoc, readFixture } from '../fixtures';
import {
  parse, parseReported, scholarAuthor, scholarCoauthors, scholarHistogram, scholarProfileInfo, scholarStats,
} from '../../lib/sites/gscholar';
import { ParseOutcome, type Paper, type ScrapeResult } from '../../lib/schema';

const FILE = 'gscholar/profile-AoKJ_g4AAAAJ-2025-pt-PT-saved.html';
const URL_ = 'https://scholar.google.com/citations?hl=pt-PT&user=AoKJ_g4AAAAJ';
const USER = 'AoKJ_g4AAAAJ';

function byKey(r: ScrapeResult, key: string): Paper {
  const p = r.papers.find((x) => x.id === `gscholar:${USER}:${key}`);
  if (!p) throw new Error(`no paper ${key}`);
  return p;
}

function hIndex(counts: number[]): number {
  const sorted = [...counts].sort((a, b) => b - a);
  let h = 0;
  while (h < sorted.length && (sorted[h] ?? 0) >= h + 1) h++;
  return h;
}

describeFixtures('Google Scholar profile AoKJ_g4AAAAJ (pt-PT, saved by a browser)', () => {
  let html: string;
  let doc: Document;
  let r: ScrapeResult;
  beforeAll(() => {
    html = readFixture(FILE);
    doc = htmlDoc(html);
    const out = parse(doc, URL_);
    if (!out.ok) throw new Error(out.reason);
    expect(ParseOutcome.parse(out)).toEqual(out);
    r = out;
  });

  it('the author, the title and the rows shown (176, as many as tr.gsc_a_tr in the file)', () => {
    expect(html.match(/<tr class="gsc_a_tr"/g)).toHaveLength(176);
    expect(r.site).toBe('gscholar');
    expect(r.pageType).toBe('author');
    expect(r.author).toEqual({ name: 'Carlos Denner dos Santos', url: `https://scholar.google.com/citations?user=${USER}`, arxivId: null, query: null });
    expect(r.title).toBe('Carlos Denner dos Santos');
    expect(r.total).toBe(176);
    expect(r.papers).toHaveLength(176);
    expect(new Set(r.papers.map((p) => p.id)).size).toBe(176);
  });

  it('every row is well formed', () => {
    for (const p of r.papers) {
      expect(p.id).toMatch(new RegExp(`^gscholar:${USER}:[A-Za-z0-9_-]{12}$`));
      expect(p.links.abs).toBe(`https://scholar.google.com/citations?view_op=view_citation&user=${USER}&citation_for_view=${p.id.slice('gscholar:'.length)}`);
      expect(p.source).toBe('gscholar');
      expect(p.citationsSource).toBe('gscholar');
      expect(p.citationsFetchedAt).toBe(r.scrapedAt);
      expect(p.citations).not.toBeNull();
      expect(p.title.length).toBeGreaterThan(0);
      expect(p.authors.length).toBeGreaterThan(0);
      expect(p.authorUrls).toEqual(p.authors.map(() => null));
      expect(p.authors.some((a) => /\.\.\.|…/.test(a))).toBe(false);
      expect((p.journalRef ?? '').endsWith(`, ${p.year ?? 0}`)).toBe(false); // the appended ", 2021" (or ", 0") is gone
    }
  });

  it('the first row', () => {
    const p = r.papers[0];
    expect(p).toMatchObject({
      id: `gscholar:${USER}:5ugPr518TE4C`,
      title: 'Artificial intelligence regulation: a framework for governance',
      authors: ['PGR De Almeida', 'CD Dos Santos', 'JS Farias'],
      journalRef: 'Ethics and Information Technology 23 (3), 505-525',
      year: 2021, citations: 471, arxivId: null,
    });
  });

  it('the last row: no venue, no year, uncited', () => {
    expect(r.papers[175]).toMatchObject({
      id: `gscholar:${USER}:W7OEmFMy1HYC`,
      title: '231-AVALIAÇÃO DE SISTEMAS DE INFORMAÇÕES',
      authors: ['JA AMÂNCIO', 'CDDOSS JÚNIOR', 'MA GONÇALVES'],
      journalRef: null, year: null, citations: 0,
    });
  });

  it('a truncated byline keeps the names shown', () => {
    expect(byKey(r, 'tYavs44e6CUC').authors).toEqual(['PD Warriss', 'SN Brown', 'PB Gade', 'C Santos', 'LN Costa', 'E Lambooij']);
  });

  it('merged citations ("10 *"): the number without the marker; paging params dropped from the link', () => {
    const p = byKey(r, 'zYLM7Y9cAGgC');
    expect(p.title).toBe('Attractiveness of free and open source software projects: theoretical importance and strategies for management');
    expect(p.citations).toBe(10);
    expect(p.year).toBe(2010);
    expect(p.links.abs).not.toMatch(/cstart|pagesize|hl=/);
  });

  it('empty cited-by links are 0: rows 90–176 (87 rows); the last cited row (1 citation) has no year', () => {
    expect(r.papers.map((p) => p.citations).filter((c) => c === 0)).toHaveLength(87);
    expect(r.papers.slice(0, 89).every((p) => (p.citations ?? 0) >= 1)).toBe(true);
    expect(r.papers[88]).toMatchObject({ id: `gscholar:${USER}:_xSYboBqXhAC`, citations: 1, year: null, journalRef: null });
    expect(r.papers[89]).toMatchObject({
      id: `gscholar:${USER}:b1wdh0AR-JQC`, citations: 0, year: 2025, journalRef: 'Revista Brasileira de Inovação 24, e025012',
    });
  });

  it('years: 18 rows without one, including the one whose hidden suffix says ", 0"', () => {
    expect(r.papers.filter((p) => p.year === null)).toHaveLength(18);
    expect(byKey(r, 'vDijr-p_gm4C')).toMatchObject({ journalRef: 'Universidad de Huelva', year: null });
    expect(r.papers.filter((p) => p.journalRef === null)).toHaveLength(45);
  });

  it('arXiv venues, in both of Scholar\'s spellings, give arXiv ids; ids stay gscholar:…', () => {
    const arxiv = r.papers.filter((p) => p.arxivId !== null).map((p) => [p.id, p.arxivId, p.journalRef]);
    expect(arxiv).toEqual([
      [`gscholar:${USER}:B3FOqHPlNUQC`, '2007.12255', 'arXiv preprint arXiv:2007.12255'],
      [`gscholar:${USER}:EUQCXRtRnyEC`, '2007.07333', 'arXiv preprint arXiv:2007.07333'],
      [`gscholar:${USER}:sSrBHYA8nusC`, '2007.12255', 'arXiv e-prints, arXiv: 2007.12255'],
      [`gscholar:${USER}:NhqRSupF_l8C`, '2006.16944', 'arXiv preprint arXiv:2006.16944'],
      [`gscholar:${USER}:tS2w5q8j5-wC`, '2006.16944', 'arXiv e-prints, arXiv: 2006.16944'],
    ]);
    expect(byKey(r, 'B3FOqHPlNUQC').title).toBe("Home Advantage in the Brazilian Elite Football: Verifying managers' capacity to outperform their disadvantage");
    expect(byKey(r, 'B3FOqHPlNUQC').authors).toEqual(['CD Santos', 'J Alves']);
  });

  it('the rows add up to the table: 1799 citations, h 17, i10 31', () => {
    const counts = r.papers.map((p) => p.citations ?? 0);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1799);
    expect(hIndex(counts)).toBe(17);
    expect(counts.filter((c) => c >= 10)).toHaveLength(31);
  });

  it('the stats table: all and since 2020 (read from "Desde 2020")', () => {
    expect(scholarStats(doc)).toEqual({
      all: { citations: 1799, h: 17, i10: 31 },
      since: { year: 2020, citations: 1134, h: 14, i10: 19 },
    });
  });

  it('reported metrics', () => {
    const at = new Date('2025-11-14T00:00:00Z');
    expect(parseReported(doc, URL_, at)).toEqual([
      { metric: 'citations', value: 1799, source: 'gscholar', at: at.toISOString() },
      { metric: 'h', value: 17, source: 'gscholar', at: at.toISOString() },
      { metric: 'i10', value: 31, source: 'gscholar', at: at.toISOString() },
      { metric: 'citationsSince', value: 1134, source: 'gscholar', at: at.toISOString() },
      { metric: 'hSince', value: 14, source: 'gscholar', at: at.toISOString() },
      { metric: 'i10Since', value: 19, source: 'gscholar', at: at.toISOString() },
    ]);
  });

  it('the histogram: 2000–2025, a bar for every year, 1727 citations in all', () => {
    const h = scholarHistogram(doc);
    expect(h).toHaveLength(26);
    expect(h[0]).toEqual({ year: 2000, citations: 6 });
    expect(h.at(-1)).toEqual({ year: 2025, citations: 285 });
    expect(h.find((y) => y.year === 2024)).toEqual({ year: 2024, citations: 295 });
    expect(h.find((y) => y.year === 2004)).toEqual({ year: 2004, citations: 19 });
    expect(h.map((y) => y.year)).toEqual(Array.from({ length: 26 }, (_, i) => 2000 + i));
    expect(h.reduce((a, y) => a + y.citations, 0)).toBe(1727);
    // Citations received since 2020 by the histogram: 1121; Scholar's table says 1134.
    expect(h.filter((y) => y.year >= 2020).reduce((a, y) => a + y.citations, 0)).toBe(1121);
  });

  it('the header', () => {
    expect(scholarProfileInfo(doc, URL_)).toEqual({
      userId: USER, name: 'Carlos Denner dos Santos', affiliation: 'Videns AI', emailDomain: 'videns.ai',
      homepage: 'https://www.linkedin.com/in/carlosdenner/', interests: ['Data Science & Artificial Intelligence'],
    });
    expect(scholarAuthor(doc, URL_)).toEqual({
      id: `gscholar:${USER}`, name: 'Carlos Denner dos Santos', ids: { googleScholar: USER }, affiliations: ['Videns AI'],
      url: `https://scholar.google.com/citations?user=${USER}`,
    });
  });

  it('four co-authors; a name cut with "..." completed from the photo', () => {
    const co = scholarCoauthors(doc, URL_);
    expect(co).toHaveLength(4);
    expect(co[0]).toEqual({
      name: 'Fabio Kon', userId: 'VE8BW84AAAAJ', url: 'https://scholar.google.com/citations?user=VE8BW84AAAAJ',
      affiliation: 'Full Professor of Computer Science', emailDomain: 'ime.usp.br',
    });
    expect(co[1]?.name).toBe('Josivania Silva Farias (ORCID: 0000-0002-1421-3280)');
    expect(co.map((c) => c.emailDomain)).toEqual(['ime.usp.br', 'unb.br', 'ime.usp.br', 'claudiamelo.org']);
    expect(r.authors.slice(0, 5).map((a) => a.url)).toEqual([
      `https://scholar.google.com/citations?user=${USER}`, ...co.map((c) => c.url),
    ]);
  });

  it('no e-mail address of the page reaches the output', () => {
    const addresses = [...new Set(html.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g) ?? [])];
    expect(addresses.sort()).toEqual(['einstein@princeton.edu', 'user@example.com']); // the capture's scrubbed placeholders
    const out = JSON.stringify([r, scholarStats(doc), scholarHistogram(doc), scholarCoauthors(doc, URL_), scholarProfileInfo(doc, URL_), scholarAuthor(doc, URL_), parseReported(doc, URL_)]);
    for (const a of addresses) expect(out).not.toContain(a);
    expect(out).not.toMatch(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/);
    // The one "@" left is part of a title Scholar shows publicly, a PDF-extraction artefact kept verbatim.
    expect(out.match(/@/g)).toHaveLength(1);
    expect(byKey(r, 'dTyEYWd-f8wC').title).toBe('Carlos Denner-carlosdenner@ gmail. com');
  });

  it('other Scholar domains and hl values read the same page the same way', () => {
    const out = parse(doc, `https://scholar.google.com.br/citations?user=${USER}&hl=en&view_op=list_works&sortby=pubdate`);
    if (!out.ok) throw new Error(out.reason);
    expect(out.papers.map((p) => [p.id, p.citations])).toEqual(r.papers.map((p) => [p.id, p.citations]));
    expect(out.author?.url).toBe(r.author?.url);
  });
});
