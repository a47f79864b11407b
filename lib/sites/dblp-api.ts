/**
 * The DBLP publication search API, JSON format (`dblp.org/search/publ/api?q=…&format=json`).
 *
 * DBLP's JSON is a transliteration of its XML: numbers are strings (`"@total": "112"`), and a list
 * of one (`authors.author`, `ee`, `venue`) may come as the single value instead of an array; both
 * are accepted. Unknown fields are tolerated. A reply without `hits.hit` is a search with no results.
 */
import { z } from 'zod';
import { ParseOutcome } from '../schema';
import { collapse } from './arxiv-html';
import { type DblpDraft, authorRefsOf, draftToPaper, isPid, mergeById, toUrl, yearOf, isDblpHost } from './dblp-record';

const SITE = 'dblp';

const Scalar = z.union([z.string(), z.number()]).transform((v) => String(v));

function oneOrMany<T extends z.ZodType>(item: T) {
  return z.union([z.array(item), item]).transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[]);
}

const ApiAuthor = z.union([
  z.string().transform((text) => ({ text, pid: null as string | null })),
  z.looseObject({ '@pid': Scalar.optional(), text: Scalar }).transform((a) => ({ text: a.text, pid: a['@pid'] ?? null })),
]);

export const DblpApiInfo = z.looseObject({
  authors: z.looseObject({ author: oneOrMany(ApiAuthor) }).nullish(),
  title: Scalar.nullish(),
  venue: oneOrMany(Scalar).nullish(),
  volume: Scalar.nullish(),
  number: Scalar.nullish(),
  pages: Scalar.nullish(),
  year: Scalar.nullish(),
  type: Scalar.nullish(),
  key: Scalar.nullish(),
  doi: Scalar.nullish(),
  ee: oneOrMany(Scalar).nullish(),
  url: Scalar.nullish(),
});

export const DblpApiHit = z.looseObject({ '@id': Scalar.nullish(), info: DblpApiInfo });

export const DblpPublSearch = z.looseObject({
  result: z.looseObject({
    query: Scalar.nullish(),
    status: z.looseObject({ '@code': Scalar.nullish(), text: Scalar.nullish() }).nullish(),
    hits: z.looseObject({
      '@total': Scalar.nullish(),
      '@first': Scalar.nullish(),
      hit: oneOrMany(DblpApiHit).nullish(),
    }),
  }),
});
export type DblpPublSearch = z.infer<typeof DblpPublSearch>;

/** `dblp.org/search/publ/api` (any mirror). */
export function isDblpPublSearchApiUrl(url: string): boolean {
  const u = toUrl(url);
  return isDblpHost(u) && /^\/search\/publ\/api\/?$/.test(u.pathname);
}

function unrecognised(url: string, reason: string): ParseOutcome {
  return { ok: false, site: SITE, url: String(url), reason };
}

function typeOf(type: string | null | undefined): string | null {
  switch (type) {
    case 'Journal Articles': return 'article';
    case 'Conference and Workshop Papers': return 'inproceedings';
    case 'Informal and Other Publications': case 'Informal Publications': return 'informal';
    case 'Parts in Books or Collections': return 'incollection';
    case 'Books and Theses': return 'book';
    case 'Editorship': return 'proceedings';
    default: return type ?? null;
  }
}

function hitDraft(info: z.infer<typeof DblpApiInfo>): DblpDraft {
  const type = typeOf(info.type);
  return {
    key: info.key ?? null,
    type,
    title: collapse(info.title),
    authors: (info.authors?.author ?? []).map((a) => ({ name: collapse(a.text), pid: isPid(a.pid) ? a.pid : null })).filter((a) => a.name !== ''),
    year: yearOf(info.year),
    venue: info.venue?.map(collapse).filter(Boolean).join(', ') || null,
    volume: info.volume ?? null,
    number: info.number ?? null,
    pages: info.pages ?? null,
    ees: info.ee ?? [],
    doi: info.doi ?? null,
  };
}

/**
 * A publication search reply as a 'search' ScrapeResult: papers in hit order, `total` DBLP's
 * `@total` (all matches, not only those sent), `title` the query (`q` of the URL, else the reply's
 * own expanded query). Never throws.
 */
export function parseDblpSearchJson(json: string | unknown, url: string, now: Date = new Date()): ParseOutcome {
  try {
    let data: unknown = json;
    if (typeof json === 'string') {
      try {
        data = JSON.parse(json);
      } catch (e) {
        return unrecognised(url, `not JSON: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    const parsed = DblpPublSearch.safeParse(data);
    if (!parsed.success) {
      return unrecognised(url, `not a DBLP publication search reply: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    const { result } = parsed.data;
    const code = result.status?.['@code'];
    if (code && code !== '200') return unrecognised(url, `DBLP search status ${code} ${result.status?.text ?? ''}`.trim());
    const fetchedAt = now.toISOString();
    const drafts = (result.hits.hit ?? []).map((h) => hitDraft(h.info));
    const untitled = drafts.findIndex((d) => d.title === '');
    if (untitled >= 0) return unrecognised(url, `hit ${untitled + 1} has no title`);
    const papers = mergeById(drafts.map((d) => draftToPaper(d, fetchedAt)));
    const total = result.hits['@total'];
    const q = collapse(toUrl(url)?.searchParams.get('q')) || collapse(result.query) || null;
    const checked = ParseOutcome.safeParse({
      ok: true, site: SITE, pageType: 'search', url: String(url), author: null, authors: authorRefsOf(papers), papers,
      total: total && /^\d+$/.test(total) ? Number(total) : null, title: q, scrapedAt: fetchedAt,
    });
    if (!checked.success) return unrecognised(url, `output failed validation: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return checked.data;
  } catch (e) {
    return unrecognised(url, `parser error: ${e instanceof Error ? e.message : String(e)}`);
  }
}
