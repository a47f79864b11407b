/** Which URLs the Google Scholar adapter takes, and the ids and canonical URLs it derives from them. */
import { citationViewUrl, isProfileUrl, matches, pageType, parse, profileUrl, scholarUserId } from '../../lib/sites/gscholar';
import { htmlDoc } from '../fixtures';

const profiles: [string, string][] = [
  ['https://scholar.google.com/citations?user=AoKJ_g4AAAAJ', 'AoKJ_g4AAAAJ'],
  ['https://scholar.google.com/citations?hl=pt-PT&user=AoKJ_g4AAAAJ', 'AoKJ_g4AAAAJ'],
  ['https://scholar.google.com/citations?user=AoKJ_g4AAAAJ&hl=en', 'AoKJ_g4AAAAJ'],
  ['http://scholar.google.com/citations?user=AoKJ_g4AAAAJ', 'AoKJ_g4AAAAJ'],
  ['https://scholar.google.co.uk/citations?user=JicYPdAAAAAJ&hl=en&oi=ao', 'JicYPdAAAAAJ'],
  ['https://scholar.google.com.br/citations?user=AoKJ_g4AAAAJ&hl=pt-BR', 'AoKJ_g4AAAAJ'],
  ['https://scholar.google.de/citations?hl=de&user=BEISPIEL0AAAJ', 'BEISPIEL0AAAJ'],
  ['https://scholar.google.pt/citations?user=AoKJ_g4AAAAJ&hl=pt-PT', 'AoKJ_g4AAAAJ'],
  ['https://scholar.google.co.jp/citations?user=AoKJ_g4AAAAJ&hl=ja', 'AoKJ_g4AAAAJ'],
  ['https://scholar.google.com.au/citations?user=AoKJ_g4AAAAJ', 'AoKJ_g4AAAAJ'],
  ['https://SCHOLAR.GOOGLE.COM/citations?user=AoKJ_g4AAAAJ', 'AoKJ_g4AAAAJ'],
  ['https://scholar.google.com/citations?hl=en&user=AoKJ_g4AAAAJ&view_op=list_works', 'AoKJ_g4AAAAJ'],
  ['https://scholar.google.com/citations?hl=en&user=AoKJ_g4AAAAJ&view_op=list_works&sortby=pubdate', 'AoKJ_g4AAAAJ'],
  ['https://scholar.google.com/citations?user=AoKJ_g4AAAAJ&hl=en&cstart=20&pagesize=80', 'AoKJ_g4AAAAJ'],
  ['https://scholar.google.com/citations/?user=AoKJ_g4AAAAJ', 'AoKJ_g4AAAAJ'],
  ['https://scholar.google.com/citations?user=AoKJ_g4AAAAJ#d=gsc_md_hist', 'AoKJ_g4AAAAJ'],
  ['https://scholar.google.com/citations?view_op=&user=AoKJ_g4AAAAJ', 'AoKJ_g4AAAAJ'],
];

/** Scholar pages that are not profiles: matched as the site, no page type. */
const otherScholarPages = [
  'https://scholar.google.com/citations?view_op=view_citation&hl=en&user=AoKJ_g4AAAAJ&citation_for_view=AoKJ_g4AAAAJ:5ugPr518TE4C',
  'https://scholar.google.com/scholar?q=attention+is+all+you+need',
  'https://scholar.google.com/scholar?hl=en&as_sdt=0%2C5&q=transformers&btnG=',
  'https://scholar.google.com/scholar?cites=11402497244627827100',
  'https://scholar.google.com/citations?view_op=search_authors&mauthors=denner',
  'https://scholar.google.com/citations?view_op=list_colleagues&hl=en&user=AoKJ_g4AAAAJ',
  'https://scholar.google.com/citations?view_op=list_mandates&hl=pt-PT&user=AoKJ_g4AAAAJ',
  'https://scholar.google.com/citations?hl=en',
  'https://scholar.google.com/citations?user=',
  'https://scholar.google.com/citations?user=a%20b',
  'https://scholar.google.com/',
  'https://scholar.google.com/schhp?hl=pt-PT',
  'https://scholar.google.com/citations/user/AoKJ_g4AAAAJ',
];

/** Not Scholar at all. */
const notScholar = [
  'https://scholar.google.com.evil.net/citations?user=AoKJ_g4AAAAJ',
  'https://notscholar.google.com/citations?user=AoKJ_g4AAAAJ',
  'https://scholar.google.evil.com/citations?user=AoKJ_g4AAAAJ',
  'https://scholar.googleusercontent.com/citations?view_op=view_photo&user=AoKJ_g4AAAAJ',
  'https://google.com/citations?user=AoKJ_g4AAAAJ',
  'https://www.google.com/citations?user=AoKJ_g4AAAAJ',
  'https://evil.net/?u=https://scholar.google.com/citations?user=AoKJ_g4AAAAJ',
  'https://evil.net/scholar.google.com/citations?user=AoKJ_g4AAAAJ',
  'ftp://scholar.google.com/citations?user=AoKJ_g4AAAAJ',
  'javascript:alert(1)//scholar.google.com/citations?user=X',
  'file:///home/u/scholar.google.com/citations?user=AoKJ_g4AAAAJ',
  'https://arxiv.org/a/zhao_y_1',
  'not a url',
  '',
];

describe('Google Scholar URLs', () => {
  it.each(profiles)('profile: %s', (url, user) => {
    expect(matches(url)).toBe(true);
    expect(pageType(url)).toBe('author');
    expect(isProfileUrl(url)).toBe(true);
    expect(scholarUserId(url)).toBe(user);
  });

  it.each(otherScholarPages)('Scholar, but not a profile: %s', (url) => {
    expect(matches(url)).toBe(true);
    expect(pageType(url)).toBeNull();
  });

  it.each(notScholar)('not Scholar: %s', (url) => {
    expect(matches(url)).toBe(false);
    expect(pageType(url)).toBeNull();
    expect(scholarUserId(url)).toBeNull();
  });

  it('the user id of a citation view is its profile user, though the page is no profile', () => {
    const url = 'https://scholar.google.com/citations?view_op=view_citation&hl=en&user=AoKJ_g4AAAAJ&citation_for_view=AoKJ_g4AAAAJ:5ugPr518TE4C';
    expect(scholarUserId(url)).toBe('AoKJ_g4AAAAJ');
    expect(pageType(url)).toBeNull();
  });

  it('canonical URLs are on scholar.google.com without hl', () => {
    expect(profileUrl('AoKJ_g4AAAAJ')).toBe('https://scholar.google.com/citations?user=AoKJ_g4AAAAJ');
    expect(citationViewUrl('AoKJ_g4AAAAJ', 'AoKJ_g4AAAAJ:5ugPr518TE4C'))
      .toBe('https://scholar.google.com/citations?view_op=view_citation&user=AoKJ_g4AAAAJ&citation_for_view=AoKJ_g4AAAAJ:5ugPr518TE4C');
    expect(citationViewUrl('a&b', 'x=y')).toBe('https://scholar.google.com/citations?view_op=view_citation&user=a%26b&citation_for_view=x%3Dy');
  });

  it('parse refuses what pageType refuses, with a reason', () => {
    const doc = htmlDoc('<html><body><div id="gsc_prf_in">X</div></body></html>');
    for (const [url, reason] of [
      ['https://scholar.google.com/scholar?q=x', 'not a Google Scholar profile page'],
      ['https://scholar.google.com.evil.net/citations?user=AoKJ_g4AAAAJ', 'not a Google Scholar URL'],
    ] as const) {
      expect(parse(doc, url)).toEqual({ ok: false, site: 'gscholar', url, reason });
    }
  });
});
