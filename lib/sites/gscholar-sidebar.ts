/**
 * The parts of a Google Scholar profile around the article list: the header (name, affiliation,
 * verified e-mail domain, interests), the "Cited by" table, the citations-per-year histogram and
 * the co-author list. Every reader here is pure and language-independent: rows and columns are
 * found by their position and Scholar's class names, never by their (translated) labels.
 */
import { collapse, textOf } from './arxiv-html';
import { profileUrl, resolveHref, scholarUserId } from './gscholar-url';

/**
 * A whole number as Scholar prints it: `1799`, `1,799`, `1.799`, `1 799` (any space). Null for
 * anything else (empty, words, decimals).
 */
export function scholarInt(text: string | null | undefined): number | null {
  // Plain digits (most cells) come out of the steps below as they went in.
  if (text && /^\d+$/.test(text)) return Number(text);
  const t = collapse(text).replace(/[\s\u00a0\u202f]/g, ' ');
  if (/^\d+$/.test(t)) return Number(t);
  if (/^\d{1,3}(?:([,. ’'])\d{3})(?:\1\d{3})*$/.test(t)) return Number(t.replace(/\D/g, ''));
  return null;
}

// ---------------------------------------------------------------- header

export interface ScholarProfileInfo {
  userId: string | null;
  name: string;
  affiliation: string | null;
  /** The verified e-mail domain only (`videns.ai`); Scholar never shows the address, and neither do we. */
  emailDomain: string | null;
  homepage: string | null;
  interests: string[];
}

/** Drop anything shaped like the local part of an address, so no e-mail can leak through a label. */
function noAddresses(text: string): string {
  return collapse(text.replace(/[^\s@]+@/g, ''));
}

/** The last domain-like token of a "Verified email at <domain>" line, in any language. */
export function domainIn(text: string): string | null {
  const tokens = noAddresses(text).match(/(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}/gi);
  return tokens?.at(-1)?.toLowerCase() ?? null;
}

/**
 * The profile header. Layout (2025): `#gsc_prf_in` (name, followed by an edit button for the owner),
 * then `.gsc_prf_il` lines: affiliation, `#gsc_prf_ivh` ("Email confirmado em videns.ai - <a
 * class=gsc_prf_ila>Página inicial</a>"), `#gsc_prf_int` (interest links `a.gsc_prf_inta`).
 */
export function scholarProfileInfo(doc: Document, url: string): ScholarProfileInfo | null {
  const nameEl = doc.querySelector('#gsc_prf_in');
  const name = textOf(nameEl, 'a, button');
  if (!nameEl || !name) return null;
  const lines = Array.from(doc.querySelectorAll('.gsc_prf_il'));
  const affEl = lines.find((l) => l.id !== 'gsc_prf_ivh' && l.id !== 'gsc_prf_int' && !l.querySelector('.gsc_prf_inta'));
  const ivh = doc.querySelector('#gsc_prf_ivh');
  const home = resolveHref(ivh?.querySelector('a.gsc_prf_ila, a[rel~="nofollow"]')?.getAttribute('href'), url);
  const interests = inDocumentOrder(
    Array.from(doc.querySelectorAll('#gsc_prf_int a')),
    Array.from(doc.querySelectorAll('a.gsc_prf_inta')),
  ).map((a) => textOf(a)).filter(Boolean);
  return {
    userId: scholarUserId(url),
    name,
    affiliation: noAddresses(textOf(affEl)) || null,
    emailDomain: ivh ? domainIn(textOf(ivh, 'a')) : null,
    homepage: home && /^https?:$/.test(home.protocol) ? home.href : null,
    interests: [...new Set(interests)],
  };
}

/**
 * Two lists of elements, each in document order, as one in document order without repeats: what
 * `querySelectorAll('<a>, <b>')` gives for their two selectors. (Two simple queries are many times
 * cheaper than the selector list, which Chromium matches against every element of the page.)
 */
function inDocumentOrder(a: Element[], b: Element[]): Element[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out: Element[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      out.push(x);
      i++;
      j++;
    } else if (x.compareDocumentPosition(y) & 4 /* Node.DOCUMENT_POSITION_FOLLOWING: y after x */) {
      out.push(x);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  return out.concat(a.slice(i), b.slice(j));
}

// ---------------------------------------------------------------- "Cited by" table

export interface ScholarStatsRow { citations: number; h: number; i10: number }
export interface ScholarStats { all: ScholarStatsRow; since: ScholarStatsRow & { year: number } }

/**
 * `#gsc_rsb_st`: a header row (empty cell, "All", "Since <year>") and three body rows, in this
 * order whatever the language: citations, h-index, i10-index, each a label cell and two numbers
 * (all, since). The since-year is read from the third header cell ("Desde 2020", "Since 2020",
 * "Seit 2020", "2020 年以降"). Null when the table is missing or not shaped like that, or when its
 * numbers cannot all be true ({@link consistentStats}): absent rather than wrong.
 */
export function scholarStats(doc: Document): ScholarStats | null {
  const table = doc.querySelector('#gsc_rsb_st');
  if (!table) return null;
  const rows = Array.from(table.querySelectorAll('tr'));
  const header = rows.find((r) => r.querySelector('th'));
  const year = Number(/(?:^|\D)((?:19|20)\d{2})(?:\D|$)/.exec(textOf(header?.children[2]))?.[1] ?? NaN);
  // A row's own cells only: a cell left unclosed swallows the next one, and its text would run the two numbers together.
  const data = rows.filter((r) => r !== header).map((r) => Array.from(r.children).filter((c) => c.tagName.toUpperCase() === 'TD'));
  if (!Number.isInteger(year) || data.length !== 3) return null;
  const values = data.map((cells) => (cells.length === 3 ? [scholarInt(textOf(cells[1])), scholarInt(textOf(cells[2]))] : [null, null]));
  const [c, h, i] = values;
  const ok = (v: (number | null)[] | undefined): v is [number, number] => v?.[0] != null && v[1] != null;
  if (!ok(c) || !ok(h) || !ok(i)) return null;
  const stats = { all: { citations: c[0], h: h[0], i10: i[0] }, since: { year, citations: c[1], h: h[1], i10: i[1] } };
  return consistentStats(stats) ? stats : null;
}

/**
 * Whether the six numbers can all be true (else the table was misread: rows or columns swapped, a
 * number cut short). Citations are the sum over the articles, so h articles with ≥ h citations
 * make c ≥ h²; h ≥ 10 means those h articles count in i10; i10 ≥ k articles with ≥ 10 ≥ k
 * citations make h ≥ k (for k ≤ 10); one citation makes h ≥ 1; and the "since" column counts a
 * subset of the "all" one.
 */
export function consistentStats(s: ScholarStats): boolean {
  const row = ({ citations: c, h, i10 }: ScholarStatsRow) =>
    h * h <= c && (h < 10 || i10 >= h) && h >= Math.min(i10, 10) && (c === 0) === (h === 0);
  return row(s.all) && row(s.since) && s.since.citations <= s.all.citations && s.since.h <= s.all.h && s.since.i10 <= s.all.i10;
}

// ---------------------------------------------------------------- histogram

export interface YearCitations { year: number; citations: number }

function styleNumber(el: Element, prop: string): number | null {
  const m = new RegExp(`(?:^|;)\\s*${prop}\\s*:\\s*(-?\\d+(?:\\.\\d+)?)`, 'i').exec(el.getAttribute('style') ?? '');
  return m?.[1] ? Number(m[1]) : null;
}

/**
 * Citations per year from the sidebar histogram (`.gsc_md_hist_b`): one `span.gsc_g_t` label per
 * year and one bar `a.gsc_g_a > span.gsc_g_al` per year WITH citations: a year with none has a
 * label and no bar, so labels and bars cannot be zipped in DOM order. Each bar is placed by, in
 * this order of preference:
 *  1. its `z-index`, which Scholar sets to the bar's position counted from the right (1 = the
 *     latest year): the capture has 26 labels 2000–2025 and bars with z-index 26…1;
 *  2. its `right` (or `left`) offset: the label with the nearest offset (bar and label share a
 *     32px column; bar `right` = label `right` + 5 in the capture);
 *  3. DOM order, only when there are exactly as many bars as labels.
 * When z-index and offset both place a bar and disagree, the histogram is not read.
 * Labelled years without a bar are 0. Bars that cannot be placed make the whole histogram [] (we
 * never guess a year). Years ascending.
 */
export function scholarHistogram(doc: Document): YearCitations[] {
  const box = doc.querySelector('#gsc_rsb_cit .gsc_md_hist_b') ?? doc.querySelector('.gsc_md_hist_b');
  if (!box) return [];
  const labels = Array.from(box.querySelectorAll('.gsc_g_t'))
    .map((el) => ({ el, year: scholarInt(textOf(el)) }))
    .filter((l): l is { el: Element; year: number } => l.year !== null && l.year > 1000);
  const bars = Array.from(box.querySelectorAll('.gsc_g_a')).map((el) => ({ el, count: scholarInt(textOf(el.querySelector('.gsc_g_al') ?? el)) }));
  if (labels.length === 0 || new Set(labels.map((l) => l.year)).size !== labels.length) return [];
  const byYear = [...labels].sort((a, b) => a.year - b.year);
  const counts = new Map(byYear.map((l) => [l.year, 0]));

  const byOffset = (bar: Element): number | null => {
    for (const side of ['right', 'left']) {
      const at = styleNumber(bar, side);
      const offsets = labels.map((l) => ({ year: l.year, d: styleNumber(l.el, side) }));
      if (at === null || offsets.some((o) => o.d === null)) continue;
      const gaps = offsets.slice(1).map((o, i) => Math.abs((o.d ?? 0) - (offsets[i]?.d ?? 0))).filter((g) => g > 0);
      const step = gaps.length ? Math.min(...gaps) : Infinity;
      const best = offsets.map((o) => ({ year: o.year, gap: Math.abs((o.d ?? 0) - at) })).sort((a, b) => a.gap - b.gap)[0];
      return best && best.gap < step / 2 ? best.year : null;
    }
    return null;
  };
  const place = (bar: Element, index: number): number | null => {
    const z = styleNumber(bar, 'z-index');
    const zYear = z !== null && Number.isInteger(z) && z >= 1 && z <= byYear.length ? (byYear[byYear.length - z]?.year ?? null) : null;
    const offYear = byOffset(bar);
    // Two readings that disagree: the markup is not what we think it is.
    if (zYear !== null && offYear !== null && zYear !== offYear) return null;
    return zYear ?? offYear ?? (bars.length === labels.length ? (labels[index]?.year ?? null) : null);
  };
  const placed = new Set<number>();
  for (const [i, { el, count }] of bars.entries()) {
    const year = place(el, i);
    if (year === null || count === null || placed.has(year)) return [];
    placed.add(year);
    counts.set(year, count);
  }
  return [...counts.entries()].map(([year, citations]) => ({ year, citations }));
}

// ---------------------------------------------------------------- co-authors

export interface ScholarCoauthor {
  name: string;
  userId: string | null;
  /** `https://scholar.google.com/citations?user=<id>` (null when the entry has no profile link). */
  url: string | null;
  affiliation: string | null;
  emailDomain: string | null;
}

/**
 * The co-authors the sidebar lists (`#gsc_rsb_co .gsc_rsb_aa`): the profile link's text as the
 * name, `.gsc_rsb_a_ext` (the first one) as affiliation, `.gsc_rsb_a_ext2` ("Verified email at
 * <domain>") as e-mail domain. Scholar cuts long names with "..."; the photo's `alt` carries the
 * whole name, and is used when it starts with the cut name.
 */
export function scholarCoauthors(doc: Document, base = 'https://scholar.google.com/'): ScholarCoauthor[] {
  const items = Array.from(doc.querySelectorAll('#gsc_rsb_co .gsc_rsb_aa'));
  const out: ScholarCoauthor[] = [];
  for (const item of items) {
    const link = item.querySelector('.gsc_rsb_a_desc a[href]') ?? item.querySelector('a[href*="user="]');
    let name = textOf(link);
    if (!name) continue;
    const cut = /(?:\.\.\.|…)$/.exec(name);
    const alt = collapse(item.querySelector('img[alt]')?.getAttribute('alt'));
    if (cut && alt && alt.length > name.length - cut[0].length && alt.startsWith(name.slice(0, -cut[0].length))) name = alt;
    const target = resolveHref(link?.getAttribute('href'), base);
    const userId = target ? scholarUserId(target.href) : null;
    const ext = item.querySelector('.gsc_rsb_a_ext:not(.gsc_rsb_a_ext2)');
    const ext2 = item.querySelector('.gsc_rsb_a_ext2');
    out.push({
      name,
      userId,
      url: userId ? profileUrl(userId) : null,
      affiliation: noAddresses(textOf(ext)) || null,
      emailDomain: ext2 ? domainIn(textOf(ext2)) : null,
    });
  }
  return out;
}
