/**
 * Faults for the eviction and concurrency tests: a ScholarDb whose writes go through a hook
 * (`dbWithMutateHook`), and a transaction aborted at commit (as a browser does when the disk quota
 * is hit) simulated in fake-indexeddb. Relies on fake-indexeddb internals
 * (`_start`, `_requests`, `_abort`) and says so clearly if they change.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTransaction } from 'dexie';
import { ScholarDb } from '../lib/store/db';

export interface AbortableTransaction {
  _start(): void;
  _requests: unknown[];
  _state: string;
  _abort(name: string | null): void;
  __hooked?: boolean;
  /** Set after a request: the commit is turned into an abort with this error name. */
  __abortAtCommit?: string;
}

/** Wrap the transaction's `_start` (queued, bound, after every request) so its commit can be turned into an abort. */
export function hookCommit(trans: DBCoreTransaction): AbortableTransaction {
  const tx = trans as unknown as AbortableTransaction;
  if (typeof tx._start !== 'function' || typeof tx._abort !== 'function' || !Array.isArray(tx._requests)) {
    throw new Error('fake-indexeddb internals changed: cannot simulate an abort at commit');
  }
  if (!tx.__hooked) {
    tx.__hooked = true;
    const start = tx._start;
    tx._start = function (this: AbortableTransaction) {
      if (this.__abortAtCommit && this._requests.length === 0 && this._state !== 'finished') return this._abort(this.__abortAtCommit);
      return start.call(this);
    };
  }
  return tx;
}

/** What a write hook is given: the table, the request, the write itself, and the layer below (to read in the same transaction). */
export type MutateHook = (table: string, req: DBCoreMutateRequest, write: () => Promise<DBCoreMutateResponse>, down: DBCore) => Promise<DBCoreMutateResponse>;

/** A ScholarDb (not opened) whose every write, to every table, goes through `hook`. */
export function dbWithMutateHook(name: string, hook: MutateHook): ScholarDb {
  const db = new ScholarDb(name);
  db.use({
    stack: 'dbcore',
    name: 'test-fault',
    create: (down) => ({
      ...down,
      table: (tableName) => {
        const t = down.table(tableName);
        return { ...t, mutate: (req) => hook(tableName, req, () => t.mutate(req), down) };
      },
    }),
  });
  return db;
}
