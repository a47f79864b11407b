/**
 * One record per work across sources: an arXiv page, Google Scholar rows, DBLP records and
 * Semantic Scholar papers that are the same work become one {@link MergedPaper}.
 * (`lib/store/merge.ts` merges two visits of the SAME id; this merges different ids.)
 *
 * Matching (union-find over the records, so matches are transitive: A~B by arXiv id and B~C by
 * DOI put A, B and C together), with the keys of `paper-key.ts`, in three passes:
 * 1. same arXiv id;
 * 2. same DOI;
 * 3. same normalised title and year — except when the two groups it would join already carry
 *    different arXiv ids or different DOIs (two registered works, e.g. an article and an erratum
 *    that repeats its title, or two arXiv preprints with one title, stay apart).
 * Each pass is one look-up per key in a map: linear in the number of records.
 *
 * The merged record:
 * - metadata comes from the best source present: arXiv (`arxiv` page and `arxiv-api` records,
 *   combined with `mergePaper`), then DBLP, Semantic Scholar, OpenReview, OpenAlex, ORCID, Google
 *   Scholar (whose bylines are truncated); title, authors with their links, dates, year, version,
 *   categories come from that record; any field it lacks is filled from the others in that order;
 * - `id`: the arXiv id if any record has one, else the DOI, else the first record's id;
 * - `citations`: the HIGHEST known count, with its `citationsSource`/`citationsFetchedAt` (ties:
 *   the most recently fetched); `citationsBySource` keeps one entry per source that gave a count
 *   (the highest of that source, e.g. when Scholar lists one paper twice — its split counts are not
 *   added, their overlap is unknown), in order of first appearance;
 * - code links, categories: unions in order of first appearance; `sources`: distinct, in order of
 *   first appearance; `mergedFrom`: the ids of the records merged (extra field, not in the brief);
 * - `metadataFetchedAt`, `codeFetchedAt`, `fetchedAt`: the latest.
 * Output order: by the first appearance of any of a work's records.
 */
import type { Paper, SourceName } from '../schema';
import { mergePaper } from '../store/merge';
import { type PaperKeys, paperKeys } from './paper-key';

export interface SourceCount {
  source: SourceName;
  count: number;
  at: string | null;
}

export type MergedPaper = Paper & {
  sources: SourceName[];
  citationsBySource: SourceCount[];
  /** The ids of the records that were merged, in input order. */
  mergedFrom: string[];
};

/** Preference for metadata (title, authors, dates…): lower is better. */
const METADATA_RANK: Record<SourceName, number> = {
  arxiv: 0, 'arxiv-api': 0, dblp: 1, semanticscholar: 2, openreview: 3, openalex: 4, orcid: 5, gscholar: 6,
};

function isArxivSource(s: SourceName): boolean {
  return s === 'arxiv' || s === 'arxiv-api';
}

// ---------------------------------------------------------------- grouping

class UnionFind {
  private readonly parent: number[];
  /** Per root: the arXiv ids and DOIs its records carry. */
  readonly arxiv: Set<string>[];
  readonly doi: Set<string>[];

  constructor(keys: PaperKeys[]) {
    this.parent = keys.map((_, i) => i);
    this.arxiv = keys.map((k) => new Set(k.arxiv ? [k.arxiv] : []));
    this.doi = keys.map((k) => new Set(k.doi ? [k.doi] : []));
  }

  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r]!;
    let x = i;
    while (this.parent[x] !== r) {
      const next = this.parent[x]!;
      this.parent[x] = r;
      x = next;
    }
    return r;
  }

  /** The lower index stays the root, so a group's root is its first record. */
  union(a: number, b: number): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    if (rb < ra) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    for (const x of this.arxiv[rb]!) this.arxiv[ra]!.add(x);
    for (const x of this.doi[rb]!) this.doi[ra]!.add(x);
    this.arxiv[rb]!.clear();
    this.doi[rb]!.clear();
  }

  /** Both groups name a work by an id, and no id is common: they are different works. */
  conflict(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    const clash = (x: Set<string>, y: Set<string>) => x.size > 0 && y.size > 0 && ![...x].some((v) => y.has(v));
    return clash(this.arxiv[ra]!, this.arxiv[rb]!) || clash(this.doi[ra]!, this.doi[rb]!);
  }
}

/**
 * Which records are the same work: groups of indices into `papers`, each in input order, the
 * groups in order of their first record. Used by {@link mergeAcrossSources} and by the
 * author-linking evidence (shared works).
 */
export function clusterPapers(papers: readonly Paper[]): number[][] {
  const keys = papers.map(paperKeys);
  const uf = new UnionFind(keys);
  const pass = (key: (k: PaperKeys) => string | null, guarded: boolean) => {
    const first = new Map<string, number>();
    keys.forEach((k, i) => {
      const v = key(k);
      if (v === null) return;
      const j = first.get(v);
      if (j === undefined) first.set(v, i);
      else if (!guarded || !uf.conflict(i, j)) uf.union(i, j);
    });
  };
  pass((k) => k.arxiv, false);
  pass((k) => k.doi, false);
  // A title shared with a group it may not join is still offered to the next record with that
  // title: remember every group seen for the key, and join the first one without a conflict.
  const byTitle = new Map<string, number[]>();
  keys.forEach((k, i) => {
    if (k.titleYear === null) return;
    const seen = byTitle.get(k.titleYear);
    if (!seen) {
      byTitle.set(k.titleYear, [i]);
      return;
    }
    const target = seen.find((j) => uf.find(j) === uf.find(i) || !uf.conflict(i, j));
    if (target !== undefined) uf.union(i, target);
    else seen.push(i);
  });
  const groups = new Map<number, number[]>();
  papers.forEach((_, i) => {
    const r = uf.find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  });
  return [...groups.values()].sort((a, b) => a[0]! - b[0]!);
}

// ---------------------------------------------------------------- merging one group

function latest(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return a >= b ? a : b;
}

function unionInOrder(lists: string[][]): string[] {
  return [...new Set(lists.flat())];
}

function firstOf<R, T>(records: readonly R[], get: (r: R) => T | null | undefined, empty?: (v: T) => boolean): T | null {
  for (const p of records) {
    const v = get(p);
    if (v !== null && v !== undefined && !(empty?.(v) ?? false)) return v;
  }
  return null;
}

/** Records ordered for metadata: best source first, input order among equals; arXiv records folded into one. */
function metadataOrder(members: Paper[]): Paper[] {
  const arxiv = members.filter((p) => isArxivSource(p.source));
  const rest = members
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => !isArxivSource(p.source))
    .sort((x, y) => METADATA_RANK[x.p.source] - METADATA_RANK[y.p.source] || x.i - y.i)
    .map(({ p }) => p);
  if (arxiv.length === 0) return rest;
  // arXiv page and API records of one paper: the same-id merge, oldest first so the freshest wins.
  const folded = [...arxiv]
    .sort((a, b) => a.fetchedAt.localeCompare(b.fetchedAt))
    .reduce<Paper | undefined>((acc, p) => mergePaper(acc, acc ? { ...p, id: acc.id } : p), undefined)!;
  return [folded, ...rest];
}

function citationsBySource(members: Paper[]): SourceCount[] {
  const out: SourceCount[] = [];
  for (const p of members) {
    if (p.citations === null) continue;
    const source = p.citationsSource ?? p.source;
    const at = p.citationsFetchedAt ?? null;
    const seen = out.find((c) => c.source === source);
    if (!seen) out.push({ source, count: p.citations, at });
    else if (p.citations > seen.count || (p.citations === seen.count && (at ?? '') > (seen.at ?? ''))) {
      seen.count = p.citations;
      seen.at = at;
    }
  }
  return out;
}

function mergeGroup(members: Paper[]): MergedPaper {
  const ordered = metadataOrder(members);
  // A stored row's revision stamp (lib/store/revisions.ts) belongs to the row, not to the merged paper.
  const { rev: _rev, ...base } = ordered[0]! as Paper & { rev?: number };
  // Ids from the best source first (a group joined by DOI may, rarely, carry two arXiv ids).
  const keys = ordered.map(paperKeys);
  const arxivId = firstOf(keys, (k) => k.arxiv);
  const doiKey = firstOf(keys, (k) => k.doi);
  // Display the DOI as the best source wrote it; the key is its lower-case form.
  const doi = firstOf(ordered, (p) => (p.doi && paperKeys(p).doi === doiKey ? p.doi : null)) ?? doiKey;
  const byCount = citationsBySource(members);
  const best = byCount.reduce<SourceCount | null>((b, c) => (!b || c.count > b.count || (c.count === b.count && (c.at ?? '') > (b.at ?? '')) ? c : b), null);
  const withAuthors = ordered.find((p) => p.authors.length > 0) ?? base;
  const str = (get: (p: Paper) => string | null) => firstOf(ordered, get, (v: string) => v.trim() === '');
  return {
    ...base,
    id: arxivId ?? doiKey ?? members[0]!.id,
    arxivId,
    version: isArxivSource(base.source) ? base.version : arxivId ? firstOf(ordered, (p) => (paperKeys(p).arxiv === arxivId ? p.version : null)) : null,
    doi,
    title: str((p) => p.title) ?? base.title,
    authors: withAuthors.authors,
    authorUrls: withAuthors.authorUrls,
    published: str((p) => p.published),
    updated: str((p) => p.updated),
    year: firstOf(ordered, (p) => p.year),
    primaryCategory: str((p) => p.primaryCategory),
    categories: unionInOrder(ordered.map((p) => p.categories)),
    abstract: str((p) => p.abstract),
    comments: str((p) => p.comments),
    journalRef: str((p) => p.journalRef),
    links: {
      abs: str((p) => p.links.abs),
      pdf: str((p) => p.links.pdf),
      html: str((p) => p.links.html),
      doi: str((p) => p.links.doi) ?? (doi ? `https://doi.org/${doi}` : null),
      code: unionInOrder(members.map((p) => p.links.code)),
    },
    citations: best?.count ?? null,
    citationsSource: best?.source ?? null,
    // With no known count, keep when a source was last asked, so the cache knows not to ask again yet.
    citationsFetchedAt: best ? best.at : members.reduce<string | null>((a, p) => latest(a, p.citationsFetchedAt), null),
    metadataFetchedAt: members.reduce<string | null>((a, p) => latest(a, p.metadataFetchedAt), null),
    codeFetchedAt: members.reduce<string | null>((a, p) => latest(a, p.codeFetchedAt), null),
    source: base.source,
    fetchedAt: members.reduce<string | null>((a, p) => latest(a, p.fetchedAt), null) ?? base.fetchedAt,
    sources: [...new Set(members.map((p) => p.source))],
    citationsBySource: byCount,
    mergedFrom: members.map((p) => p.id),
  };
}

/** Papers from several sources, one record per work (see the module comment). */
export function mergeAcrossSources(papers: readonly Paper[]): MergedPaper[] {
  return clusterPapers(papers).map((g) => mergeGroup(g.map((i) => papers[i]!)));
}
