/**
 * The fast readers against the query readers they stand in for, on the real captures: arXiv listing
 * entries (lib/sites/arxiv-entries.ts `scanEntry`, one walk per entry), search results
 * (arxiv-results.ts `bulkResults`, one query per part for all results) and Google Scholar rows
 * (gscholar-scrape.ts `scanRow`), with the text shortcuts they allow, each read then finished, must
 * give exactly the drafts the queries give — on each capture as it is, with markup slipped into its
 * entries (links, `<br>`, labels, comments, SVG, script, template, classes the readers look for, a
 * result inside a result, at random places), and with the fuzz tests' damage (tests/fuzz-mutate.ts).
 *
 * Reduced copies, as in the fuzz tests (happy-dom's queries are slow): the search page keeps 12 of
 * its 200 results, the Scholar profile its first 40 rows; the listings are whole.
 */
import fc from 'fast-check';
import { describeFixtures, htmlDoc, readFixture } from '../fixtures';
import { readEntries } from '../../lib/sites/arxiv-entries';
import { entryDrafts, resultDraft } from '../../lib/sites/arxiv-finish';
import { readSearchResults } from '../../lib/sites/arxiv-results';
import { scrape as scholarScrape } from '../../lib/sites/gscholar-scrape';
import { DomTarget, domOps, keepSearchResults, stripInert, timeless } from '../fuzz-mutate';

/** Markup to slip in, built with DOM calls: [tag, attributes, text] (tag '#text' and '#comment': a node of that kind). */
const SNIPPETS: [string, Record<string, string>, string][] = [
  ['br', {}, ''], ['a', { href: '/abs/1234.5678' }, 'x'], ['a', { href: 'https://github.com/a/b' }, 'code'],
  ['span', { class: 'descriptor' }, 'Label:'], ['#comment', {}, 'c'], ['#text', {}, ' text '], ['#text', {}, '\n  '],
  ['svg', {}, 't'], ['script', {}, 'var a = 1'], ['style', {}, 'p {}'], ['template', {}, 't'], ['math', {}, 'x'],
  ['span', { class: 'gs_oph' }, ', 2020'], ['span', { class: 'search-hit' }, 'hit'], ['p', { class: 'comments' }, 'Comments: x'],
  ['a', { class: 'gsc_a_am' }, '*'], ['span', { class: 'tag', 'data-tooltip': 'x' }, 'cs.AI'], ['span', { class: 'primary-subject' }, 'Physics (hep-th)'],
  ['a', { href: '/search/?searchtype=author&query=X%2C+Y' }, 'X Y'], ['span', { id: '2501.00001v3-abstract-full' }, 'a'],
  ['div', { class: 'list-title' }, 'T'], ['span', { class: 'gs_gray' }, 'A, B'], ['p', { class: 'title' }, 't'], ['b', {}, 'bold'],
  // A result inside a result: the bulk reading of search results gives way to reading them one by one.
  ['li', { class: 'arxiv-result' }, 'x'], ['span', { class: 'abstract-short', id: '2501.00001v4-abstract-short' }, 's'],
];

function node(doc: Document, [tag, attrs, text]: [string, Record<string, string>, string]): Node {
  if (tag === '#text') return doc.createTextNode(text);
  if (tag === '#comment') return doc.createComment(text);
  const el = tag === 'svg' || tag === 'math'
    ? doc.createElementNS(tag === 'svg' ? 'http://www.w3.org/2000/svg' : 'http://www.w3.org/1998/Math/MathML', tag)
    : doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text) el.appendChild(doc.createTextNode(text));
  return el;
}

/** 1–3 snippets slipped in among the children of random elements inside `focus`; returns the undo. */
function slipIn(doc: Document, els: Element[], picks: number[]): () => void {
  const added: Node[] = [];
  for (let i = 0; i + 2 < picks.length; i += 3) {
    const el = els[picks[i]! % els.length]!;
    const kids = el.childNodes;
    const before = kids[picks[i + 1]! % (kids.length + 1)] ?? null;
    const n = node(doc, SNIPPETS[picks[i + 2]! % SNIPPETS.length]!);
    el.insertBefore(n, before);
    added.push(n);
  }
  return () => {
    for (const n of added) n.parentNode?.removeChild(n);
  };
}

/** The drafts of raw entries (a read's failure as it is). */
function entries(read: ReturnType<typeof readEntries>, url: string) {
  return typeof read === 'string' ? read : entryDrafts(read, url, 'layout');
}

interface Case {
  file: string;
  url: string;
  focus: string;
  reduce?: (doc: Document) => void;
  /** The drafts by walks and by queries. */
  read(doc: Document, url: string, scan: boolean): unknown;
  runs: number;
}

const CASES: Case[] = [
  {
    file: 'arxiv/list-hep-th-new-2024-08-09.html', url: 'https://arxiv.org/list/hep-th/new', focus: 'dl',
    read: (doc, url, scan) => entries(readEntries(doc, scan), url), runs: 150,
  },
  {
    file: 'arxiv/list-math-ph-new-2024-08-09.html', url: 'https://arxiv.org/list/math-ph/new', focus: 'dl',
    read: (doc, url, scan) => entries(readEntries(doc, scan), url), runs: 150,
  },
  {
    file: 'arxiv/search-abstract-distributed-systems-200-2025-12.html',
    url: 'https://arxiv.org/search/?searchtype=abstract&query=distributed+systems&abstracts=show&size=200', focus: 'li.arxiv-result',
    reduce: keepSearchResults(8, ['2512.02894', '2512.13478', '2512.10675']),
    read: (doc, url, bulk) => readSearchResults(doc, doc.querySelectorAll('li.arxiv-result'), bulk).map((r) => resultDraft(r, url)),
    runs: 150,
  },
  {
    file: 'gscholar/profile-AoKJ_g4AAAAJ-2025-pt-PT-saved.html', url: 'https://scholar.google.com/citations?hl=pt-PT&user=AoKJ_g4AAAAJ',
    focus: 'tr.gsc_a_tr',
    reduce: (doc) => {
      for (const chrome of Array.from(doc.querySelectorAll('.gs_md_wnw, #gs_hdr'))) chrome.remove();
      Array.from(doc.querySelectorAll('tr.gsc_a_tr')).forEach((row, i) => i >= 40 && row.remove());
    },
    read: (doc, url, scan) => scholarScrape(doc, url, scan),
    runs: 150,
  },
];

describeFixtures('one-pass readers give what the queries give', () => {
  for (const c of CASES) {
    describe(c.file, () => {
      let doc: Document;
      const same = (): void => {
        expect(timeless(c.read(doc, c.url, true))).toEqual(timeless(c.read(doc, c.url, false)));
      };

      beforeAll(() => {
        doc = htmlDoc(readFixture(c.file));
        stripInert(doc);
        c.reduce?.(doc);
      });

      it('on the capture', () => {
        const out = c.read(doc, c.url, true);
        expect(JSON.stringify(out)).not.toMatch(/"ok":false/);
        same();
      });

      it(`with markup slipped in (${c.runs} runs)`, () => {
        const els = Array.from(doc.querySelectorAll(c.focus)).flatMap((e) => [e, ...Array.from(e.querySelectorAll('*'))]);
        fc.assert(
          fc.property(fc.array(fc.nat(), { minLength: 3, maxLength: 9 }), (picks) => {
            const undo = slipIn(doc, els, picks);
            try {
              same();
            } finally {
              undo();
            }
          }),
          { numRuns: c.runs, seed: 0x5ca9 },
        );
      });

      it(`damaged (${c.runs} runs)`, () => {
        const target = new DomTarget(doc, c.focus);
        fc.assert(
          fc.property(domOps, (ops) => {
            const undo = target.apply(ops);
            try {
              same();
            } finally {
              undo();
            }
          }),
          { numRuns: c.runs, seed: 0x5ca8 },
        );
      });
    });
  }
});
