/**
 * Fuzz ("Hardening" → "Bad input"): the text feeds, reached through the registry (`parseAny`), on
 * 1,000 damaged versions of each real API capture in the shared fixtures (see MANIFEST.tsv), at the
 * URL it came from:
 * - arXiv API Atom (legacy 2016 and 2025+ format) → `parseAtom`;
 * - DBLP person XML export → `parseDblpXml`; DBLP publication search JSON → `parseDblpSearchJson`;
 * - OpenReview API v2 notes (search URL and profile URL) → `profileFromOpenReview`;
 * - Semantic Scholar Graph API author with embedded papers → `profileFromS2`.
 * XML is damaged as text (elements removed, duplicated, swapped, unclosed; attributes renamed;
 * text truncated; bytes inserted, escaped or raw; numbers replaced; empty documents); JSON as a
 * structure (keys removed or renamed, values retyped, array items duplicated or swapped, numbers —
 * also numbers in strings — replaced by non-numbers or impossible numbers) and then as text
 * (brackets or quotes dropped, raw bytes, truncation). The captures are used whole, but for the
 * S2 author (90 KB, 60 embedded papers, each validated several times over by Zod): a reduced copy
 * with 20 of the papers ({@link S2_KEEP}), checked to read as the whole capture does.
 */
import fc from 'fast-check';
import { describeFixtures, readFixture } from '../fixtures';
import { feeds, parseAny } from '../../lib/sites/registry';
import { reportedFromS2 } from '../../lib/sites/semanticscholar-page';
import type { ParseOutcome, ScrapeResult } from '../../lib/schema';
import { checkOutcome, jsonOps, mutateJson, mutateXml, timeless, xmlOps } from '../fuzz-mutate';

interface FeedCase {
  file: string;
  /** Cut the capture down to a sample (a reduced copy), or use it whole. */
  reduce?: (text: string) => string;
  urls: string[];
  site: string;
  kind: 'xml' | 'json';
  seed: number;
  /** Checks of this feed beyond the generic ones. */
  extra?: (out: ScrapeResult, text: string) => void;
}

const noDom = (): Document => {
  throw new Error('a feed must not need a DOM');
};

function arxivIds(out: ScrapeResult): void {
  for (const p of out.papers) {
    if (p.arxivId !== p.id || p.citations !== null || p.source !== 'arxiv-api') throw new Error(`paper ${p.id}: arxivId ${p.arxivId}, citations ${p.citations}, source ${p.source}`);
  }
}

/**
 * The 20 of the S2 author's 60 papers kept in the reduced copy (the author record around them is
 * whole): every decade 1937–2022, counts from 0 to 8,596, with and without a publication date,
 * DOI, DBLP, MAG and PubMed ids, 1 to 11 authors, and the paper without a year.
 */
const S2_KEEP = [0, 1, 2, 3, 9, 13, 18, 25, 32, 33, 37, 41, 44, 47, 48, 51, 54, 56, 58, 59];

const CASES: FeedCase[] = [
  {
    file: 'arxiv-api/query-au-del_maestro-2016.xml',
    urls: ['http://export.arxiv.org/api/query?search_query=au:del_maestro&start=0&max_results=10'],
    site: 'arxiv',
    kind: 'xml',
    seed: 0x0a70_2016,
    extra: arxivIds,
  },
  {
    file: 'arxiv-api/idlist-1706.03762-2026.xml',
    urls: ['https://arxiv.org/api/query?search_query=&start=0&max_results=10&id_list=1706.03762'],
    site: 'arxiv',
    kind: 'xml',
    seed: 0x0a70_2026,
    extra: arxivIds,
  },
  {
    file: 'dblp/person-95-7448-1.xml',
    urls: ['https://dblp.org/pid/95/7448-1.xml'],
    site: 'dblp',
    kind: 'xml',
    seed: 0xdb1_9574,
  },
  {
    file: 'dblp/publ-search-api-attention.json',
    urls: ['https://dblp.org/search/publ/api?q=attention%20is%20all%20you%20need&format=json&h=1'],
    site: 'dblp',
    kind: 'json',
    seed: 0xdb1_a77e,
  },
  {
    file: 'openreview/notes-search-trimmed.json',
    urls: [
      'https://api2.openreview.net/notes/search?term=GAN%20Vocoder%3A%20Multi-Resolution%20Discriminator',
      'https://api2.openreview.net/notes?content.authorids=~Jaeseong_You1',
    ],
    site: 'openreview',
    kind: 'json',
    seed: 0x0e11_2024,
  },
  {
    file: 'semanticscholar/author-2262347.json',
    reduce: (text) => {
      const author = JSON.parse(text) as { papers: unknown[] };
      author.papers = author.papers.filter((_, i) => S2_KEEP.includes(i));
      return JSON.stringify(author);
    },
    urls: ['https://api.semanticscholar.org/graph/v1/author/2262347?fields=affiliations,authorId,citationCount,externalIds,hIndex,homepage,name,paperCount,papers,url'],
    site: 'semanticscholar',
    kind: 'json',
    seed: 0x5e_2262,
    extra: (out, text) => {
      for (const p of out.papers) {
        if (p.citations !== null && p.citationsSource !== 'semanticscholar') throw new Error(`paper ${p.id}: citations from ${p.citationsSource}`);
      }
      // The numbers S2 states for the author, read from the same damaged reply: counts or nothing.
      for (const r of reportedFromS2(text)) {
        if (!Number.isSafeInteger(r.value) || r.value < 0) throw new Error(`reported ${r.metric} = ${r.value}`);
      }
    },
  },
];

const RUNS = 1000;

describeFixtures('fuzz: API feeds, damaged', () => {
  for (const c of CASES) {
    describe(c.file, () => {
      const whole = readFixture(c.file);
      const text = c.reduce ? c.reduce(whole) : whole;

      it('the registry sends every URL to a feed parser, and the capture reads', () => {
        for (const url of c.urls) {
          expect(feeds.some((f) => f.matches(url))).toBe(true);
          const out = checkOutcome(parseAny(text, url, noDom), c.site);
          if (!out.ok) throw new Error(out.reason);
          expect(out.papers.length).toBeGreaterThan(0);
          if (c.reduce) {
            // The reduced copy reads exactly as the whole capture does, for what it kept.
            const full = parseAny(whole, url, noDom) as ScrapeResult;
            const kept = new Set(out.papers.map((p) => p.id));
            expect(kept.size).toBeLessThan(full.papers.length);
            expect(timeless({ ...out, papers: [], authors: [] })).toEqual(timeless({ ...full, papers: [], authors: [] }));
            expect(timeless(out.papers)).toEqual(timeless(full.papers.filter((p) => kept.has(p.id))));
          }
        }
      });

      it(`${RUNS} damaged versions: no exception, a valid outcome or a reason, no wrong numbers`, () => {
        // What a damaged reply changed, cheaply: the papers' ids, titles, years and counts.
        const sig = (o: ScrapeResult) => JSON.stringify([o.total, o.papers.map((p) => [p.id, p.title, p.year, p.citations])]);
        const baseline = new Map(c.urls.map((u) => [u, sig(parseAny(text, u, noDom) as ScrapeResult)]));
        const mutate = c.kind === 'xml' ? (ops: never[]) => mutateXml(text, ops) : (ops: never[]) => mutateJson(text, ops);
        const ops = (c.kind === 'xml' ? xmlOps : jsonOps) as fc.Arbitrary<never[]>;
        let ok = 0;
        let changed = 0;
        fc.assert(
          fc.property(ops, fc.constantFrom(...c.urls), (o, url) => {
            const damaged = mutate(o);
            let out: ParseOutcome;
            try {
              out = parseAny(damaged, url, noDom);
            } catch (e) {
              throw new Error(`threw on a damaged ${c.kind}: ${String(e)}`);
            }
            checkOutcome(out, c.site);
            if (out.ok) {
              ok++;
              c.extra?.(out, damaged);
              if (sig(out) !== baseline.get(url)) changed++;
            }
          }),
          { numRuns: RUNS, seed: c.seed },
        );
        // Both kinds of answers were exercised, and some damage got through to the output.
        expect(ok).toBeGreaterThan(RUNS / 10);
        expect(ok).toBeLessThan(RUNS);
        expect(changed).toBeGreaterThan(0);
      });
    });
  }
});
