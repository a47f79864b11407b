/** The DBLP publication search API reader on hand-written replies (the real capture: tests/real/dblp.test.ts). */
import { parseDblpSearchJson } from '../../lib/sites/dblp';
import { ParseOutcome, type ScrapeResult } from '../../lib/schema';

const URL_ = 'https://dblp.org/search/publ/api?q=sparse%20widgets&format=json';
const NOW = new Date('2025-06-01T12:00:00Z');

function ok(json: unknown, url = URL_): ScrapeResult {
  const out = parseDblpSearchJson(typeof json === 'string' ? json : JSON.stringify(json), url, NOW);
  if (!out.ok) throw new Error(out.reason);
  expect(ParseOutcome.parse(out)).toEqual(out);
  return out;
}

function reason(json: unknown): string {
  const out = parseDblpSearchJson(json, URL_, NOW);
  if (out.ok) throw new Error('expected Unrecognised');
  expect(out).toMatchObject({ site: 'dblp', url: URL_ });
  return out.reason;
}

const reply = (hits: unknown, total = '2') => ({
  result: { query: 'sparse* widgets*', status: { '@code': '200', text: 'OK' }, hits: { '@total': total, '@computed': total, '@sent': '2', '@first': '0', ...(hits === undefined ? {} : { hit: hits }) } },
});

describe('DBLP publication search JSON', () => {
  it('single author as an object, a list of ee links, CoRR hit → arXiv id; one hit not in an array', () => {
    const corr = {
      '@score': '5', '@id': '1',
      info: {
        authors: { author: { '@pid': '123/4567-2', text: 'Ada Example 0002' } },
        title: 'Sparse Widgets for Dense Problems.', venue: 'CoRR', volume: 'abs/2401.01234', year: '2024', type: 'Informal and Other Publications',
        access: 'open', key: 'journals/corr/abs-2401-01234', doi: '10.48550/ARXIV.2401.01234', ee: ['https://doi.org/10.48550/arXiv.2401.01234', 'https://arxiv.org/abs/2401.01234'],
        url: 'https://dblp.org/rec/journals/corr/abs-2401-01234',
      },
      url: 'URL#1',
    };
    const r = ok(reply(corr, '1'));
    expect(r).toMatchObject({ pageType: 'search', author: null, total: 1, title: 'sparse widgets' });
    expect(r.papers).toHaveLength(1);
    expect(r.papers[0]).toMatchObject({
      id: '2401.01234', arxivId: '2401.01234', doi: null, title: 'Sparse Widgets for Dense Problems', authors: ['Ada Example'],
      authorUrls: ['https://dblp.org/pid/123/4567-2'], year: 2024, journalRef: null,
    });
  });

  it('several venues are joined; numbers may be numbers; an author may be a bare string', () => {
    const r = ok(reply([{ info: { authors: { author: ['Plain Name', { '@pid': 98, text: 'X' }] }, title: 'T.', venue: ['A', 'B'], year: 2020, pages: '1-2', type: 'Conference and Workshop Papers', key: 'conf/a/X20' } }]));
    expect(r.papers[0]).toMatchObject({ id: 'dblp:conf/a/X20', journalRef: 'A, B 2020: 1-2', authors: ['Plain Name', 'X'], authorUrls: [null, null], year: 2020 });
  });

  it('no hit element: no results', () => {
    const r = ok(reply(undefined, '0'));
    expect(r).toMatchObject({ papers: [], authors: [], total: 0 });
  });

  it('the title is the URL query, else the expanded query of the reply', () => {
    expect(ok(reply(undefined, '0'), 'https://dblp.org/search/publ/api?format=json').title).toBe('sparse* widgets*');
  });

  it.each([
    ['not json', 'not JSON'],
    [{ result: {} }, 'not a DBLP publication search reply'],
    [{ foo: 1 }, 'not a DBLP publication search reply'],
    [{ result: { status: { '@code': '500', text: 'Internal Error' }, hits: {} } }, 'DBLP search status 500 Internal Error'],
    [reply([{ info: { title: '' } }]), 'hit 1 has no title'],
    [reply([{ nope: 1 }]), 'not a DBLP publication search reply'],
  ])('Unrecognised: %j', (json, why) => {
    expect(reason(typeof json === 'string' ? json : JSON.stringify(json))).toContain(why);
  });

  it('accepts an already parsed object and never throws', () => {
    expect(parseDblpSearchJson(reply(undefined, '0'), URL_).ok).toBe(true);
    for (const junk of [null, undefined, 42, [], '']) expect(parseDblpSearchJson(junk, URL_).ok).toBe(false);
  });
});
