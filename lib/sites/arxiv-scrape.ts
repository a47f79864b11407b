/**
 * arXiv page adapter, the Zod-free half (what the arXiv content script runs; `./arxiv.ts` re-exports
 * all of it and adds the validating `parse`, see ./draft.ts): recognises arXiv URLs and reads papers
 * and authors off abs pages, listings (`/list/<cat>/new|recent|pastweek|<yymm>`), search results and
 * author pages (`/a/<id>`). Pure: no network, no storage. `read` is what the content script runs:
 * listings, author pages and searches are read raw there and finished by the background
 * (./arxiv-finish.ts; ./raw-schema.ts says why); `scrape` does both at once. Neither throws nor
 * guesses a number: a page whose structure is not what we expect comes back as `Unrecognised` with a
 * reason.
 *
 * Decisions (documented here because downstream code relies on them):
 * - Search results show "Submitted <date>" (the latest version) and, when there is more than one
 *   version, "v1 submitted <date>". `published` is the v1 date (the "v1 submitted" one, or the
 *   "Submitted" one when the result is v1); `updated` is the "Submitted" date only when a later
 *   version exists. The "originally announced <Month YYYY>" text is not used.
 * - Listings and author pages print no dates: `published`/`updated` are null and `year` is the
 *   year of the arXiv identifier (`2408.04000` → 2024, `hep-th/9901001` → 1999), which is the year
 *   arXiv announced the paper (for papers submitted in the last days of December it can be one
 *   more than the submission year). Pages that print a date take the year from that date.
 * - `version` is the version the page shows: the abs dateline/"this version" id, the search result's
 *   abstract id (`2512.03003v1-abstract-full`) or a listing's HTML link (`/html/2309.07440v3`).
 * - Abs pages: names and order come from `citation_author` meta tags; where a meta name matches an
 *   author link (same `normaliseName`) the link's display name ("Mark O. Riedl") and URL are used,
 *   else the meta name turned from "Last, First" into "First Last" with no URL.
 * - `authorKey`, `normaliseName` (which strips diacritics): see ./arxiv-authors.ts.
 */
import type { AuthorRef, PageType } from '../schema';
import type { DraftBody as Body, ParseDraft } from './draft';
import { distinctByName, normaliseName } from './arxiv-authors';
import { readEntries } from './arxiv-entries';
import { LISTING_PATH, searchQuery, toPaper } from './arxiv-finish';
import { readSearchResults } from './arxiv-results';
import { finishRead } from './finish';
import {
  AUTHOR_PATH, BASE, type Draft, absoluteUrl, firstMatch, arxivIdFromUrl, authorRefFromHref, codeLinks, collapse, firstHref, hrefsIn,
  isArxivUrl, linkRefs, listingLayout, normaliseArxivId, parseDayMonthYear, parseSlashDate, parseSubjects, textOf, textOrNull, toUrl,
  doiFrom,
} from './arxiv-html';
import { type PageRead, type RawBody, isRawRead } from './page-read';

export { arxivIdFromUrl, authorRefFromHref, listingLayout, normaliseArxivId, yearFromArxivId } from './arxiv-html';
export { authorKey, DistinctRefs, distinctByName, normaliseName } from './arxiv-authors';

export const site = 'arxiv';

// ---------------------------------------------------------------- URLs and identifiers

/** An arXiv page (arxiv.org or www.arxiv.org, http or https). */
export function matches(url: string): boolean {
  return isArxivUrl(toUrl(url));
}

/**
 * The kind of page a URL shows: author pages `/a/<id>(.html)`, searches with a query (simple, per
 * archive, advanced), abs pages with a valid id, listings (new/recent/pastweek and monthly `yymm` /
 * `yyyy-mm` archives). Anything else (home, help, pdf, empty searches, other hosts) → null.
 */
export function pageType(url: string): PageType | null {
  const u = toUrl(url);
  if (!isArxivUrl(u)) return null;
  const path = u.pathname;
  if (AUTHOR_PATH.test(path)) return 'author';
  if (LISTING_PATH.test(path)) return 'listing';
  const abs = /^\/abs\/(.+?)\/?$/.exec(path);
  if (abs?.[1]) {
    try {
      return normaliseArxivId(decodeURIComponent(abs[1])) ? 'abs' : null;
    } catch {
      return null;
    }
  }
  const search = /^\/search(?:\/([a-z-]+))?\/?$/.exec(path);
  if (search) {
    const type = u.searchParams.get('searchtype');
    if (type === 'help') return null;
    if (search[1] === 'advanced') return [...u.searchParams.keys()].some((k) => /^terms-\d+-term$/.test(k)) && searchQuery(u) ? 'search' : null;
    return collapse(u.searchParams.get('query')) ? 'search' : null;
  }
  return null;
}

// ---------------------------------------------------------------- authors

/** The page's own URL when it is an arXiv page (a content script), else arxiv.org (a parsed string). */
function docBase(doc: Document): string {
  const href = doc.location?.href ?? '';
  return matches(href) ? href : BASE;
}

const AUTHOR_LINKS = 'div.authors a, .list-authors a, p.authors a';

/** The author-name links on the page (abs author list, listing `.list-authors`, search `p.authors`). */
export function findAuthorAnchors(doc: Document): { anchor: HTMLAnchorElement; ref: AuthorRef }[] {
  const base = docBase(doc);
  return Array.from(doc.querySelectorAll<HTMLAnchorElement>(AUTHOR_LINKS))
    .map((anchor) => ({ anchor, ref: authorRefFromHref(textOf(anchor), anchor.getAttribute('href'), base) }))
    .filter(({ ref }) => ref.name !== '' && (ref.arxivId !== null || ref.query !== null));
}


// ---------------------------------------------------------------- abs pages

function parseAbs(doc: Document, url: string, base: string, now: string): Body | string {
  const meta = (name: string) => doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? null;
  const titleEl = doc.querySelector('h1.title');
  const title = collapse(meta('citation_title')) || textOf(titleEl, '.descriptor');
  const idRaw = meta('citation_arxiv_id') ?? textOf(doc.querySelector('td.arxivid a, .arxivid a'));
  const ids = normaliseArxivId(idRaw) ?? arxivIdFromUrl(url);
  if (!ids || !title || (!meta('citation_title') && !titleEl)) return 'abs page without paper metadata (error page?)';

  const dateline = textOf(doc.querySelector('.dateline'));
  const history = [...textOf(doc.querySelector('.submission-history')).matchAll(/\[v(\d+)\]\s*([A-Za-z]{3}, \d{1,2} [A-Za-z]{3} \d{4})/g)]
    .map((m) => ({ v: Number(m[1]), date: parseDayMonthYear(m[2]) }));
  const version = Number(/this version, v(\d+)/.exec(dateline)?.[1] ?? 0) || arxivIdFromUrl(url)?.version
    || normaliseArxivId(/arXiv:(\S+)/.exec(textOf(doc.querySelector('td.arxividv')))?.[1])?.version
    || history.at(-1)?.v || null;
  const published = parseSlashDate(meta('citation_date')) ?? history.find((h) => h.v === 1)?.date
    ?? parseDayMonthYear(/Submitted on ([^(\]]+)/.exec(dateline)?.[1]);
  const online = parseSlashDate(meta('citation_online_date'));
  const updated = (history.length > 1 ? history.at(-1)?.date : null) ?? (online && online !== published ? online : null);

  const links = linkRefs(doc.querySelector('div.authors'), base);
  const metaNames = Array.from(doc.querySelectorAll('meta[name="citation_author"]')).map((m) => collapse(m.getAttribute('content')));
  const unused = [...links];
  const authors = metaNames.length === 0 ? links : metaNames.map((n): AuthorRef => {
    const i = unused.findIndex((r) => normaliseName(r.name) === normaliseName(n));
    const hit = i >= 0 ? unused.splice(i, 1)[0] : undefined;
    const m = /^([^,]+),\s*(.+)$/.exec(n);
    return hit ?? { name: m ? `${m[2]} ${m[1]}` : n, url: null, arxivId: null, query: null };
  });

  const subjectsEl = doc.querySelector('td.subjects');
  let { primary, categories } = parseSubjects(textOf(subjectsEl), textOrNull(subjectsEl?.querySelector('.primary-subject')));
  if (!primary) {
    const cite = /\[([^\]]+)\]/.exec(textOf(doc.querySelector('td.arxivid')))?.[1];
    ({ primary, categories } = parseSubjects(cite ?? '', null));
  }
  const abstractEl = doc.querySelector('blockquote.abstract');
  const abstract = collapse(meta('citation_abstract')) || textOrNull(abstractEl, '.descriptor');
  const commentsEl = doc.querySelector('td.comments');
  const comments = textOrNull(commentsEl);
  const doi = doiFrom(meta('citation_doi')) ?? doiFrom(textOf(doc.querySelector('td.doi')));
  const paper: Draft = {
    id: ids.id, version, title, authors, published, updated, primaryCategory: primary, categories, abstract, comments,
    journalRef: textOrNull(doc.querySelector('td.jref')), doi,
    abs: `${BASE}abs/${ids.id}`,
    pdf: absoluteUrl(meta('citation_pdf_url'), base) ?? firstHref(doc.body, ['a.download-pdf', `a[href^="/pdf/${ids.id}"]`], base),
    html: firstHref(doc.body, ['a#latexml-download-link', `a[href*="/html/${ids.id}"]`], base),
    code: codeLinks([abstract, comments], hrefsIn(abstractEl, commentsEl)),
  };
  return { author: null, authors: distinctByName(links), papers: [toPaper(paper, now)], total: null, title };
}

// ---------------------------------------------------------------- listings and author pages

/** What can start a "Total of <n> entries" match: `T` and any part of the rest (see `firstMatch`). */
const TOTAL_START = /^T(?:o(?:t(?:a(?:l(?:\s+(?:o(?:f(?:\s+(?:[\d,]+(?:\s+(?:e(?:n(?:t(?:r(?:i(?:e(?:s)?)?)?)?)?)?)?)?)?)?)?)?)?)?)?)?)?$/;

/** The "Total of N entries" count as the page prints it (`1,234`), null: none. */
function statedTotal(doc: Document): string | null {
  return firstMatch(doc.body, /Total\s+of\s+([\d,]+)\s+entries/, 'T', TOTAL_START)?.[1] ?? null;
}

function readListing(doc: Document, url: string): RawBody | string {
  const entries = readEntries(doc);
  if (typeof entries === 'string') return entries;
  return {
    kind: 'arxiv-listing', entries, layout: listingLayout(doc), total: statedTotal(doc),
    noUpdates: entries.length === 0 && /No updates for this time period/i.test(textOf(doc.body)),
  };
}

function readAuthorPage(doc: Document, url: string): RawBody | string {
  if (!AUTHOR_PATH.test(new URL(url).pathname)) return 'not an author page URL';
  const entries = readEntries(doc);
  if (typeof entries === 'string') return entries;
  if (entries.length === 0) return 'author page without articles';
  const heading = textOf(doc.querySelector('#dlpage h1, h1')) || textOf(doc.querySelector('title'));
  return { kind: 'arxiv-author', entries, layout: listingLayout(doc), total: statedTotal(doc), heading };
}

// ---------------------------------------------------------------- search results

function readSearch(doc: Document, url: string): RawBody | string {
  const items = doc.querySelectorAll('li.arxiv-result');
  const heading = textOf(doc.querySelector('h1'));
  const noResults = items.length === 0 && /produced no results|returned no results/i.test(textOf(doc.body));
  if (items.length === 0 && !noResults) return 'search page without results';
  return { kind: 'arxiv-search', results: readSearchResults(doc, items), heading, noResults };
}

// ---------------------------------------------------------------- entry point

/**
 * What the content script runs: an abs page read into a draft; a listing, author page or search
 * read raw, for the background to finish (./arxiv-finish.ts; ./raw-schema.ts says why). Never
 * throws; anything unexpected is `{ ok: false, reason }`.
 */
export function read(doc: Document, url: string): PageRead {
  const fail = (reason: string): ParseDraft => ({ ok: false, site, url: String(url), reason });
  try {
    const type = pageType(url);
    if (!type) return fail(matches(url) ? 'not a supported arXiv page' : 'not an arXiv URL');
    if (!doc?.body) return fail('empty document');
    const now = new Date().toISOString();
    if (type === 'abs') {
      // Relative links resolve against the page's own URL.
      const body = parseAbs(doc, url, url, now);
      if (typeof body === 'string') return fail(body);
      return { ok: true, site, url, pageType: type, scrapedAt: now, ...body };
    }
    const raw = type === 'listing' ? readListing(doc, url)
      : type === 'author' ? readAuthorPage(doc, url)
      : type === 'search' ? readSearch(doc, url)
      : `page type ${type} not handled`;
    if (typeof raw === 'string') return fail(raw);
    return { ok: true, site, url, pageType: type, scrapedAt: now, raw };
  } catch (e) {
    return fail(`parser error: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * Read a page into a draft, raw reads finished at once (not validated: `parse` in ./arxiv.ts
 * validates it). Never throws; anything unexpected is `{ ok: false, reason }`.
 */
export function scrape(doc: Document, url: string): ParseDraft {
  const r = read(doc, url);
  return isRawRead(r) ? finishRead(r) : r;
}
