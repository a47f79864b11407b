/**
 * OpenAlex author entity (`https://api.openalex.org/authors/<id>`): the summary stats OpenAlex
 * computes (h-index, i10-index, 2-year mean citedness), totals and per-year counts. The schema is
 * checked against the recorded entity in the shared fixtures; other fields are tolerated.
 */
import { z } from 'zod';
import { HttpError, type HttpClient } from './http';

export const OPENALEX_API = 'https://api.openalex.org';

const count = z.number().int().nonnegative();

export const OpenAlexAuthorSchema = z.looseObject({
  id: z.string(),
  display_name: z.string().nullish(),
  orcid: z.string().nullish(),
  works_count: count,
  cited_by_count: count,
  summary_stats: z
    .looseObject({
      '2yr_mean_citedness': z.number().nullish(),
      h_index: count.nullish(),
      i10_index: count.nullish(),
    })
    .nullish(),
  counts_by_year: z
    .array(z.looseObject({ year: z.number().int(), works_count: count.nullish(), cited_by_count: count.nullish() }))
    .nullish(),
  last_known_institutions: z.array(z.looseObject({ display_name: z.string().nullish() })).nullish(),
  works_api_url: z.string().nullish(),
  updated_date: z.string().nullish(),
});
export type OpenAlexAuthorEntity = z.infer<typeof OpenAlexAuthorSchema>;

export interface OpenAlexAuthor {
  /** Short id, `A5023888391`. */
  id: string;
  name: string | null;
  orcid: string | null;
  worksCount: number;
  citedByCount: number;
  hIndex: number | null;
  i10Index: number | null;
  twoYearMeanCitedness: number | null;
  /** Oldest year first. OpenAlex only reports the last ~10 years. */
  countsByYear: { year: number; works: number; citations: number }[];
  institutions: string[];
  fetchedAt: string;
}

/** `https://openalex.org/A5023888391`, `a5023888391` → `A5023888391`; null when not an author id. */
export function openAlexAuthorId(id: string): string | null {
  const m = /(?:^|\/)(A\d+)\/?$/i.exec(id.trim());
  return m?.[1] ? m[1].toUpperCase() : null;
}

/** `orcid:0000-0002-1825-0097` or an orcid.org URL → OpenAlex's `orcid:` author key; null otherwise. */
export function orcidAuthorKey(id: string): string | null {
  const m = /^(?:orcid:|https?:\/\/orcid\.org\/)?(\d{4}-\d{4}-\d{4}-\d{3}[\dX])$/i.exec(id.trim());
  return m?.[1] ? `orcid:${m[1].toUpperCase()}` : null;
}

/** One OpenAlex author, by OpenAlex id or by ORCID; null on 404 or when `id` is neither. */
export async function openAlexAuthor(
  http: HttpClient,
  id: string,
  apiKey?: string | null,
  opts?: { now?: () => Date },
): Promise<OpenAlexAuthor | null> {
  const short = openAlexAuthorId(id) ?? orcidAuthorKey(id);
  if (!short) return null;
  const url = `${OPENALEX_API}/authors/${short}${apiKey ? `?api_key=${encodeURIComponent(apiKey)}` : ''}`;
  let a: OpenAlexAuthorEntity;
  try {
    a = await http.getJson(url, OpenAlexAuthorSchema);
  } catch (e) {
    if (e instanceof HttpError && e.status === 404) return null;
    throw e;
  }
  return {
    id: openAlexAuthorId(a.id) ?? short,
    name: a.display_name ?? null,
    orcid: a.orcid ?? null,
    worksCount: a.works_count,
    citedByCount: a.cited_by_count,
    hIndex: a.summary_stats?.h_index ?? null,
    i10Index: a.summary_stats?.i10_index ?? null,
    twoYearMeanCitedness: a.summary_stats?.['2yr_mean_citedness'] ?? null,
    countsByYear: (a.counts_by_year ?? [])
      .map((c) => ({ year: c.year, works: c.works_count ?? 0, citations: c.cited_by_count ?? 0 }))
      .sort((x, y) => x.year - y.year),
    institutions: (a.last_known_institutions ?? []).flatMap((i) => (i.display_name ? [i.display_name] : [])),
    fetchedAt: (opts?.now?.() ?? new Date()).toISOString(),
  };
}
