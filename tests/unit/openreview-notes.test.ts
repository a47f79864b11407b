/**
 * `profileFromOpenReview` on a synthetic API v2 `/notes?content.authorids=~Ada_Example1` reply
 * (tests/pages/openreview-profile-notes.json: a conference paper, a DBLP import with an arXiv link,
 * one with a DOI in its BibTeX, a submission, a reply), on edge cases, and `parse` on app pages.
 * The real trimmed capture is in tests/real/openreview.test.ts.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_REASON, parse, profileFromOpenReview } from '../../lib/sites/openreview';
import { ParseOutcome, type ScrapeResult } from '../../lib/schema';
import { htmlDoc } from '../fixtures';

const here = dirname(fileURLToPath(import.meta.url));
const notes = readFileSync(join(here, '..', 'pages', 'openreview-profile-notes.json'), 'utf8');
const PROFILE = 'https://openreview.net/profile?id=~Ada_Example1';
const NOW = new Date('2025-06-01T12:00:00Z');

function ok(out: ParseOutcome): ScrapeResult {
  if (!out.ok) throw new Error(out.reason);
  expect(ParseOutcome.parse(out)).toEqual(out);
  return out;
}

function why(out: ParseOutcome): string {
  if (out.ok) throw new Error('expected Unrecognised');
  expect(out.site).toBe('openreview');
  return out.reason;
}

describe('synthetic profile notes', () => {
  const r = ok(profileFromOpenReview(notes, PROFILE, { now: NOW }));

  it('the profile page of Ada Example (the name the notes give that profile most often)', () => {
    expect(r).toMatchObject({ site: 'openreview', pageType: 'author', url: PROFILE, total: 5, title: 'Ada Example', scrapedAt: NOW.toISOString() });
    expect(r.author).toEqual({ name: 'Ada Example', url: 'https://openreview.net/profile?id=~Ada_Example1', arxivId: null, query: null });
  });

  it('4 papers (the reply without a title is skipped), ids: openreview / arXiv / DOI', () => {
    expect(r.papers.map((p) => [p.id, p.arxivId, p.doi])).toEqual([
      ['openreview:exAmPlE123', null, null],
      ['2312.09999', '2312.09999', null],
      ['10.9999/jwr.2023.0042', null, '10.9999/JWR.2023.0042'],
      ['openreview:wItHdRaWn1', null, null],
    ]);
  });

  it('a conference paper: pdate → published and year, venue, pdf made absolute, abstract collapsed, author links', () => {
    expect(r.papers[0]).toMatchObject({
      title: 'Sparse Widgets for Dense Problems', authors: ['Ada Example', 'Bo Sample'],
      authorUrls: ['https://openreview.net/profile?id=~Ada_Example1', null],
      published: '2024-01-15', year: 2024, journalRef: 'ICLR 2024 poster', abstract: 'We study widgets. They are sparse.',
      links: { abs: 'https://openreview.net/forum?id=exAmPlE123', pdf: 'https://openreview.net/pdf/0123456789abcdef0123456789abcdef01234567.pdf', html: null, doi: null, code: [] },
      source: 'openreview', citations: null,
    });
  });

  it('a DBLP import: no pdate, so no published date; year from the venue, not from tcdate (2024)', () => {
    expect(r.papers[1]).toMatchObject({ published: null, year: 2023, journalRef: 'CoRR 2023', links: { abs: 'https://arxiv.org/abs/2312.09999', pdf: 'https://arxiv.org/pdf/2312.09999' } });
  });

  it('DOI from BibTeX; author ids that are URLs are kept, profile ids become profile links', () => {
    expect(r.papers[2]).toMatchObject({
      published: '2023-03-01', year: 2023, links: { doi: 'https://doi.org/10.9999/JWR.2023.0042' },
      authorUrls: ['https://dblp.org/search/pid/api?q=author:Carla_Test:', 'https://openreview.net/profile?id=~Ada_Example1', 'https://openreview.net/profile?id=~Bo_Sample1'],
    });
  });

  it('a submission: a pdf field of the wrong type is absent; year from the venue', () => {
    expect(r.papers[3]).toMatchObject({ title: 'Widgets, Revisited?', journalRef: 'Submitted to ICLR 2025', year: 2025, published: null, links: { pdf: null } });
  });

  it('distinct authors by link ("Ada B. Example" is ~Ada_Example1; the e-mail-only "Bo Sample" is not ~Bo_Sample1)', () => {
    expect(r.authors.map((a) => [a.name, a.url])).toEqual([
      ['Ada Example', 'https://openreview.net/profile?id=~Ada_Example1'],
      ['Bo Sample', null],
      ['Carla Test', 'https://dblp.org/search/pid/api?q=author:Carla_Test:'],
      ['Bo Sample', 'https://openreview.net/profile?id=~Bo_Sample1'],
      ['Dan Demo', 'https://openreview.net/profile?id=~Dan_Demo3'],
    ]);
  });

  it('from the API URL (content.authorids) the same profile; with opts.profileId too', () => {
    const api = ok(profileFromOpenReview(JSON.parse(notes), 'https://api2.openreview.net/notes?content.authorids=~Ada_Example1&details=directReplies', { now: NOW }));
    expect(api.author?.url).toBe('https://openreview.net/profile?id=~Ada_Example1');
    const opt = ok(profileFromOpenReview(notes, 'file:///saved.json', { profileId: '~Ada_Example1', now: NOW }));
    expect(opt.pageType).toBe('author');
  });

  it('without a profile id it is a search', () => {
    const s = ok(profileFromOpenReview(notes, 'https://api2.openreview.net/notes/search?term=widgets', { now: NOW }));
    expect(s).toMatchObject({ pageType: 'search', author: null, title: 'widgets' });
  });
});

describe('edge cases', () => {
  it('API v1 plain content values; a profile that no note names gets its name from the id', () => {
    const v1 = { notes: [{ id: 'v1NoteId01', cdate: 1546300800000, content: { title: 'Old  Paper', authors: ['X Y'], authorids: ['~X_Y1'], venue: 'ICLR 2019', pdf: '/pdf/abc.pdf' } }] };
    const r = ok(profileFromOpenReview(v1, 'https://openreview.net/profile?id=~Jaeseong_You1', { now: NOW }));
    expect(r.author?.name).toBe('Jaeseong You');
    expect(r.papers[0]).toMatchObject({ id: 'openreview:v1NoteId01', title: 'Old Paper', year: 2019, links: { pdf: 'https://openreview.net/pdf/abc.pdf' } });
    expect(r.total).toBeNull();
  });

  it('year from cdate when neither pdate nor the venue has one; arXiv from eprint / DataCite DOI', () => {
    const r = ok(profileFromOpenReview({
      notes: [
        { id: 'noVenue001', cdate: 1546300800000, content: { title: { value: 'A' } } },
        { id: 'eprint0001', content: { title: { value: 'B' }, _bibtex: { value: '@misc{x, eprint={2106.09685}, archivePrefix={arXiv}}' } } },
        { id: 'datacite01', content: { title: { value: 'C' }, doi: { value: '10.48550/arXiv.2401.01234' } } },
        { id: 'noVenue001', content: { title: { value: 'A again' } } },
      ],
    }, 'https://api2.openreview.net/notes?content.authorids=~X_Y1', { now: NOW }));
    expect(r.papers.map((p) => [p.id, p.year, p.doi])).toEqual([
      ['openreview:noVenue001', 2019, null],
      ['2106.09685', null, null],
      ['2401.01234', null, null],
    ]);
  });

  it('no notes: a profile with no papers', () => {
    expect(ok(profileFromOpenReview({ notes: [], count: 0 }, PROFILE, { now: NOW }))).toMatchObject({ papers: [], total: 0, author: { name: 'Ada Example' } });
  });

  it.each([
    ['{oops', 'not JSON'],
    [{}, 'not an OpenReview notes reply'],
    [{ notes: 'x' }, 'not an OpenReview notes reply'],
    [{ notes: [{ content: {} }] }, 'not an OpenReview notes reply'],
    [[], 'not an OpenReview notes reply'],
    [null, 'not an OpenReview notes reply'],
  ])('Unrecognised: %j', (json, reason) => {
    expect(why(profileFromOpenReview(json, PROFILE, { now: NOW }))).toContain(reason);
  });
});

describe('parse (the web pages)', () => {
  it('a profile page is Unrecognised: its data comes from the API', () => {
    expect(why(parse(htmlDoc('<html><body><div id="__next"></div></body></html>'), PROFILE))).toBe(`${API_REASON} (profile ~Ada_Example1)`);
  });

  it('a forum page with citation_* meta tags is one paper', () => {
    const html = `<html><head><meta name="citation_title" content="Sparse Widgets for Dense Problems"><meta name="citation_author" content="Ada Example">
      <meta name="citation_author" content="Sample, Bo"><meta name="citation_online_date" content="2023/10/11"><meta name="citation_pdf_url" content="https://openreview.net/pdf?id=exAmPlE123">
      <meta name="citation_conference_title" content="The Twelfth International Conference on Learning Representations"></head><body></body></html>`;
    const r = ok(parse(htmlDoc(html), 'https://openreview.net/forum?id=exAmPlE123'));
    expect(r).toMatchObject({ pageType: 'abs', author: null, title: 'Sparse Widgets for Dense Problems' });
    expect(r.papers[0]).toMatchObject({
      id: 'openreview:exAmPlE123', authors: ['Ada Example', 'Bo Sample'], published: '2023-10-11', year: 2023, source: 'openreview',
      journalRef: 'The Twelfth International Conference on Learning Representations',
      links: { abs: 'https://openreview.net/forum?id=exAmPlE123', pdf: 'https://openreview.net/pdf?id=exAmPlE123' },
    });
  });

  it('a forum page without meta tags, other pages, junk: Unrecognised', () => {
    expect(why(parse(htmlDoc('<html><body></body></html>'), 'https://openreview.net/forum?id=exAmPlE123'))).toContain(API_REASON);
    expect(why(parse(htmlDoc('<p></p>'), 'https://openreview.net/group?id=ICLR.cc'))).toBe('not a supported OpenReview page');
    expect(why(parse(htmlDoc('<p></p>'), 'https://arxiv.org/abs/2401.01234'))).toBe('not an OpenReview URL');
    expect(parse(null as unknown as Document, 'https://openreview.net/forum?id=exAmPlE123').ok).toBe(false);
  });
});
