import { expect, it } from 'vitest';
import { parseAtom } from '../../lib/sites/arxiv-atom';
import { ParseOutcome, type ScrapeResult } from '../../lib/schema';
import { describeFixtures, readFixture } from '../fixtures';

function ok(outcome: ParseOutcome): ScrapeResult {
  if (!outcome.ok) throw new Error(`expected ok, got: ${outcome.reason}`);
  return outcome;
}

describeFixtures('arXiv API Atom, legacy format (au:del_maestro, 2016)', () => {
  const url = 'http://export.arxiv.org/api/query?search_query=au:del_maestro&start=0&max_results=10';
  const r = ok(parseAtom(readFixture('arxiv-api/query-au-del_maestro-2016.xml'), url));

  it('feed-level values', () => {
    expect(ParseOutcome.safeParse(r).success).toBe(true);
    expect(r.pageType).toBe('feed');
    expect(r.site).toBe('arxiv');
    expect(r.author).toBeNull();
    expect(r.total).toBe(31);
    expect(r.title).toBe('ArXiv Query: search_query=au:del_maestro&id_list=&start=0&max_results=10');
    expect(r.papers).toHaveLength(10);
    expect(r.authors).toHaveLength(12);
    expect(r.authors[0]).toEqual({ name: 'Adrian Del Maestro', url: null, arxivId: null, query: null });
  });

  it('ids (incl. old-style) and versions in feed order', () => {
    expect(r.papers.map((p) => p.id)).toEqual([
      '1201.4869',
      'cond-mat/0412498',
      'cond-mat/0603029',
      '1005.5383',
      '1303.6954',
      '1312.6177',
      '1412.6529',
      'cond-mat/0607501',
      'cond-mat/0702661',
      '0807.2873',
    ]);
    expect(r.papers.map((p) => p.version)).toEqual([1, 1, 1, 1, 2, 1, 2, 2, 2, 1]);
    expect(r.papers.every((p) => p.source === 'arxiv-api' && p.citations === null && p.links.code.length === 0)).toBe(true);
    expect(r.papers.every((p) => p.doi !== null && p.journalRef !== null && p.comments !== null)).toBe(true);
  });

  it('first entry in full', () => {
    expect(r.papers[0]).toMatchObject({
      id: '1201.4869',
      arxivId: '1201.4869',
      title: 'A Luttinger Liquid Core Inside Helium-4 Filled Nanopores',
      authors: ['Adrian Del Maestro'],
      published: '2012-01-23',
      updated: '2012-01-23',
      year: 2012,
      primaryCategory: 'cond-mat.mes-hall',
      categories: ['cond-mat.mes-hall', 'cond-mat.other'],
      doi: '10.1142/S021797921244002X',
      comments: '26 pages, 10 figures',
      journalRef: 'Int. J. Mod. Phys. B, 26, 1244002 (2012)',
      links: {
        abs: 'https://arxiv.org/abs/1201.4869',
        pdf: 'https://arxiv.org/pdf/1201.4869v1',
        html: null,
        doi: 'https://doi.org/10.1142/S021797921244002X',
        code: [],
      },
    });
    const abs = r.papers[0]?.abstract ?? '';
    expect(abs.startsWith('As helium-4 is cooled below 2.17 K it undergoes a phase transition to a fundamentally')).toBe(true);
    expect(abs.endsWith('low dimensional state of matter.')).toBe(true);
    expect(abs).not.toMatch(/\s{2}|\n/);
  });

  it('old-style ids, entities, wrapped titles and comments', () => {
    const p1 = r.papers[1];
    expect(p1).toMatchObject({
      id: 'cond-mat/0412498',
      title: 'Thermal melting of density waves on the square lattice',
      authors: ['Adrian Del Maestro', 'Subir Sachdev'],
      published: '2004-12-19',
      primaryCategory: 'cond-mat.str-el',
      categories: ['cond-mat.str-el', 'cond-mat.stat-mech'],
      doi: '10.1103/PhysRevB.71.184511',
      journalRef: 'Physical Review B 71, 184511 (2005)',
      links: { abs: 'https://arxiv.org/abs/cond-mat/0412498', pdf: 'https://arxiv.org/pdf/cond-mat/0412498v1' },
    });
    expect(p1?.abstract).toContain('(p >= 3, integer)');
    expect(p1?.abstract).toContain('"p x p" density wave');

    expect(r.papers[2]?.title).toBe('From stripe to checkerboard order on the square lattice in the presence of quenched disorder');
    expect(r.papers[2]?.authors).toEqual(['Adrian Del Maestro', 'Bernd Rosenow', 'Subir Sachdev']);
    expect(r.papers[2]?.comments).toBe('10 pages, 11 figures; added reference');

    expect(r.papers[7]).toMatchObject({
      id: 'cond-mat/0607501',
      version: 2,
      title: 'A striped supersolid phase and the search for deconfined quantum criticality in hard-core bosons on the triangular lattice',
      authors: ['R. G. Melko', 'A. Del Maestro', 'A. A. Burkov'],
      published: '2006-07-19',
      updated: '2006-11-06',
      categories: ['cond-mat.str-el'],
    });
    expect(r.papers[8]?.title).toBe(
      'Low temperature specific heat and possible gap to magnetic excitations in the Heisenberg pyrochlore antiferromagnet Gd2Sn207',
    );
  });

  it('revised papers: published vs updated, LaTeX kept as text', () => {
    expect(r.papers[4]).toMatchObject({
      id: '1303.6954',
      title: 'Local Superfluidity at the Nanoscale',
      authors: ['B. Kulchytskyy', 'G. Gervais', 'A. Del Maestro'],
      published: '2013-03-27',
      updated: '2013-09-03',
      year: 2013,
      comments: 'Added a figure and extended discussion',
      journalRef: 'Physical Review B 88, 064512 (2013)',
    });
    expect(r.papers[6]).toMatchObject({
      id: '1412.6529',
      published: '2014-12-19',
      updated: '2015-02-25',
      year: 2014,
      primaryCategory: 'cond-mat.quant-gas',
      categories: ['cond-mat.quant-gas', 'quant-ph'],
      comments: '10 pages, 8 figures; updated figure 5, added references, revised text, reformatted',
      doi: '10.1103/PhysRevB.91.184507',
    });
    expect(r.papers[6]?.abstract).toContain("R\\'{e}nyi entanglement entropy");
    expect(r.papers[6]?.abstract).toContain('$\\delta$-function');
    expect(r.papers[9]).toMatchObject({
      id: '0807.2873',
      year: 2008,
      primaryCategory: 'cond-mat.supr-con',
      journalRef: 'Annals of Physics 324, 523 (2009).',
      doi: '10.1016/j.aop.2008.08.003',
    });
  });
});

describeFixtures('arXiv API Atom, 2025+ format (id_list 1706.03762)', () => {
  const url = 'https://arxiv.org/api/query?search_query=&start=0&max_results=10&id_list=1706.03762';
  const r = ok(parseAtom(readFixture('arxiv-api/idlist-1706.03762-2026.xml'), url));

  it('feed-level values', () => {
    expect(ParseOutcome.safeParse(r).success).toBe(true);
    expect(r.total).toBe(1);
    expect(r.author).toBeNull();
    expect(r.title).toBe('arXiv Query: search_query=&id_list=1706.03762&start=0&max_results=10');
    expect(r.papers).toHaveLength(1);
    expect(r.authors.map((a) => a.name)).toEqual(r.papers[0]?.authors);
  });

  it('the entry', () => {
    expect(r.papers[0]).toMatchObject({
      id: '1706.03762',
      arxivId: '1706.03762',
      version: 7,
      title: 'Attention Is All You Need',
      authors: [
        'Ashish Vaswani',
        'Noam Shazeer',
        'Niki Parmar',
        'Jakob Uszkoreit',
        'Llion Jones',
        'Aidan N. Gomez',
        'Lukasz Kaiser',
        'Illia Polosukhin',
      ],
      published: '2017-06-12',
      updated: '2023-08-02',
      year: 2017,
      primaryCategory: 'cs.CL',
      categories: ['cs.CL', 'cs.LG'],
      comments: '15 pages, 5 figures',
      journalRef: null,
      doi: null,
      citations: null,
      source: 'arxiv-api',
      links: { abs: 'https://arxiv.org/abs/1706.03762', pdf: 'https://arxiv.org/pdf/1706.03762v7', html: null, doi: null, code: [] },
    });
    expect(r.papers[0]?.abstract).toMatch(/^The dominant sequence transduction models .* large and limited training data\.$/);
  });
});
