/**
 * Fuzz ("Hardening" → "Bad input"): the arXiv adapter, reached through the registry, on 1,000
 * damaged versions of each real arXiv page capture in the shared fixtures (see MANIFEST.tsv), at
 * the URL the capture was taken from. Mutations and checks: `tests/fuzz-mutate.ts`.
 *
 * Each capture is parsed once with happy-dom's DOMParser; every run damages that document in
 * place (1–4 mutations, half of them aimed at the parts the adapter reads) and undoes the damage
 * afterwards. Scripts, styles, iframes and noscript blocks are removed first (inert for the
 * adapter: the undamaged result is checked to be unchanged). Reduced copies, so that 1,000 runs fit
 * the time budget (the adapter costs ~20 µs an element under happy-dom):
 * - search page (941 KB, 200 results): 10 results kept — the first 4 and 6 with the features
 *   the real-page tests check (DOI + journal ref, v2 and v4 with two dates, a code link, a
 *   21-author list); the page around them is whole;
 * - listings (49 and 23 entries in three `dl#articles` sections): the first 3 entries of each
 *   section kept, plus (hep-th) the entries with a journal ref, no HTML link, the long comment;
 * - the abs page is used whole.
 * The reduced copy's papers are checked to be exactly the full capture's papers with those ids.
 */
import fc from 'fast-check';
import { describeFixtures, htmlDoc, readFixture } from '../fixtures';
import { adapterFor } from '../../lib/sites/registry';
import type { ScrapeResult } from '../../lib/schema';
import { DomTarget, checkOutcome, domOps, stripInert, timeless } from '../fuzz-mutate';

interface HtmlCase {
  file: string;
  url: string;
  /** Selector of the parts the adapter reads; half of the mutations land there. */
  focus: string;
  seed: number;
  /** Cut the capture down to a sample (returns the ids kept), or leave it whole. */
  reduce?: (doc: Document) => void;
}

function absId(el: Element): string | null {
  const href = el.querySelector('a[href*="/abs/"]')?.getAttribute('href') ?? '';
  return /\/abs\/([^?#]+?)(?:v\d+)?$/.exec(href)?.[1] ?? null;
}

/** Keep the first `first` entries of every listing section and the ones named. */
function keepListingEntries(first: number, also: string[]) {
  return (doc: Document) => {
    for (const dl of Array.from(doc.querySelectorAll('dl'))) {
      const dts = Array.from(dl.querySelectorAll(':scope > dt'));
      dts.forEach((dt, i) => {
        const id = absId(dt);
        if (i < first || (id && also.includes(id))) return;
        const dd = dt.nextElementSibling;
        if (dd?.tagName === 'DD') dd.remove();
        dt.remove();
      });
    }
  };
}

function keepSearchResults(first: number, also: string[]) {
  return (doc: Document) => {
    Array.from(doc.querySelectorAll('li.arxiv-result')).forEach((li, i) => {
      const id = absId(li.querySelector('.list-title') ?? li);
      if (i >= first && !(id && also.includes(id))) li.remove();
    });
  };
}

const CASES: HtmlCase[] = [
  {
    file: 'arxiv/abs-2106.09608v2-2021.html',
    url: 'https://arxiv.org/abs/2106.09608',
    focus: 'h1.title, div.authors, .dateline, .submission-history, td.subjects, td.arxivid, td.arxividv, blockquote.abstract, td.comments, td.jref, td.doi, meta[name^="citation_"], .full-text',
    seed: 0x2106_0960,
  },
  {
    file: 'arxiv/list-hep-th-new-2024-08-09.html',
    url: 'https://arxiv.org/list/hep-th/new',
    focus: 'dl, h3',
    seed: 0x2408_0901,
    reduce: keepListingEntries(3, ['2408.04001', '2408.04495', '2407.15919']),
  },
  {
    file: 'arxiv/list-math-ph-new-2024-08-09.html',
    url: 'https://arxiv.org/list/math-ph/new',
    focus: 'dl, h3',
    seed: 0x2408_0902,
    reduce: keepListingEntries(3, ['2103.08919']),
  },
  {
    file: 'arxiv/search-abstract-distributed-systems-200-2025-12.html',
    url: 'https://arxiv.org/search/?searchtype=abstract&query=distributed+systems&abstracts=show&size=200',
    focus: 'li.arxiv-result, h1.title',
    seed: 0x2512_0300,
    reduce: keepSearchResults(4, ['2512.02894', '2512.07321', '2512.13478', '2512.01119', '2512.10675', '2512.16752']),
  },
];

const RUNS = 1000;

describeFixtures('fuzz: arXiv pages, damaged', () => {
  for (const c of CASES) {
    describe(c.file, () => {
      const adapter = adapterFor(c.url);
      let doc: Document;
      let baseline: ScrapeResult;

      beforeAll(() => {
        const html = readFixture(c.file);
        const full = adapter!.parse(htmlDoc(html), c.url);
        if (!full.ok) throw new Error(`${c.file}: ${full.reason}`);
        doc = htmlDoc(html);
        stripInert(doc);
        c.reduce?.(doc);
        const out = adapter!.parse(doc, c.url);
        if (!out.ok) throw new Error(`${c.file} (reduced): ${out.reason}`);
        baseline = out;
        // The reduced copy reads exactly as the full capture does, for what it kept.
        const kept = new Set(out.papers.map((p) => p.id));
        expect(timeless({ ...out, papers: [] })).toEqual(timeless({ ...full, papers: [], authors: out.authors }));
        expect(timeless({ ...out, authors: [] })).toEqual(timeless({ ...full, authors: [], papers: full.papers.filter((p) => kept.has(p.id)) }));
        if (c.reduce) expect(out.papers.length).toBeLessThan(full.papers.length);
        else expect(out.papers.length).toBe(full.papers.length);
      });

      it('the registry sends the URL to the arXiv adapter', () => {
        expect(adapter?.site).toBe('arxiv');
      });

      it(`${RUNS} damaged versions: no exception, a valid outcome or a reason, no wrong numbers`, () => {
        const target = new DomTarget(doc, c.focus);
        const before = doc.documentElement.outerHTML;
        let ok = 0;
        fc.assert(
          fc.property(domOps, (ops) => {
            const undo = target.apply(ops);
            try {
              const out = checkOutcome(adapter!.parse(doc, c.url), 'arxiv');
              if (out.ok) {
                ok++;
                // Ids on arXiv pages are arXiv ids; a damaged page never invents another kind.
                for (const p of out.papers) {
                  if (p.arxivId !== p.id || p.citations !== null) throw new Error(`paper ${p.id}: arxivId ${p.arxivId}, citations ${p.citations}`);
                }
              }
            } finally {
              undo();
            }
          }),
          { numRuns: RUNS, seed: c.seed },
        );
        // Both kinds of answers were exercised, and the document is back to what it was.
        expect(ok).toBeGreaterThan(RUNS / 10);
        expect(ok).toBeLessThan(RUNS);
        expect(doc.documentElement.outerHTML).toBe(before);
        expect(timeless(adapter!.parse(doc, c.url))).toEqual(timeless(baseline));
      });
    });
  }
});
