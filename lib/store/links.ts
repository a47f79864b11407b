/**
 * One person across sites. After a profile page is stored, its author is compared with the cached
 * authors of other sources; a link is made only on evidence (a shared external id, or at least two
 * shared papers with fitting names — never a name alone). Profiles are then read as the whole
 * group; the user can unlink a wrong match, and an unlinked pair is never linked again.
 */
import { linkEvidence, type Evidence } from '../identity/evidence';
import type { Author } from '../schema';
import type { AuthorRow, LinkRow, ScholarDb } from './db';
import { papersOfAuthor } from './profile';

export const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
export const sourceOf = (authorId: string) => authorId.slice(0, authorId.indexOf(':'));

export function describeEvidence(e: Evidence): string {
  return e.kind === 'external-id' ? `shared ${e.key} ${e.value}` : `${e.count} shared papers (${e.examples.slice(0, 3).join(', ')})`;
}

const toAuthor = (r: AuthorRow): Author => ({ id: r.id, name: r.name, ids: r.ids, affiliations: r.affiliations, url: r.url });

/** Compare one author with every cached author of another source; store the links found. Returns how many are new. */
export async function detectLinks(db: ScholarDb, authorId: string, now = new Date()): Promise<number> {
  const me = await db.authors.get(authorId);
  if (!me) return 0;
  const mine = { author: toAuthor(me), papers: await papersOfAuthor(db, authorId) };
  const others = (await db.authors.toArray()).filter((o) => sourceOf(o.id) !== sourceOf(authorId));
  const found: LinkRow[] = [];
  for (const other of others) {
    const key = pairKey(authorId, other.id);
    if (await db.links.get(key)) continue;
    const evidence = linkEvidence(mine, { author: toAuthor(other), papers: await papersOfAuthor(db, other.id) });
    if (evidence) {
      const [a, b] = key.split('|') as [string, string];
      found.push({ key, a, b, evidence: describeEvidence(evidence), createdAt: now.toISOString(), unlinked: false });
    }
  }
  // The comparison above reads outside a transaction; the user may have unlinked a pair meanwhile.
  // Only pairs still without a row are written, so an "unlinked" decision is never overwritten.
  return db.transaction('rw', db.links, async () => {
    const existing = await db.links.bulkGet(found.map((f) => f.key));
    const fresh = found.filter((_, i) => !existing[i]);
    await db.links.bulkAdd(fresh);
    return fresh.length;
  });
}

async function linksOf(db: ScholarDb, id: string): Promise<LinkRow[]> {
  return [...(await db.links.where('a').equals(id).toArray()), ...(await db.links.where('b').equals(id).toArray())];
}

/** The records linked to this one, transitively (breadth-first over links the user has not undone). */
export async function linkedGroup(db: ScholarDb, authorId: string): Promise<{ id: string; evidence: string }[]> {
  // Records the user told apart from this one stay out, even when reachable through a third.
  const apart = new Set((await linksOf(db, authorId)).filter((r) => r.unlinked).map((r) => (r.a === authorId ? r.b : r.a)));
  const seen = new Map<string, string>([[authorId, '']]);
  const queue = [authorId];
  while (queue.length) {
    const id = queue.shift()!;
    for (const r of await linksOf(db, id)) {
      if (r.unlinked) continue;
      const other = r.a === id ? r.b : r.a;
      if (!seen.has(other) && !apart.has(other)) {
        seen.set(other, r.evidence);
        queue.push(other);
      }
    }
  }
  seen.delete(authorId);
  return [...seen.entries()].map(([id, evidence]) => ({ id, evidence }));
}

/** The user says two records are different people. */
export async function unlinkAuthors(db: ScholarDb, a: string, b: string, now = new Date()): Promise<void> {
  const key = pairKey(a, b);
  const [x, y] = key.split('|') as [string, string];
  const old = await db.links.get(key);
  await db.links.put({ key, a: x, b: y, evidence: old?.evidence ?? 'unlinked by the user', createdAt: old?.createdAt ?? now.toISOString(), unlinked: true });
}
