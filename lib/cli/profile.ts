/**
 * `npm run -s profile -- --url U --html F`: the same adapter and profile code the extension runs,
 * in Node, printing one JSON object.
 */
import { authorFromRef } from '../authors';
import { computeMetrics } from '../metrics/basic';
import { parseAny } from '../sites/registry';
import type { Author, AuthorRef, Metrics, Paper, PageType, ReportedMetric } from '../schema';
import { sortNewestFirst } from '../store/profile';

export interface CliProfile {
  site: string;
  pageType: PageType;
  author: Author | null;
  authors: AuthorRef[];
  papers: Paper[];
  metrics: Metrics;
  /** Metrics the page itself states (e.g. Google Scholar's table), beside the computed ones. */
  reported: ReportedMetric[];
  total: number | null;
  title: string | null;
}

export type CliResult = { ok: true; profile: CliProfile } | { ok: false; reason: string };

export function profileFromText(text: string, url: string, toDoc: (html: string, url: string) => Document): CliResult {
  const outcome = parseAny(text, url, toDoc);
  if (!outcome.ok) return { ok: false, reason: `${outcome.site}: ${outcome.reason}` };
  const author = outcome.author ? authorFromRef(outcome.author, outcome.authors, outcome.site, outcome.affiliations ?? []) : null;
  const papers = sortNewestFirst(outcome.papers);
  return {
    ok: true,
    profile: {
      site: outcome.site, pageType: outcome.pageType, author, authors: outcome.authors,
      papers, metrics: computeMetrics(papers, { author: author?.name ?? null }), reported: outcome.reported ?? [], total: outcome.total, title: outcome.title,
    },
  };
}
