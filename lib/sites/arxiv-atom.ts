/**
 * The arXiv API Atom feed (`export.arxiv.org/api/query?...`, `arxiv.org/api/query?...`) and the
 * arXiv author feeds (`arxiv.org/a/<id>.atom`, `.atom2`).
 *
 * Runs in an MV3 service worker, where there is no DOMParser, so the XML is parsed with
 * `@xmldom/xmldom`. Elements are found by namespace URI and local name only, never by prefix or by
 * position: the legacy feed declares namespaces inline on every `opensearch:`/`arxiv:` element, the
 * 2025+ feed declares them once on `<feed>` and orders the elements differently; both read the same.
 */
import type { Element } from '@xmldom/xmldom';
import { parseXmlRoot } from '../xml';
import { findCodeLinks } from '../code-links';
import { arxivIdFromUrl as arxivIdFromPageUrl } from './arxiv-html';
import { ParseOutcome, type AuthorRef, type Paper } from '../schema';

export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  arxiv: 'http://arxiv.org/schemas/atom',
  opensearch: 'http://a9.com/-/spec/opensearch/1.1/',
} as const;

const SITE = 'arxiv';

/** `arxiv.org/a/<id>.atom` or `.atom2` → the author id, else null. */
export function atomAuthorId(url: string): string | null {
  const u = safeUrl(url);
  if (!u || !isArxivHost(u.hostname)) return null;
  const m = /^\/a\/([^/]+?)\.atom2?$/i.exec(u.pathname);
  return m?.[1] ? decodeURIComponent(m[1]) : null;
}

function isAtom2(url: string): boolean {
  try {
    return /\.atom2$/i.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

/** True for arXiv API queries and arXiv author Atom feeds. */
export function isAtomUrl(url: string): boolean {
  const u = safeUrl(url);
  if (!u || !isArxivHost(u.hostname)) return false;
  if (/^\/api\/query\/?$/i.test(u.pathname) && u.search.length > 1) return true;
  return atomAuthorId(url) !== null;
}

function safeUrl(url: string): URL | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

function isArxivHost(host: string): boolean {
  return /^(?:export\.|www\.)?arxiv\.org$/i.test(host);
}

// ---------------------------------------------------------------- XML helpers (namespace-aware)

function childElements(parent: Element, ns: string, local: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    if (el.namespaceURI === ns && el.localName === local) out.push(el);
  }
  return out;
}

function firstChild(parent: Element, ns: string, local: string): Element | null {
  return childElements(parent, ns, local)[0] ?? null;
}

export function collapse(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

function childText(parent: Element, ns: string, local: string): string | null {
  const el = firstChild(parent, ns, local);
  if (!el) return null;
  const t = collapse(el.textContent);
  return t === '' ? null : t;
}

function attr(el: Element, name: string): string | null {
  const v = el.getAttribute(name);
  return v == null || v.trim() === '' ? null : v.trim();
}

// ---------------------------------------------------------------- field helpers

/** `http://arxiv.org/abs/cond-mat/0412498v1` → `{ id: 'cond-mat/0412498', version: 1 }` (the adapter's parser; null-tolerant for feeds). */
export function arxivIdFromUrl(url: string | null): { id: string; version: number | null } | null {
  return url ? arxivIdFromPageUrl(url.trim()) : null;
}

function isoDate(s: string | null): string | null {
  const m = s ? /^(\d{4}-\d{2}-\d{2})/.exec(s.trim()) : null;
  return m?.[1] ?? null;
}

function httpsArxiv(url: string | null): string | null {
  if (!url || !/^https?:\/\//i.test(url)) return null;
  return url.replace(/^http:\/\/(?:export\.)?arxiv\.org\//i, 'https://arxiv.org/');
}

function safeHttp(url: string | null): string | null {
  return url && /^https?:\/\/\S+$/i.test(url) ? url : null;
}

// ---------------------------------------------------------------- entries

class FeedError extends Error {}

/**
 * `joinedNames`: the `.atom2` author feed writes all of a paper's authors into one `<name>`,
 * joined by ", " (arXiv writes names "First Last Suffix", never with a comma); `.atom` and the API
 * give one `<author>` a person.
 */
function parseEntry(entry: Element, fetchedAt: string, joinedNames = false): Paper | null {
  const idText = childText(entry, NS.atom, 'id');
  const title = childText(entry, NS.atom, 'title') ?? '';
  const summary = childText(entry, NS.atom, 'summary');
  if ((idText && /\/api\/errors/i.test(idText)) || title === 'Error') {
    throw new FeedError(`arXiv API error: ${summary ?? idText ?? 'unknown error'}`);
  }

  const links = childElements(entry, NS.atom, 'link');
  const alternate = links.find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate' && attr(l, 'title') !== 'pdf');
  const pdfLink = links.find((l) => attr(l, 'title') === 'pdf') ?? links.find((l) => attr(l, 'type') === 'application/pdf');
  const doiLink = links.find((l) => attr(l, 'title') === 'doi');

  const parsedId = arxivIdFromUrl(idText) ?? arxivIdFromUrl(alternate ? attr(alternate, 'href') : null);
  if (!parsedId) return null;

  const authors: string[] = [];
  for (const a of childElements(entry, NS.atom, 'author')) {
    const name = childText(a, NS.atom, 'name');
    if (name) authors.push(...(joinedNames ? name.split(/\s*,\s+/).filter(Boolean) : [name]));
  }

  const published = isoDate(childText(entry, NS.atom, 'published'));
  const updated = isoDate(childText(entry, NS.atom, 'updated'));
  const yearText = published ?? updated;
  const year = yearText ? Number(yearText.slice(0, 4)) : null;

  const primaryEl = firstChild(entry, NS.arxiv, 'primary_category');
  const termList = childElements(entry, NS.atom, 'category')
    .map((c) => attr(c, 'term'))
    .filter((t): t is string => t !== null);
  const primaryCategory = (primaryEl ? attr(primaryEl, 'term') : null) ?? termList[0] ?? null;
  const categories = [...new Set([...(primaryCategory ? [primaryCategory] : []), ...termList])];

  const comments = childText(entry, NS.arxiv, 'comment');
  const journalRef = childText(entry, NS.arxiv, 'journal_ref');
  const doi = childText(entry, NS.arxiv, 'doi');

  const doiHref = doiLink ? attr(doiLink, 'href') : null;
  const doiUrl = doi
    ? `https://doi.org/${doi}`
    : safeHttp(doiHref?.replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, 'https://doi.org/') ?? null);

  return {
    id: parsedId.id,
    arxivId: parsedId.id,
    version: parsedId.version,
    doi,
    title,
    authors,
    authorUrls: authors.map(() => null),
    published,
    updated,
    year,
    primaryCategory,
    categories,
    abstract: summary,
    comments,
    journalRef,
    links: {
      abs: `https://arxiv.org/abs/${parsedId.id}`,
      pdf: httpsArxiv(pdfLink ? attr(pdfLink, 'href') : null),
      html: null,
      doi: doiUrl,
      code: findCodeLinks(summary, comments),
    },
    citations: null,
    citationsSource: null,
    citationsFetchedAt: null,
    // An API entry is the paper's full metadata.
    metadataFetchedAt: fetchedAt,
    codeFetchedAt: null,
    source: 'arxiv-api',
    fetchedAt,
  };
}

// ---------------------------------------------------------------- author feeds

/** The person an `arxiv.org/a/<id>.atom` feed is about. */
function feedAuthor(feed: Element, papers: Paper[], arxivId: string): AuthorRef {
  const url = `https://arxiv.org/a/${arxivId}`;
  // 1. A feed-level <author><name>.
  const feedAuthorEl = firstChild(feed, NS.atom, 'author');
  const feedAuthorName = feedAuthorEl ? childText(feedAuthorEl, NS.atom, 'name') : null;
  if (feedAuthorName) return { name: feedAuthorName, url, arxivId, query: null };
  // 2. The feed title ("arXiv author: X", "X's articles on arXiv", "Articles by X").
  const title = childText(feed, NS.atom, 'title') ?? '';
  const fromTitle =
    /^arxiv\s+author:?\s+(.+)$/i.exec(title)?.[1] ??
    /^(.+?)['\u2019]s?\s+articles\s+on\s+arxiv/i.exec(title)?.[1] ??
    /^articles\s+by\s+(.+)$/i.exec(title)?.[1];
  if (fromTitle && collapse(fromTitle)) return { name: collapse(fromTitle), url, arxivId, query: null };
  // 3. An author of the first entries whose surname matches the id (`maestro_a_1` → "... Maestro").
  const surname = arxivId.split('_')[0]?.toLowerCase() ?? '';
  if (surname && /^[a-z-]+$/.test(surname)) {
    for (const p of papers) {
      const hit = p.authors.find((n) => {
        const last = n.split(/\s+/).at(-1)?.toLowerCase() ?? '';
        return last.normalize('NFD').replace(/[\u0300-\u036f]/g, '') === surname;
      });
      if (hit) return { name: hit, url, arxivId, query: null };
    }
  }
  // 4. The id itself.
  return { name: arxivId, url, arxivId, query: null };
}

// ---------------------------------------------------------------- entry point

function unrecognised(url: string, reason: string): ParseOutcome {
  return { ok: false, site: SITE, url, reason };
}

/** Parses an arXiv API / author Atom feed. Never throws. */
export function parseAtom(xml: string, url: string, now: Date = new Date()): ParseOutcome {
  try {
    return parseAtomUnsafe(xml, url, now);
  } catch (e) {
    return unrecognised(url, e instanceof FeedError ? e.message : `unexpected error: ${String(e)}`);
  }
}

function parseAtomUnsafe(xml: string, url: string, now: Date): ParseOutcome {
  if (typeof xml !== 'string' || xml.trim() === '') return unrecognised(url, 'empty response');

  const parsed = parseXmlRoot(xml);
  if ('error' in parsed) return unrecognised(url, parsed.error);
  const root = parsed.root;
  if (root.namespaceURI !== NS.atom || root.localName !== 'feed') {
    return unrecognised(url, `not an Atom feed (root element <${root.tagName}> in ${root.namespaceURI ?? 'no namespace'})`);
  }

  const fetchedAt = now.toISOString();
  const papers: Paper[] = [];
  const joinedNames = isAtom2(url);
  for (const entry of childElements(root, NS.atom, 'entry')) {
    const p = parseEntry(entry, fetchedAt, joinedNames); // throws FeedError for an API error entry
    if (p) papers.push(p);
  }

  const totalText = childText(root, NS.opensearch, 'totalResults');
  const total = totalText && /^\d+$/.test(totalText) ? Number(totalText) : null;

  const authors: AuthorRef[] = [];
  const seen = new Set<string>();
  for (const p of papers) {
    for (const name of p.authors) {
      if (seen.has(name)) continue;
      seen.add(name);
      authors.push({ name, url: null, arxivId: null, query: null });
    }
  }

  const authorId = atomAuthorId(url);
  const result = {
    ok: true as const,
    site: SITE,
    pageType: 'feed' as const,
    url,
    author: authorId ? feedAuthor(root, papers, authorId) : null,
    authors,
    papers,
    total,
    title: childText(root, NS.atom, 'title'),
    scrapedAt: fetchedAt,
  };

  const checked = ParseOutcome.safeParse(result);
  if (!checked.success) {
    return unrecognised(url, `parsed feed failed validation: ${checked.error.issues[0]?.message ?? 'unknown issue'}`);
  }
  return checked.data;
}
