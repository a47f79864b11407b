/**
 * The data model, declared once with Zod. Everything that crosses a boundary (page → background,
 * background → popup, API answers, imports) is parsed with these schemas; TypeScript types come
 * from `z.infer`, so the two can never drift apart.
 */
import { z } from 'zod';

/** ISO date `YYYY-MM-DD` (dates on scholarly pages carry no useful time of day). */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** ISO timestamp for fetch times. */
export const IsoTime = z.string().datetime({ offset: true });

export const SourceName = z.enum(['arxiv', 'arxiv-api', 'semanticscholar', 'gscholar', 'dblp', 'openreview', 'openalex', 'orcid']);
export type SourceName = z.infer<typeof SourceName>;

export const PaperLinks = z.object({
  abs: z.string().nullable(),
  pdf: z.string().nullable(),
  html: z.string().nullable().default(null),
  doi: z.string().nullable().default(null),
  /** Code repositories (GitHub, GitLab, Bitbucket, Hugging Face) found in the abstract or comments. */
  code: z.array(z.string()).default([]),
});
export type PaperLinks = z.infer<typeof PaperLinks>;

export const Paper = z.object({
  /** arXiv id without version where there is one (`2106.09608`, `hep-th/9901001`), else DOI, else a source id. */
  id: z.string().min(1),
  arxivId: z.string().nullable().default(null),
  /** The version the page showed (`2` for `v2`), when it showed one. */
  version: z.number().int().positive().nullable().default(null),
  doi: z.string().nullable().default(null),
  title: z.string(),
  /** Author names in the order the source lists them. */
  authors: z.array(z.string()),
  /** The link the source gives each author, index-aligned with `authors` (null where none). */
  authorUrls: z.array(z.string().nullable()).default([]),
  published: IsoDate.nullable().default(null),
  updated: IsoDate.nullable().default(null),
  year: z.number().int().nullable().default(null),
  primaryCategory: z.string().nullable().default(null),
  categories: z.array(z.string()).default([]),
  abstract: z.string().nullable().default(null),
  comments: z.string().nullable().default(null),
  journalRef: z.string().nullable().default(null),
  links: PaperLinks,
  /** Citation count; null when unknown (never 0 for unknown). */
  citations: z.number().int().nonnegative().nullable().default(null),
  citationsSource: SourceName.nullable().default(null),
  citationsFetchedAt: IsoTime.nullable().default(null),
  /** When the arXiv API last gave this paper's full metadata (null: only a page has been read). */
  metadataFetchedAt: IsoTime.nullable().default(null),
  /** On a profile merged across sites: every source's count (the `citations` field is the highest). */
  citationsBySource: z.array(z.object({ source: SourceName, count: z.number().int().nonnegative(), at: IsoTime.nullable() })).optional(),
  /** On a profile merged across sites: the sources this paper was seen on. */
  sources: z.array(SourceName).optional(),
  /** When the Hugging Face papers API was last asked for this paper's code links. */
  codeFetchedAt: IsoTime.nullable().default(null),
  /** Where this record came from and when it was read. */
  source: SourceName,
  fetchedAt: IsoTime,
});
export type Paper = z.infer<typeof Paper>;
export type PaperInput = z.input<typeof Paper>;

/** An author as a page names and links them. */
export const AuthorRef = z.object({
  name: z.string(),
  url: z.string().nullable(),
  /** arXiv author id (`zhao_y_1`) when the link is an `/a/<id>` link. */
  arxivId: z.string().nullable().default(null),
  /** The author query when the link is an arXiv author search (`Zhao, Y`). */
  query: z.string().nullable().default(null),
});
export type AuthorRef = z.infer<typeof AuthorRef>;

export const AuthorIds = z.object({
  arxiv: z.string().optional(),
  arxivQuery: z.string().optional(),
  semanticScholar: z.string().optional(),
  googleScholar: z.string().optional(),
  dblp: z.string().optional(),
  orcid: z.string().optional(),
  openalex: z.string().optional(),
  openreview: z.string().optional(),
});
export type AuthorIds = z.infer<typeof AuthorIds>;

export const Author = z.object({
  /** Stable key: `arxiv:<author id>` or `arxiv-query:<normalised name>`; later sources add their own. */
  id: z.string().min(1),
  name: z.string(),
  ids: AuthorIds,
  affiliations: z.array(z.string()).default([]),
  url: z.string().nullable().default(null),
});
export type Author = z.infer<typeof Author>;

export const PageType = z.enum(['author', 'search', 'abs', 'listing', 'feed']);
export type PageType = z.infer<typeof PageType>;

/** A metric as a source states it (Semantic Scholar's hIndex, Google Scholar's table), not as we computed it. */
export const ReportedMetric = z.object({
  metric: z.string(),
  value: z.number(),
  source: SourceName,
  at: IsoTime,
});
export type ReportedMetric = z.infer<typeof ReportedMetric>;

/** What an adapter read off one page. */
export const ScrapeResult = z.object({
  ok: z.literal(true),
  site: z.string(),
  pageType: PageType,
  url: z.string(),
  /** The person the page is about (author pages, author searches), else null. */
  author: AuthorRef.nullable(),
  /** Every distinct author shown on the page, with the link the page gives them. */
  authors: z.array(AuthorRef),
  papers: z.array(Paper),
  /** The page's own count of results when it states one (e.g. "Showing 1–200 of 5,214 results"). */
  total: z.number().int().nonnegative().nullable().default(null),
  /** A human title for the page (search query, listing name). */
  title: z.string().nullable().default(null),
  /** Metrics the page itself states for its subject (Google Scholar's "Cited by" table). */
  reported: z.array(ReportedMetric).optional(),
  /** Affiliations the page gives its subject. */
  affiliations: z.array(z.string()).optional(),
  scrapedAt: IsoTime,
});
export type ScrapeResult = z.infer<typeof ScrapeResult>;

export const Unrecognised = z.object({
  ok: z.literal(false),
  site: z.string(),
  url: z.string(),
  reason: z.string(),
});
export type Unrecognised = z.infer<typeof Unrecognised>;

export const ParseOutcome = z.discriminatedUnion('ok', [ScrapeResult, Unrecognised]);
export type ParseOutcome = z.infer<typeof ParseOutcome>;

/** Where one number of a profile came from. */
export const Provenance = z.object({
  field: z.string(),
  source: z.string(),
  at: IsoTime.nullable(),
  detail: z.string(),
});
export type Provenance = z.infer<typeof Provenance>;

export const CategoryCount = z.object({ category: z.string(), count: z.number().int() });
export const YearCount = z.object({ year: z.number().int(), papers: z.number().int(), citations: z.number().int().nullable() });

const num = z.number().nullable();
const int = z.number().int().nonnegative().nullable();

/**
 * Every metric of a set of papers, by the names docs/metrics.md defines (Publish or Perish's set
 * plus Novelty and AI Score). Numbers are unrounded; null means unknown (never 0 for unknown).
 */
export const Metrics = z.object({
  // Counts
  papers: z.number().int().nonnegative(),
  papersWithCitations: z.number().int().nonnegative(),
  citations: int,
  citationsPerYear: num,
  citationsPerPaper: num,
  citationsPerPaperMedian: num,
  citationsPerAuthor: num,
  papersPerAuthor: num,
  authorsPerPaper: num,
  /** Share of papers with the profile's author first / last (null when the author is not known). */
  firstAuthorShare: num,
  lastAuthorShare: num,
  firstYear: z.number().int().nullable(),
  lastYear: z.number().int().nullable(),
  /** max(1, Y − first year): the career length Publish or Perish divides by. */
  years: z.number().int().positive().nullable(),
  // Indices
  h: int,
  g: int,
  e: num,
  a: num,
  m: num,
  hc: int,
  hI: num,
  hInorm: int,
  hIannual: num,
  hm: num,
  AWCR: num,
  AW: num,
  AWCRpA: num,
  ACC1: int,
  ACC2: int,
  ACC5: int,
  ACC10: int,
  ACC20: int,
  hA: int,
  i10: int,
  /** Google Scholar's "since" column: Y − 5, and the metrics over papers published since then. */
  sinceYear: z.number().int(),
  citationsSince: int,
  hSince: int,
  i10Since: int,
  // Profile
  primaryCategory: z.string().nullable(),
  categoryMix: z.array(CategoryCount),
  papersPerYear: z.array(YearCount),
  codeShare: z.number().min(0).max(1).nullable(),
  topCoauthors: z.array(z.object({ name: z.string(), papers: z.number().int().positive() })),
  aiScore: z.number().min(0).max(100).nullable(),
  novelty: z.number().min(0).max(100).nullable(),
});
export type Metrics = z.infer<typeof Metrics>;


/** How far background enrichment has got for a profile's papers, and how fresh the data is. */
export const Enrichment = z.object({
  citations: z.object({ done: z.number().int(), total: z.number().int() }),
  metadata: z.object({ done: z.number().int(), total: z.number().int() }),
  /** Jobs still waiting for these papers. */
  pending: z.number().int(),
  /** The last attempt found no network: what is shown is the cache. */
  offline: z.boolean(),
  /** Some shown citation counts are older than their time-to-live, or the network is gone: the cache is shown. */
  stale: z.boolean(),
  /** Fetch time of the oldest citation count shown. */
  oldestCitationsAt: IsoTime.nullable(),
  lastError: z.string().nullable(),
});
export type Enrichment = z.infer<typeof Enrichment>;

export const Profile = z.object({
  /** Null for a page that is not about one person (an abstract search, a listing). */
  author: Author.nullable(),
  title: z.string(),
  papers: z.array(Paper),
  metrics: Metrics,
  /** Values sources reported for this author; shown beside (and on the card instead of) ours. */
  reported: z.array(ReportedMetric).default([]),
  provenance: z.array(Provenance),
  viewedAt: IsoTime.nullable(),
  enrichment: Enrichment.nullable().default(null),
  /** Records of the same person from other sources, merged into this profile, with the evidence. */
  linked: z.array(z.object({ authorId: z.string(), name: z.string(), source: z.string(), evidence: z.string() })).default([]),
  /** The author is on the user's watchlist (the card's star). */
  watched: z.boolean().default(false),
});
export type Profile = z.infer<typeof Profile>;
