/**
 * Every write of a paper row stamps it with a new random revision, `rev`: a middleware below all
 * of Dexie, so no write path (ingest, enrichment, import, a watchlist check, an upgrade) can miss
 * it. A derivation cached from a set of papers (metric-columns.ts) then tells whether any of them
 * changed since it was built from their revisions alone, without reading their fields.
 *
 * Random rather than counted: a counter would have to survive the service worker being stopped
 * (or two could hand out the same number); a 53-bit random number repeats for one paper with
 * probability 2⁻⁵³ a write.
 */
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import type { Paper } from '../schema';

/** A paper as the `papers` table holds it. */
export type StoredPaper = Paper & { rev?: number };

export const newRev = (): number => Math.floor(Math.random() * 2 ** 53);

/** The papers as data, without the rows' stamps (for what leaves the store: profiles). */
export function withoutRevisions(papers: readonly StoredPaper[]): Paper[] {
  return papers.map((p) => {
    if (p.rev === undefined) return p;
    const { rev: _rev, ...paper } = p;
    return paper;
  });
}

/** The values of a put or add with a fresh `rev` each (copies: the caller's objects are left alone). */
function stamped(req: DBCoreMutateRequest): DBCoreMutateRequest {
  if (req.type !== 'put' && req.type !== 'add') return req;
  return { ...req, values: req.values.map((v: object) => ({ ...v, rev: newRev() })) };
}

export const paperRevisions: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'paper-revisions',
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      return name !== 'papers' ? table : { ...table, mutate: (req) => table.mutate(stamped(req)) };
    },
  }),
};
