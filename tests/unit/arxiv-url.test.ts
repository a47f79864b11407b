import {
  arxivIdFromUrl, authorKey, authorRefFromHref, matches, normaliseArxivId, normaliseName, pageType, yearFromArxivId,
} from '../../lib/sites/arxiv';
import type { PageType } from '../../lib/schema';

const accepted: Record<PageType, string[]> = {
  author: [
    'https://arxiv.org/a/zhao_y_1',
    'https://arxiv.org/a/zhao_y_1.html',
    'https://arxiv.org/a/zhao_y_1/',
    'http://arxiv.org/a/ammanabrolu_p_1.html',
    'https://www.arxiv.org/a/riedl_m_1.html?foo=bar#x',
    'https://arxiv.org/a/0000-0002-1825-0097.html',
  ],
  search: [
    'https://arxiv.org/search/?searchtype=author&query=Zhao%2C+Y',
    'https://arxiv.org/search/?query=Zhao,+Y&searchtype=author',
    'https://arxiv.org/search?searchtype=author&query=Zhao,+Y',
    'https://arxiv.org/search/cs?searchtype=author&query=Zhao,+Y',
    'https://arxiv.org/search/hep-th?searchtype=author&query=Asano,+Y',
    'https://arxiv.org/search/?searchtype=abstract&query=distributed+systems&abstracts=show&size=200',
    'https://arxiv.org/search/?query=transformers&searchtype=all&source=header',
    'https://arxiv.org/search/?searchtype=author_id&query=zhao_y_1',
    'https://arxiv.org/search/advanced?advanced=&terms-0-operator=AND&terms-0-term=Zhao%2C+Y&terms-0-field=author&size=50',
    'http://www.arxiv.org/search/?searchtype=title&query=graph',
  ],
  abs: [
    'https://arxiv.org/abs/2106.09608',
    'https://arxiv.org/abs/2106.09608v2',
    'https://arxiv.org/abs/2106.09608v2/',
    'https://arxiv.org/abs/2106.09608?context=cs.AI',
    'http://arxiv.org/abs/0704.0001',
    'https://www.arxiv.org/abs/1501.00001v10',
    'https://arxiv.org/abs/hep-th/9901001',
    'https://arxiv.org/abs/hep-th/9901001v3',
    'https://arxiv.org/abs/math.GT/0309136',
    'https://arxiv.org/abs/cond-mat/0412498v1',
    'https://arxiv.org/abs/arXiv:2106.09608',
  ],
  listing: [
    'https://arxiv.org/list/hep-th/new',
    'https://arxiv.org/list/math-ph/new',
    'https://arxiv.org/list/cs.CL/new',
    'https://arxiv.org/list/cs/recent',
    'https://arxiv.org/list/cs.LG/pastweek?skip=0&show=25',
    'https://arxiv.org/list/hep-th/new?skip=0&show=1000',
    'https://arxiv.org/list/cond-mat.stat-mech/new/',
    'https://arxiv.org/list/astro-ph.CO/recent',
    // Monthly archives use the same dt/dd markup, so they are listings too.
    'https://arxiv.org/list/cs/2401',
    'https://arxiv.org/list/cs.CL/2024-01',
  ],
  feed: [],
};

const rejected = [
  'https://arxiv.org/',
  'https://arxiv.org',
  'https://arxiv.org/help',
  'https://arxiv.org/help/api',
  'https://arxiv.org/pdf/2106.09608',
  'https://arxiv.org/pdf/2106.09608v2.pdf',
  'https://arxiv.org/html/2408.04000v1',
  'https://arxiv.org/format/2106.09608',
  'https://arxiv.org/abs/',
  'https://arxiv.org/abs/not-an-id',
  'https://arxiv.org/abs/2106.096',
  'https://arxiv.org/a/',
  'https://arxiv.org/a',
  'https://arxiv.org/a/zhao_y_1.atom',
  'https://arxiv.org/a/zhao_y_1.json',
  'https://arxiv.org/list/',
  'https://arxiv.org/list/hep-th',
  'https://arxiv.org/list/hep-th/old',
  'https://arxiv.org/search/',
  'https://arxiv.org/search/?query=&searchtype=all',
  'https://arxiv.org/search/?searchtype=author',
  'https://arxiv.org/search/advanced',
  'https://arxiv.org/search/advanced?terms-0-term=&terms-0-field=title',
  'https://arxiv.org/search/?searchtype=help&query=api',
  'https://arxiv.org/login',
  'https://arxiv.org.evil.com/abs/2106.09608',
  'https://notarxiv.org/abs/2106.09608',
  'https://evil.com/arxiv.org/abs/2106.09608',
  'https://export.arxiv.org/abs/2106.09608',
  'https://arxiv.com/abs/2106.09608',
  'ftp://arxiv.org/abs/2106.09608',
  'javascript:alert(1)',
  'arxiv.org/abs/2106.09608',
  '',
  'not a url',
];

describe('arXiv URL predicates', () => {
  for (const [type, urls] of Object.entries(accepted)) {
    for (const url of urls) {
      it(`${type}: ${url}`, () => {
        expect(matches(url)).toBe(true);
        expect(pageType(url)).toBe(type);
      });
    }
  }

  for (const url of rejected) {
    it(`rejects ${JSON.stringify(url)}`, () => {
      expect(pageType(url)).toBeNull();
    });
  }

  it('matches only arxiv.org and www.arxiv.org over http(s)', () => {
    expect(matches('https://arxiv.org/help')).toBe(true);
    expect(matches('http://www.arxiv.org/')).toBe(true);
    expect(matches('https://ARXIV.ORG/abs/2106.09608')).toBe(true);
    expect(matches('https://arxiv.org.evil.com/')).toBe(false);
    expect(matches('https://notarxiv.org/')).toBe(false);
    expect(matches('https://sub.arxiv.org/')).toBe(false);
    expect(matches('file:///arxiv.org/abs/2106.09608')).toBe(false);
    expect(matches('')).toBe(false);
  });
});

describe('arXiv ids', () => {
  it.each([
    ['2106.09608', '2106.09608', null],
    ['2106.09608v2', '2106.09608', 2],
    ['arXiv:2106.09608v2', '2106.09608', 2],
    ['  ARXIV: 2106.09608 ', '2106.09608', null],
    ['1501.00001v10', '1501.00001', 10],
    ['0704.0001', '0704.0001', null],
    ['hep-th/9901001', 'hep-th/9901001', null],
    ['hep-th/9901001v3', 'hep-th/9901001', 3],
    ['math.GT/0309136', 'math.GT/0309136', null],
    ['arXiv:math.GT/0309136v1', 'math.GT/0309136', 1],
    ['cond-mat/0412498v1', 'cond-mat/0412498', 1],
  ])('normaliseArxivId(%j) → %s v%s', (raw, id, version) => {
    expect(normaliseArxivId(raw)).toEqual({ id, version });
  });

  it.each(['', '2106', '2106.096', '21060.09608', 'hep-th/990100', 'hello', '2106.09608v', '2106.09608v0x', null, undefined])(
    'normaliseArxivId(%j) → null',
    (raw) => {
      expect(normaliseArxivId(raw)).toBeNull();
    },
  );

  it('version 0 is not a version', () => {
    expect(normaliseArxivId('2106.09608v0')).toEqual({ id: '2106.09608', version: null });
  });

  it.each([
    ['https://arxiv.org/abs/2106.09608', '2106.09608', null],
    ['https://arxiv.org/abs/2106.09608v2', '2106.09608', 2],
    ['https://arxiv.org/pdf/2106.09608v2.pdf', '2106.09608', 2],
    ['https://arxiv.org/pdf/2106.09608', '2106.09608', null],
    ['https://arxiv.org/html/2408.04000v1', '2408.04000', 1],
    ['https://arxiv.org/format/2408.04000', '2408.04000', null],
    ['http://www.arxiv.org/abs/hep-th/9901001v2', 'hep-th/9901001', 2],
    ['https://arxiv.org/abs/math.GT/0309136', 'math.GT/0309136', null],
  ])('arxivIdFromUrl(%s)', (url, id, version) => {
    expect(arxivIdFromUrl(url)).toEqual({ id, version });
  });

  it.each(['https://arxiv.org/list/cs/new', 'https://evil.com/abs/2106.09608', '/abs/2106.09608', 'https://arxiv.org/abs/x'])(
    'arxivIdFromUrl(%s) → null',
    (url) => {
      expect(arxivIdFromUrl(url)).toBeNull();
    },
  );

  it('years of identifiers', () => {
    expect(yearFromArxivId('2408.04000')).toBe(2024);
    expect(yearFromArxivId('0704.0001')).toBe(2007);
    expect(yearFromArxivId('hep-th/9901001')).toBe(1999);
    expect(yearFromArxivId('math.GT/0309136')).toBe(2003);
    expect(yearFromArxivId('cond-mat/9108001')).toBe(1991);
    expect(yearFromArxivId('nonsense')).toBeNull();
  });
});

describe('author refs and keys', () => {
  const base = 'https://arxiv.org/list/hep-th/new';

  it('author search links carry the query', () => {
    const ref = authorRefFromHref(' Yuhma  Asano ', 'https://arxiv.org/search/hep-th?searchtype=author&query=Asano,+Y', base);
    expect(ref).toEqual({
      name: 'Yuhma Asano',
      url: 'https://arxiv.org/search/hep-th?searchtype=author&query=Asano,+Y',
      arxivId: null,
      query: 'Asano, Y',
    });
  });

  it('relative links are made absolute', () => {
    const ref = authorRefFromHref('Luca Panizzi', '/search/?searchtype=author&query=Panizzi%2C+L', base);
    expect(ref.url).toBe('https://arxiv.org/search/?searchtype=author&query=Panizzi%2C+L');
    expect(ref.query).toBe('Panizzi, L');
  });

  it('/a/ links carry the author id', () => {
    expect(authorRefFromHref('Yize Zhao', '/a/zhao_y_1.html', base)).toMatchObject({ arxivId: 'zhao_y_1', query: null, url: 'https://arxiv.org/a/zhao_y_1.html' });
    expect(authorRefFromHref('Yize Zhao', 'https://arxiv.org/a/zhao_y_1', base).arxivId).toBe('zhao_y_1');
  });

  it('other links give neither; javascript: links give no url', () => {
    expect(authorRefFromHref('X', 'https://dblp.org/search/author?author=X', base)).toMatchObject({ arxivId: null, query: null });
    expect(authorRefFromHref('X', 'https://evil.com/a/zhao_y_1', base)).toMatchObject({ arxivId: null, query: null });
    expect(authorRefFromHref('X', 'https://arxiv.org/search/?searchtype=title&query=X', base).query).toBeNull();
    expect(authorRefFromHref('X', 'javascript:toggleAuthorList()', base).url).toBeNull();
    expect(authorRefFromHref('X', null, base).url).toBeNull();
  });

  it('normaliseName puts "Last, First" and "First Last" together', () => {
    expect(normaliseName('Zhao, Yize')).toBe('yize zhao');
    expect(normaliseName('Yize Zhao')).toBe('yize zhao');
    expect(normaliseName('  YIZE   ZHAO ')).toBe('yize zhao');
    expect(normaliseName('Riedl, Mark O.')).toBe(normaliseName('Mark O. Riedl'));
    expect(normaliseName('Riedl, M O')).toBe('m o riedl');
    expect(normaliseName('Müller, Lukas')).toBe('lukas muller');
    expect(normaliseName('Michał Ćwiąkała')).toBe('michał cwiakała');
    expect(normaliseName("O'Brien, J.")).toBe('j obrien');
    expect(normaliseName('Leyva-Mayorga, I')).toBe('i leyva mayorga');
  });

  it('authorKey: arXiv author id first, else the normalised query, else the name', () => {
    expect(authorKey({ name: 'Yize Zhao', arxivId: 'zhao_y_1', query: null })).toBe('arxiv:zhao_y_1');
    expect(authorKey({ name: 'Yize Zhao', arxivId: null, query: 'Zhao, Y' })).toBe('arxiv-query:y zhao');
    expect(authorKey({ name: 'Zhao, Y', arxivId: null, query: 'Zhao, Y' })).toBe('arxiv-query:y zhao');
    expect(authorKey({ name: 'Zhao, Yize', arxivId: null, query: null })).toBe('arxiv-query:yize zhao');
    expect(authorKey({ name: 'Yize Zhao' })).toBe('arxiv-query:yize zhao');
  });

  it('a link and the author search it leads to share a key', () => {
    const href = 'https://arxiv.org/search/cs?searchtype=author&query=Ammanabrolu%2C+P';
    const link = authorRefFromHref('Prithviraj Ammanabrolu', href, base);
    const page = { name: 'Ammanabrolu, P', url: href, arxivId: null, query: 'Ammanabrolu, P' };
    expect(authorKey(link)).toBe(authorKey(page));
  });
});
