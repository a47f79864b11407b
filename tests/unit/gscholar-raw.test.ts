/**
 * The Google Scholar profile read in two steps (lib/sites/gscholar-scrape.ts `read` in the page,
 * lib/sites/gscholar-finish.ts in the background): the raw read is what the background accepts
 * (`RawRead`), survives the trip between the two, and finishes into exactly the draft `scrape`
 * gives; the page's half copies texts out as they are and leaves the string work to the finisher.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { htmlDoc } from '../fixtures';
import { read, scrape } from '../../lib/sites/gscholar-scrape';
import { finishRead } from '../../lib/sites/finish';
import { type PageRead, type RawRead, type ScholarRawRow, isRawRead } from '../../lib/sites/page-read';
import { RawRead as RawReadSchema } from '../../lib/sites/raw-schema';
import type { ParseDraft } from '../../lib/sites/draft';

const here = dirname(fileURLToPath(import.meta.url));
const pageFile = (name: string) => readFileSync(join(here, '..', 'pages', name), 'utf8');

function rawOf(r: PageRead): RawRead & { raw: { kind: 'gscholar-profile'; rows: ScholarRawRow[] } } {
  if (!isRawRead(r)) throw new Error(r.ok ? 'a finished draft, not a raw read' : r.reason);
  if (r.raw.kind !== 'gscholar-profile') throw new Error(`raw read of kind ${r.raw.kind}`);
  return r as RawRead & { raw: { kind: 'gscholar-profile'; rows: ScholarRawRow[] } };
}

/** `scrape`'s draft and the raw read finished, on the same clock (every time in a draft is its `scrapedAt`). */
function finishedLikeScrape(doc: Document, url: string, walkRows?: boolean): { finished: ParseDraft; scraped: ParseDraft } {
  const scraped = scrape(doc, url, walkRows);
  const r = rawOf(read(doc, url, walkRows));
  if (!scraped.ok) throw new Error(scraped.reason);
  return { finished: finishRead({ ...r, scrapedAt: scraped.scrapedAt }), scraped };
}

describe.each([
  ['gscholar-profile-en.html', 'https://scholar.google.com/citations?user=EXAMPLE_AAAAJ&hl=en'],
  ['gscholar-profile-de-saved.html', 'https://scholar.google.de/citations?user=BEISPIEL0AAAJ&hl=de'],
  ['gscholar-profile-empty.html', 'https://scholar.google.com/citations?user=EXAMPLE_AAAAJ&hl=en'],
])('%s', (file, url) => {
  const html = pageFile(file);

  it('is read raw, in the shape the background accepts, and survives the trip', () => {
    const r = rawOf(read(htmlDoc(html), url));
    const checked = RawReadSchema.safeParse(r);
    if (!checked.success) throw new Error(checked.error.message);
    expect(checked.data).toEqual(r);
    expect(structuredClone(r)).toEqual(r);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it.each([[undefined], [true], [false]])('finishes into what scrape gives (walkRows %s)', (walkRows) => {
    const { finished, scraped } = finishedLikeScrape(htmlDoc(html), url, walkRows);
    expect(finished).toEqual(scraped);
    // After the trip too, as the background receives it.
    const r = rawOf(read(htmlDoc(html), url, walkRows));
    const sent = RawReadSchema.parse(JSON.parse(JSON.stringify({ ...r, scrapedAt: scraped.ok ? scraped.scrapedAt : '' })));
    expect(finishRead(sent)).toEqual(scraped);
  });
});

describe('the page only copies texts out', () => {
  const url = 'https://scholar.google.com/citations?user=EXAMPLE_AAAAJ&hl=en';

  function docWithTitle(title: string): Document {
    const doc = htmlDoc(pageFile('gscholar-profile-en.html'));
    doc.querySelector('a.gsc_a_at')!.textContent = title;
    return doc;
  }

  it.each([[true], [false]])('a title with a newline and double spaces keeps them raw; the draft collapses them (walkRows %s)', (walkRows) => {
    const doc = docWithTitle('  A study\n  of   examples ');
    const row = rawOf(read(doc, url, walkRows)).raw.rows[0]!;
    expect(row.title).toBe('  A study\n  of   examples ');
    const draft = scrape(doc, url, walkRows);
    if (!draft.ok) throw new Error(draft.reason);
    expect(draft.papers[0]?.title).toBe('A study of examples');
  });

  it('bylines, venues, years and counts are left unparsed, links unresolved', () => {
    const row = rawOf(read(htmlDoc(pageFile('gscholar-profile-en.html')), url)).raw.rows[0]!;
    expect(row).toEqual({
      title: 'A study of examples',
      href: 'javascript:void(0)',
      dataHref: '/citations?view_op=view_citation&hl=en&user=EXAMPLE_AAAAJ&citation_for_view=EXAMPLE_AAAAJ:u5HHmVD_uO8C',
      authors: 'A Example, G Sample, B Longname, C Third, D Fourth, ...',
      venue: 'Journal of Examples 12 (3), 45-67',
      venueYear: true,
      year: '2021',
      cited: '1,050',
      citedLink: true,
      citedHref: 'https://scholar.google.com/scholar?oi=bibs&hl=en&cites=1111',
    });
  });

  it('a row without a title link fails in the page; one whose link names no article, as scrape says', () => {
    const noLink = htmlDoc(pageFile('gscholar-profile-en.html'));
    noLink.querySelectorAll('a.gsc_a_at')[2]!.setAttribute('class', 'x');
    expect(read(noLink, url)).toMatchObject({ ok: false, reason: 'row 3: no title link (a.gsc_a_at)' });
    // An earlier row whose link names no article is the first reason, as the rows are finished in order.
    const first = noLink.querySelector('a.gsc_a_at')!;
    first.removeAttribute('data-href');
    expect(read(noLink, url)).toMatchObject({ ok: false, reason: 'row 1: title link without citation_for_view' });
    expect(scrape(noLink, url)).toMatchObject({ ok: false, reason: 'row 1: title link without citation_for_view' });
  });
});
