import { clusterPapers, mergeAcrossSources } from '../../lib/identity/merge-papers';
import { Paper, type PaperInput } from '../../lib/schema';
import { makePaper } from '../make-paper';

const T1 = '2025-01-01T00:00:00.000Z';
const T2 = '2025-02-01T00:00:00.000Z';
const T3 = '2025-03-01T00:00:00.000Z';

function arxivPage(over: Partial<PaperInput> = {}): Paper {
  return makePaper({
    id: '2106.09608', arxivId: '2106.09608', version: 2, title: 'Learning to Read Scholarly Pages Quickly',
    authors: ['Ana Lima', 'Bo Chen'], authorUrls: ['https://arxiv.org/a/lima_a_1', 'https://arxiv.org/a/chen_b_1'],
    published: '2021-06-17', updated: '2021-10-20', year: 2021, primaryCategory: 'cs.CL', categories: ['cs.CL', 'cs.LG'],
    abstract: 'We read pages.', links: { abs: 'https://arxiv.org/abs/2106.09608', pdf: 'https://arxiv.org/pdf/2106.09608', code: ['https://github.com/a/b'] },
    source: 'arxiv', fetchedAt: T1, ...over,
  });
}

function scholarRow(key: string, over: Partial<PaperInput> = {}): Paper {
  return makePaper({
    id: `gscholar:USER:${key}`, title: 'Learning to read scholarly pages quickly', authors: ['A Lima', 'B Chen'], authorUrls: [null, null],
    year: 2021, journalRef: 'Findings of ACL', links: { abs: `https://scholar.google.com/citations?view_op=view_citation&citation_for_view=USER:${key}`, pdf: null },
    citations: 40, citationsSource: 'gscholar', citationsFetchedAt: T2, source: 'gscholar', fetchedAt: T2, ...over,
  });
}

describe('mergeAcrossSources', () => {
  it('merges transitively: A~B by arXiv id, B~C by DOI → one work', () => {
    const a = arxivPage();
    const b = makePaper({ id: '2106.09608', arxivId: '2106.09608', doi: '10.1000/READ.1', title: 'Learning to read (S2)', source: 'semanticscholar', citations: 55, citationsSource: 'semanticscholar', citationsFetchedAt: T3, fetchedAt: T3 });
    const c = makePaper({ id: '10.1000/read.1', doi: '10.1000/read.1', title: 'Reading scholarly pages at speed', year: 2022, source: 'dblp', links: { abs: null, pdf: null, code: ['https://github.com/c/d'] } });
    const other = makePaper({ id: 'dblp:conf/x/Other', title: 'A completely different paper on graphs', year: 2021, source: 'dblp' });
    const out = mergeAcrossSources([a, other, b, c]);
    expect(out.map((m) => m.id)).toEqual(['2106.09608', 'dblp:conf/x/Other']);
    expect(out[0]!.sources).toEqual(['arxiv', 'semanticscholar', 'dblp']);
    expect(out[0]!.mergedFrom).toEqual([a.id, b.id, c.id]);
    // The DOI as the best source after arXiv writes it (DBLP before S2).
    expect(out[0]!.doi).toBe('10.1000/read.1');
    expect(out[0]!.links.code).toEqual(['https://github.com/a/b', 'https://github.com/c/d']);
  });

  it('union-find holds when the linking record comes last', () => {
    const a = makePaper({ id: 'gscholar:U:1', arxivId: '2001.00001', title: 'One', source: 'gscholar' });
    const c = makePaper({ id: '10.5555/x', doi: '10.5555/x', title: 'Three', source: 'dblp' });
    const b = makePaper({ id: '2001.00001', arxivId: '2001.00001', doi: '10.5555/X', title: 'Two', source: 'semanticscholar' });
    expect(clusterPapers([a, c, b])).toEqual([[0, 1, 2]]);
  });

  it('same title in different years: two works', () => {
    const p2019 = makePaper({ id: 'dblp:a', title: 'Central counterparty resolution: an unresolved problem', year: 2017, source: 'dblp' });
    const p2018 = makePaper({ id: 's2:b', title: 'Central Counterparty Resolution — An Unresolved Problem', year: 2018, source: 'semanticscholar' });
    const same2018 = makePaper({ id: 'gscholar:U:c', title: 'Central counterparty resolution-an unresolved problem', year: 2018, source: 'gscholar' });
    const out = mergeAcrossSources([p2019, p2018, same2018]);
    expect(out.map((m) => m.mergedFrom)).toEqual([['dblp:a'], ['s2:b', 'gscholar:U:c']]);
  });

  it('same title and year but different arXiv ids or different DOIs: two works', () => {
    const x = makePaper({ id: '2101.00001', arxivId: '2101.00001', title: 'A survey of graph neural networks', year: 2021, source: 'arxiv' });
    const y = makePaper({ id: '2101.00002', arxivId: '2101.00002', title: 'A Survey of Graph Neural Networks', year: 2021, source: 'arxiv' });
    const row = makePaper({ id: 'gscholar:U:z', title: 'A survey of graph neural networks', year: 2021, source: 'gscholar' });
    expect(clusterPapers([x, y, row])).toEqual([[0, 2], [1]]);
    const article = makePaper({ id: '10.1000/a', doi: '10.1000/a', title: 'Proof of a long standing conjecture', year: 2020, source: 'dblp' });
    const erratum = makePaper({ id: '10.1000/b', doi: '10.1000/b', title: 'Proof of a long-standing conjecture', year: 2020, source: 'semanticscholar' });
    expect(clusterPapers([article, erratum])).toEqual([[0], [1]]);
  });

  it('a preprint and its published version with different titles merge by arXiv id', () => {
    const preprint = arxivPage({ title: 'Fast page reading (preprint)', year: 2021 });
    const published = scholarRow('P', { arxivId: '2106.09608', title: 'Learning to Read Scholarly Pages Quickly and Well', year: 2023, journalRef: 'TACL 11' });
    const out = mergeAcrossSources([published, preprint]);
    expect(out).toHaveLength(1);
    const m = out[0]!;
    expect(m.id).toBe('2106.09608');
    // arXiv metadata preferred: title, authors with links, dates, categories, abstract.
    expect(m.title).toBe('Fast page reading (preprint)');
    expect(m.authors).toEqual(['Ana Lima', 'Bo Chen']);
    expect(m.authorUrls).toEqual(['https://arxiv.org/a/lima_a_1', 'https://arxiv.org/a/chen_b_1']);
    expect(m).toMatchObject({ published: '2021-06-17', updated: '2021-10-20', year: 2021, primaryCategory: 'cs.CL', abstract: 'We read pages.', version: 2, source: 'arxiv' });
    // Gaps filled from Scholar: the venue.
    expect(m.journalRef).toBe('TACL 11');
    expect(m.sources).toEqual(['gscholar', 'arxiv']);
  });

  it('citations: the highest count with its source; every source kept; one entry per source', () => {
    const a = arxivPage({ citations: 30, citationsSource: 'semanticscholar', citationsFetchedAt: T1 });
    const s1 = scholarRow('K1', { arxivId: '2106.09608', citations: 40, citationsFetchedAt: T2 });
    const s2 = scholarRow('K2', { arxivId: '2106.09608', citations: 12, citationsFetchedAt: T3 });
    const d = makePaper({ id: 'dblp:journals/x/L21', arxivId: '2106.09608', title: 'Learning to read scholarly pages quickly', source: 'dblp' });
    const [m] = mergeAcrossSources([a, s1, s2, d]);
    expect(m).toMatchObject({ citations: 40, citationsSource: 'gscholar', citationsFetchedAt: T2 });
    expect(m!.citationsBySource).toEqual([
      { source: 'semanticscholar', count: 30, at: T1 },
      { source: 'gscholar', count: 40, at: T2 },
    ]);
    expect(Paper.safeParse(m).success).toBe(true);
  });

  it('unknown counts stay unknown', () => {
    const [m] = mergeAcrossSources([arxivPage(), makePaper({ id: 'dblp:k', arxivId: '2106.09608', title: 'x', source: 'dblp' })]);
    expect(m).toMatchObject({ citations: null, citationsSource: null, citationsFetchedAt: null, citationsBySource: [] });
  });

  it('code links unioned in order of first appearance', () => {
    const a = scholarRow('C', { arxivId: '2106.09608', links: { abs: null, pdf: null, code: ['https://github.com/z/z', 'https://github.com/a/b'] } });
    const b = arxivPage({ links: { abs: null, pdf: null, code: ['https://github.com/a/b', 'https://gitlab.com/q/q'] } });
    const [m] = mergeAcrossSources([a, b]);
    expect(m!.links.code).toEqual(['https://github.com/z/z', 'https://github.com/a/b', 'https://gitlab.com/q/q']);
  });

  it('id: arXiv id, else DOI (lower case), else the first record id; stable output order', () => {
    const p1 = makePaper({ id: 'gscholar:U:1', title: 'Uncited workshop note on scholarly pages', year: 2020, source: 'gscholar' });
    const p2 = makePaper({ id: 's2:abc', doi: '10.9999/ABC', title: 'Journal paper about scholarly pages', year: 2019, source: 'semanticscholar' });
    const p3 = makePaper({ id: 'gscholar:U:2', title: 'Journal paper about scholarly pages', year: 2019, source: 'gscholar' });
    const p4 = makePaper({ id: 'gscholar:U:3', arxivId: '1901.00001v3', title: 'Preprint', year: 2019, source: 'gscholar' });
    const out = mergeAcrossSources([p1, p3, p2, p4]);
    expect(out.map((m) => m.id)).toEqual(['gscholar:U:1', '10.9999/abc', '1901.00001']);
    expect(out[1]!.mergedFrom).toEqual(['gscholar:U:2', 's2:abc']);
    // Without arXiv, the DBLP/S2 record's metadata beats Scholar's (Scholar truncates bylines).
    expect(out[1]!.source).toBe('semanticscholar');
  });

  it('papers without any key stay apart; short titles are not evidence', () => {
    const a = makePaper({ id: 's2:1', title: 'Enigma', year: 2019, source: 'semanticscholar' });
    const b = makePaper({ id: 'gscholar:U:9', title: 'Enigma', year: 2019, source: 'gscholar' });
    expect(mergeAcrossSources([a, b])).toHaveLength(2);
  });

  it('is linear-ish: 20 000 records merge quickly', () => {
    const many: Paper[] = [];
    for (let i = 0; i < 10_000; i++) {
      const title = `Paper number ${i} about scholarly pages`;
      many.push(makePaper({ id: `gscholar:U:${i}`, title, year: 2020, source: 'gscholar' }));
      many.push(makePaper({ id: `dblp:k${i}`, title, year: 2020, source: 'dblp' }));
    }
    const t0 = performance.now();
    const out = mergeAcrossSources(many);
    expect(out).toHaveLength(10_000);
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});
