/**
 * DBLP readers on the real captures in the shared fixtures (never copied into the project):
 * dblp/person-95-7448-1.xml (person XML export, 8 records) and dblp/publ-search-api-attention.json
 * (publication search API). Every value below was read off the capture.
 */
import { dblpCoauthors, dblpPersonInfo, parseDblpSearchJson, parseDblpXml } from '../../lib/sites/dblp';
import { ParseOutcome, type ScrapeResult } from '../../lib/schema';
import { describeFixtures, readFixture } from '../fixtures';

const NOW = new Date('2025-06-01T12:00:00Z');

function ok(outcome: ParseOutcome): ScrapeResult {
  if (!outcome.ok) throw new Error(`expected ok, got: ${outcome.reason}`);
  expect(ParseOutcome.parse(outcome)).toEqual(outcome);
  return outcome;
}

describeFixtures('DBLP person XML export, Di Xu 0001 (pid 95/7448-1)', () => {
  const url = 'https://dblp.org/pid/95/7448-1.xml';
  const xml = readFixture('dblp/person-95-7448-1.xml');
  const r = ok(parseDblpXml(xml, url, NOW));

  it('page-level values', () => {
    expect(r).toMatchObject({ site: 'dblp', pageType: 'author', url, total: 8, title: 'Di Xu 0001', scrapedAt: NOW.toISOString() });
    expect(r.author).toEqual({ name: 'Di Xu', url: 'https://dblp.org/pid/95/7448-1', arxivId: null, query: null });
    expect(r.papers).toHaveLength(8);
  });

  it('ids (DOIs, lower-cased), titles, years in record order', () => {
    expect(r.papers.map((p) => [p.id, p.title, p.year])).toEqual([
      ['10.1109/3dtv.2012.6365428', 'Automatic stereoscopic 3D video reframing', 2012],
      ['10.1109/icce.2012.6161918', 'Quality of experience for the horizontal pixel parallax adjustment of stereoscopic 3D videos', 2012],
      ['10.1109/ictai.2012.57', 'Random Forests Based View Generation for Multiview TV', 2012],
      ['10.1109/tvcg.2010.63', 'Correction of Clipped Pixels in Color Images', 2011],
      ['10.1109/icecs.2010.5724479', 'Guidelines for capturing high quality stereoscopic content based on a systematic subjective evaluation', 2010],
      ['10.1109/icip.2010.5649486', 'An improved Bayesian algorithm for color image desaturation', 2010],
      ['10.1109/iscas.2010.5537871', 'Saturated-pixel enhancement for color images', 2010],
      ['10.1109/icip.2009.5414225', 'Logo insertion transcoding for H.264/AVC compressed video', 2009],
    ]);
  });

  it('venues with volume/pages; no arXiv ids (no arXiv links in this export)', () => {
    expect(r.papers.map((p) => p.journalRef)).toEqual([
      '3DTV-Conference 2012: 1-4',
      'ICCE 2012: 394-395',
      'ICTAI 2012: 367-372',
      'IEEE Trans. Vis. Comput. Graph. 17(3): 333-344 (2011)',
      'ICECS 2010: 162-165',
      'ICIP 2010: 1325-1328',
      'ISCAS 2010: 3377-3380',
      'ICIP 2009: 3693-3696',
    ]);
    expect(r.papers.every((p) => p.arxivId === null && p.source === 'dblp' && p.citations === null && p.published === null)).toBe(true);
  });

  it('DOI as written in the first doi.org ee link (not the ieeecomputersociety or wikidata ones)', () => {
    expect(r.papers[3]).toMatchObject({
      doi: '10.1109/TVCG.2010.63',
      links: { abs: 'https://dblp.org/rec/journals/tvcg/XuDN11', pdf: null, html: null, doi: 'https://doi.org/10.1109/TVCG.2010.63', code: [] },
    });
    expect(r.papers[2]?.doi).toBe('10.1109/ICTAI.2012.57');
    expect(r.papers.every((p) => p.doi !== null && p.id === p.doi.toLowerCase())).toBe(true);
  });

  it('authors in order, homonym number dropped, pid links', () => {
    expect(r.papers[0]).toMatchObject({
      authors: ['Lino Coria-Mendoza', 'Di Xu', 'Panos Nasiopoulos'],
      authorUrls: ['https://dblp.org/pid/32/5783', 'https://dblp.org/pid/95/7448-1', 'https://dblp.org/pid/55/3871'],
    });
    expect(r.papers[1]?.authors).toEqual(['Di Xu', 'Lino E. Coria', 'Panos Nasiopoulos']);
    expect(r.papers[2]?.authors).toEqual(['Mahsa T. Pourazad', 'Di Xu', 'Panos Nasiopoulos']);
    expect(r.papers[7]?.authors).toEqual(['Di Xu', 'Panos Nasiopoulos']);
    expect(r.papers.every((p) => p.authorUrls.includes('https://dblp.org/pid/95/7448-1'))).toBe(true);
    expect(r.authors.map((a) => a.name)).toEqual(['Lino Coria-Mendoza', 'Di Xu', 'Panos Nasiopoulos', 'Lino E. Coria', 'Mahsa T. Pourazad', 'Colin Doutre']);
  });

  it('person info: affiliation and the homonym "Di Xu" disambiguation page', () => {
    expect(dblpPersonInfo(xml)).toEqual({
      dblpName: 'Di Xu 0001',
      name: 'Di Xu',
      pid: '95/7448-1',
      url: 'https://dblp.org/pid/95/7448-1',
      records: 8,
      aliases: [],
      affiliations: ['University of British Columbia, Department of Electrical and Computer Engineering, Canada'],
      notes: [],
      urls: [],
      orcid: null,
      disambiguation: false,
      homonyms: [{ name: 'Di Xu', pid: '95/7448', url: 'https://dblp.org/pid/95/7448', disambiguation: true, affiliations: [] }],
    });
  });

  it('co-authors (5, one community) with their record counts here', () => {
    expect(dblpCoauthors(xml).map((c) => [c.name, c.pid, c.community, c.papers])).toEqual([
      ['Lino E. Coria', '161/3963', 0, 1],
      ['Lino Coria-Mendoza', '32/5783', 0, 2],
      ['Colin Doutre', '58/3497', 0, 3],
      ['Panos Nasiopoulos', '55/3871', 0, 8],
      ['Mahsa T. Pourazad', '55/6295', 0, 1],
    ]);
  });
});

describeFixtures('DBLP publication search API, "attention is all you need"', () => {
  const url = 'https://dblp.org/search/publ/api?q=attention%20is%20all%20you%20need&format=json&h=1';
  const r = ok(parseDblpSearchJson(readFixture('dblp/publ-search-api-attention.json'), url, NOW));

  it('a search with 112 matches, 1 sent', () => {
    expect(r).toMatchObject({ site: 'dblp', pageType: 'search', url, author: null, total: 112, title: 'attention is all you need' });
    expect(r.papers).toHaveLength(1);
  });

  it('the hit as a paper', () => {
    expect(r.papers[0]).toEqual({
      id: '10.1109/dac18074.2021.9586227',
      arxivId: null,
      version: null,
      doi: '10.1109/DAC18074.2021.9586227',
      title: 'Attentional Transfer is All You Need: Technology-aware Layout Pattern Generation',
      authors: ['Xiaopeng Zhang', 'Haoyu Yang', 'Evangeline F. Y. Young'],
      authorUrls: ['https://dblp.org/pid/167/1261-9', 'https://dblp.org/pid/17/8386', 'https://dblp.org/pid/y/EFYYoung'],
      published: null,
      updated: null,
      year: 2021,
      primaryCategory: null,
      categories: [],
      abstract: null,
      comments: null,
      journalRef: 'DAC 2021: 169-174',
      links: { abs: 'https://dblp.org/rec/conf/dac/ZhangYY21', pdf: null, html: null, doi: 'https://doi.org/10.1109/DAC18074.2021.9586227', code: [] },
      citations: null,
      citationsSource: null,
      citationsFetchedAt: null,
      metadataFetchedAt: null,
      codeFetchedAt: null,
      source: 'dblp',
      fetchedAt: NOW.toISOString(),
    });
    expect(r.authors.map((a) => a.url)).toEqual(['https://dblp.org/pid/167/1261-9', 'https://dblp.org/pid/17/8386', 'https://dblp.org/pid/y/EFYYoung']);
  });
});
