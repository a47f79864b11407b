/**
 * Identity rules against real captures in the shared fixtures folder (see MANIFEST.tsv):
 *
 * - semanticscholar/author-search-turing.vcr.yaml: S2's author search for "turing" (55 authors with
 *   their papers, 2023-12-10). It holds a real homonym pair whose names FIT:
 *   "J. Turing" (S2 147168046; DBLP name "John Dermot Turing": Dermot Turing, Alan Turing's nephew;
 *   "The man with the terrible trousers", The Turing Guide 2017) and "John F. Turing" (S2 52278265;
 *   John Ferrier Turing, Alan's brother and Dermot's father, credited on the 2012 centenary edition
 *   of Sara Turing's "Alan M. Turing", e.g. "My Brother Alan"). Father and son: "J. Turing" ~
 *   "John F. Turing" as names, different people, and nothing links them.
 *   It also holds a real co-author pair with one surname: John F. Turing and Sara Turing (his
 *   mother, S2 52266406) share the 19 chapters of that book: the name check refuses the link.
 *   Both people are S2 records; to compare across sources (two S2 records are never linked anyway)
 *   the other side is each person's papers as a Google Scholar profile would list them: same
 *   titles, years and bylines, no DOI, no S2 ids.
 * - gscholar/profile-AoKJ_g4AAAAJ-2025-pt-PT-saved.html: a Scholar profile listing two arXiv
 *   preprints twice each (2007.12255 and 2006.16944, once as "arXiv preprint arXiv:…", once as
 *   "arXiv e-prints, arXiv: …").
 */
import { linkEvidence, namesFit, sharedWorks, type AuthorRecord } from '../../lib/identity/evidence';
import { mergeAcrossSources } from '../../lib/identity/merge-papers';
import { Paper } from '../../lib/schema';
import { parse } from '../../lib/sites/gscholar';
import { S2Paper, s2ToPaper } from '../../lib/sources/semanticscholar';
import { describeFixtures, htmlDoc, readFixture } from '../fixtures';
import { readCassette } from '../http-server';

const AT = '2023-12-10T00:00:00.000Z';

interface S2SearchAuthor {
  authorId: string;
  name: string;
  papers: unknown[];
}

/** A person's papers as a Scholar profile `user` would list them (title, year, byline, count). */
function asScholarRows(papers: Paper[], user: string): Paper[] {
  return papers.map((p, i) => Paper.parse({
    id: `gscholar:${user}:row${i}`, title: p.title, authors: p.authors, authorUrls: p.authors.map(() => null), year: p.year,
    links: { abs: null, pdf: null }, citations: p.citations, citationsSource: p.citations === null ? null : 'gscholar',
    citationsFetchedAt: p.citations === null ? null : AT, source: 'gscholar', fetchedAt: AT,
  }));
}

describeFixtures('real homonyms and co-authors: S2 author search "turing"', () => {
  let authors: S2SearchAuthor[];
  const s2Record = (authorId: string): AuthorRecord => {
    const a = authors.find((x) => x.authorId === authorId);
    if (!a) throw new Error(`no author ${authorId} in the capture`);
    return {
      author: { id: `s2:${a.authorId}`, name: a.name, ids: { semanticScholar: a.authorId }, affiliations: [], url: `https://www.semanticscholar.org/author/${a.authorId}` },
      papers: a.papers.map((p) => s2ToPaper(S2Paper.parse(p), AT)),
    };
  };
  const scholarRecord = (r: AuthorRecord, user: string): AuthorRecord => ({
    author: { id: `gscholar:${user}`, name: r.author.name, ids: { googleScholar: user }, affiliations: [], url: null },
    papers: asScholarRows(r.papers, user),
  });

  beforeAll(() => {
    const [search] = readCassette(readFixture('semanticscholar/author-search-turing.vcr.yaml'));
    authors = (JSON.parse(search!.body) as { data: S2SearchAuthor[] }).data;
    expect(authors).toHaveLength(55);
  });

  it('"J. Turing" (Dermot) and "John F. Turing" (his father): names fit, yet no evidence links them', () => {
    const dermot = s2Record('147168046');
    const john = s2Record('52278265');
    expect([dermot.author.name, john.author.name]).toEqual(['J. Turing', 'John F. Turing']);
    expect(namesFit(dermot.author.name, john.author.name)).toBe(true);
    expect(sharedWorks(dermot.papers, john.papers)).toEqual([]);
    expect(linkEvidence(dermot, scholarRecord(john, 'JOHN_F_T'))).toBeNull();
    expect(linkEvidence(scholarRecord(dermot, 'DERMOT_T'), john)).toBeNull();
    // Same source: never linked, whatever they share.
    expect(linkEvidence(dermot, john)).toBeNull();
  });

  it("each one's own papers, seen from another source, do link", () => {
    const dermot = s2Record('147168046');
    // "My nephew Hamlet" (3 words) is too short to be evidence; the other two are enough.
    expect(linkEvidence(dermot, scholarRecord(dermot, 'DERMOT_T'))).toEqual({
      kind: 'shared-papers', count: 2,
      examples: ['The man with the terrible trousers', '10.1016/0022-1910(91)90090-m'],
    });
    const john = s2Record('52278265');
    const e = linkEvidence(john, scholarRecord(john, 'JOHN_F_T'));
    expect(e).toMatchObject({ kind: 'shared-papers', count: john.papers.length });
    expect(john.papers.length).toBe(21);
  });

  it('co-authors with one surname are refused: John F. Turing and Sara Turing share 19 works', () => {
    const john = s2Record('52278265');
    const sara = s2Record('52266406');
    expect(sara.author.name).toBe('Sara Turing');
    expect(sharedWorks(john.papers, sara.papers)).toHaveLength(19);
    expect(sharedWorks(john.papers, scholarRecord(sara, 'SARA_T').papers)).toHaveLength(19);
    expect(namesFit(john.author.name, sara.author.name)).toBe(false);
    expect(linkEvidence(john, scholarRecord(sara, 'SARA_T'))).toBeNull();
    expect(linkEvidence(scholarRecord(john, 'JOHN_F_T'), sara)).toBeNull();
  });
});

describeFixtures('real merge: Scholar profile AoKJ_g4AAAAJ lists two arXiv preprints twice', () => {
  const USER = 'AoKJ_g4AAAAJ';
  let papers: Paper[];

  beforeAll(() => {
    const out = parse(htmlDoc(readFixture('gscholar/profile-AoKJ_g4AAAAJ-2025-pt-PT-saved.html')), `https://scholar.google.com/citations?hl=pt-PT&user=${USER}`);
    if (!out.ok) throw new Error(out.reason);
    papers = out.papers;
    expect(papers).toHaveLength(176);
  });

  it.each([
    ['2007.12255', ['B3FOqHPlNUQC', 'sSrBHYA8nusC'], 'Home Advantage in the Brazilian Elite Football'],
    ['2006.16944', ['NhqRSupF_l8C', 'tS2w5q8j5-wC'], 'Bucking the Trend'],
  ])('arXiv %s: the two rows become one paper', (arxivId, keys, title) => {
    const merged = mergeAcrossSources(papers).filter((m) => m.mergedFrom.some((id) => keys.some((k) => id.endsWith(`:${k}`))));
    expect(merged).toHaveLength(1);
    const m = merged[0]!;
    expect(m.id).toBe(arxivId);
    expect(m.arxivId).toBe(arxivId);
    expect(m.mergedFrom).toEqual(keys.map((k) => `gscholar:${USER}:${k}`));
    expect(m.sources).toEqual(['gscholar']);
    expect(m.title.startsWith(title)).toBe(true);
    expect(m.citationsBySource).toEqual([{ source: 'gscholar', count: 0, at: expect.any(String) }]);
  });

  it('the other duplicate rows merge by title and year, and nothing else does', () => {
    const merged = mergeAcrossSources(papers);
    const multi = merged.filter((m) => m.mergedFrom.length > 1).map((m) => m.mergedFrom.map((id) => id.split(':')[2]));
    // Each pair read off the capture: one work listed twice (same title, year and venue, the byline
    // written two ways), e.g. "Whose Stake in Open Source Software Projects." (AMCIS 2018) twice.
    expect(multi).toEqual([
      ['WA5NYHcadZ8C', 'hkOj_22Ku90C'],
      ['3fE2CSJIrl8C', 'ZeXyd9-uunAC'],
      ['ldfaerwXgEUC', 'V3AGJWp-ZtQC'],
      ['yB1At4FlUx8C', 'fEOibwPWpKIC'],
      ['TQgYirikUcIC', '_Qo2XoVZTnwC'],
      ['B3FOqHPlNUQC', 'sSrBHYA8nusC'],
      ['NhqRSupF_l8C', 'tS2w5q8j5-wC'],
      ['2P1L_qKh6hAC', 'GnPB-g6toBAC'],
    ]);
    expect(merged).toHaveLength(176 - 8);
    // The highest count of a split pair is shown (28 and 1 → 28), not their sum.
    const gestao = merged.find((m) => m.mergedFrom.includes(`gscholar:${USER}:WA5NYHcadZ8C`))!;
    expect(gestao).toMatchObject({ citations: 28, citationsSource: 'gscholar' });
    for (const m of merged) expect(Paper.safeParse(m).success).toBe(true);
  });
});
