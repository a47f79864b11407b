/**
 * A page read raw: what a content script sends for the pages that list many papers (arXiv listings,
 * author pages and searches; a Google Scholar profile), and the background finishes into a draft
 * (lib/sites/finish.ts) before validating it as any other with `ScrapeResult`.
 *
 * Why two steps: the page's own thread should only find the elements and copy their texts and link
 * targets out (issue 7's scrape budget: the content script's time ≤ 0.25 of the page's parse).
 * Everything done with those strings (collapsing whitespace, parsing ids, dates, subjects and names,
 * resolving links, de-duplicating authors) is the background's. A raw text is the element's text as
 * `rawText` reads it (lib/sites/html-text.ts: scripts and styles left out, `<br>` a space, labels
 * left out where the field says so), before whitespace is collapsed; null where the element is
 * absent. Each reader documents which element each field comes from.
 *
 * This file is the boundary: the background validates every raw read it receives with `RawRead`
 * (lib/protocol.ts `ingestRead`). Content scripts use the types only (see ./page-read.ts).
 */
import { z } from 'zod';
import { IsoTime, PageType } from '../schema';

/** Texts and hrefs are copied from pages the user opens: long, but not without limit. */
const Text = z.string().max(1_000_000);
const Href = z.string().max(100_000);
const Many = 20_000;

/** A link as the page has it: its raw text and its `href` attribute (null: none). */
export const RawAnchor = z.object({ text: Text, href: Href.nullable() });

/** One entry (`dl > dt` + `dd`) of an arXiv listing or author page (lib/sites/arxiv-entries.ts). */
export const ArxivRawEntry = z.object({
  /** The dt's raw text (the id is read from it when the id link gives none). */
  dt: Text,
  /** The id link's href (`a[title="Abstract"]`, else `a[href*="/abs/"]`), null: none. */
  idHref: Href.nullable(),
  /** The hrefs of the HTML and PDF links, in order of preference (null: no such link). */
  htmlHrefs: z.array(Href.nullable()).max(4),
  pdfHrefs: z.array(Href.nullable()).max(4),
  /** Raw texts of the fields, labels (`.descriptor`) left out; null: no such element. */
  subjects: Text.nullable(),
  primary: Text.nullable(),
  authors: Text.nullable(),
  anchors: z.array(RawAnchor).max(Many),
  comments: Text.nullable(),
  abstract: Text.nullable(),
  title: Text.nullable(),
  journalRef: Text.nullable(),
  doi: Text.nullable(),
  /** The hrefs in the abstract, then in the comments (where code links are looked for). */
  codeHrefs: z.array(Href).max(Many),
});

/** One result (`li.arxiv-result`) of an arXiv search page (lib/sites/arxiv-results.ts). */
export const ArxivRawResult = z.object({
  idHref: Href.nullable(),
  /** The `.list-title`'s raw text ('' when none; the id is read from it when the id link gives none). */
  listTitle: Text,
  /** The id of the abstract span (`2512.03003v1-abstract-full`), which tells the version. */
  abstractId: z.string().max(1000).nullable(),
  /** The subject tags' raw texts, the primary one first. */
  tags: z.array(Text).max(Many),
  /** The raw text of the paragraph that starts with "Submitted" ('' when none). */
  dates: Text,
  /** The `p.comments` paragraphs (comments, journal ref): raw text and the hrefs in it. */
  notes: z.array(z.object({ text: Text, hrefs: z.array(Href).max(Many) })).max(Many),
  title: Text,
  anchors: z.array(RawAnchor).max(Many),
  /** The `.abstract-full`'s raw text without its links (the "△ Less" toggle); null: none. */
  abstract: Text.nullable(),
  /** The hrefs in the `.abstract-full`. */
  fullHrefs: z.array(Href).max(Many),
  /** The DOI tag: its href and raw text (null / '': none). */
  doiHref: Href.nullable(),
  doiText: Text,
  pdfHref: Href.nullable(),
  htmlHref: Href.nullable(),
});

/**
 * One article row (`tr.gsc_a_tr`) of a Google Scholar profile (lib/sites/gscholar-scrape.ts). The
 * parts are as `queryRow` finds them; every row has a title link (a row without one fails the read).
 */
export const ScholarRawRow = z.object({
  /** The title link's (`a.gsc_a_at`) raw text. */
  title: Text,
  /** Its `href` and `data-href` attributes (null: none), where `citation_for_view` is looked for, in this order. */
  href: Href.nullable(),
  dataHref: Href.nullable(),
  /** The byline's raw text: the first `.gs_gray` (of those below a `td.gsc_a_t` if any, else of all); null: none. */
  authors: Text.nullable(),
  /** The venue's raw text, its `.gs_oph` (Scholar's ", 2021") left out: the second such `.gs_gray`; null: none. */
  venue: Text.nullable(),
  /** Whether the venue holds a `.gs_oph` (then the year it ends with is not Scholar's to drop). */
  venueYear: z.boolean(),
  /** The year cell's (`td.gsc_a_y`) raw text; null: none. */
  year: Text.nullable(),
  /**
   * The raw text of the cited-by link (`a.gsc_a_ac`, else the first `a:not(.gsc_a_am)`, in the first
   * `td.gsc_a_c`), or of the cell when it has no link, the marks (`.gsc_a_m, .gsc_a_am`) left out;
   * null: no such cell.
   */
  cited: Text.nullable(),
  /** Whether that link exists, and its `href` (null: no link, or none on it). */
  citedLink: z.boolean(),
  citedHref: Href.nullable(),
});

/** The "Cited by" table's numbers (all time, then since the year the table names), as `scholarStats` reads them. */
export const ScholarRawStats = z.object({
  citations: z.number(), h: z.number(), i10: z.number(),
  citationsSince: z.number(), hSince: z.number(), i10Since: z.number(),
});

const ArxivEntries = z.array(ArxivRawEntry).max(Many);
/** The "Total of N entries" count as the page prints it (`1,234`), null: none. */
const StatedTotal = z.string().max(100).nullable();
const Layout = z.enum(['layout-2024', 'layout-pre-2024', 'unknown']);

export const RawBody = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('arxiv-listing'), entries: ArxivEntries, layout: Layout, total: StatedTotal,
    /** The page says "No updates for this time period" (read only when it lists nothing). */
    noUpdates: z.boolean(),
  }),
  z.object({
    kind: z.literal('arxiv-author'), entries: ArxivEntries, layout: Layout, total: StatedTotal,
    /** The page's heading (`h1`, else `title`), collapsed. */
    heading: Text,
  }),
  z.object({
    kind: z.literal('arxiv-search'), results: z.array(ArxivRawResult).max(Many),
    /** The `h1`, collapsed ("Showing 1–200 of 5,214 results for …"). */
    heading: Text,
    /** The page says the search produced no results (read only when it lists none). */
    noResults: z.boolean(),
  }),
  z.object({
    kind: z.literal('gscholar-profile'),
    /** The profile's name and affiliation line as `scholarProfileInfo` reads them (the sidebar is small: read in the page). */
    name: Text,
    affiliation: Text.nullable(),
    /** The sidebar's co-authors (`scholarCoauthors`): name and profile URL (null: no profile link). */
    coauthors: z.array(z.object({ name: Text, url: Href.nullable() })).max(Many),
    /** The "Cited by" table; null: none readable, or a number in it too large to be finite. */
    stats: ScholarRawStats.nullable(),
    rows: z.array(ScholarRawRow).max(Many),
  }),
]);

/** A page read raw, as a content script sends it. */
export const RawRead = z.object({
  ok: z.literal(true),
  site: z.string().max(100),
  url: z.string().max(100_000),
  pageType: PageType,
  scrapedAt: IsoTime,
  raw: RawBody,
});
export type RawRead = z.infer<typeof RawRead>;
