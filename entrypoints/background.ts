import { createHandlers } from '@/lib/background/handlers';
import { Enricher } from '@/lib/enrich/runner';
import { dispatch, isTrustedSender } from '@/lib/messaging';
import { readSettings, SETTINGS_KEY } from '@/lib/settings';
import { createHttpClient } from '@/lib/sources/http';
import { ScholarDb } from '@/lib/store/db';
import { combineNotices, EVICTION_NOTICE_KEY, EvictionNotice } from '@/lib/store/evict';
import { hasDueJobs } from '@/lib/enrich/queue';
import { CHECK_ALARM, checkAlarmPlan, RETRY_ALARM, RETRY_MINUTES } from '@/lib/watchlist/alarm';
import { loadRemovals, recordRemoval } from '@/lib/watchlist/removals';
import { badgeCount, badgeText, listWatchlist } from '@/lib/watchlist/store';
import { onSyncChanged, syncWatchlist } from '@/lib/watchlist/sync';

// An ES module (Chrome: a module service worker; Firefox: module background scripts, since 112, our
// minimum is 115): WXT then builds it together with the popup and options pages, and what they share
// — Zod, the schemas, the protocol, the polyfill — is one chunk instead of a copy in each (~30 KB of
// the zip). A module worker cannot `import()` (nothing here does) and has no DOM: nothing it imports
// may touch the DOM at load (the e2e tests start it).
export default defineBackground({ type: 'module', main: () => {
  const db = new ScholarDb();
  const settings = async () => readSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
  const http = createHttpClient({ logger: console });
  const enricher = new Enricher({ db, http, settings });
  const { local, sync } = browser.storage;
  // One sync at a time: two overlapping pull+push rounds could each push what the other has not merged.
  let syncing: Promise<unknown> = Promise.resolve();
  const serialSync = <T>(run: () => Promise<T>): Promise<T> => {
    const next = syncing.then(run, run);
    syncing = next.catch(() => {});
    return next;
  };
  const handlers = createHandlers(db, { enricher, settings, http }, {
    setBadge: async (text) => {
      await browser.action.setBadgeText({ text });
      if (text) await browser.action.setBadgeBackgroundColor({ color: '#b31b1b' });
    },
    notify: async (title, message) => {
      if (!(await browser.permissions.contains({ permissions: ['notifications'] }))) return;
      await browser.notifications.create('scholar-lens-new-papers', { type: 'basic', title, message, iconUrl: browser.runtime.getURL('/icon/128.png') });
    },
    recordEviction: async (notice) => {
      const old = EvictionNotice.safeParse((await local.get(EVICTION_NOTICE_KEY))[EVICTION_NOTICE_KEY]);
      await local.set({ [EVICTION_NOTICE_KEY]: combineNotices(old.success ? old.data : null, notice) });
    },
    sync: (removed) => serialSync(async () => {
      const now = new Date();
      if (removed) await recordRemoval(local, removed, now);
      return (await syncWatchlist(db, sync, local, now)).message;
    }),
  });
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isTrustedSender(sender, browser.runtime.id)) {
      return Promise.resolve({ ok: false, error: { code: 'forbidden_sender', message: 'sender is not this extension' } });
    }
    return dispatch(message, handlers);
  });

  // The periodic check for new papers of watched authors, at the period the user set.
  async function scheduleCheck(): Promise<void> {
    const plan = checkAlarmPlan(await settings(), await browser.alarms.get(CHECK_ALARM), Date.now());
    if (plan) await browser.alarms.create(CHECK_ALARM, plan);
  }
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === CHECK_ALARM) void handlers.checkWatchlist({}).catch((e: unknown) => console.warn('watchlist check failed', e));
    if (alarm.name === RETRY_ALARM) void hasDueJobs(db, Date.now()).then((due) => { if (due && !enricher.running) void enricher.kick(); });
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) void scheduleCheck();
    if (area === 'sync') {
      void (async () => {
        const now = new Date();
        const pulled = await serialSync(async () => onSyncChanged(db, changes, now, await loadRemovals(local, now)));
        if (pulled.diverged.length) await serialSync(() => syncWatchlist(db, sync, local, now));
        // Another browser's "seen" clears new papers here too (a count of rows: no profile is loaded).
        await browser.action.setBadgeText({ text: badgeText(badgeCount(await listWatchlist(db))) });
      })().catch((e: unknown) => console.warn('watchlist sync failed', e));
    }
  });
  void scheduleCheck();
  void browser.alarms.create(RETRY_ALARM, { periodInMinutes: RETRY_MINUTES });
  void serialSync(() => syncWatchlist(db, sync, local, new Date())).catch((e: unknown) => console.warn('watchlist sync failed', e));
  // The worker may have been stopped mid-run: pick up the jobs it left in the database.
  void enricher.kick();
} });
