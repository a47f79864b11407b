/**
 * Fuzz ("Hardening" → "Bad input"): the arXiv adapter, reached through the registry, on 1,000
 * damaged versions of each real listing capture in the shared fixtures (see MANIFEST.tsv), at the
 * URL it was taken from. How the damage is done and what is checked: `tests/fuzz-mutate.ts`
 * (`describeHtmlFuzz`).
 *
 * Each capture is parsed once with happy-dom's DOMParser; every run damages that document in
 * place (1–4 mutations, half of them aimed at the parts the adapter reads) and undoes the damage.
 * Scripts, styles, iframes and noscript blocks are removed first (the adapter never reads them).
 * Reduced copies, so that 1,000 runs fit the time budget: of the 49 (hep-th) and 23 (math-ph)
 * entries in three `dl#articles` sections (new, cross-lists, replacements), the first 2 of each
 * section are kept, plus those with the features the real-page tests check (hep-th: no HTML link,
 * a journal ref, a long comment with a URL; math-ph: a cross-listed replacement with a journal ref):
 * 9 and 7 entries; headings, "Total of N entries" and the page around them are whole. The reduced
 * copy's papers are checked to be exactly the full capture's papers with those ids.
 */
import { describeFixtures } from '../fixtures';
import { arxivPaperIds, describeHtmlFuzz, keepListingEntries } from '../fuzz-mutate';

describeFixtures('fuzz: arXiv listings, damaged', () => {
  describeHtmlFuzz(describe, {
    file: 'arxiv/list-hep-th-new-2024-08-09.html',
    url: 'https://arxiv.org/list/hep-th/new',
    site: 'arxiv',
    focus: 'dl, h3',
    seed: 0x2408_0901,
    runs: 1000,
    reduce: keepListingEntries(2, ['2408.04001', '2408.04495', '2407.15919']),
    extra: arxivPaperIds,
  });

  describeHtmlFuzz(describe, {
    file: 'arxiv/list-math-ph-new-2024-08-09.html',
    url: 'https://arxiv.org/list/math-ph/new',
    site: 'arxiv',
    focus: 'dl, h3',
    seed: 0x2408_0902,
    runs: 1000,
    reduce: keepListingEntries(2, ['2103.08919']),
    extra: arxivPaperIds,
  });
});
