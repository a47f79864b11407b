/**
 * Fuzz ("Hardening" → "Bad input"): the Google Scholar adapter, reached through the registry, on
 * damaged versions of the real profile capture gscholar/profile-AoKJ_g4AAAAJ-2025-pt-PT-saved.html
 * (see MANIFEST.tsv), at its URL. Mutations and generic checks: `tests/fuzz-mutate.ts`.
 *
 * The capture is parsed once; every run damages that document in place and undoes the damage.
 * Scripts, styles, iframes and noscript blocks are removed first (inert for the adapter). Reduced
 * copy, so that 1,000 runs fit the time budget (happy-dom's document-wide queries cost ~10 µs an
 * element, and the adapter makes several): 12 of the 176 article rows are kept — the first 6, and
 * those with the features the real-page test checks (a "10 *" merged count, a truncated byline, no
 * year with a ", 0" suffix, both arXiv venue spellings, an e-mail-like title, the uncited last row);
 * Scholar's four hidden modal dialogs (`.gs_md_wnw`: co-author and profile editors) and its page
 * header (`#gs_hdr`: menu, search box), ~430 elements the adapter never reads, are removed; the
 * profile header, the "Cited by" table, the histogram and the sidebar co-authors are whole. The reduced copy's papers, author, co-authors and reported metrics
 * are checked to be exactly the full capture's.
 *
 * Properties beyond the generic ones:
 * - whatever the damage, the "Cited by" numbers reported are consistent with each other (a count
 *   is at least h²; h ≥ 10 needs i10 ≥ h; i10 ≥ k needs h ≥ min(k, 10); the
 *   "since" column is at most the "all" column) — the checks one can make without the true values;
 * - damage to the table or to the cited-by cells that brings in no digits (a number replaced by
 *   text, a cell or row removed, duplicated, swapped, unclosed, an attribute renamed, non-digit
 *   bytes inserted) leaves each reported metric and each paper's count either as it was or absent
 *   (null) — never NaN, never 0, never another number;
 * - truncating any number of the table to any length never gives a reported metric another value.
 */
import fc from 'fast-check';
import { describeFixtures, htmlDoc, readFixture } from '../fixtures';
import { adapterFor } from '../../lib/sites/registry';
import type { ReportedMetric, ScrapeResult } from '../../lib/schema';
import { type DomOp, DomTarget, NON_NUMBERS, at, checkOutcome, domOps, randomBytes, stripInert, throughMessage, timeless } from '../fuzz-mutate';

const FILE = 'gscholar/profile-AoKJ_g4AAAAJ-2025-pt-PT-saved.html';
const URL_ = 'https://scholar.google.com/citations?hl=pt-PT&user=AoKJ_g4AAAAJ';
const KEEP_FIRST = 6;
const KEEP = ['zYLM7Y9cAGgC', 'tYavs44e6CUC', 'vDijr-p_gm4C', 'B3FOqHPlNUQC', 'sSrBHYA8nusC', 'dTyEYWd-f8wC'];
const FOCUS = '#gsc_a_b, #gsc_rsb_st, #gsc_prf_in, .gsc_prf_il, #gsc_rsb_co, .gsc_md_hist_b, link[rel="canonical"]';
const RUNS = 1000;
/** The second, aimed property comes on top of the 1,000 runs of the first; half as many keep the suite in its time budget. */
const TABLE_RUNS = 500;

function rowKey(row: Element): string {
  const href = row.querySelector('a.gsc_a_at')?.getAttribute('href') ?? row.querySelector('a.gsc_a_at')?.getAttribute('data-href') ?? '';
  return /citation_for_view=[^:&]+:([^&]+)/.exec(href)?.[1] ?? '';
}

function reduce(doc: Document): void {
  for (const chrome of Array.from(doc.querySelectorAll('.gs_md_wnw, #gs_hdr'))) chrome.remove();
  const rows = Array.from(doc.querySelectorAll('tr.gsc_a_tr'));
  rows.forEach((row, i) => {
    if (i < KEEP_FIRST || i === rows.length - 1 || KEEP.includes(rowKey(row))) return;
    row.remove();
  });
}

type Stats = Partial<Record<string, number>>;

function statsOf(reported: readonly ReportedMetric[] | undefined): Stats {
  return Object.fromEntries((reported ?? []).map((r) => [r.metric, r.value]));
}

/** Why a set of "Cited by" numbers cannot all be true, or null when they can. */
function inconsistency(s: Stats): string | null {
  const rows: [string, number | undefined, number | undefined, number | undefined][] = [
    ['all', s['citations'], s['h'], s['i10']],
    ['since', s['citationsSince'], s['hSince'], s['i10Since']],
  ];
  for (const [col, c, h, i10] of rows) {
    if (c !== undefined && h !== undefined && h * h > c) return `${col}: h ${h} needs at least ${h * h} citations, not ${c}`;
    if (h !== undefined && i10 !== undefined && h >= 10 && i10 < h) return `${col}: h ${h} ≥ 10 needs i10 ≥ ${h}, not ${i10}`;
    if (h !== undefined && i10 !== undefined && h < Math.min(i10, 10)) return `${col}: i10 ${i10} needs h ≥ ${Math.min(i10, 10)}, not ${h}`;
    if (c !== undefined && h !== undefined && (c === 0) !== (h === 0)) return `${col}: ${c} citations with h ${h}`;
  }
  for (const m of ['citations', 'h', 'i10']) {
    const all = s[m];
    const since = s[`${m}Since`];
    if (all !== undefined && since !== undefined && since > all) return `${m}: since ${since} > all ${all}`;
  }
  return null;
}

describeFixtures('fuzz: Google Scholar profile, damaged', () => {
  const adapter = adapterFor(URL_);
  let doc: Document;
  let baseline: ScrapeResult;
  let stats: Stats;
  let counts: Map<string, number | null>;

  beforeAll(() => {
    doc = htmlDoc(readFixture(FILE));
    const full = adapter!.parse(doc, URL_);
    if (!full.ok) throw new Error(full.reason);
    stripInert(doc);
    reduce(doc);
    const out = adapter!.parse(doc, URL_);
    if (!out.ok) throw new Error(`reduced: ${out.reason}`);
    baseline = out;
    stats = statsOf(out.reported);
    counts = new Map(out.papers.map((p) => [p.id, p.citations]));
    const kept = new Set(out.papers.map((p) => p.id));
    expect(out.papers).toHaveLength(doc.querySelectorAll('tr.gsc_a_tr').length);
    expect(out.papers).toHaveLength(12);
    expect(timeless({ ...out, authors: [], total: 0 })).toEqual(timeless({ ...full, authors: [], total: 0, papers: full.papers.filter((p) => kept.has(p.id)) }));
    expect(timeless(out.reported)).toEqual(timeless(full.reported));
    expect(out.authors.filter((a) => a.url !== null)).toEqual(full.authors.filter((a) => a.url !== null));
    expect(stats).toEqual({ citations: 1799, h: 17, i10: 31, citationsSince: 1134, hSince: 14, i10Since: 19 });
    expect(inconsistency(stats)).toBeNull();
    expect(out.papers.some((p) => p.citations === 0)).toBe(true);
  });

  function run(ops: readonly DomOp[], target: DomTarget): ScrapeResult | null {
    const undo = target.apply(ops);
    try {
      const parsed = adapter!.parse(doc, URL_);
      // The same through the message the content script sends (a raw read: validated, finished).
      expect(timeless(throughMessage(doc, URL_))).toEqual(timeless(parsed));
      const out = checkOutcome(parsed, 'gscholar');
      if (!out.ok) return null;
      const bad = inconsistency(statsOf(out.reported));
      if (bad) throw new Error(`reported metrics that cannot all be true: ${bad}: ${JSON.stringify(statsOf(out.reported))}`);
      return out;
    } finally {
      undo();
    }
  }

  it('the registry sends the URL to the Scholar adapter', () => {
    expect(adapter?.site).toBe('gscholar');
  });

  it(`${RUNS} damaged versions: no exception, a valid outcome or a reason, no wrong numbers`, () => {
    const target = new DomTarget(doc, FOCUS);
    const before = doc.documentElement.outerHTML;
    let ok = 0;
    let withStats = 0;
    fc.assert(
      fc.property(domOps, (ops) => {
        const out = run(ops, target);
        if (out) ok++;
        if (out?.reported?.length) withStats++;
      }),
      { numRuns: RUNS, seed: 0x5c0_1a2 },
    );
    expect(ok).toBeGreaterThan(RUNS / 10);
    expect(ok).toBeLessThan(RUNS);
    expect(withStats).toBeGreaterThan(0);
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(timeless(adapter!.parse(doc, URL_))).toEqual(timeless(baseline));
  });

  /** Damage that brings no digit into the "Cited by" table or the cited-by cells, aimed only there. */
  const noDigits = (s: string) => !/[0-9]/.test(s);
  const here = at.map((a) => ({ ...a, focus: true }));
  const tableOp: fc.Arbitrary<DomOp> = fc.oneof(
    fc.record({ op: fc.constant('remove' as const), at: here }),
    fc.record({ op: fc.constant('renameAttr' as const), at: here, attr: fc.nat(), to: fc.constantFrom('class', 'id', 'x', '*mangle') }),
    fc.record({ op: fc.constant('insertBytes' as const), at: here, where: fc.integer({ min: 0, max: 999 }), bytes: randomBytes.filter(noDigits), inAttr: fc.boolean() }),
    fc.record({ op: fc.constant('duplicate' as const), at: here }),
    fc.record({ op: fc.constant('swap' as const), at: here, other: here, sibling: fc.constant(true) }),
    fc.record({ op: fc.constant('denumber' as const), at: here, with: fc.constantFrom(...NON_NUMBERS), inAttr: fc.constant(false) }),
    fc.record({ op: fc.constant('unclose' as const), at: here }),
  );

  it(`${TABLE_RUNS} versions with the numbers damaged: each metric and count as it was, or absent`, () => {
    const target = new DomTarget(doc, '#gsc_rsb_st, td.gsc_a_c');
    let statsKept = 0;
    let statsDropped = 0;
    let countsNulled = 0;
    fc.assert(
      fc.property(fc.array(tableOp, { minLength: 1, maxLength: 3 }), (ops) => {
        const out = run(ops, target);
        if (!out) return;
        for (const r of out.reported ?? []) {
          if (r.value !== stats[r.metric]) throw new Error(`reported ${r.metric} = ${r.value}, the page says ${stats[r.metric]}`);
        }
        if (out.reported?.length) statsKept++;
        else statsDropped++;
        for (const p of out.papers) {
          const was = counts.get(p.id);
          if (was === undefined) throw new Error(`paper ${p.id} is not on the page`);
          if (p.citations !== null && p.citations !== was) throw new Error(`paper ${p.id}: citations ${p.citations}, the page says ${was}`);
          if (p.citations === null && was !== null) countsNulled++;
        }
      }),
      { numRuns: TABLE_RUNS, seed: 0x5c0_1a3 },
    );
    expect(statsKept).toBeGreaterThan(0);
    expect(statsDropped).toBeGreaterThan(0);
    expect(countsNulled).toBeGreaterThan(0);
  });

  it('every number of the table truncated to every shorter length: the metric is as it was, or absent', () => {
    const cells = Array.from(doc.querySelectorAll('#gsc_rsb_st td.gsc_rsb_std'));
    expect(cells).toHaveLength(6);
    let tried = 0;
    for (const cell of cells) {
      const text = cell.firstChild as Text;
      const old = text.data;
      for (let len = 0; len < old.length; len++) {
        text.data = old.slice(0, len);
        try {
          const out = checkOutcome(adapter!.parse(doc, URL_), 'gscholar');
          if (!out.ok) throw new Error(out.reason);
          expect(inconsistency(statsOf(out.reported))).toBeNull();
          for (const r of out.reported ?? []) expect({ [r.metric]: r.value }).toEqual({ [r.metric]: stats[r.metric] });
          tried++;
        } finally {
          text.data = old;
        }
      }
    }
    expect(tried).toBe(4 + 4 + 2 + 2 + 2 + 2);
  });

  it('a number cell left unclosed (it swallows the next cell) never reads as one run-together number', () => {
    for (const row of Array.from(doc.querySelectorAll('#gsc_rsb_st tbody tr'))) {
      const [, all, since] = Array.from(row.children);
      if (!all || !since) throw new Error('stats row without cells');
      all.appendChild(since);
      try {
        const out = checkOutcome(adapter!.parse(doc, URL_), 'gscholar');
        if (!out.ok) throw new Error(out.reason);
        for (const r of out.reported ?? []) expect({ [r.metric]: r.value }).toEqual({ [r.metric]: stats[r.metric] });
      } finally {
        row.appendChild(since);
      }
    }
    expect(timeless(adapter!.parse(doc, URL_))).toEqual(timeless(baseline));
  });

  it('a cited-by cell that lost its number or its link: unknown, not 0; an uncited article stays 0', () => {
    for (const row of Array.from(doc.querySelectorAll('tr.gsc_a_tr'))) {
      const link = row.querySelector('td.gsc_a_c a.gsc_a_ac');
      const id = `gscholar:AoKJ_g4AAAAJ:${rowKey(row)}`;
      const was = counts.get(id);
      if (!link || was === undefined) throw new Error(`row ${id} without a cited-by link`);
      const paper = () => {
        const out = checkOutcome(adapter!.parse(doc, URL_), 'gscholar');
        if (!out.ok) throw new Error(out.reason);
        return out.papers.find((p) => p.id === id)?.citations;
      };
      const next = link.nextSibling;
      const parent = link.parentNode!;
      parent.removeChild(link);
      try {
        expect({ id, citations: paper() }).toEqual({ id, citations: null });
      } finally {
        parent.insertBefore(link, next);
      }
      const text = link.firstChild;
      if (text) link.removeChild(text);
      try {
        expect({ id, citations: paper() }).toEqual({ id, citations: was === 0 ? 0 : null });
      } finally {
        if (text) link.appendChild(text);
      }
    }
    expect(timeless(adapter!.parse(doc, URL_))).toEqual(timeless(baseline));
  });
});
