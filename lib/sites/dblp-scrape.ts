/**
 * DBLP adapter (dblp.org and its mirrors dblp.uni-trier.de, dblp.dagstuhl.de), the Zod-free half:
 * what the DBLP content script runs (`./dblp.ts` re-exports it and adds the validating `parse` and
 * the text feeds; see ./draft.ts).
 *
 * Pages:
 * - person pages `/pid/<pid>` (`95/7448-1`, `m/JohnMcCarthy`, `h/GeoffreyEHinton`), also `.html`,
 *   and the person's XML export `/pid/<pid>.xml` → 'author';
 * - record pages `/rec/<key>` / `.html` (and the record's XML export) → 'abs';
 * - everything else (search `/search?q=`, tables of contents `/db/...`, the search APIs, other
 *   exports, other hosts) → null.
 *
 * `scrape(doc, url)` reads the HTML person/record page through its schema.org microdata: each
 * `li.entry` (`itemscope itemtype="http://schema.org/ScholarlyArticle"`, id = record key) has
 * `span[itemprop=author]` people (`[itemprop=name]`, `a[itemprop=url]` to their pid page, the page's
 * own person as `span.this-person`), `span.title[itemprop=name]`, `[itemprop=datePublished]`,
 * `[itemprop=isPartOf] [itemprop=name]` (venue), `volumeNumber`, `issueNumber`, `pagination`, and
 * `nav.publ` with the electronic-edition links (`li.ee a`). A page without that structure is
 * `Unrecognised`. When the document is the XML export itself (a tab showing `/pid/<pid>.xml`) it is
 * read by an {@link XmlTabReader}: by default from the tab's own DOM (`./dblp-xml-read.ts`, as the
 * content script does: no @xmldom/xmldom), by `parse` serialised and read by `parseDblpXml`.
 *
 * Ids, names, titles, venues: `./dblp-record.ts`. Pure: no network, no storage; never throws.
 */
import type { AuthorRef, PageType } from '../schema';
import { collapse, textOf } from './arxiv-html';
import {
  type DblpAuthor, type DblpDraft, PID_PATH, REC_PATH, authorRefsOf, displayName, draftToPaper, isDblpHost, mergeById,
  pidFromHref, pidUrl, toUrl, yearOf,
} from './dblp-record';
import { dblpXmlDraft } from './dblp-xml-read';
import type { DraftBody as Body, ParseDraft } from './draft';
import type { PageRead } from './page-read';

export const site = 'dblp';

// ---------------------------------------------------------------- URLs

/** A page on dblp.org or one of its mirrors (http or https). */
export function matches(url: string): boolean {
  return isDblpHost(toUrl(url));
}

/** The pid of a person page or person XML export URL (`https://dblp.org/pid/95/7448-1.html` → `95/7448-1`), else null. */
export function dblpPidFromUrl(url: string): string | null {
  const u = toUrl(url);
  if (!isDblpHost(u)) return null;
  return PID_PATH.exec(u.pathname)?.[1] ?? null;
}

/** The record key of a record page URL (`https://dblp.org/rec/conf/dac/ZhangYY21.html` → `conf/dac/ZhangYY21`), else null. */
export function dblpRecKeyFromUrl(url: string): string | null {
  const u = toUrl(url);
  if (!isDblpHost(u)) return null;
  return REC_PATH.exec(u.pathname)?.[1] ?? null;
}

/** True for the XML exports `/pid/<pid>.xml` and `/rec/<key>.xml` (text feeds for {@link parseDblpXml}). */
export function isDblpXmlUrl(url: string): boolean {
  const u = toUrl(url);
  if (!isDblpHost(u)) return false;
  return PID_PATH.exec(u.pathname)?.[2] === '.xml' || REC_PATH.exec(u.pathname)?.[2] === '.xml';
}

/** Person pages (and their XML export) → 'author'; record pages → 'abs'; anything else → null. */
export function pageType(url: string): PageType | null {
  if (dblpPidFromUrl(url)) return 'author';
  if (dblpRecKeyFromUrl(url)) return 'abs';
  return null;
}

// ---------------------------------------------------------------- HTML entries

function docBase(doc: Document, url: string): string {
  const href = doc.location?.href ?? '';
  return matches(href) ? href : url;
}

function people(cite: Element, prop: 'author' | 'editor', pagePid: string | null, base: string): DblpAuthor[] {
  return Array.from(cite.querySelectorAll(`[itemprop="${prop}"]`)).flatMap((el): DblpAuthor[] => {
    const nameEl = el.querySelector('[itemprop="name"]');
    const name = collapse(nameEl?.getAttribute('title')) || textOf(nameEl) || textOf(el);
    if (!name) return [];
    const link = el.querySelector('a[itemprop="url"][href], a[href]');
    const pid = pidFromHref(link?.getAttribute('href'), base) ?? (el.querySelector('.this-person') || nameEl?.classList.contains('this-person') ? pagePid : null);
    return [{ name, pid }];
  });
}

function entryKey(li: Element, base: string): string | null {
  const id = li.getAttribute('id');
  if (id && /^[a-z]+\/.+\/.+$/.test(id)) return id;
  for (const a of Array.from(li.querySelectorAll('nav.publ a[href*="/rec/"]'))) {
    try {
      const m = REC_PATH.exec(new URL(a.getAttribute('href') ?? '', base).pathname);
      if (m?.[1]) return m[1];
    } catch {
      /* next link */
    }
  }
  return null;
}

const ENTRY_TYPES = ['article', 'inproceedings', 'informal', 'editor', 'book', 'incollection', 'phdthesis', 'mastersthesis', 'data', 'reference'];

/** The year header (`li.year`) an entry sits under. */
function yearHeading(li: Element): number | null {
  for (let n = li.previousElementSibling; n; n = n.previousElementSibling) {
    if (n.matches('li.year')) return yearOf(textOf(n));
  }
  return null;
}

function entryDraft(li: Element, i: number, pagePid: string | null, base: string): DblpDraft | string {
  const cite = li.querySelector('cite[itemprop="headline"], cite.data, .data[itemprop="headline"]');
  if (!cite) return `entry ${i + 1}: no citation block`;
  const title = textOf(cite.querySelector('.title[itemprop="name"], span.title'));
  if (!title) return `entry ${i + 1}: no title`;
  const authors = people(cite, 'author', pagePid, base);
  const type = ENTRY_TYPES.find((t) => li.classList.contains(t)) ?? null;
  const hrefs = Array.from(li.querySelectorAll('nav.publ li.ee a[href], nav.publ .head a[href]'))
    .map((a) => a.getAttribute('href') ?? '')
    .filter((h) => /^https?:\/\//i.test(h));
  const prop = (name: string) => textOf(cite.querySelector(`[itemprop="${name}"]`)) || null;
  return {
    key: entryKey(li, base),
    type: type === 'editor' ? 'proceedings' : type,
    title,
    authors: authors.length ? authors : people(cite, 'editor', pagePid, base),
    year: yearOf(prop('datePublished')) ?? yearHeading(li),
    venue: textOf(cite.querySelector('[itemprop="isPartOf"] [itemprop="name"]')) || null,
    volume: prop('volumeNumber'),
    number: prop('issueNumber'),
    pages: prop('pagination'),
    ees: [...new Set(hrefs)],
  };
}

const ENTRY = 'li.entry';

function drafts(entries: Element[], pagePid: string | null, base: string): DblpDraft[] | string {
  const out: DblpDraft[] = [];
  for (const [i, li] of entries.entries()) {
    const d = entryDraft(li, i, pagePid, base);
    if (typeof d === 'string') return d;
    out.push(d);
  }
  return out;
}

// ---------------------------------------------------------------- pages

function personName(doc: Document): string {
  const heading = textOf(doc.querySelector('#headline h1 [itemprop="name"], #headline h1 .name, #headline h1, header h1'));
  if (heading) return heading;
  const title = collapse(doc.querySelector('title')?.textContent);
  const fromTitle = collapse(/^dblp:\s*(.+)$/i.exec(title)?.[1]);
  if (fromTitle) return fromTitle;
  return textOf(doc.querySelector('.this-person'));
}

function parsePerson(doc: Document, url: string, now: string): Body | string {
  const pid = dblpPidFromUrl(url);
  if (!pid) return 'not a person page URL';
  const base = docBase(doc, url);
  const entries = Array.from(doc.querySelectorAll(ENTRY));
  const listed = doc.querySelector('#publ-section, ul.publ-list');
  if (entries.length === 0 && !listed) return 'person page without a publication list';
  const name = personName(doc);
  if (!name) return 'person page without a name';
  const ds = drafts(entries, pid, base);
  if (typeof ds === 'string') return ds;
  const papers = mergeById(ds.map((d) => draftToPaper(d, now)));
  const author: AuthorRef = { name: displayName(name), url: pidUrl(pid), arxivId: null, query: null };
  return { author, authors: authorRefsOf(papers), papers, total: null, title: name };
}

function parseRecord(doc: Document, url: string, now: string): Body | string {
  const key = dblpRecKeyFromUrl(url);
  if (!key) return 'not a record page URL';
  const base = docBase(doc, url);
  const entries = Array.from(doc.querySelectorAll(ENTRY));
  const li = entries.find((e) => e.getAttribute('id') === key) ?? entries[0];
  if (!li) return 'record page without an entry';
  const d = entryDraft(li, 0, null, base);
  if (typeof d === 'string') return d;
  const paper = draftToPaper({ ...d, key: d.key ?? key }, now);
  return { author: null, authors: authorRefsOf([paper]), papers: [paper], total: null, title: paper.title };
}

/** Whether the document is a DBLP XML export (`<dblpperson>`/`<dblp>`), not HTML: the export shown in a tab. */
export function isXmlExport(doc: Document): boolean {
  const root = doc?.documentElement?.tagName?.toLowerCase();
  return root === 'dblpperson' || root === 'dblp';
}

/** How an XML export shown in a tab is read: null when the document is not one (it is then read as HTML). */
export type XmlTabReader = (doc: Document, url: string) => ParseDraft | null;

/**
 * The content script's reader: the export's elements straight from the tab's DOM (the browser has
 * parsed the XML already), by the same code `parseDblpXml` runs on an xmldom tree.
 */
export const readXmlTab: XmlTabReader = (doc, url) => (isXmlExport(doc) ? dblpXmlDraft(doc.documentElement, url, new Date()) : null);

/**
 * Read a DBLP page into a draft (not validated: `parse` in ./dblp.ts validates it, the background
 * validates what the content script sends). Never throws; anything unexpected is `{ ok: false, reason }`.
 */
export function scrape(doc: Document, url: string, readXml: XmlTabReader = readXmlTab): ParseDraft {
  const fail = (reason: string): ParseDraft => ({ ok: false, site, url: String(url), reason });
  try {
    const type = pageType(url);
    if (!type) return fail(matches(url) ? 'not a supported DBLP page' : 'not a DBLP URL');
    if (!doc?.documentElement) return fail('empty document');
    const xml = readXml(doc, url);
    if (xml !== null) return xml;
    if (isDblpXmlUrl(url)) return fail('the XML export is read with parseDblpXml (the document is not XML)');
    if (!doc.body) return fail('empty document');
    const now = new Date().toISOString();
    const body = type === 'author' ? parsePerson(doc, url, now) : parseRecord(doc, url, now);
    if (typeof body === 'string') return fail(body);
    return { ok: true, site, url, pageType: type, scrapedAt: now, ...body };
  } catch (e) {
    return fail(`parser error: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * What the content script runs. These pages are small, so they are read into drafts in the page
 * (the long ones are read raw: ./raw-schema.ts).
 */
export function read(doc: Document, url: string): PageRead {
  return scrape(doc, url);
}
