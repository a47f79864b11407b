/**
 * OpenReview adapter (openreview.net).
 *
 * - Profile pages `/profile?id=~First_Last1` → 'author' ({@link openReviewIdFromUrl}); forum pages
 *   `/forum?id=<note id>` → 'abs' ({@link openReviewForumIdFromUrl}); anything else → null.
 * - URLs and the page reader are in `./openreview-scrape.ts` (Zod-free: what the content script runs).
 * - The site is a client-side app. A profile page's papers come from the API v2
 *   (`api2.openreview.net/notes?content.authorids=~First_Last1`, or `/notes/search`), whose reply
 *   {@link profileFromOpenReview} reads; `parse` answers `Unrecognised` for profile pages. A forum
 *   page is read from its `citation_*` meta tags when present.
 * - Notes: API v2 wraps every content field as `{ value }`; API v1's plain values are accepted too.
 *   Unknown fields are tolerated; a known field of an unexpected type is treated as absent.
 *
 * Decisions:
 * - Paper id: arXiv id when one is found (an arxiv.org link in `html`/`pdf`, the `_bibtex` url/eprint/
 *   CoRR volume, an arXiv DataCite DOI), else the DOI lower-cased (`doi` field, `_bibtex` doi, a
 *   doi.org `html` link), else `openreview:<note id>`.
 * - Dates: `published` = `pdate` (publication date), else `odate` (made public), as UTC dates; `cdate`
 *   and `tcdate` are not publication dates (for papers imported from DBLP they are the import time).
 *   `year` = year of `pdate`, else the year in the venue (`Interspeech 2021`), else of `odate`/`cdate`/`tcdate`.
 * - `journalRef` = the venue string (`ICLR 2024 poster`, `Submitted to ICLR 2024`, `CoRR 2021`): the
 *   schema has no venue field. Notes without a title (replies, comments) are skipped.
 * Pure: no network, no storage; never throws.
 */
import { z } from 'zod';
import { type AuthorRef, type PaperInput, ParseOutcome } from '../schema';
import { arxivIdFromUrl, collapse, doiFrom, httpUrl as toUrl, normaliseArxivId } from './arxiv-html';
import { checkedOutcome } from './checked';
import { OPENREVIEW, PROFILE_ID, nameFromProfileId, openReviewIdFromUrl, profileUrl, scrape, site } from './openreview-scrape';

export {
  API_REASON, OPENREVIEW, isOpenReviewApiUrl, matches, nameFromProfileId, openReviewForumIdFromUrl, openReviewIdFromUrl, pageType,
  profileUrl, read, site,
} from './openreview-scrape';

// ---------------------------------------------------------------- the API reply

/** The profile an API URL asks about (`content.authorids=~X`, `authorids=~X`, `author=~X`), else null. */
function apiProfileId(u: URL | null): string | null {
  if (!u || !/^api2?\.openreview\.net$/i.test(u.hostname)) return null;
  for (const k of ['content.authorids', 'authorids', 'author', 'content.authors']) {
    const v = collapse(u.searchParams.get(k));
    if (PROFILE_ID.test(v)) return v;
  }
  return null;
}

/** A content field: `{ value }` (API v2) or the plain value (API v1); anything else is absent. */
function field<T extends z.ZodType>(inner: T) {
  return z
    .union([z.looseObject({ value: inner.nullish() }).transform((v) => v.value ?? null), inner])
    .nullish()
    .catch(null)
    .transform((v) => (v ?? null) as z.output<T> | null);
}

const Str = z.string();
const StrList = z.array(z.string());

export const OpenReviewContent = z.looseObject({
  title: field(Str),
  authors: field(StrList),
  authorids: field(StrList),
  venue: field(Str),
  venueid: field(Str),
  abstract: field(Str),
  pdf: field(Str),
  html: field(Str),
  ee: field(Str),
  doi: field(Str),
  _bibtex: field(Str),
});

const Ms = z.number().finite().nullish().catch(null);

export const OpenReviewNote = z.looseObject({
  id: z.string().min(1),
  forum: z.string().nullish().catch(null),
  replyto: z.string().nullish().catch(null),
  cdate: Ms,
  pdate: Ms,
  odate: Ms,
  mdate: Ms,
  tcdate: Ms,
  tmdate: Ms,
  content: OpenReviewContent.nullish(),
});
export type OpenReviewNote = z.infer<typeof OpenReviewNote>;

export const OpenReviewNotes = z.looseObject({
  notes: z.array(OpenReviewNote),
  count: z.number().int().nonnegative().nullish().catch(null),
});

function isoDay(ms: number | null | undefined): string | null {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms <= 0) return null;
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

function venueYear(venue: string | null): number | null {
  const m = /\b(19[5-9]\d|2[01]\d{2})\b/.exec(venue ?? '');
  return m?.[1] ? Number(m[1]) : null;
}

function bibtexField(bib: string | null, name: string): string | null {
  const m = new RegExp(`\\b${name}\\s*=\\s*[{"]([^}"]*)[}"]`, 'i').exec(bib ?? '');
  return m?.[1] ? collapse(m[1]) : null;
}

function ids(c: z.infer<typeof OpenReviewContent>): { arxivId: string | null; doi: string | null } {
  const links = [c.html, c.ee, c.pdf, bibtexField(c._bibtex, 'url')].filter((s): s is string => !!s);
  let arxivId: string | null = null;
  for (const l of links) arxivId ??= arxivIdFromUrl(l)?.id ?? null;
  const bib = c._bibtex;
  if (!arxivId && /arxiv/i.test(bibtexField(bib, 'archivePrefix') ?? '')) arxivId = normaliseArxivId(bibtexField(bib, 'eprint'))?.id ?? null;
  if (!arxivId && /^corr$/i.test(bibtexField(bib, 'journal') ?? '')) arxivId = normaliseArxivId((bibtexField(bib, 'volume') ?? '').replace(/^abs\//i, ''))?.id ?? null;
  const doiLink = links.map((l) => (/^https?:\/\/(?:dx\.)?doi\.org\//i.test(l) ? doiFrom(l.replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, '')) : null)).find(Boolean) ?? null;
  let doi = doiFrom(c.doi) ?? doiFrom(bibtexField(bib, 'doi')) ?? doiLink;
  const datacite = /^10\.48550\/arxiv\.(.+)$/i.exec(doi ?? '');
  if (datacite) {
    arxivId ??= normaliseArxivId(datacite[1])?.id ?? null;
    doi = null;
  }
  return { arxivId, doi };
}

function absolute(href: string | null): string | null {
  if (!href) return null;
  try {
    const u = new URL(href, OPENREVIEW);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function authorLink(id: string | undefined): string | null {
  if (!id) return null;
  if (PROFILE_ID.test(id)) return profileUrl(id);
  return /^https?:\/\//i.test(id) ? id : null;
}

/** One note as a Paper, or null when it has no title (a reply, a comment). */
export function noteToPaper(note: OpenReviewNote, fetchedAt: string): PaperInput | null {
  const c = note.content;
  const title = collapse(c?.title);
  if (!c || !title) return null;
  const { arxivId, doi } = ids(c);
  const authors = (c.authors ?? []).map(collapse);
  const authorids = c.authorids ?? [];
  const published = isoDay(note.pdate) ?? isoDay(note.odate);
  const venue = collapse(c.venue) || null;
  const yearDay = isoDay(note.pdate) ?? null;
  const year = (yearDay ? Number(yearDay.slice(0, 4)) : null) ?? venueYear(venue)
    ?? [note.odate, note.cdate, note.tcdate].map(isoDay).filter((d): d is string => d !== null).map((d) => Number(d.slice(0, 4)))[0] ?? null;
  const pdf = absolute(c.pdf);
  return {
    id: arxivId ?? doi?.toLowerCase() ?? `openreview:${note.id}`,
    arxivId,
    doi,
    title,
    authors,
    authorUrls: authors.map((_, i) => authorLink(authorids[i])),
    published,
    year,
    abstract: collapse(c.abstract) || null,
    journalRef: venue,
    links: {
      abs: arxivId ? `https://arxiv.org/abs/${arxivId}` : `${OPENREVIEW}/forum?id=${encodeURIComponent(note.forum || note.id)}`,
      pdf: arxivId ? `https://arxiv.org/pdf/${arxivId}` : pdf,
      doi: doi ? `https://doi.org/${doi}` : null,
    },
    source: 'openreview',
    fetchedAt,
  };
}

function fail(url: string, reason: string): ParseOutcome {
  return { ok: false, site, url: String(url), reason };
}

function validated(result: unknown, url: string): ParseOutcome {
  const checked = ParseOutcome.safeParse(result);
  if (!checked.success) return fail(url, `output failed validation: ${checked.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return checked.data;
}

export interface OpenReviewOptions {
  /** The profile the notes are about, when the URL does not say (`~First_Last1`). */
  profileId?: string | null;
  now?: Date;
}

/**
 * An API `/notes` or `/notes/search` reply as a ScrapeResult. With a profile id (from a profile page
 * URL, the API URL's `content.authorids`, or `opts.profileId`) it is the profile page ('author';
 * `author` named as the notes name that profile, else after the id); without one it is a 'search'
 * (title: the `term` of the URL). Papers in reply order, one per id; `total` the reply's `count`.
 * Never throws.
 */
export function profileFromOpenReview(notesJson: unknown, url: string, opts: OpenReviewOptions = {}): ParseOutcome {
  try {
    let raw: unknown = notesJson;
    if (typeof notesJson === 'string') {
      try {
        raw = JSON.parse(notesJson);
      } catch (e) {
        return fail(url, `not JSON: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    const parsed = OpenReviewNotes.safeParse(raw);
    if (!parsed.success) {
      return fail(url, `not an OpenReview notes reply: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
    }
    const fetchedAt = (opts.now ?? new Date()).toISOString();
    const papers: PaperInput[] = [];
    const seen = new Set<string>();
    for (const note of parsed.data.notes) {
      const p = noteToPaper(note, fetchedAt);
      if (!p || seen.has(p.id)) continue;
      seen.add(p.id);
      papers.push(p);
    }

    const u = toUrl(url);
    const optId = opts.profileId && PROFILE_ID.test(opts.profileId) ? opts.profileId : null;
    const profileId = openReviewIdFromUrl(url) ?? optId ?? apiProfileId(u);
    let author: AuthorRef | null = null;
    if (profileId) {
      const names = new Map<string, number>();
      for (const note of parsed.data.notes) {
        const c = note.content;
        const i = c?.authorids?.indexOf(profileId) ?? -1;
        const n = i >= 0 ? collapse(c?.authors?.[i]) : '';
        if (n) names.set(n, (names.get(n) ?? 0) + 1);
      }
      const best = [...names.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
      author = { name: best ?? nameFromProfileId(profileId), url: profileUrl(profileId), arxivId: null, query: null };
    }
    const refs = new Map<string, AuthorRef>();
    for (const p of papers) {
      p.authors.forEach((name, i) => {
        const aurl = p.authorUrls?.[i] ?? null;
        const k = aurl ?? `name:${name}`;
        if (!refs.has(k)) refs.set(k, { name, url: aurl, arxivId: null, query: null });
      });
    }
    const term = collapse(u?.searchParams.get('term') ?? u?.searchParams.get('query')) || null;
    return validated({
      ok: true, site, pageType: author ? 'author' : 'search', url: String(url), author, authors: [...refs.values()], papers,
      total: parsed.data.count ?? null, title: author?.name ?? term, scrapedAt: fetchedAt,
    }, url);
  } catch (e) {
    return fail(url, `parser error: ${e instanceof Error ? e.message : String(e)}`);
  }
}

// ---------------------------------------------------------------- pages

/**
 * Read an OpenReview page (`scrape`) and validate it with `ParseOutcome`. Profile pages are
 * `Unrecognised` ({@link API_REASON}: read the API reply with {@link profileFromOpenReview}); forum
 * pages are read from their `citation_*` meta tags. Never throws.
 */
export function parse(doc: Document, url: string): ParseOutcome {
  return checkedOutcome(scrape(doc, url), url, 3);
}
