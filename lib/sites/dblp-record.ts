/**
 * What the DBLP readers (person XML export, publication search API, HTML person/record pages) have
 * in common: URLs and pids, and one DBLP record turned into a {@link Paper}.
 *
 * Decisions (downstream code relies on them):
 * - Paper id: the arXiv id when one is known (an `arxiv.org/abs|pdf` ee link, an arXiv DataCite DOI
 *   `10.48550/arXiv.<id>`, or a CoRR record's `abs/<id>` volume / `journals/corr/abs-YYMM-NNNNN` key),
 *   else the DOI lower-cased, else `dblp:<record key>`.
 * - `doi` is the first `doi.org` ee link that is not an arXiv DataCite DOI (that one names the
 *   preprint, which `arxivId` already does).
 * - Names: DBLP's homonym number (`Di Xu 0001`) is dropped from author names, so they match other
 *   sources; the person stays identified by the pid link in `authorUrls`.
 * - Titles: DBLP ends every title with a period; one trailing period is dropped (`?`/`!` kept).
 * - The schema has no venue field: `journalRef` carries the venue in DBLP's own citation style
 *   (`IEEE Trans. Vis. Comput. Graph. 17(3): 333-344 (2011)`, `ICCE 2012: 394-395`); null for CoRR
 *   preprints (they are arXiv papers, not a venue).
 * - `published`/`updated` are null: DBLP states a year only (its `mdate` is the record's edit date).
 */
import type { AuthorRef, PaperInput } from '../schema';
import { arxivIdFromUrl, collapse, doiFrom, httpLink, httpUrl, mayHaveHost, normaliseArxivId } from './arxiv-html';

export const DBLP_BASE = 'https://dblp.org';
const HOSTS = new Set(['dblp.org', 'www.dblp.org', 'dblp.uni-trier.de', 'dblp.dagstuhl.de']);

export const toUrl = httpUrl;

export function isDblpHost(u: URL | null): u is URL {
  return !!u && HOSTS.has(u.hostname.toLowerCase());
}

/** A DBLP person id: `95/7448-1`, `m/JohnMcCarthy`, `h/GeoffreyEHinton`, `00/1234`. */
const PID = String.raw`(?:\d{1,3}|[a-z])\/[A-Za-z0-9][A-Za-z0-9_=-]*`;
const PID_RE = new RegExp(`^${PID}$`);
/** `/pid/<pid>`, `/pid/<pid>.html`, `/pid/<pid>.xml` (other exports – .bib, .rss, .nt – are not pages we read). */
export const PID_PATH = new RegExp(`^\\/pid\\/(${PID}?)(\\.html|\\.xml)?\\/?$`);
/** `/rec/<key>` or `/rec/<key>.html` / `.xml`: one record (keys like `conf/dac/ZhangYY21`, `journals/corr/abs-2106-09685`). */
export const REC_PATH = /^\/rec\/((?:[a-z]+\/)+[A-Za-z0-9][\w=-]*)(\.html|\.xml)?\/?$/;

export function isPid(s: string | null | undefined): s is string {
  return !!s && PID_RE.test(s);
}

/** `https://dblp.org/pid/<pid>`: the canonical person URL (whatever mirror or export the pid came from). */
export function pidUrl(pid: string): string {
  return `${DBLP_BASE}/pid/${pid}`;
}

/** The pid of a DBLP person URL (page or XML export, any mirror, relative to dblp.org), else null. */
export function pidFromHref(href: string | null | undefined, base = `${DBLP_BASE}/`): string | null {
  if (!href) return null;
  let u: URL | null = null;
  try {
    u = new URL(href, base);
  } catch {
    return null;
  }
  if (!isDblpHost(u)) return null;
  const m = PID_PATH.exec(u.pathname);
  return m?.[1] ?? null;
}

/** Drop DBLP's homonym number: `Di Xu 0001` → `Di Xu`. */
export function displayName(name: string | null | undefined): string {
  return collapse(name).replace(/\s+\d{4}$/, '');
}

/** One trailing period dropped: `Saturated-pixel enhancement for color images.` → without the period. */
export function cleanTitle(title: string | null | undefined): string {
  const t = collapse(title);
  return t.endsWith('.') && !t.endsWith('..') ? t.slice(0, -1).trimEnd() : t;
}

export interface DblpAuthor {
  name: string;
  pid: string | null;
}

/** One DBLP record as the readers see it, before it becomes a Paper. */
export interface DblpDraft {
  key: string | null;
  /** article, inproceedings, proceedings, informal, … (the XML element or the HTML entry class). */
  type: string | null;
  title: string;
  authors: DblpAuthor[];
  year: number | null;
  venue: string | null;
  volume: string | null;
  number: string | null;
  pages: string | null;
  /** Electronic-edition links, in page order. */
  ees: string[];
  /** A DOI the source states outright (the search API's `doi` field). */
  doi?: string | null;
}

export function yearOf(text: string | null | undefined): number | null {
  const m = /\b(1[89]\d{2}|2[01]\d{2})\b/.exec(text ?? '');
  return m?.[1] ? Number(m[1]) : null;
}

/** `https://doi.org/10.1109/X` (also dx.doi.org, http) → `10.1109/X`; anything else null. */
export function doiFromUrl(url: string): string | null {
  const u = mayHaveHost(url, 'doi') ? httpLink(url) : null;
  if (!u || !/^(?:dx\.)?doi\.org$/i.test(u.hostname)) return null;
  return doiFrom(u.pathname.replace(/^\//, ''));
}

/** The arXiv id of an arXiv DataCite DOI (`10.48550/arXiv.2106.09685`), else null. */
export function arxivIdFromDoi(doi: string | null | undefined): string | null {
  const m = /^10\.48550\/arxiv\.(.+)$/i.exec(doi ?? '');
  return m?.[1] ? (normaliseArxivId(m[1])?.id ?? null) : null;
}

/** A CoRR record's arXiv id: volume `abs/2106.09685` (or `cs.AI/0101001`), key `journals/corr/abs-2106-09685`. */
export function corrArxivId(d: Pick<DblpDraft, 'key' | 'venue' | 'volume'>): string | null {
  const isCorr = /^corr$/i.test(d.venue ?? '') || (d.key ?? '').startsWith('journals/corr/');
  if (!isCorr) return null;
  const fromVolume = normaliseArxivId((d.volume ?? '').replace(/^abs\//i, ''))?.id;
  if (fromVolume) return fromVolume;
  const k = /^journals\/corr\/abs-(\d{4})-(\d{4,5})$/.exec(d.key ?? '');
  return k ? `${k[1]}.${k[2]}` : null;
}

export function isCorr(d: Pick<DblpDraft, 'key' | 'venue'>): boolean {
  return /^corr$/i.test(d.venue ?? '') || (d.key ?? '').startsWith('journals/corr/');
}

/** The ids of a record: arXiv from links, DataCite DOI or CoRR volume; DOI from doi.org links. */
export function draftIds(d: DblpDraft): { id: string; arxivId: string | null; version: number | null; doi: string | null } {
  let arxiv: { id: string; version: number | null } | null = null;
  let doi: string | null = null;
  const stated = d.doi ? doiFrom(d.doi) : null;
  for (const [url, direct] of [[null, stated] as const, ...d.ees.map((ee) => [ee, doiFromUrl(ee)] as const)]) {
    const fromUrl = url ? arxivIdFromUrl(url) : null;
    const fromDoi = arxivIdFromDoi(direct);
    if (!arxiv && fromUrl) arxiv = fromUrl;
    if (!arxiv && fromDoi) arxiv = { id: fromDoi, version: null };
    if (!doi && direct && !fromDoi) doi = direct;
  }
  if (!arxiv) {
    const c = corrArxivId(d);
    if (c) arxiv = { id: c, version: null };
  }
  const id = arxiv?.id ?? doi?.toLowerCase() ?? `dblp:${d.key ?? cleanTitle(d.title).toLowerCase()}`;
  return { id, arxivId: arxiv?.id ?? null, version: arxiv?.version ?? null, doi };
}

/** DBLP's citation style: `Journal 17(3): 333-344 (2011)`, `Booktitle 2012: 1-4`; null for CoRR or no venue. */
export function venueRef(d: DblpDraft): string | null {
  if (!d.venue || isCorr(d)) return null;
  const journal = d.type === 'article' || d.volume !== null;
  if (journal) {
    const vol = d.volume ? ` ${d.volume}${d.number ? `(${d.number})` : ''}` : '';
    return `${d.venue}${vol}${d.pages ? `: ${d.pages}` : ''}${d.year ? ` (${d.year})` : ''}`;
  }
  return `${d.venue}${d.year ? ` ${d.year}` : ''}${d.pages ? `: ${d.pages}` : ''}`;
}

/** The record's page on dblp.org. */
export function recUrl(key: string): string {
  return `${DBLP_BASE}/rec/${key}`;
}

export function draftToPaper(d: DblpDraft, fetchedAt: string): PaperInput {
  const { id, arxivId, version, doi } = draftIds(d);
  return {
    id,
    arxivId,
    version,
    doi,
    title: cleanTitle(d.title),
    authors: d.authors.map((a) => displayName(a.name)),
    authorUrls: d.authors.map((a) => (a.pid ? pidUrl(a.pid) : null)),
    published: null,
    updated: null,
    year: d.year,
    journalRef: venueRef(d),
    links: {
      abs: arxivId ? `https://arxiv.org/abs/${arxivId}` : d.key ? recUrl(d.key) : null,
      pdf: arxivId ? `https://arxiv.org/pdf/${arxivId}` : null,
      html: null,
      doi: doi ? `https://doi.org/${doi}` : null,
      code: [],
    },
    citations: null,
    source: 'dblp',
    fetchedAt,
  };
}

/**
 * One paper per id. DBLP lists a preprint (CoRR) and its published version as two records; when
 * both carry the same arXiv id they are one paper here, at the first one's position, with the
 * published record's venue and DOI (the record with a `journalRef`/DOI wins over the CoRR one).
 */
export function mergeById<T extends { id: string; journalRef?: string | null; doi?: string | null }>(papers: T[]): T[] {
  const out: T[] = [];
  const at = new Map<string, number>();
  for (const p of papers) {
    const i = at.get(p.id);
    if (i === undefined) {
      at.set(p.id, out.length);
      out.push(p);
      continue;
    }
    const kept = out[i];
    if (kept && !kept.journalRef && !kept.doi && (p.journalRef || p.doi)) out[i] = p;
  }
  return out;
}

/** Every distinct author of the papers (by pid link, else by name), in first-seen order. */
export function authorRefsOf(papers: PaperInput[]): AuthorRef[] {
  const seen = new Map<string, AuthorRef>();
  for (const p of papers) {
    p.authors.forEach((name, i) => {
      const url = p.authorUrls?.[i] ?? null;
      const k = url ?? `name:${name}`;
      if (!seen.has(k)) seen.set(k, { name, url, arxivId: null, query: null });
    });
  }
  return [...seen.values()];
}
