import { describe, expect, it } from 'vitest';
import { arxivIdFromUrl, isAtomUrl, parseAtom } from '../../lib/sites/arxiv-atom';
import { ParseOutcome, type ScrapeResult } from '../../lib/schema';

const ATOM = 'http://www.w3.org/2005/Atom';
const ARXIV = 'http://arxiv.org/schemas/atom';
const OS = 'http://a9.com/-/spec/opensearch/1.1/';
const NOW = new Date('2025-06-01T00:00:00Z');
const URL_Q = 'https://export.arxiv.org/api/query?search_query=au:doe_j';

/** One feed, written with the given prefixes ('' = default namespace for Atom). */
function feed(a: string, x: string, o: string): string {
  const A = a ? `${a}:` : '';
  const decl = `${a ? `xmlns:${a}` : 'xmlns'}="${ATOM}" xmlns:${x}="${ARXIV}" xmlns:${o}="${OS}"`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<${A}feed ${decl}>
  <${A}title>arXiv Query: search_query=au:doe_j</${A}title>
  <${o}:totalResults>42</${o}:totalResults>
  <${A}entry>
    <${A}id>http://arxiv.org/abs/2401.01234v3</${A}id>
    <${A}published>2024-01-02T10:00:00Z</${A}published>
    <${A}updated>2024-05-06T10:00:00Z</${A}updated>
    <${A}title>A   Title
      on two lines</${A}title>
    <${A}summary>  Code: https://github.com/doe/thing. Also
      see the paper.</${A}summary>
    <${A}author><${A}name>Jane Doe</${A}name><${x}:affiliation>Somewhere U</${x}:affiliation></${A}author>
    <${A}author><${A}name>John Roe</${A}name></${A}author>
    <${x}:comment>10 pages; models at huggingface.co/doe/model</${x}:comment>
    <${x}:journal_ref>J. Things 1 (2024)</${x}:journal_ref>
    <${x}:doi>10.1000/xyz</${x}:doi>
    <${A}link href="http://arxiv.org/abs/2401.01234v3" rel="alternate" type="text/html"/>
    <${A}link title="pdf" href="http://arxiv.org/pdf/2401.01234v3" rel="related" type="application/pdf"/>
    <${A}link title="doi" href="http://dx.doi.org/10.1000/xyz" rel="related"/>
    <${A}category term="cs.LG" scheme="${ARXIV}"/>
    <${x}:primary_category term="cs.CL" scheme="${ARXIV}"/>
    <${A}category term="cs.CL" scheme="${ARXIV}"/>
    <${A}category term="cs.LG" scheme="${ARXIV}"/>
  </${A}entry>
  <${A}entry>
    <${A}id>http://arxiv.org/abs/hep-th/9901001v1</${A}id>
    <${A}title>Old</${A}title>
    <${A}updated>1999-01-01T00:00:00Z</${A}updated>
    <${A}published>1999-01-01T00:00:00Z</${A}published>
    <${A}author><${A}name>John Roe</${A}name></${A}author>
    <${A}summary>x</${A}summary>
  </${A}entry>
</${A}feed>`;
}

function ok(outcome: ParseOutcome): ScrapeResult {
  if (!outcome.ok) throw new Error(`expected ok, got: ${outcome.reason}`);
  return outcome;
}

describe('parseAtom on synthetic feeds', () => {
  const base = ok(parseAtom(feed('', 'arxiv', 'opensearch'), URL_Q, NOW));

  it('reads every field', () => {
    expect(base.pageType).toBe('feed');
    expect(base.site).toBe('arxiv');
    expect(base.author).toBeNull();
    expect(base.total).toBe(42);
    expect(base.title).toBe('arXiv Query: search_query=au:doe_j');
    expect(base.authors.map((a) => a.name)).toEqual(['Jane Doe', 'John Roe']);
    expect(base.papers).toHaveLength(2);
    const [p, old] = base.papers;
    expect(p).toMatchObject({
      id: '2401.01234',
      arxivId: '2401.01234',
      version: 3,
      title: 'A Title on two lines',
      abstract: 'Code: https://github.com/doe/thing. Also see the paper.',
      authors: ['Jane Doe', 'John Roe'],
      published: '2024-01-02',
      updated: '2024-05-06',
      year: 2024,
      primaryCategory: 'cs.CL',
      categories: ['cs.CL', 'cs.LG'],
      comments: '10 pages; models at huggingface.co/doe/model',
      journalRef: 'J. Things 1 (2024)',
      doi: '10.1000/xyz',
      citations: null,
      source: 'arxiv-api',
      fetchedAt: NOW.toISOString(),
      links: {
        abs: 'https://arxiv.org/abs/2401.01234',
        pdf: 'https://arxiv.org/pdf/2401.01234v3',
        html: null,
        doi: 'https://doi.org/10.1000/xyz',
        code: ['https://github.com/doe/thing', 'https://huggingface.co/doe/model'],
      },
    });
    expect(old).toMatchObject({ id: 'hep-th/9901001', version: 1, year: 1999, primaryCategory: null, categories: [], doi: null });
    expect(ParseOutcome.safeParse(base).success).toBe(true);
  });

  it.each([
    ['a', 'arxiv', 'opensearch'],
    ['atom', 'ax', 'os'],
    ['', 'q', 'r'],
  ])('gives the same result with prefixes %j %j %j', (a, x, o) => {
    expect(parseAtom(feed(a, x, o), URL_Q, NOW)).toEqual(base);
  });

  it('gives the same result with namespaces declared inline on each element', () => {
    const inline = feed('', 'arxiv', 'opensearch')
      .replace(` xmlns:arxiv="${ARXIV}" xmlns:opensearch="${OS}"`, '')
      .replace(/<arxiv:(\w+)/g, `<arxiv:$1 xmlns:arxiv="${ARXIV}"`)
      .replace(/<opensearch:(\w+)/g, `<opensearch:$1 xmlns:opensearch="${OS}"`);
    expect(inline).not.toContain(`xmlns:arxiv="${ARXIV}" xmlns:opensearch`);
    expect(parseAtom(inline, URL_Q, NOW)).toEqual(base);
  });

  it('ignores elements that only look right by prefix', () => {
    const wrong = feed('', 'arxiv', 'opensearch').replace(`xmlns:arxiv="${ARXIV}"`, 'xmlns:arxiv="urn:not-arxiv"');
    const r = ok(parseAtom(wrong, URL_Q, NOW));
    expect(r.papers[0]?.doi).toBeNull();
    expect(r.papers[0]?.comments).toBeNull();
    expect(r.papers[0]?.primaryCategory).toBe('cs.LG'); // falls back to the first atom:category
  });

  it('an empty result set is a valid feed', () => {
    const r = ok(parseAtom(`<feed xmlns="${ATOM}"><opensearch:totalResults xmlns:opensearch="${OS}">0</opensearch:totalResults></feed>`, URL_Q, NOW));
    expect(r.papers).toEqual([]);
    expect(r.total).toBe(0);
  });

  it('malformed XML → Unrecognised, never throws', () => {
    for (const xml of ['', '   ', '<feed', 'not xml', `<feed xmlns="${ATOM}"><entry></feed>`, `<feed xmlns="${ATOM}"><a:b/></feed>`]) {
      const r = parseAtom(xml, URL_Q, NOW);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(/malformed|empty/);
    }
    // Not a string at all (a caller passing the wrong thing).
    expect(parseAtom(undefined as unknown as string, URL_Q).ok).toBe(false);
  });

  it('not a feed → Unrecognised', () => {
    const html = parseAtom('<html><body><p>hi</p></body></html>', URL_Q, NOW);
    expect(html).toMatchObject({ ok: false, reason: expect.stringMatching(/not an Atom feed/) });
    // A feed element outside the Atom namespace.
    expect(parseAtom('<feed><entry/></feed>', URL_Q, NOW).ok).toBe(false);
  });

  it('error entry → Unrecognised with the API message', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="${ATOM}">
  <opensearch:totalResults xmlns:opensearch="${OS}">1</opensearch:totalResults>
  <entry>
    <id>http://arxiv.org/api/errors#incorrect_id_format_for_1234.1234v1234</id>
    <title>Error</title>
    <summary>incorrect id format for 1234.1234v1234</summary>
    <updated>2025-01-01T00:00:00-05:00</updated>
    <link href="http://arxiv.org/api/errors#incorrect_id_format_for_1234.1234v1234" rel="alternate" type="text/html"/>
    <author><name>arXiv api core</name></author>
  </entry>
</feed>`;
    expect(parseAtom(xml, URL_Q, NOW)).toEqual({
      ok: false,
      site: 'arxiv',
      url: URL_Q,
      reason: 'arXiv API error: incorrect id format for 1234.1234v1234',
    });
  });

  it('author feeds name the author', () => {
    const url = 'https://arxiv.org/a/doe_j_1.atom2';
    const r = ok(parseAtom(feed('', 'arxiv', 'opensearch'), url, NOW));
    expect(r.author).toEqual({ name: 'Jane Doe', url: 'https://arxiv.org/a/doe_j_1', arxivId: 'doe_j_1', query: null });

    const titled = feed('', 'arxiv', 'opensearch').replace('arXiv Query: search_query=au:doe_j', 'arXiv author: J. Doe');
    expect(ok(parseAtom(titled, 'http://arxiv.org/a/doe_j_1.atom', NOW)).author?.name).toBe('J. Doe');

    expect(ok(parseAtom(feed('', 'arxiv', 'opensearch'), 'https://arxiv.org/a/nobody_x_1.atom', NOW)).author?.name).toBe('nobody_x_1');
  });

  it('.atom2 feeds join a paper\'s authors in one <name>: they are split; .atom and API feeds are not', () => {
    const entry = (names: string) => `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Jane Doe's articles on arXiv</title>
<entry><id>http://arxiv.org/abs/2401.00001v1</id><title>T</title><published>2024-01-01T00:00:00Z</published>${names}</entry></feed>`;
    const joined = entry('<author><name>Jane Doe, Ada B. Lovelace Jr, Émile Borel</name></author>');
    expect(ok(parseAtom(joined, 'https://arxiv.org/a/doe_j_1.atom2', NOW)).papers[0]!.authors).toEqual(['Jane Doe', 'Ada B. Lovelace Jr', 'Émile Borel']);
    expect(ok(parseAtom(joined, 'https://arxiv.org/a/doe_j_1.atom', NOW)).papers[0]!.authors).toEqual(['Jane Doe, Ada B. Lovelace Jr, Émile Borel']);
    const one = entry('<author><name>Jane Doe</name></author><author><name>Émile Borel</name></author>');
    expect(ok(parseAtom(one, 'https://arxiv.org/a/doe_j_1.atom2', NOW)).papers[0]!.authors).toEqual(['Jane Doe', 'Émile Borel']);
  });
});

describe('isAtomUrl', () => {
  it.each([
    ['http://export.arxiv.org/api/query?search_query=au:del_maestro&start=0', true],
    ['https://export.arxiv.org/api/query?id_list=1706.03762', true],
    ['https://arxiv.org/api/query?search_query=&id_list=1706.03762', true],
    ['https://arxiv.org/a/maestro_a_1.atom', true],
    ['https://arxiv.org/a/maestro_a_1.atom2', true],
    ['https://arxiv.org/api/query', false],
    ['https://arxiv.org/a/maestro_a_1', false],
    ['https://arxiv.org/a/maestro_a_1.html', false],
    ['https://arxiv.org/abs/1706.03762', false],
    ['https://evil.example/api/query?x=1', false],
    ['https://arxiv.org.evil.example/api/query?x=1', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => expect(isAtomUrl(url)).toBe(expected));
});

describe('arxivIdFromUrl', () => {
  it.each([
    ['http://arxiv.org/abs/1706.03762v7', '1706.03762', 7],
    ['https://arxiv.org/abs/1706.03762', '1706.03762', null],
    ['http://arxiv.org/abs/cond-mat/0412498v1', 'cond-mat/0412498', 1],
    ['http://arxiv.org/abs/math.AG/0601001v2', 'math.AG/0601001', 2],
    ['http://arxiv.org/abs/2401.12345v10', '2401.12345', 10],
  ])('%s', (url, id, version) => expect(arxivIdFromUrl(url)).toEqual({ id, version }));
  it('rejects non-arXiv ids', () => {
    expect(arxivIdFromUrl('http://arxiv.org/api/errors#x')).toBeNull();
    expect(arxivIdFromUrl(null)).toBeNull();
  });
});
