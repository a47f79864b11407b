import { isS2AuthorApiUrl, matches, pageType, s2AuthorIdFromUrl, s2AuthorUrl, s2PaperIdFromUrl, site } from '../../lib/sites/semanticscholar-page';

const HEX = '204e3073870fae3d05bcbc2f6a8e263d9b72e776';

describe('Semantic Scholar URLs', () => {
  const authors: [string, string][] = [
    ['https://www.semanticscholar.org/author/A.-Turing/2262347', '2262347'],
    ['https://www.semanticscholar.org/author/Alan-M.-Turing/2262347/', '2262347'],
    ['https://www.semanticscholar.org/author/2262347', '2262347'],
    ['http://semanticscholar.org/author/Yoshua-Bengio/1751762?sort=influence', '1751762'],
    ['https://www.semanticscholar.org/author/%C3%89mile-Borel/12345#papers', '12345'],
  ];
  it.each(authors)('%s is an author page (id %s)', (url, id) => {
    expect(matches(url)).toBe(true);
    expect(pageType(url)).toBe('author');
    expect(s2AuthorIdFromUrl(url)).toBe(id);
    expect(s2PaperIdFromUrl(url)).toBeNull();
  });

  const papers: string[] = [
    `https://www.semanticscholar.org/paper/Attention-is-All-you-Need-Vaswani-Shazeer/${HEX}`,
    `https://www.semanticscholar.org/paper/${HEX}`,
    `https://www.semanticscholar.org/paper/Attention/${HEX.toUpperCase()}/`,
    `https://semanticscholar.org/paper/x/${HEX}?utm_source=api`,
  ];
  it.each(papers)('%s is a paper page', (url) => {
    expect(pageType(url)).toBe('abs');
    expect(s2PaperIdFromUrl(url)).toBe(HEX);
    expect(s2AuthorIdFromUrl(url)).toBeNull();
  });

  const rejected = [
    'https://www.semanticscholar.org/',
    'https://www.semanticscholar.org/search?q=turing',
    'https://www.semanticscholar.org/author/A.-Turing',
    'https://www.semanticscholar.org/author/A.-Turing/abc',
    'https://www.semanticscholar.org/author/A.-Turing/2262347/papers',
    'https://www.semanticscholar.org/paper/Attention/204e3073',
    `https://www.semanticscholar.org/paper/Attention/${HEX}0`,
    'https://www.semanticscholar.org/me/library',
    'https://api.semanticscholar.org/graph/v1/author/2262347',
    'https://www.semanticscholar.org.evil.com/author/x/2262347',
    'https://evil.com/www.semanticscholar.org/author/x/2262347',
    'https://arxiv.org/a/turing_a_1',
    'not a url',
    '',
  ];
  it.each(rejected)('%s is no page we read', (url) => {
    expect(pageType(url)).toBeNull();
  });

  it('site, hosts, canonical author URL', () => {
    expect(site).toBe('semanticscholar');
    expect(matches('https://www.semanticscholar.org/search?q=x')).toBe(true);
    expect(matches('https://api.semanticscholar.org/graph/v1/paper/x')).toBe(false);
    expect(matches('https://semanticscholar.org.evil.com/')).toBe(false);
    expect(s2AuthorUrl('2262347')).toBe('https://www.semanticscholar.org/author/2262347');
  });

  it('the Graph API author record URL is a feed; its /papers pages and other hosts are not', () => {
    expect(isS2AuthorApiUrl('https://api.semanticscholar.org/graph/v1/author/2262347?fields=name,papers')).toBe(true);
    expect(isS2AuthorApiUrl('https://api.semanticscholar.org/graph/v1/author/2262347')).toBe(true);
    expect(isS2AuthorApiUrl('https://api.semanticscholar.org/graph/v1/author/2262347/papers?offset=0')).toBe(false);
    expect(isS2AuthorApiUrl('https://api.semanticscholar.org/graph/v1/author/search?query=turing')).toBe(false);
    expect(isS2AuthorApiUrl('https://www.semanticscholar.org/author/2262347')).toBe(false);
  });
});
