import * as dblp from '../../lib/sites/dblp';
import { dblpFeeds, dblpPidFromUrl, dblpRecKeyFromUrl, isDblpPublSearchApiUrl, isDblpXmlUrl, matches, pageType, site } from '../../lib/sites/dblp';
import * as openreview from '../../lib/sites/openreview';
import type { FeedParser, SiteAdapter } from '../../lib/sites/registry';
import * as s2page from '../../lib/sites/semanticscholar-page';
import { cleanTitle, displayName, pidFromHref } from '../../lib/sites/dblp-record';

describe('DBLP URLs', () => {
  const authors: [string, string][] = [
    ['https://dblp.org/pid/95/7448-1', '95/7448-1'],
    ['https://dblp.org/pid/95/7448-1.html', '95/7448-1'],
    ['https://dblp.org/pid/95/7448-1.xml', '95/7448-1'],
    ['http://dblp.org/pid/95/7448-1.html?view=by-type', '95/7448-1'],
    ['https://dblp.org/pid/m/JohnMcCarthy.html', 'm/JohnMcCarthy'],
    ['https://dblp.org/pid/h/GeoffreyEHinton', 'h/GeoffreyEHinton'],
    ['https://dblp.org/pid/h/GeoffreyEHinton/', 'h/GeoffreyEHinton'],
    ['https://dblp.uni-trier.de/pid/95/7448.html', '95/7448'],
    ['https://dblp.dagstuhl.de/pid/269/4508.html#x', '269/4508'],
    ['https://www.dblp.org/pid/00/1111-3', '00/1111-3'],
  ];
  it.each(authors)('%s is an author page (pid %s)', (url, pid) => {
    expect(matches(url)).toBe(true);
    expect(pageType(url)).toBe('author');
    expect(dblpPidFromUrl(url)).toBe(pid);
  });

  const records: [string, string][] = [
    ['https://dblp.org/rec/conf/dac/ZhangYY21', 'conf/dac/ZhangYY21'],
    ['https://dblp.org/rec/conf/dac/ZhangYY21.html', 'conf/dac/ZhangYY21'],
    ['https://dblp.uni-trier.de/rec/journals/corr/abs-2106-09685.html', 'journals/corr/abs-2106-09685'],
    ['https://dblp.org/rec/journals/tvcg/XuDN11.xml', 'journals/tvcg/XuDN11'],
  ];
  it.each(records)('%s is a record page (key %s)', (url, key) => {
    expect(pageType(url)).toBe('abs');
    expect(dblpRecKeyFromUrl(url)).toBe(key);
    expect(dblpPidFromUrl(url)).toBeNull();
  });

  const rejected = [
    'https://dblp.org/',
    'https://dblp.org/search?q=attention+is+all+you+need',
    'https://dblp.org/search/author?q=Di+Xu',
    'https://dblp.org/search/publ/api?q=attention&format=json',
    'https://dblp.org/db/conf/3dtv/3dtv2012.html',
    'https://dblp.org/db/journals/tvcg/tvcg17.html#XuDN11',
    'https://dblp.org/pid/95/7448-1.bib',
    'https://dblp.org/pid/95/7448-1.rss',
    'https://dblp.org/pid/',
    'https://dblp.org/pid/95',
    'https://dblp.org/pers/hd/x/Xu_0001:Di',
    'https://dblp.org/rec/conf/dac/ZhangYY21.bib',
    'https://dblp.org.evil.com/pid/95/7448-1',
    'https://evil.com/dblp.org/pid/95/7448-1',
    'https://arxiv.org/a/zhao_y_1',
    'ftp://dblp.org/pid/95/7448-1',
    'not a url',
    '',
  ];
  it.each(rejected)('%s is no page we read', (url) => {
    expect(pageType(url)).toBeNull();
    expect(dblpPidFromUrl(url)).toBeNull();
  });

  it('matches dblp hosts only', () => {
    expect(site).toBe('dblp');
    expect(matches('https://dblp.org/search?q=x')).toBe(true);
    expect(matches('https://dblp.uni-trier.de/')).toBe(true);
    expect(matches('https://dblp.org.evil.com/')).toBe(false);
    expect(matches('https://arxiv.org/')).toBe(false);
    expect(matches('garbage')).toBe(false);
  });

  it('XML exports and the publication search API are feeds', () => {
    expect(isDblpXmlUrl('https://dblp.org/pid/95/7448-1.xml')).toBe(true);
    expect(isDblpXmlUrl('https://dblp.org/rec/conf/dac/ZhangYY21.xml')).toBe(true);
    expect(isDblpXmlUrl('https://dblp.org/pid/95/7448-1.html')).toBe(false);
    expect(isDblpXmlUrl('https://example.org/pid/95/7448-1.xml')).toBe(false);
    expect(isDblpPublSearchApiUrl('https://dblp.org/search/publ/api?q=attention&format=json&h=1')).toBe(true);
    expect(isDblpPublSearchApiUrl('https://dblp.org/search/author/api?q=x')).toBe(false);
    expect(isDblpPublSearchApiUrl('https://dblp.org/search?q=x')).toBe(false);
  });

  it('pid links on pages resolve to pids, relative or on mirrors', () => {
    expect(pidFromHref('https://dblp.org/pid/s/BoSample.html')).toBe('s/BoSample');
    expect(pidFromHref('/pid/98/7654.html')).toBe('98/7654');
    expect(pidFromHref('https://dblp.uni-trier.de/pid/98/7654')).toBe('98/7654');
    expect(pidFromHref('https://dblp.org/db/conf/iclr/iclr2024.html')).toBeNull();
    expect(pidFromHref('https://example.org/pid/98/7654.html')).toBeNull();
    expect(pidFromHref(null)).toBeNull();
  });

  it('names lose the homonym number; titles lose one trailing period', () => {
    expect(displayName('Di Xu 0001')).toBe('Di Xu');
    expect(displayName('Xiaopeng Zhang 0009')).toBe('Xiaopeng Zhang');
    expect(displayName('Jan 2000 Novak')).toBe('Jan 2000 Novak');
    expect(cleanTitle('Saturated-pixel enhancement for color images.')).toBe('Saturated-pixel enhancement for color images');
    expect(cleanTitle('Widgets, Revisited?')).toBe('Widgets, Revisited?');
    expect(cleanTitle('To be continued...')).toBe('To be continued...');
  });
});

describe('the registry contract', () => {
  it('the DBLP, Semantic Scholar page and OpenReview modules are SiteAdapters; the DBLP feeds are FeedParsers', () => {
    const adapters: SiteAdapter[] = [dblp, s2page, openreview];
    expect(adapters.map((a) => a.site)).toEqual(['dblp', 'semanticscholar', 'openreview']);
    const feeds: readonly FeedParser[] = dblpFeeds;
    expect(feeds.map((f) => f.matches('https://dblp.org/pid/95/7448-1.xml'))).toEqual([true, false]);
    expect(feeds.map((f) => f.matches('https://dblp.org/search/publ/api?q=x&format=json'))).toEqual([false, true]);
    // Each URL is claimed by one adapter at most.
    for (const url of ['https://dblp.org/pid/95/7448-1', 'https://www.semanticscholar.org/author/x/1', 'https://openreview.net/profile?id=~A_B1']) {
      expect(adapters.filter((a) => a.matches(url))).toHaveLength(1);
    }
  });
});
