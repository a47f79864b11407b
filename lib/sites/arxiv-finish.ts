/**
 * The background's half of reading an arXiv listing, author page or search: the raw reads a content
 * script sends (./raw-schema.ts; read by ./arxiv-entries.ts and ./arxiv-results.ts) made into
 * drafts, as ./arxiv-scrape.ts documents them. Only strings come in: whitespace is collapsed, ids,
 * dates, subjects and DOIs parsed, links resolved against the page's URL, authors de-duplicated.
 */
import type { AuthorRef, PaperInput } from '../schema';
import { distinctByName } from './arxiv-authors';
import {
  AUTHOR_PATH, BASE, type Draft, SubjectMemo, anchorRefs, arxivIdOfUrl, codeLinks, collapse, doiFrom, firstLinkOf, linkOf,
  normaliseArxivId, parseCount, parseDayMonthYear, parseSubjects, stripLabel, yearFromArxivId,
} from './arxiv-html';
import type { DraftBody as Body, ParseDraft } from './draft';
import { type ArxivRawEntry, type ArxivRawResult, type RawBody, type RawRead, finished } from './page-read';

export function toPaper(d: Draft, fetchedAt: string): PaperInput {
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

/** `collapse(raw) || null`: a field's text, null when absent or empty. */
function orNull(raw: string | null): string | null {
  return collapse(raw) || null;
}

// ---------------------------------------------------------------- listings and author pages

/** The drafts of a listing's or author page's entries, in page order, de-duplicated by id. */
export function entryDrafts(entries: readonly ArxivRawEntry[], base: string, layout: string): Draft[] | string {
  const out = new Map<string, Draft>();
  const memo = new SubjectMemo();
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    // Parsed once: `arxivIdFromUrl(absoluteUrl(…))` (see `arxivIdOfUrl`).
    const absLink = linkOf(e.idHref, base);
    const ids = arxivIdOfUrl(absLink) ?? normaliseArxivId(/arXiv:(\S+)/.exec(collapse(e.dt))?.[1]);
    if (!ids) return `entry ${i + 1}: no arXiv id (${layout})`;
    if (out.has(ids.id)) continue;
    out.set(ids.id, entryDraft(e, ids, absLink?.href ?? null, base, memo));
  }
  return [...out.values()];
}

function entryDraft(e: ArxivRawEntry, ids: { id: string; version: number | null }, absUrl: string | null, base: string, memo: SubjectMemo): Draft {
  const htmlLink = firstLinkOf(e.htmlHrefs, base);
  const { primary, categories } = parseSubjects(collapse(e.subjects), orNull(e.primary), memo);
  let authors: AuthorRef[] = anchorRefs(e.anchors, base);
  if (authors.length === 0 && e.authors !== null) {
    authors = collapse(e.authors).split(',').map((n) => collapse(n)).filter(Boolean)
      .map((name) => ({ name, url: null, arxivId: null, query: null }));
  }
  const comments = orNull(e.comments);
  const abstract = orNull(e.abstract);
  return {
    id: ids.id, version: ids.version ?? (htmlLink ? arxivIdOfUrl(htmlLink)?.version ?? null : null),
    title: collapse(e.title), authors,
    published: null, updated: null, primaryCategory: primary, categories, abstract, comments,
    journalRef: orNull(e.journalRef), doi: doiFrom(collapse(e.doi)),
    abs: absUrl, pdf: firstLinkOf(e.pdfHrefs, base)?.href ?? null, html: htmlLink?.href ?? null,
    code: codeLinks([abstract, comments], e.codeHrefs),
  };
}

// ---------------------------------------------------------------- search results

/**
 * One search result. The version comes from the abstract span's id (`2512.03003v1-abstract-full`);
 * dates: see the notes at the top of ./arxiv-scrape.ts. Comments and journal refs are told apart by
 * their label.
 */
export function resultDraft(r: ArxivRawResult, base: string, memo = new SubjectMemo()): Draft | string {
  const absLink = linkOf(r.idHref, base);
  const ids = arxivIdOfUrl(absLink) ?? normaliseArxivId(/arXiv:(\S+)/.exec(collapse(r.listTitle))?.[1]);
  if (!ids) return 'no arXiv id';
  const version = ids.version ?? (Number(/v(\d+)-abstract/.exec(r.abstractId ?? '')?.[1] ?? 0) || null);
  const { primary, categories } = parseSubjects(r.tags.map((t) => collapse(t)).join(';'), null, memo);
  const dates = collapse(r.dates);
  const submitted = parseDayMonthYear(/^Submitted\s+([^;]+)/.exec(dates)?.[1]);
  const v1 = parseDayMonthYear(/\bv1 submitted\s+([^;]+)/.exec(dates)?.[1]);
  const notes = r.notes.map((n) => ({ hrefs: n.hrefs, text: collapse(n.text) }));
  const note = (label: RegExp) => {
    const n = notes.find((x) => label.test(x.text));
    return n ? { hrefs: n.hrefs, text: stripLabel(n.text, label) || null } : null;
  };
  const comments = note(/^Comments:/);
  const abstract = orNull(r.abstract);
  return {
    id: ids.id, version, title: collapse(r.title),
    authors: anchorRefs(r.anchors, base),
    published: v1 ?? (version === 1 || !version ? submitted : null),
    updated: v1 ? submitted : version && version > 1 ? submitted : null,
    primaryCategory: primary, categories, abstract, comments: comments?.text ?? null,
    journalRef: note(/^Journal ref:/)?.text ?? null,
    doi: doiFrom(r.doiHref) ?? doiFrom(collapse(r.doiText)),
    abs: absLink?.href ?? null, pdf: linkOf(r.pdfHref, base)?.href ?? null, html: linkOf(r.htmlHref, base)?.href ?? null,
    code: codeLinks([abstract, comments?.text ?? null], comments ? [...r.fullHrefs, ...comments.hrefs] : r.fullHrefs),
  };
}

// ---------------------------------------------------------------- pages

/** A search URL's query: `query`, or the terms of an advanced search joined; null: none. */
export function searchQuery(u: URL): string | null {
  const q = collapse(u.searchParams.get('query'));
  if (q) return q;
  const terms = [...u.searchParams.entries()].filter(([k, v]) => /^terms-\d+-term$/.test(k) && collapse(v));
  return terms.length ? terms.map(([, v]) => collapse(v)).join(' ') : null;
}

/** A raw read of an arXiv page. */
export type ArxivRead = Omit<RawRead, 'raw'> & { raw: Extract<RawBody, { kind: `arxiv-${string}` }> };

function finishBody(read: ArxivRead): Body | string {
  const { raw, url, scrapedAt: now } = read;
  const u = new URL(url);
  // Relative links resolve against the page's own URL.
  const base = url;
  switch (raw.kind) {
    case 'arxiv-listing': {
      const drafts = entryDrafts(raw.entries, base, raw.layout);
      if (typeof drafts === 'string') return drafts;
      const total = parseCount(raw.total);
      if (drafts.length === 0 && total !== 0 && !raw.noUpdates) return 'listing without entries';
      const m = LISTING_PATH.exec(u.pathname);
      return {
        author: null, authors: distinctByName(drafts.flatMap((d) => d.authors)), papers: drafts.map((d) => toPaper(d, now)),
        total, title: m ? `${m[1]} ${m[2]}` : null,
      };
    }
    case 'arxiv-author': {
      const arxivId = AUTHOR_PATH.exec(u.pathname)?.[1];
      if (!arxivId) return 'not an author page URL';
      const drafts = entryDrafts(raw.entries, base, raw.layout);
      if (typeof drafts === 'string') return drafts;
      if (drafts.length === 0) return 'author page without articles';
      const heading = raw.heading;
      const name = collapse(/^(.+?)['’]s articles on arXiv/i.exec(heading)?.[1] ?? /^arXiv(?:\.org)?(?: author)?:?\s+(.+)$/i.exec(heading)?.[1]) || arxivId;
      const author: AuthorRef = { name, url: `${u.origin}${u.pathname}`, arxivId, query: null };
      return {
        author, authors: distinctByName(drafts.flatMap((d) => d.authors)), papers: drafts.map((d) => toPaper(d, now)),
        total: parseCount(raw.total), title: heading || name,
      };
    }
    case 'arxiv-search': {
      const drafts = new Map<string, Draft>();
      const memo = new SubjectMemo();
      for (let i = 0; i < raw.results.length; i++) {
        const d = resultDraft(raw.results[i]!, base, memo);
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
        total: raw.noResults ? 0 : parseCount(/of\s+([\d,]+)\s+results/.exec(raw.heading)?.[1]),
        title: query ?? (collapse(/results for\s+(.+)$/.exec(raw.heading)?.[1]) || null),
      };
    }
  }
}

/** `/list/<category>/<period>`: the listing pages the adapter reads. */
export const LISTING_PATH = /^\/list\/([a-z]+(?:-[a-z]+)*(?:\.[A-Za-z-]+)?)\/(new|recent|pastweek|\d{2}|\d{4}|\d{4}-\d{2})\/?$/;

/** A raw arXiv read made into a draft. Never throws; anything unexpected is `{ ok: false, reason }`. */
export function finishArxiv(read: ArxivRead): ParseDraft {
  return finished(read, finishBody);
}
