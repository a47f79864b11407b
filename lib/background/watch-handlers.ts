/**
 * The background's answers to the watchlist, export and import messages, and the periodic check the
 * `alarms` API triggers. Browser side effects (action badge, notification, the storage.sync mirror)
 * come in as `WatchEffects`, so all of this runs in unit tests.
 */
import { exportProfile, FORMAT_INFO } from '../export/index';
import { exportFilename } from '../export/filename';
import type { Handlers } from '../messaging';
import type { WatchItem } from '../protocol';
import type { Settings } from '../settings';
import type { HttpClient } from '../sources/http';
import { backupText } from '../store/backup';
import type { ScholarDb } from '../store/db';
import { loadGroupProfile } from '../store/group-profile';
import { importBackup } from '../store/import';
import { profileForUrl } from '../store/lookup';
import { loadPageProfile } from '../store/profile';
import { notificationText, refreshWatchlist } from '../watchlist/refresh';
import type { RemovedEntry } from '../watchlist/merge';
import { badgeCount, badgeText, listWatchlist, markSeen, setNote, unwatchAuthor, watchAuthor } from '../watchlist/store';

export interface WatchEffects {
  setBadge: (text: string) => Promise<void>;
  /** Only called when the user turned notifications on. */
  notify: (title: string, message: string) => Promise<void>;
  /**
   * The watchlist changed here: mirror it to storage.sync (with the tombstone of an author just
   * removed). Resolves to a message for the user when not all of it is synced.
   */
  sync: (removed?: RemovedEntry) => Promise<string | null>;
}

export interface WatchDeps {
  db: ScholarDb;
  settings: () => Promise<Settings>;
  effects: WatchEffects;
  http?: HttpClient;
  now?: () => Date;
  /** A check stored new papers for these authors: queue their enrichment (citations, metadata). */
  onNewPapers?: (authorIds: string[]) => Promise<void>;
}

type WatchHandlers = Pick<Handlers, 'watch' | 'getWatchlist' | 'setWatchNote' | 'markSeen' | 'checkWatchlist' | 'exportData' | 'importBackup'>;

export function createWatchlist(deps: WatchDeps) {
  const { db, effects } = deps;
  const now = () => deps.now?.() ?? new Date();
  let syncMessage: string | null = null;

  async function updateBadge(): Promise<number> {
    const count = badgeCount(await listWatchlist(db));
    await effects.setBadge(badgeText(count));
    return count;
  }

  /** After any change of the list: badge and sync. A failing mirror never fails the user's action. */
  async function changed(removed?: RemovedEntry): Promise<number> {
    const count = await updateBadge();
    syncMessage = await effects.sync(removed).catch((e: unknown) => `Sync failed: ${e instanceof Error ? e.message : String(e)}`);
    return count;
  }

  /** What the alarm runs (and "Check now"): check every watched author, then badge and notification. */
  async function check() {
    const settings = await deps.settings();
    if (!deps.http) return { checked: 0, newPapers: 0, errors: 0 };
    const result = await refreshWatchlist(db, deps.http, { now: now(), settings });
    await updateBadge();
    if (result.found.length) await deps.onNewPapers?.(result.found.map((f) => f.authorId)).catch(() => {});
    const text = notificationText(result.found);
    if (text && settings.watchlist.notify) await effects.notify(text.title, text.message).catch(() => {});
    return { checked: result.checked, newPapers: result.newPapers, errors: result.errors };
  }

  async function item(entry: WatchItem['entry']): Promise<WatchItem> {
    const profile = await loadGroupProfile(db, entry.authorId);
    const m = profile?.metrics;
    return { entry, papers: m?.papers ?? 0, citations: m?.citations ?? null, h: m?.h ?? null, primaryCategory: m?.primaryCategory ?? null };
  }

  const handlers: WatchHandlers = {
    async watch({ authorId, watched }) {
      if (watched) {
        await watchAuthor(db, authorId, now());
        await changed();
      } else {
        await changed((await unwatchAuthor(db, authorId, now())) ?? undefined);
      }
      return { watched };
    },
    async getWatchlist() {
      const rows = await listWatchlist(db);
      const items: WatchItem[] = [];
      for (const row of rows) items.push(await item(row));
      return { items, newPapers: badgeCount(rows), sync: syncMessage };
    },
    async setWatchNote({ authorId, note }) {
      const entry = await setNote(db, authorId, note, now());
      await changed();
      return { entry };
    },
    async markSeen({ authorId }) {
      await markSeen(db, authorId, now());
      return { newPapers: await changed() };
    },
    checkWatchlist: () => check(),
    async exportData({ format, authorId, url, watchlist }) {
      const at = now();
      if (watchlist) {
        const rows = await listWatchlist(db);
        const ids = rows.map((r) => r.authorId);
        // The whole watchlist as JSON is a backup: profiles, papers and the watchlist itself.
        if (format === 'json') {
          const text = await backupText(db, { now: at, authorIds: ids });
          return { filename: exportFilename([], FORMAT_INFO.json.ext, at, true), mime: FORMAT_INFO.json.mime, text };
        }
        const profiles = [];
        for (const id of ids) {
          const p = await loadGroupProfile(db, id);
          if (p) profiles.push(p);
        }
        const { filename, mime, text } = exportProfile(format, profiles, { now: at });
        return { filename, mime, text };
      }
      const profile = authorId ? await loadGroupProfile(db, authorId) : url ? (await loadPageProfile(db, url)) ?? (await profileForUrl(db, url)) : null;
      if (!profile) throw new Error('nothing cached to export for this page');
      const { filename, mime, text } = exportProfile(format, profile, { now: at });
      return { filename, mime, text };
    },
    async importBackup({ text }) {
      const result = await importBackup(db, text, now());
      if (!result.ok) return { ok: false, message: `Nothing was imported: ${result.error}` };
      await changed();
      return { ok: true, message: `Imported ${result.profiles} profiles, ${result.papers} papers and ${result.watchlist} watched authors.` };
    },
  };
  /** The list changed elsewhere (another browser, through sync): only the badge needs redoing. */
  return { handlers, check, updateBadge, changed };
}
