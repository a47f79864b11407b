/**
 * Fuzz ("Hardening" → "Bad input"): the arXiv adapter, reached through the registry, on 1,000
 * damaged versions of the real abs page and search page captures in the shared fixtures (see
 * MANIFEST.tsv), at the URLs they were taken from. The listings: `fuzz-arxiv-listings.test.ts`.
 * How the damage is done and what is checked: `tests/fuzz-mutate.ts` (`describeHtmlFuzz`).
 *
 * Each capture is parsed once with happy-dom's DOMParser; every run damages that document in
 * place (1–4 mutations, half of them aimed at the parts the adapter reads) and undoes the damage.
 * Scripts, styles, iframes and noscript blocks are removed first (the adapter never reads them).
 * - abs page (40 KB): used whole.
 * - search page (941 KB, 200 results; the adapter costs ~1 ms a result under happy-dom): a reduced
 *   copy with 4 of the 200 results — the first, and those with the features the real-page test
 *   checks (DOI + journal ref, v4 with two dates, a 21-author list); the page around them (header,
 *   query form, "Showing 1–200 of 77,800 results", pagination, footer) is whole.
 * The reduced copy's papers are checked to be exactly the full capture's papers with those ids.
 */
import { describeFixtures } from '../fixtures';
import { arxivPaperIds, describeHtmlFuzz, keepSearchResults } from '../fuzz-mutate';

describeFixtures('fuzz: arXiv abs and search pages, damaged', () => {
  describeHtmlFuzz(describe, {
    file: 'arxiv/abs-2106.09608v2-2021.html',
    url: 'https://arxiv.org/abs/2106.09608',
    site: 'arxiv',
    focus: 'h1.title, div.authors, .dateline, .submission-history, td.subjects, td.arxivid, td.arxividv, blockquote.abstract, td.comments, td.jref, td.doi, meta[name^="citation_"], .full-text',
    seed: 0x2106_0960,
    runs: 1000,
    extra: arxivPaperIds,
  });

  describeHtmlFuzz(describe, {
    file: 'arxiv/search-abstract-distributed-systems-200-2025-12.html',
    url: 'https://arxiv.org/search/?searchtype=abstract&query=distributed+systems&abstracts=show&size=200',
    site: 'arxiv',
    focus: 'li.arxiv-result, h1.title',
    seed: 0x2512_0300,
    runs: 1000,
    reduce: keepSearchResults(1, ['2512.02894', '2512.13478', '2512.10675']),
    extra: arxivPaperIds,
  });
});
