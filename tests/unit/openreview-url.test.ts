import {
  isOpenReviewApiUrl, matches, nameFromProfileId, openReviewForumIdFromUrl, openReviewIdFromUrl, pageType, profileUrl, site,
} from '../../lib/sites/openreview';

describe('OpenReview URLs', () => {
  const profiles: [string, string][] = [
    ['https://openreview.net/profile?id=~Jaeseong_You1', '~Jaeseong_You1'],
    ['https://openreview.net/profile?id=%7EJaeseong_You1', '~Jaeseong_You1'],
    ['https://openreview.net/profile/?id=~Ada_B._Example2&tab=pubs', '~Ada_B._Example2'],
    ['http://www.openreview.net/profile?id=~Émile_Borel1', '~Émile_Borel1'],
  ];
  it.each(profiles)('%s is a profile (author) page: %s', (url, id) => {
    expect(matches(url)).toBe(true);
    expect(pageType(url)).toBe('author');
    expect(openReviewIdFromUrl(url)).toBe(id);
  });

  const forums: [string, string][] = [
    ['https://openreview.net/forum?id=k7l7p1yVZj', 'k7l7p1yVZj'],
    ['https://openreview.net/forum?id=s7kNuWIB09&noteId=abcdef123', 's7kNuWIB09'],
    ['https://openreview.net/forum/?id=rJ4km2R5t7#comments', 'rJ4km2R5t7'],
  ];
  it.each(forums)('%s is a forum (abs) page: %s', (url, id) => {
    expect(pageType(url)).toBe('abs');
    expect(openReviewForumIdFromUrl(url)).toBe(id);
    expect(openReviewIdFromUrl(url)).toBeNull();
  });

  const rejected = [
    'https://openreview.net/',
    'https://openreview.net/profile',
    'https://openreview.net/profile?id=',
    'https://openreview.net/profile?id=Jaeseong_You1',
    'https://openreview.net/profile?email=ada@example.org',
    'https://openreview.net/forum',
    'https://openreview.net/forum?id=',
    'https://openreview.net/forum?id=a b',
    'https://openreview.net/pdf?id=k7l7p1yVZj',
    'https://openreview.net/group?id=ICLR.cc/2024/Conference',
    'https://openreview.net/search?term=widgets',
    'https://api2.openreview.net/notes?content.authorids=~Jaeseong_You1',
    'https://openreview.net.evil.com/profile?id=~Jaeseong_You1',
    'https://evil.com/openreview.net/profile?id=~Jaeseong_You1',
    'not a url',
    '',
  ];
  it.each(rejected)('%s is no page we read', (url) => {
    expect(pageType(url)).toBeNull();
  });

  it('API notes endpoints', () => {
    expect(isOpenReviewApiUrl('https://api2.openreview.net/notes?content.authorids=~Jaeseong_You1')).toBe(true);
    expect(isOpenReviewApiUrl('https://api2.openreview.net/notes/search?term=GAN')).toBe(true);
    expect(isOpenReviewApiUrl('https://api.openreview.net/notes?content.authorids=~X1')).toBe(true);
    expect(isOpenReviewApiUrl('https://api2.openreview.net/profiles?id=~X1')).toBe(false);
    expect(isOpenReviewApiUrl('https://openreview.net/notes')).toBe(false);
  });

  it('site, hosts, profile helpers', () => {
    expect(site).toBe('openreview');
    expect(matches('https://api2.openreview.net/notes')).toBe(false);
    expect(profileUrl('~Jaeseong_You1')).toBe('https://openreview.net/profile?id=~Jaeseong_You1');
    expect(nameFromProfileId('~Jaeseong_You1')).toBe('Jaeseong You');
    expect(nameFromProfileId('~Ada_B._Example12')).toBe('Ada B. Example');
  });
});
