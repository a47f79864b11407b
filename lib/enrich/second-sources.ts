/**
 * The optional sources: code links from the Hugging Face papers API (per paper) and OpenAlex's
 * author numbers as a second opinion (per author, by ORCID, with the user's own key).
 */
import { hfPaper } from '../sources/huggingface';
import type { HttpClient } from '../sources/http';
import { openAlexAuthor } from '../sources/openalex';
import type { Paper, ReportedMetric } from '../schema';
import type { JobRow, ScholarDb } from '../store/db';
import { replaceReported } from '../store/reported';

export async function fetchCodeLinks(db: ScholarDb, http: HttpClient, jobs: JobRow[], at: string): Promise<void> {
  const found = new Map<string, string[]>();
  for (const job of jobs) {
    const paper = await db.papers.get(job.paperId);
    if (paper?.arxivId) found.set(paper.id, (await hfPaper(http, paper.arxivId)).filter((l) => l.kind === 'code').map((l) => l.url));
  }
  await db.transaction('rw', [db.papers, db.jobs], async () => {
    const current = (await db.papers.bulkGet([...found.keys()])).filter((p): p is Paper => !!p);
    await db.papers.bulkPut(current.map((p) => ({ ...p, links: { ...p.links, code: [...new Set([...p.links.code, ...(found.get(p.id) ?? [])])] }, codeFetchedAt: at })));
    await db.jobs.bulkDelete(jobs.map((j) => j.key));
  });
}

export async function fetchOpenAlex(db: ScholarDb, http: HttpClient, job: JobRow, apiKey: string, at: string): Promise<void> {
  const row = await db.authors.get(job.paperId);
  const oa = row?.ids.orcid ? await openAlexAuthor(http, `orcid:${row.ids.orcid}`, apiKey) : null;
  await db.transaction('rw', [db.authors, db.jobs], async () => {
    const current = await db.authors.get(job.paperId);
    if (current) {
      const stated: [string, number | null][] = [['h', oa?.hIndex ?? null], ['i10', oa?.i10Index ?? null], ['citations', oa?.citedByCount ?? null], ['papers', oa?.worksCount ?? null]];
      const fresh: ReportedMetric[] = stated.flatMap(([metric, value]) => (value === null ? [] : [{ metric, value, source: 'openalex' as const, at: oa!.fetchedAt }]));
      await db.authors.put({
        ...current,
        ids: oa ? { ...current.ids, openalex: oa.id } : current.ids,
        reported: oa ? replaceReported(current.reported, fresh) : current.reported,
        openAlexCheckedAt: at,
      });
    }
    await db.jobs.delete(job.key);
  });
}
