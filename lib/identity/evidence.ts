/**
 * Is this the same person? Records of one person on different sites (an arXiv author, a Google
 * Scholar profile, a DBLP pid, a Semantic Scholar author, an OpenReview profile) are linked only on
 * evidence, never on a name alone.
 *
 * Rules of {@link linkEvidence}, in order:
 * 1. Two records of the SAME source are never linked (two Scholar users, two S2 authors, an arXiv
 *    `/a/` author and an arXiv author search), even when they share an id or papers: a source that
 *    keeps two records keeps them for a reason we cannot see. The source is the prefix of
 *    `author.id` (`gscholar:`, `dblp:`, `s2:`, `openreview:`, `orcid:`, `openalex:`; `arxiv:` and
 *    `arxiv-query:` are both arXiv).
 * 2. Contradicting ids: when both records carry a value for the same key of `author.ids` among
 *    {@link EXTERNAL_ID_KEYS} and the values differ, they are different people (each site's own id
 *    names one person: a Scholar profile that says its DBLP pid is X is not the DBLP person Y), and
 *    nothing else can link them. This is strict for Semantic Scholar, which sometimes splits a
 *    person in two: we would rather miss that link than make a wrong one.
 * 3. A shared external id (same value of the same key) → `{ kind: 'external-id' }`. Values are
 *    compared after light normalisation (URL prefixes dropped; ORCID and OpenAlex ids upper-cased).
 * 4. Shared works: at least {@link MIN_SHARED_WORKS} distinct works found in both records' papers
 *    (same arXiv id, DOI, or normalised title + year — the keys of `paper-key.ts`, grouped with the
 *    same matching as `mergeAcrossSources`, so one paper listed twice counts once) →
 *    `{ kind: 'shared-papers' }` — but only when the two NAMES FIT ({@link namesFit}). Co-authors
 *    share papers too: the two authors of the same two papers must not become one person. The name
 *    check is a necessary condition for this kind of evidence, never a sufficient one; external-id
 *    evidence does not look at names at all, and no rule links on names.
 * Anything else → null.
 */
import type { Author, Paper } from '../schema';
import { normaliseName } from '../sites/arxiv';
import { clusterPapers } from './merge-papers';
import { paperKeys } from './paper-key';

export const EXTERNAL_ID_KEYS = ['orcid', 'semanticScholar', 'dblp', 'googleScholar', 'openalex', 'openreview'] as const;
export type ExternalIdKey = (typeof EXTERNAL_ID_KEYS)[number];

/** Fewer shared works than this is no evidence (one shared paper is what co-authors and namesakes have). */
export const MIN_SHARED_WORKS = 2;

export type Evidence =
  | { kind: 'external-id'; key: string; value: string }
  | { kind: 'shared-papers'; count: number; examples: string[] };

export interface AuthorRecord {
  author: Author;
  papers: Paper[];
}

// ---------------------------------------------------------------- sources and ids

const PREFIX_SOURCE: Record<string, string> = {
  arxiv: 'arxiv', 'arxiv-query': 'arxiv', 'arxiv-api': 'arxiv', gscholar: 'gscholar', dblp: 'dblp', s2: 'semanticscholar',
  semanticscholar: 'semanticscholar', openreview: 'openreview', orcid: 'orcid', openalex: 'openalex',
};

/** The source of an author record, from its id prefix; null when the id has none. */
export function authorSource(author: Pick<Author, 'id'>): string | null {
  const colon = author.id.indexOf(':');
  if (colon <= 0) return null;
  const prefix = author.id.slice(0, colon).toLowerCase();
  return PREFIX_SOURCE[prefix] ?? prefix;
}

/** An external id as a comparable value; null when empty. */
export function normaliseExternalId(key: ExternalIdKey, value: string | undefined): string | null {
  let v = (value ?? '').trim();
  if (v === '') return null;
  switch (key) {
    case 'orcid':
      v = v.replace(/^https?:\/\/(?:www\.)?orcid\.org\//i, '').toUpperCase();
      break;
    case 'openalex':
      v = v.replace(/^https?:\/\/(?:api\.)?openalex\.org\/(?:authors\/)?/i, '').toUpperCase();
      break;
    case 'dblp':
      v = v.replace(/^https?:\/\/(?:www\.)?dblp\.(?:org|uni-trier\.de|dagstuhl\.de)\/pid\//i, '').replace(/\.(?:html|xml)$/i, '');
      break;
    case 'semanticScholar':
      v = v.replace(/^https?:\/\/(?:www\.)?semanticscholar\.org\/author\/(?:[^/]+\/)?/i, '');
      break;
    case 'googleScholar':
    case 'openreview':
      break;
  }
  return v === '' ? null : v;
}

// ---------------------------------------------------------------- names

/** Single-letter initials written together ("AM Turing", "CD Santos") are split before normalising. */
function nameWords(name: string): string[] {
  const words = name.trim().split(/\s+/);
  const expanded = words.map((w, i) => (i < words.length - 1 && /^[A-Z]{2,3}$/.test(w) ? w.split('').join(' ') : w));
  return normaliseName(expanded.join(' ')).split(' ').filter(Boolean);
}

function givenFit(x: string[], y: string[]): boolean {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const g = x[i]!;
    const h = y[i]!;
    if (g === h) continue;
    if (g.length === 1 ? h.startsWith(g) : h.length === 1 ? g.startsWith(h) : false) continue;
    return false;
  }
  return true;
}

/**
 * Whether two names can be one person (see `normaliseName`: accents, case, "Last, First" handled):
 * the surname agrees — the last words are equal, or the shorter form's last word is a later word
 * of the other name (compound surnames: "Carlos Denner dos Santos" ~ "Carlos Denner") — and the
 * given names before it agree in order, each equal to the other or its initial ("J." ~ "John",
 * "A. M." ~ "Alan Mathison"; "AM" is read as "A M"); a missing middle name is no disagreement.
 * "J. Turing" ~ "John F. Turing"; "Dermot Turing" ≁ "John F. Turing"; "A. Smith" ≁ "B. Smith".
 */
export function namesFit(a: string, b: string): boolean {
  const x = nameWords(a);
  const y = nameWords(b);
  if (x.length === 0 || y.length === 0) return false;
  const fitAt = (long: string[], short: string[]): boolean => {
    const last = short[short.length - 1]!;
    // Surname position in the longer name: its last word, or a later word equal to the short form's surname.
    // (The first word is a surname position only in a one-word name.)
    for (let k = long.length - 1; k >= (long.length === 1 ? 0 : 1); k--) {
      if (long[k] === last && givenFit(long.slice(0, k), short.slice(0, -1))) return true;
    }
    return false;
  };
  return fitAt(x, y) || fitAt(y, x);
}

// ---------------------------------------------------------------- evidence

/** The works found in both lists of papers: a readable name for each (arXiv id, else DOI, else title). */
export function sharedWorks(a: readonly Paper[], b: readonly Paper[]): string[] {
  const all = [...a, ...b];
  const out: string[] = [];
  for (const group of clusterPapers(all)) {
    if (!group.some((i) => i < a.length) || !group.some((i) => i >= a.length)) continue;
    const members = group.map((i) => all[i]!);
    const keys = members.map(paperKeys);
    out.push(keys.find((k) => k.arxiv)?.arxiv ?? keys.find((k) => k.doi)?.doi ?? members[0]!.title);
  }
  return out;
}

/** The evidence that two author records are one person, or null (see the module comment). */
export function linkEvidence(a: AuthorRecord, b: AuthorRecord): Evidence | null {
  if (a.author.id === b.author.id) return null;
  const sa = authorSource(a.author);
  if (sa !== null && sa === authorSource(b.author)) return null;
  let shared: Evidence | null = null;
  for (const key of EXTERNAL_ID_KEYS) {
    const x = normaliseExternalId(key, a.author.ids[key]);
    const y = normaliseExternalId(key, b.author.ids[key]);
    if (x === null || y === null) continue;
    if (x !== y) return null;
    shared ??= { kind: 'external-id', key, value: x };
  }
  if (shared) return shared;
  if (!namesFit(a.author.name, b.author.name)) return null;
  const works = sharedWorks(a.papers, b.papers);
  return works.length >= MIN_SHARED_WORKS ? { kind: 'shared-papers', count: works.length, examples: works.slice(0, 3) } : null;
}

// ---------------------------------------------------------------- groups

export interface AuthorLink {
  a: string;
  b: string;
  evidence: Evidence;
}

/**
 * Every pair of records with evidence. Candidate pairs come from indexes (a shared external id, a
 * shared paper key), not from comparing all pairs; each candidate is then judged by
 * {@link linkEvidence}. Pairs in the order of their first record, then their second.
 */
export function findLinks(records: readonly AuthorRecord[]): AuthorLink[] {
  const index = new Map<string, Set<number>>();
  const add = (k: string, i: number) => {
    const s = index.get(k);
    if (s) s.add(i);
    else index.set(k, new Set([i]));
  };
  records.forEach((r, i) => {
    for (const key of EXTERNAL_ID_KEYS) {
      const v = normaliseExternalId(key, r.author.ids[key]);
      if (v !== null) add(`id:${key}:${v}`, i);
    }
    for (const p of r.papers) {
      const k = paperKeys(p);
      if (k.arxiv) add(`arxiv:${k.arxiv}`, i);
      if (k.doi) add(`doi:${k.doi}`, i);
      if (k.titleYear) add(`title:${k.titleYear}`, i);
    }
  });
  const pairs = new Set<number>();
  const n = records.length;
  for (const s of index.values()) {
    const list = [...s];
    for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) {
      const [i, j] = list[x]! < list[y]! ? [list[x]!, list[y]!] : [list[y]!, list[x]!];
      pairs.add(i * n + j);
    }
  }
  const links: AuthorLink[] = [];
  for (const code of [...pairs].sort((p, q) => p - q)) {
    const ra = records[Math.floor(code / n)]!;
    const rb = records[code % n]!;
    const evidence = linkEvidence(ra, rb);
    if (evidence) links.push({ a: ra.author.id, b: rb.author.id, evidence });
  }
  return links;
}

/**
 * One group per person: connected components over the evidence links, in which two records may
 * never end up together when
 * - the user unlinked them (`unlinked` pairs, either order) — even through a third record: A~C and
 *   C~B do not bring back a pair A/B the user separated;
 * - they are of the same source, or carry contradicting ids (the rules of {@link linkEvidence},
 *   which a chain of links must not get round: Scholar user 1 ~ DBLP ~ Scholar user 2 does not
 *   make one person of two Scholar users).
 * Links are applied strongest first (external ids, then shared works by count, then input order);
 * a link that would break one of these constraints is skipped. Links naming unknown ids are ignored.
 * Groups are in the order of their first record, records in input order.
 */
export function groupAuthors<R extends { author: Author }>(
  records: readonly R[],
  links: readonly AuthorLink[],
  unlinked: readonly (readonly [string, string])[],
): R[][] {
  const at = new Map(records.map((r, i) => [r.author.id, i] as const));
  const parent = records.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const members = records.map((_, i) => [i]);
  const apart = new Map<number, Set<number>>();
  for (const [x, y] of unlinked) {
    const i = at.get(x);
    const j = at.get(y);
    if (i === undefined || j === undefined || i === j) continue;
    if (!apart.has(i)) apart.set(i, new Set());
    if (!apart.has(j)) apart.set(j, new Set());
    apart.get(i)!.add(j);
    apart.get(j)!.add(i);
  }
  const compatible = (i: number, j: number): boolean => {
    if (apart.get(i)?.has(j)) return false;
    const ra = records[i]!.author;
    const rb = records[j]!.author;
    const s = authorSource(ra);
    if (s !== null && s === authorSource(rb)) return false;
    return EXTERNAL_ID_KEYS.every((k) => {
      const x = normaliseExternalId(k, ra.ids[k]);
      const y = normaliseExternalId(k, rb.ids[k]);
      return x === null || y === null || x === y;
    });
  };
  const strength = (e: Evidence) => (e.kind === 'external-id' ? Number.MAX_SAFE_INTEGER : e.count);
  const ordered = links.map((l, k) => ({ l, k })).sort((x, y) => strength(y.l.evidence) - strength(x.l.evidence) || x.k - y.k);
  for (const { l } of ordered) {
    const i = at.get(l.a);
    const j = at.get(l.b);
    if (i === undefined || j === undefined) continue;
    let ri = find(i);
    let rj = find(j);
    if (ri === rj) continue;
    const ok = members[ri]!.every((x) => members[rj]!.every((y) => compatible(x, y)));
    if (!ok) continue;
    if (rj < ri) [ri, rj] = [rj, ri];
    parent[rj] = ri;
    members[ri]!.push(...members[rj]!);
    members[rj] = [];
  }
  const groups = new Map<number, R[]>();
  records.forEach((r, i) => {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(r);
    else groups.set(root, [r]);
  });
  return [...groups.values()];
}
