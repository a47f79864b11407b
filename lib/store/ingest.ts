/**
 * Writing a scraped page into the database: papers merged by id (a second visit updates, never
 * duplicates), the page's author upserted and linked to the page's papers, and the view
 * remembered, all in one transaction so a stopped worker leaves nothing half-written.
 */
import { authorFromRef } from '../authors';
import { normaliseName } from '../sites/arxiv';
import type { ScrapeResult } from '../schema';
import type { ScholarDb } from './db';
import { mergePaper } from './merge';
import { replaceReported } from './reported';

export interface IngestResult { authorId: string | null; stored: number }

export async function ingestScrape(db: ScholarDb, scrape: ScrapeResult, now = new Date()): Promise<IngestResult> {
  const at = now.toISOString();
  // Only author pages and author searches are about one person; other pages just feed the paper cache.
  const subject = scrape.author ? authorFromRef(scrape.author, scrape.authors, scrape.site, scrape.affiliations ?? []) : null;
  const authorId = subject?.id ?? null;
  const papers = [...new Map(scrape.papers.map((p) => [p.id, p])).values()];
  await db.transaction('rw', [db.papers, db.authors, db.authorPapers, db.views], async () => {
    const old = await db.papers.bulkGet(papers.map((p) => p.id));
    await db.papers.bulkPut(papers.map((p, i) => mergePaper(old[i], p)));
    if (subject && authorId) {
      const existing = await db.authors.get(authorId);
      await db.authors.put({
        // Fields the enrichment runner wrote (identityCheckedAt, openAlexCheckedAt) stay: without
        // them every visit would ask Semantic Scholar and OpenAlex again, TTL or not.
        ...existing,
        ...subject,
        nameKey: normaliseName(subject.name),
        ids: { ...existing?.ids, ...subject.ids },
        affiliations: subject.affiliations.length ? subject.affiliations : existing?.affiliations ?? [],
        // What this page states replaces what the same source stated before; other sources' values stay.
        reported: replaceReported(existing?.reported, scrape.reported ?? []),
        url: subject.url ?? scrape.url,
        firstSeenAt: existing?.firstSeenAt ?? at,
        viewedAt: at,
      });
      await db.authorPapers.bulkPut(papers.map((p) => ({ authorId, paperId: p.id, seenAt: at })));
    }
    await db.views.put({ url: scrape.url, authorId, paperIds: papers.map((p) => p.id), title: scrape.title, at });
  });
  return { authorId, stored: papers.length };
}
