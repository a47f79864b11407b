/**
 * planJobs: which papers need the arXiv API (metadata) and Semantic Scholar (citations), given
 * what the cache holds and each kind's time-to-live. Pure; no database.
 */
import { describe, expect, it } from 'vitest';
import { needsCitations, needsMetadata, planJobs, sourceOn } from '../../lib/enrich/plan';
import type { Paper, PaperInput } from '../../lib/schema';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { makePaper } from '../make-paper';

const NOW = Date.parse('2026-07-01T12:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(NOW - ms).toISOString();

/** A paper as an arXiv listing or author page gives it: no abstract, no dates, no citations. */
function listed(arxivId: string, over: Partial<PaperInput> = {}): Paper {
  return makePaper({
    id: arxivId,
    arxivId,
    title: `Paper ${arxivId}`,
    links: { abs: `https://arxiv.org/abs/${arxivId}`, pdf: `https://arxiv.org/pdf/${arxivId}` },
    ...over,
  });
}

function settings(over: { sources?: Partial<Settings['sources']>; ttl?: Partial<Settings['ttl']> } = {}): Settings {
  return {
    ...DEFAULT_SETTINGS,
    sources: { ...DEFAULT_SETTINGS.sources, ...over.sources },
    ttl: { ...DEFAULT_SETTINGS.ttl, ...over.ttl },
  };
}

const kinds = (papers: Paper[], s = settings(), now = NOW) => planJobs(papers, s, now).map((j) => `${j.kind}:${j.paperId}`);

describe('defaults', () => {
  it('trusts metadata for 30 days and citation counts for 24 hours, with arXiv API and S2 on', () => {
    expect(DEFAULT_SETTINGS.ttl).toEqual({ metadataDays: 30, citationsHours: 24 });
    expect(DEFAULT_SETTINGS.sources).toMatchObject({ arxivApi: true, semanticScholar: true });
  });
});

describe('metadata', () => {
  it('is needed for an arXiv paper a page gave without abstract or date', () => {
    expect(kinds([listed('2401.00001')])).toEqual(['metadata:2401.00001', 'citations:2401.00001']);
  });

  it('is needed when either the abstract or the published date is missing, not when both are there', () => {
    const noDate = listed('2401.00002', { abstract: 'An abstract.' });
    const noAbstract = listed('2401.00003', { published: '2024-01-02' });
    const complete = listed('2401.00004', { abstract: 'An abstract.', published: '2024-01-02' });
    const s = settings();
    expect([noDate, noAbstract, complete].map((p) => needsMetadata(p, s, NOW))).toEqual([true, true, false]);
  });

  it('is not asked again within the metadata TTL, even when arXiv did not fill the gap', () => {
    // arXiv did not return the paper: it is marked as asked (metadataFetchedAt) but still lacks an abstract.
    const askedRecently = listed('2401.00005', { metadataFetchedAt: ago(29 * DAY) });
    const askedLongAgo = listed('2401.00006', { metadataFetchedAt: ago(31 * DAY) });
    const s = settings();
    expect(needsMetadata(askedRecently, s, NOW)).toBe(false);
    expect(needsMetadata(askedLongAgo, s, NOW)).toBe(true);
    // A shorter TTL from the options page applies.
    expect(needsMetadata(askedRecently, settings({ ttl: { metadataDays: 7 } }), NOW)).toBe(true);
  });

  it('a complete record is never re-asked, however old its fetch', () => {
    const complete = listed('2401.00007', { abstract: 'A.', published: '2020-01-01', metadataFetchedAt: ago(400 * DAY) });
    expect(needsMetadata(complete, settings(), NOW)).toBe(false);
  });
});

describe('citations', () => {
  it('are needed when never fetched', () => {
    expect(needsCitations(listed('2401.00010'), settings(), NOW)).toBe(true);
  });

  it('are needed only when older than the citations TTL', () => {
    const fresh = listed('2401.00011', { citations: 4, citationsSource: 'semanticscholar', citationsFetchedAt: ago(23 * HOUR) });
    const old = listed('2401.00012', { citations: 4, citationsSource: 'semanticscholar', citationsFetchedAt: ago(25 * HOUR) });
    // S2 did not know it (count unknown) but was asked: same TTL.
    const unknownAsked = listed('2401.00013', { citations: null, citationsFetchedAt: ago(HOUR) });
    const s = settings();
    expect([fresh, old, unknownAsked].map((p) => needsCitations(p, s, NOW))).toEqual([false, true, false]);
    expect(needsCitations(fresh, settings({ ttl: { citationsHours: 12 } }), NOW)).toBe(true);
  });

  it('exactly at the TTL the count is still trusted; just past it, it is not', () => {
    const s = settings({ ttl: { citationsHours: 1 } });
    expect(needsCitations(listed('2401.00014', { citationsFetchedAt: ago(HOUR) }), s, NOW)).toBe(false);
    expect(needsCitations(listed('2401.00015', { citationsFetchedAt: ago(HOUR + 1) }), s, NOW)).toBe(true);
  });
});

describe('sources and papers that are not on arXiv', () => {
  const papers = [listed('2401.00020'), listed('2401.00021', { citationsFetchedAt: ago(30 * DAY) })];

  it('a source switched off plans nothing of its kind', () => {
    expect(kinds(papers, settings({ sources: { arxivApi: false } }))).toEqual(['citations:2401.00020', 'citations:2401.00021']);
    expect(kinds(papers, settings({ sources: { semanticScholar: false } }))).toEqual(['metadata:2401.00020', 'metadata:2401.00021']);
    expect(planJobs(papers, settings({ sources: { arxivApi: false, semanticScholar: false } }), NOW)).toEqual([]);
  });

  it('papers without an arXiv id plan nothing (no id either API is asked by)', () => {
    const doiOnly = makePaper({ id: '10.1145/3368089.3409741', doi: '10.1145/3368089.3409741', arxivId: null, source: 'dblp' });
    const s2Only = makePaper({ id: 's2:abc123', arxivId: null, source: 'semanticscholar' });
    expect(planJobs([doiOnly, s2Only], settings(), NOW)).toEqual([]);
    expect([needsMetadata(doiOnly, settings(), NOW), needsCitations(doiOnly, settings(), NOW)]).toEqual([false, false]);
  });

  it('one metadata and one citations job per paper, keyed by the paper id, in the papers\' order', () => {
    const old = listed('hep-th/9901001');
    expect(planJobs([listed('2401.00030'), old], settings(), NOW)).toEqual([
      { kind: 'metadata', paperId: '2401.00030' },
      { kind: 'citations', paperId: '2401.00030' },
      { kind: 'metadata', paperId: 'hep-th/9901001' },
      { kind: 'citations', paperId: 'hep-th/9901001' },
    ]);
  });

  it('each kind of job belongs to the source that answers it', () => {
    const noS2 = settings({ sources: { semanticScholar: false } });
    const noArxiv = settings({ sources: { arxivApi: false } });
    expect([sourceOn('metadata', noS2), sourceOn('citations', noS2)]).toEqual([true, false]);
    expect([sourceOn('metadata', noArxiv), sourceOn('citations', noArxiv)]).toEqual([false, true]);
  });

  it('nothing to plan for an empty profile', () => {
    expect(planJobs([], settings(), NOW)).toEqual([]);
  });
});
