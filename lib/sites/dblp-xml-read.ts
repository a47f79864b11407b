/**
 * Reading DBLP XML exports (see ./dblp-xml.ts for the format) from an element tree: an @xmldom/xmldom
 * tree (./dblp-xml.ts parses text with it: a service worker has no DOMParser) or the browser's own
 * DOM of an export shown in a tab (the DBLP content script, ./dblp-scrape.ts). Neither xmldom nor
 * Zod is imported here, so the content script carries neither. Pure.
 */
import type { AuthorRef, Unrecognised } from '../schema';
import { collapse } from './arxiv-html';
import {
  type DblpAuthor, type DblpDraft, authorRefsOf, displayName, draftToPaper, isPid, mergeById, pidUrl, yearOf,
} from './dblp-record';
import type { ParseDraft } from './draft';

/**
 * The part of an element the readers use; xmldom's `Element` and the DOM's both have it. Children
 * are walked by `firstChild`/`nextSibling`, and a child of node type 1 is an element.
 */
export interface Element extends XmlNode {
  readonly tagName: string;
  readonly textContent: string | null;
  readonly firstChild: XmlNode | null;
  getAttribute(name: string): string | null;
}

export interface XmlNode {
  readonly nodeType: number;
  readonly nextSibling: XmlNode | null;
}

export const SITE = 'dblp';

const RECORD_TYPES = new Set([
  'article', 'inproceedings', 'proceedings', 'book', 'incollection', 'phdthesis', 'mastersthesis', 'www', 'data',
]);

// ---------------------------------------------------------------- XML helpers

function kids(parent: Element, name?: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const el = n as Element; // node type 1: an element
    if (!name || el.tagName === name) out.push(el);
  }
  return out;
}

function kid(parent: Element, name: string): Element | null {
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).tagName === name) return n as Element;
  }
  return null;
}

/** The child elements of `parent` by tag name, each list in document order: one pass for all of them. */
function kidsByTag(parent: Element): Map<string, Element[]> {
  const out = new Map<string, Element[]>();
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    const list = out.get(el.tagName);
    if (list) list.push(el);
    else out.set(el.tagName, [el]);
  }
  return out;
}

function text(el: Element | null): string | null {
  const t = collapse(el?.textContent);
  return t === '' ? null : t;
}

function attr(el: Element | null, name: string): string | null {
  const v = el?.getAttribute(name);
  return v == null || v.trim() === '' ? null : v.trim();
}

// ---------------------------------------------------------------- records

function people(rec: Element, tag: 'author' | 'editor'): DblpAuthor[] {
  return peopleOf(kids(rec, tag));
}

function peopleOf(els: readonly Element[] | undefined): DblpAuthor[] {
  const out: DblpAuthor[] = [];
  for (const a of els ?? []) {
    const name = text(a);
    if (!name) continue;
    const pid = attr(a, 'pid');
    out.push({ name, pid: isPid(pid) ? pid : null });
  }
  return out;
}

export function recordDraft(rec: Element): DblpDraft {
  const by = kidsByTag(rec);
  const first = (name: string) => text(by.get(name)?.[0] ?? null);
  const authors = peopleOf(by.get('author'));
  return {
    key: attr(rec, 'key'),
    type: attr(rec, 'publtype') === 'informal' ? 'informal' : rec.tagName,
    title: first('title') ?? '',
    authors: authors.length ? authors : peopleOf(by.get('editor')),
    year: yearOf(first('year')),
    venue: first('journal') ?? first('booktitle') ?? first('school') ?? first('publisher'),
    volume: first('volume'),
    number: first('number'),
    pages: first('pages'),
    ees: (by.get('ee') ?? []).map(text).filter((s): s is string => s !== null),
  };
}

/** The record elements of a `<dblpperson>` (`<r>` wrappers) or a `<dblp>` record export. */
function recordElements(root: Element): Element[] {
  const wrapped = root.tagName === 'dblpperson' ? kids(root, 'r').flatMap((r) => kids(r)) : kids(root);
  return wrapped.filter((el) => RECORD_TYPES.has(el.tagName) && el.tagName !== 'www');
}

// ---------------------------------------------------------------- the person

export interface DblpHomonym {
  name: string;
  pid: string | null;
  url: string | null;
  /** DBLP's catch-all page for the name (papers not yet assigned to a person). */
  disambiguation: boolean;
  affiliations: string[];
}

export interface DblpPersonInfo {
  /** As DBLP writes it, homonym number included (`Di Xu 0001`). */
  dblpName: string;
  /** Without the homonym number (`Di Xu`). */
  name: string;
  pid: string;
  url: string;
  /** DBLP's count of the person's records. */
  records: number | null;
  /** Other names of the person (`<author>` entries beyond the first). */
  aliases: string[];
  affiliations: string[];
  /** Awards and other notes that are not affiliations, as `type: text`. */
  notes: string[];
  /** Profile links (`<url>`): homepages, Wikipedia, ORCID, … */
  urls: string[];
  orcid: string | null;
  /** This page is itself a disambiguation page: its records belong to several people of this name. */
  disambiguation: boolean;
  homonyms: DblpHomonym[];
}

function personNotes(person: Element | null): { affiliations: string[]; notes: string[] } {
  const affiliations: string[] = [];
  const notes: string[] = [];
  for (const n of person ? kids(person, 'note') : []) {
    const t = text(n);
    if (!t) continue;
    const type = attr(n, 'type');
    if (type === 'affiliation') affiliations.push(t);
    else notes.push(type ? `${type}: ${t}` : t);
  }
  return { affiliations, notes };
}

function orcidOf(urls: string[]): string | null {
  for (const u of urls) {
    const m = /orcid\.org\/(\d{4}-\d{4}-\d{4}-\d{3}[\dX])\b/i.exec(u);
    if (m?.[1]) return m[1].toUpperCase();
  }
  return null;
}

export function personInfo(root: Element): DblpPersonInfo | string {
  if (root.tagName !== 'dblpperson') return `not a DBLP person export (root element <${root.tagName}>)`;
  const person = kid(root, 'person');
  const pid = attr(root, 'pid') ?? attr(person ? kid(person, 'author') : null, 'pid');
  if (!isPid(pid)) return `DBLP person export without a valid pid (${pid ?? 'none'})`;
  const names = (person ? kids(person, 'author') : []).map(text).filter((s): s is string => s !== null);
  const dblpName = attr(root, 'name') ?? names[0] ?? null;
  if (!dblpName) return 'DBLP person export without a name';
  const n = attr(root, 'n');
  const urls = (person ? kids(person, 'url') : []).map(text).filter((s): s is string => s !== null);
  const homonyms = kids(root, 'homonyms').flatMap((hs) => kids(hs, 'h')).flatMap((h): DblpHomonym[] => {
    const p = kid(h, 'person');
    const a = p ? kid(p, 'author') : null;
    const name = text(a);
    if (!p || !name) return [];
    const hp = attr(a, 'pid');
    return [{
      name,
      pid: isPid(hp) ? hp : null,
      url: isPid(hp) ? pidUrl(hp) : null,
      disambiguation: attr(p, 'publtype') === 'disambiguation',
      affiliations: personNotes(p).affiliations,
    }];
  });
  return {
    dblpName,
    name: displayName(dblpName),
    pid,
    url: pidUrl(pid),
    records: n && /^\d+$/.test(n) ? Number(n) : null,
    aliases: names.filter((x) => x !== dblpName),
    ...personNotes(person),
    urls,
    orcid: orcidOf(urls),
    disambiguation: attr(person, 'publtype') === 'disambiguation',
    homonyms,
  };
}

export interface DblpCoauthor {
  /** Without the homonym number. */
  name: string;
  dblpName: string;
  pid: string | null;
  url: string | null;
  /** DBLP's co-author community (the `c` colour group), null when absent. */
  community: number | null;
  /** Records in this export that list this co-author (as author or editor). */
  papers: number;
}

/** The `<coauthors>` of a person export's root, in DBLP's order; [] when there are none or it is not one. */
export function coauthorsOf(root: Element): DblpCoauthor[] {
  if (root.tagName !== 'dblpperson') return [];
  const counts = new Map<string, number>();
  for (const rec of recordElements(root)) {
    const seen = new Set<string>();
    for (const p of [...people(rec, 'author'), ...people(rec, 'editor')]) {
      const k = p.pid ?? `name:${p.name}`;
      if (seen.has(k)) continue;
      seen.add(k);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  return kids(root, 'coauthors').flatMap((cs) => kids(cs, 'co')).flatMap((co) => {
    const c = attr(co, 'c');
    return kids(co, 'na').flatMap((na): DblpCoauthor[] => {
      const dblpName = text(na);
      if (!dblpName) return [];
      const pid = attr(na, 'pid');
      const valid = isPid(pid) ? pid : null;
      return [{
        name: displayName(dblpName),
        dblpName,
        pid: valid,
        url: valid ? pidUrl(valid) : null,
        community: c && /^\d+$/.test(c) ? Number(c) : null,
        papers: counts.get(valid ?? `name:${dblpName}`) ?? 0,
      }];
    });
  });
}

// ---------------------------------------------------------------- the export

export function unrecognised(url: string, reason: string): Unrecognised {
  return { ok: false, site: SITE, url: String(url), reason };
}

/**
 * A DBLP XML export's root element as a draft ScrapeResult (not validated: `parseDblpXml` validates
 * it): a person export (`pageType` 'author', `author` the person, `total` DBLP's record count `n`)
 * or a record export (`<dblp>`, 'abs'). Can throw (an invalid `now`, say): the callers catch.
 */
export function dblpXmlDraft(root: Element, url: string, now: Date): ParseDraft {
  const fetchedAt = now.toISOString();
  let author: AuthorRef | null = null;
  let title: string | null = null;
  let total: number | null = null;
  let pageType: 'author' | 'abs';
  if (root.tagName === 'dblpperson') {
    const info = personInfo(root);
    if (typeof info === 'string') return unrecognised(url, info);
    author = { name: info.name, url: info.url, arxivId: null, query: null };
    title = info.dblpName;
    total = info.records;
    pageType = 'author';
  } else if (root.tagName === 'dblp') {
    pageType = 'abs';
  } else {
    return unrecognised(url, `not a DBLP export (root element <${root.tagName}>)`);
  }
  const drafts = recordElements(root).map(recordDraft);
  const untitled = drafts.findIndex((d) => d.title === '');
  if (untitled >= 0) return unrecognised(url, `record ${untitled + 1} (${drafts[untitled]?.key ?? 'no key'}) has no title`);
  if (pageType === 'abs' && drafts.length === 0) return unrecognised(url, 'DBLP record export without a record');
  const papers = mergeById(drafts.map((d) => draftToPaper(d, fetchedAt)));
  if (pageType === 'abs') title = papers[0]?.title ?? null;
  return {
    ok: true, site: SITE, pageType, url: String(url), author, authors: authorRefsOf(papers), papers, total, title, scrapedAt: fetchedAt,
  };
}
