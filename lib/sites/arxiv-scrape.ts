/**
 * arXiv page adapter, the Zod-free half (what the arXiv content script runs; `./arxiv.ts` re-exports
 * all of it and adds the validating `parse`, see ./draft.ts): recognises arXiv URLs and reads papers
 * and authors off abs pages, listings (`/list/<cat>/new|recent|pastweek|<yymm>`), search results and
 * author pages (`/a/<id>`). Pure: no network, no storage. `scrape` never throws and never guesses a
 * number: a page whose structure is not what we expect comes back as `Unrecognised` with a reason.
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
import type { AuthorRef, PageType, PaperInput } from '../schema';
import type { DraftBody as Body, ParseDraft } from './draft';
import { distinctByName, normaliseName } from './arxiv-authors';
import { parseEntries } from './arxiv-entries';
import { searchResultReader } from './arxiv-results';
import {
  AUTHOR_PATH, BASE, type Draft, absoluteUrl, firstMatch, arxivIdFromUrl, authorRefFromHref, codeLinks, collapse, firstHref, hrefsIn,
  isArxivUrl, linkRefs, normaliseArxivId, parseCount, parseDayMonthYear, parseSlashDate, parseSubjects, textOf, textOrNull, toUrl,
  yearFromArxivId, doiFrom,
} from './arxiv-html';

export { arxivIdFromUrl, authorRefFromHref, listingLayout, normaliseArxivId, yearFromArxivId } from './arxiv-html';
export { authorKey, DistinctRefs, distinctByName, normaliseName } from './arxiv-authors';

export const site = 'arxiv';

// ---------------------------------------------------------------- URLs and identifiers

/** An arXiv page (arxiv.org or www.arxiv.org, http or https). */
export function matches(url: string): boolean {
  return isArxivUrl(toUrl(url));
}

const LISTING_PATH = /^\/list\/([a-z]+(?:-[a-z]+)*(?:\.[A-Za-z-]+)?)\/(new|recent|pastweek|\d{2}|\d{4}|\d{4}-\d{2})\/?$/;

function searchQuery(u: URL): string | null {
  const q = collapse(u.searchParams.get('query'));
  if (q) return q;
  const terms = [...u.searchParams.entries()].filter(([k, v]) => /^terms-\d+-term$/.test(k) && collapse(v));
  return terms.length ? terms.map(([, v]) => collapse(v)).join(' ') : null;
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


// ---------------------------------------------------------------- papers

function toPaper(d: Draft, fetchedAt: string): PaperInput {
  return {
    id: d.id, arxivId: d.id, version: d.version, doi: d.doi, title: d.title,
    authors: d.authors.map((a) => a.name), authorUrls: d.authors.map((a) => a.url),
    published: d.published, updated: d.updated,
    year: d.published ? Number(d.published.slice(0, 4)) : yearFromArxivId(d.id),
    primaryCategory: d.primaryCategory, categories: d.categories,
    abstract: d.abstract, comments: d.comments, journalRef: d.journalRef,
    links: { abs: d.abs ?? `${BASE}abs/${d.id}`, pdf: d.pdf, html: d.html, doi: d.doi ? `https://doi.org/${d.doi}` : null, code: d.code },
    citations: null, source: 'arxiv', fetchedAt,
  };
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

/**
 * The count in "Total of <n> entries": the first match of `/Total of ([\d,]+) entries/` in
 * `textOf(doc.body)`, found by `firstMatch` without reading (and collapsing) the rest of the page.
 */
function statedTotal(doc: Document): number | null {
  return parseCount(firstMatch(doc.body, /Total\s+of\s+([\d,]+)\s+entries/, 'T', TOTAL_START)?.[1]);
}

function parseListing(doc: Document, url: string, base: string, now: string): Body | string {
  const entries = parseEntries(doc, base);
  if (typeof entries === 'string') return entries;
  const total = statedTotal(doc);
  if (entries.length === 0 && total !== 0 && !/No updates for this time period/i.test(textOf(doc.body))) return 'listing without entries';
  const m = LISTING_PATH.exec(new URL(url).pathname);
  const papers = entries.map((d) => toPaper(d, now));
  return { author: null, authors: distinctByName(entries.flatMap((d) => d.authors)), papers, total, title: m ? `${m[1]} ${m[2]}` : null };
}

function parseAuthorPage(doc: Document, url: string, base: string, now: string): Body | string {
  const u = new URL(url);
  const arxivId = AUTHOR_PATH.exec(u.pathname)?.[1];
  if (!arxivId) return 'not an author page URL';
  const entries = parseEntries(doc, base);
  if (typeof entries === 'string') return entries;
  if (entries.length === 0) return 'author page without articles';
  const heading = textOf(doc.querySelector('#dlpage h1, h1')) || textOf(doc.querySelector('title'));
  const name = collapse(/^(.+?)['’]s articles on arXiv/i.exec(heading)?.[1] ?? /^arXiv(?:\.org)?(?: author)?:?\s+(.+)$/i.exec(heading)?.[1]) || arxivId;
  const author: AuthorRef = { name, url: `${u.origin}${u.pathname}`, arxivId, query: null };
  return {
    author, authors: distinctByName(entries.flatMap((d) => d.authors)), papers: entries.map((d) => toPaper(d, now)),
    total: statedTotal(doc), title: heading || name,
  };
}

// ---------------------------------------------------------------- search results

function parseSearch(doc: Document, url: string, base: string, now: string): Body | string {
  const u = new URL(url);
  const items = Array.from(doc.querySelectorAll('li.arxiv-result'));
  const heading = textOf(doc.querySelector('h1'));
  const noResults = items.length === 0 && /produced no results|returned no results/i.test(textOf(doc.body));
  if (items.length === 0 && !noResults) return 'search page without results';
  const drafts = new Map<string, Draft>();
  const read = searchResultReader(doc);
  for (const [i, li] of items.entries()) {
    const d = read(li, base);
    if (typeof d === 'string') return `result ${i + 1}: ${d}`;
    if (!drafts.has(d.id)) drafts.set(d.id, d);
  }
  const query = searchQuery(u);
  const type = u.searchParams.get('searchtype');
  const author: AuthorRef | null = !query ? null
    : type === 'author' ? { name: query, url, arxivId: null, query }
    : type === 'author_id' ? { name: query, url, arxivId: query, query: null } : null;
  return {
    author, authors: distinctByName([...drafts.values()].flatMap((d) => d.authors)),
    papers: [...drafts.values()].map((d) => toPaper(d, now)),
    total: noResults ? 0 : parseCount(/of\s+([\d,]+)\s+results/.exec(heading)?.[1]),
    title: query ?? (collapse(/results for\s+(.+)$/.exec(heading)?.[1]) || null),
  };
}

// ---------------------------------------------------------------- entry point

/**
 * Read a page into a draft (not validated: `parse` in ./arxiv.ts validates it, the background
 * validates what a content script sends). Never throws; anything unexpected is `{ ok: false, reason }`.
 */
export function scrape(doc: Document, url: string): ParseDraft {
  const fail = (reason: string): ParseDraft => ({ ok: false, site, url: String(url), reason });
  try {
    const type = pageType(url);
    if (!type) return fail(matches(url) ? 'not a supported arXiv page' : 'not an arXiv URL');
    if (!doc?.body) return fail('empty document');
    const now = new Date().toISOString();
    // Relative links resolve against the page's own URL.
    const body = type === 'abs' ? parseAbs(doc, url, url, now)
      : type === 'listing' ? parseListing(doc, url, url, now)
      : type === 'author' ? parseAuthorPage(doc, url, url, now)
      : type === 'search' ? parseSearch(doc, url, url, now)
      : `page type ${type} not handled`;
    if (typeof body === 'string') return fail(body);
    return { ok: true, site, url, pageType: type, scrapedAt: now, ...body };
  } catch (e) {
    return fail(`parser error: ${e instanceof Error ? e.message : String(e)}`);
  }
}
