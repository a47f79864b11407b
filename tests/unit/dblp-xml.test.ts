/**
 * The DBLP XML reader on a synthetic person export (tests/pages/dblp-person-synthetic.xml: CoRR
 * preprints, a preprint and its conference version, an edited volume, ORCID, homonyms) and on
 * small hand-written edge cases. The real capture is in tests/real/dblp.test.ts.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dblpCoauthors, dblpPersonInfo, parseDblpXml } from '../../lib/sites/dblp';
import { ParseOutcome, Unrecognised, type ScrapeResult } from '../../lib/schema';

const here = dirname(fileURLToPath(import.meta.url));
const xml = readFileSync(join(here, '..', 'pages', 'dblp-person-synthetic.xml'), 'utf8');
const URL_ = 'https://dblp.org/pid/123/4567-2.xml';
const NOW = new Date('2025-06-01T12:00:00Z');

function ok(text: string, url = URL_): ScrapeResult {
  const out = parseDblpXml(text, url, NOW);
  if (!out.ok) throw new Error(out.reason);
  expect(ParseOutcome.parse(out)).toEqual(out);
  return out;
}

function notOk(text: string, url = URL_): string {
  const out = parseDblpXml(text, url, NOW);
  if (out.ok) throw new Error('expected Unrecognised');
  expect(Unrecognised.parse(out)).toEqual(out);
  expect(out).toMatchObject({ site: 'dblp', url });
  return out.reason;
}

const person = (records: string, attrs = 'name="Ada Example" pid="123/4567" n="1"') =>
  `<?xml version="1.0"?><dblpperson ${attrs}><person key="homepages/123/4567" mdate="2020-01-01"><author pid="123/4567">Ada Example</author></person>${records}</dblpperson>`;

describe('synthetic person export', () => {
  const r = ok(xml);

  it('is the author page of Ada Example (pid 123/4567-2)', () => {
    expect(r).toMatchObject({ site: 'dblp', pageType: 'author', url: URL_, total: 6, title: 'Ada Example 0002', scrapedAt: NOW.toISOString() });
    expect(r.author).toEqual({ name: 'Ada Example', url: 'https://dblp.org/pid/123/4567-2', arxivId: null, query: null });
  });

  it('6 records → 5 papers: the CoRR preprint and its ICLR version are one paper (arXiv 2401.01234), with the ICLR venue', () => {
    expect(r.papers.map((p) => p.id)).toEqual([
      '2401.01234',
      '2312.09999',
      '10.9999/jwr.2023.0042',
      'dblp:conf/nips/ExampleD22',
      'dblp:conf/wsx/2021',
    ]);
    expect(r.papers[0]).toMatchObject({
      arxivId: '2401.01234', version: 2, doi: null, title: 'Sparse Widgets for Dense Problems', year: 2024, journalRef: 'ICLR 2024',
      authors: ['Ada Example', 'Bo Sample'], authorUrls: ['https://dblp.org/pid/123/4567-2', 'https://dblp.org/pid/s/BoSample'],
      links: { abs: 'https://arxiv.org/abs/2401.01234', pdf: 'https://arxiv.org/pdf/2401.01234', html: null, doi: null, code: [] },
      source: 'dblp', citations: null, published: null, updated: null,
    });
  });

  it('a CoRR record without links still has its arXiv id (from the volume), no venue, and markup-free title', () => {
    expect(r.papers[1]).toMatchObject({
      id: '2312.09999', arxivId: '2312.09999', version: null, title: 'Counting Things & Other Stuff', year: 2023, journalRef: null,
      authors: ['Ada Example'],
    });
  });

  it('a journal article: DOI (case kept, id lower-cased), DBLP-style venue, authors in order', () => {
    expect(r.papers[2]).toMatchObject({
      doi: '10.9999/JWR.2023.0042', arxivId: null, title: 'On the Counting of Things', year: 2023,
      journalRef: 'J. Widget Res. 24(3): 101-130 (2023)',
      authors: ['Carla Test', 'Ada Example', 'Bo Sample'],
      links: { abs: 'https://dblp.org/rec/journals/jwr/TestES23', pdf: null, doi: 'https://doi.org/10.9999/JWR.2023.0042' },
    });
  });

  it('no ids: dblp:<key>; "?" ends the title; the homonym number leaves the co-author name', () => {
    expect(r.papers[3]).toMatchObject({
      title: 'Widgets, Revisited?', journalRef: 'NeurIPS 2022: 100-112', authors: ['Ada Example', 'Dan Demo'],
      authorUrls: ['https://dblp.org/pid/123/4567-2', 'https://dblp.org/pid/00/1111-3'], links: { abs: 'https://dblp.org/rec/conf/nips/ExampleD22' },
    });
  });

  it('an edited volume lists its editors as authors', () => {
    expect(r.papers[4]).toMatchObject({
      title: 'Proceedings of the Workshop on Synthetic Examples', authors: ['Ada Example', 'Eve Editor'],
      authorUrls: ['https://dblp.org/pid/123/4567-2', null], year: 2021, journalRef: 'Example Press 2021',
    });
  });

  it('every distinct author once, by pid', () => {
    expect(r.authors.map((a) => [a.name, a.url])).toEqual([
      ['Ada Example', 'https://dblp.org/pid/123/4567-2'],
      ['Bo Sample', 'https://dblp.org/pid/s/BoSample'],
      ['Carla Test', 'https://dblp.org/pid/98/7654'],
      ['Dan Demo', 'https://dblp.org/pid/00/1111-3'],
      ['Eve Editor', null],
    ]);
  });

  it('person info: aliases, affiliations, notes, ORCID, homonyms with the disambiguation page', () => {
    expect(dblpPersonInfo(xml)).toEqual({
      dblpName: 'Ada Example 0002',
      name: 'Ada Example',
      pid: '123/4567-2',
      url: 'https://dblp.org/pid/123/4567-2',
      records: 6,
      aliases: ['Ada B. Example'],
      affiliations: ['Example University, Department of Widgets, Nowhere', 'Old Institute of Samples'],
      notes: ['award: Best Widget Award 2022'],
      urls: ['https://ada.example.org/', 'https://orcid.org/0000-0002-1825-0097'],
      orcid: '0000-0002-1825-0097',
      disambiguation: false,
      homonyms: [
        { name: 'Ada Example', pid: '123/4567', url: 'https://dblp.org/pid/123/4567', disambiguation: true, affiliations: [] },
        { name: 'Ada Example 0001', pid: '123/4567-1', url: 'https://dblp.org/pid/123/4567-1', disambiguation: false, affiliations: ['Sample College, Elsewhere'] },
      ],
    });
  });

  it('co-authors in DBLP order with community and record counts', () => {
    expect(dblpCoauthors(xml)).toEqual([
      { name: 'Dan Demo', dblpName: 'Dan Demo 0003', pid: '00/1111-3', url: 'https://dblp.org/pid/00/1111-3', community: 0, papers: 1 },
      { name: 'Eve Editor', dblpName: 'Eve Editor', pid: null, url: null, community: 1, papers: 1 },
      { name: 'Bo Sample', dblpName: 'Bo Sample', pid: 's/BoSample', url: 'https://dblp.org/pid/s/BoSample', community: 0, papers: 3 },
      { name: 'Carla Test', dblpName: 'Carla Test', pid: '98/7654', url: 'https://dblp.org/pid/98/7654', community: 0, papers: 1 },
    ]);
  });
});

describe('edge cases', () => {
  it('a disambiguation page is read (its records belong to several people) and says so in its info', () => {
    const x = `<?xml version="1.0"?><dblpperson name="Di Xu" pid="95/7448" n="1"><person publtype="disambiguation" key="homepages/95/7448" mdate="2019-11-26"><author pid="95/7448">Di Xu</author></person>
      <r><article key="journals/x/Xu20" mdate="2020-01-01"><author pid="95/7448">Di Xu</author><title>Something.</title><year>2020</year><journal>X</journal></article></r></dblpperson>`;
    expect(ok(x, 'https://dblp.org/pid/95/7448.xml').papers).toHaveLength(1);
    expect(dblpPersonInfo(x)).toMatchObject({ disambiguation: true, name: 'Di Xu', homonyms: [] });
  });

  it('a person without records is an author page with no papers', () => {
    const r = ok(person('', 'name="Ada Example" pid="123/4567" n="0"'));
    expect(r).toMatchObject({ papers: [], authors: [], total: 0, author: { name: 'Ada Example' } });
  });

  it('a record export (<dblp>) is an abs page', () => {
    const r = ok(`<?xml version="1.0"?><dblp><inproceedings key="conf/dac/ZhangYY21" mdate="2021-11-09"><author pid="17/8386">Haoyu Yang</author><title>Some Title.</title><booktitle>DAC</booktitle><pages>169-174</pages><year>2021</year><ee>https://doi.org/10.1109/DAC18074.2021.9586227</ee></inproceedings></dblp>`, 'https://dblp.org/rec/conf/dac/ZhangYY21.xml');
    expect(r).toMatchObject({ pageType: 'abs', author: null, title: 'Some Title', total: null });
    expect(r.papers[0]).toMatchObject({ id: '10.1109/dac18074.2021.9586227', journalRef: 'DAC 2021: 169-174' });
  });

  it('old-style CoRR volumes and dx.doi.org links', () => {
    const r = ok(person(`<r><article key="journals/corr/cs-AI-0101001" mdate="2018-01-01" publtype="informal"><author pid="123/4567">Ada Example</author><title>Old.</title><journal>CoRR</journal><volume>cs.AI/0101001</volume><year>2001</year></article></r>
      <r><article key="journals/y/Ex99" mdate="2018-01-01"><author pid="123/4567">Ada Example</author><title>Older.</title><journal>Y</journal><volume>1</volume><year>1999</year><ee>http://dx.doi.org/10.1000/Y.1999.1</ee></article></r>`));
    expect(r.papers.map((p) => [p.id, p.arxivId, p.doi, p.journalRef])).toEqual([
      ['cs.AI/0101001', 'cs.AI/0101001', null, null],
      ['10.1000/y.1999.1', null, '10.1000/Y.1999.1', 'Y 1 (1999)'],
    ]);
  });

  it('authors without a valid pid get no link', () => {
    const r = ok(person(`<r><article key="journals/x/A" mdate="2020-01-01"><author>No Pid</author><author pid="bad pid">Bad Pid</author><title>T.</title><year>2020</year></article></r>`));
    expect(r.papers[0]?.authorUrls).toEqual([null, null]);
  });

  it.each([
    ['', 'empty response'],
    ['   ', 'empty response'],
    ['<dblpperson name="x" pid="1/2"><r>', 'malformed XML'],
    ['{"result": {}}', 'malformed XML'],
    ['<html><body>Not found</body></html>', 'not a DBLP export (root element <html>)'],
    ['<?xml version="1.0"?><dblpperson name="X"><person><author>X</author></person></dblpperson>', 'without a valid pid'],
    [person('<r><article key="journals/x/A" mdate="2020-01-01"><author pid="1/2">A</author><year>2020</year></article></r>'), 'record 1 (journals/x/A) has no title'],
    ['<?xml version="1.0"?><dblp></dblp>', 'without a record'],
  ])('Unrecognised: %j', (text, reason) => {
    expect(notOk(text)).toContain(reason);
  });

  it('never throws on junk input', () => {
    for (const junk of [null, undefined, 42, {}, '<', '<<>>', '\u0000']) {
      const out = parseDblpXml(junk as unknown as string, URL_);
      expect(out.ok).toBe(false);
    }
    expect(dblpPersonInfo('junk')).toBeNull();
    expect(dblpCoauthors('junk')).toEqual([]);
    expect(dblpCoauthors('<dblp/>')).toEqual([]);
  });
});
