/**
 * `profileFromOpenReview` on the real (hand-trimmed by its source repository) API v2 notes search
 * reply in the shared fixtures, openreview/notes-search-trimmed.json: only id, mdate, tcdate and
 * content.{title,authors,venue} kept, so it is used for the shape. Values read off the capture.
 */
import { profileFromOpenReview } from '../../lib/sites/openreview';
import { ParseOutcome, type ScrapeResult } from '../../lib/schema';
import { describeFixtures, readFixture } from '../fixtures';

const NOW = new Date('2025-06-01T12:00:00Z');

function ok(out: ParseOutcome): ScrapeResult {
  if (!out.ok) throw new Error(out.reason);
  expect(ParseOutcome.parse(out)).toEqual(out);
  return out;
}

describeFixtures('OpenReview notes search (trimmed), "GAN Vocoder…"', () => {
  const json = readFixture('openreview/notes-search-trimmed.json');
  const AUTHORS = ['Jaeseong You', 'Dalhyun Kim', 'Gyuhyeon Nam', 'Geumbyeol Hwang', 'Gyeongsu Chae'];

  it('as a search: two notes, two papers (the CoRR and the Interspeech record of one paper)', () => {
    const url = 'https://api2.openreview.net/notes/search?term=GAN%20Vocoder%3A%20Multi-Resolution%20Discriminator';
    const r = ok(profileFromOpenReview(json, url, { now: NOW }));
    expect(r).toMatchObject({ site: 'openreview', pageType: 'search', url, author: null, total: null, title: 'GAN Vocoder: Multi-Resolution Discriminator' });
    expect(r.papers.map((p) => [p.id, p.title, p.journalRef, p.year])).toEqual([
      ['openreview:k7l7p1yVZj', 'GAN Vocoder: Multi-Resolution Discriminator Is All You Need', 'CoRR 2021', 2021],
      ['openreview:s7kNuWIB09', 'GAN Vocoder: Multi-Resolution Discriminator Is All You Need', 'Interspeech 2021', 2021],
    ]);
    expect(r.papers.every((p) => p.authors.join('|') === AUTHORS.join('|') && p.authorUrls.every((u) => u === null))).toBe(true);
    // No pdate/odate in the capture: no published date; tcdate (2024-10-18, the import) is not used for the year.
    expect(r.papers.every((p) => p.published === null && p.arxivId === null && p.doi === null && p.source === 'openreview')).toBe(true);
    expect(r.papers[0]?.links).toEqual({ abs: 'https://openreview.net/forum?id=k7l7p1yVZj', pdf: null, html: null, doi: null, code: [] });
    expect(r.authors.map((a) => a.name)).toEqual(AUTHORS);
  });

  it('as a profile page: the notes carry no author ids, so the name comes from the profile id', () => {
    const url = 'https://openreview.net/profile?id=~Jaeseong_You1';
    const r = ok(profileFromOpenReview(json, url, { now: NOW }));
    expect(r).toMatchObject({ pageType: 'author', title: 'Jaeseong You' });
    expect(r.author).toEqual({ name: 'Jaeseong You', url: 'https://openreview.net/profile?id=~Jaeseong_You1', arxivId: null, query: null });
    expect(r.papers).toHaveLength(2);
  });
});
