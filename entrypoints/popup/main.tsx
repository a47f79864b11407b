import { render } from 'preact';
import { PopupApp, type PopupWatchDeps } from '@/components/PopupApp';
import { StorageNotice } from '@/components/StorageNotice';
import { request } from '@/lib/messaging';
import { EVICTION_NOTICE_KEY, EvictionNotice, formatEvictionNotice } from '@/lib/store/eviction-notice';
import './popup.css';
import '@/components/card.css';

const send = (m: unknown) => browser.runtime.sendMessage(m);

/** Tests and the demo open the popup as a page; `?url=` names the page it would have been opened on. */
async function pageUrl(): Promise<string | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return new URLSearchParams(location.search).get('url') ?? tab?.url;
}

async function load({ refresh }: { refresh: boolean }) {
  const url = await pageUrl();
  return (await request(send, 'getProfile', url ? { url, refresh } : { refresh })).profile;
}

async function unlink(authorId: string, otherId: string) {
  return (await request(send, 'unlinkAuthors', { authorId, otherId })).profile;
}

let firstList: ReturnType<typeof request<'getWatchlist'>> | null = request(send, 'getWatchlist', {});
/** A change to the list makes that first answer stale. */
const changes = <A extends unknown[], R>(f: (...args: A) => Promise<R>) => (...args: A) => {
  firstList = null;
  return f(...args);
};

const watch: PopupWatchDeps = {
  loadAuthor: async (authorId, { refresh }) => (await request(send, 'getProfile', { authorId, refresh })).profile,
  toggle: changes(async (authorId, watched) => (await request(send, 'watch', { authorId, watched })).watched),
  markSeen: changes(async (authorId) => void (await request(send, 'markSeen', { authorId }))),
  exportProfile: async (format, profile) =>
    request(send, 'exportData', profile.author ? { format, authorId: profile.author.id } : { format, url: await pageUrl() }),
  // The first answer (fetched at start for the tab label) serves the tab's first load too.
  list: () => {
    const answer = firstList ?? request(send, 'getWatchlist', {});
    firstList = null;
    return answer;
  },
  setNote: changes(async (authorId, note) => void (await request(send, 'setWatchNote', { authorId, note }))),
  unwatch: changes(async (authorId) => void (await request(send, 'watch', { authorId, watched: false }))),
  check: () => request(send, 'checkWatchlist', {}),
  exportAll: (format) => request(send, 'exportData', { format, watchlist: true }),
};

async function start() {
  // The tab label's "N new" comes from the same answer the Watchlist tab reads.
  const newPapers = await (firstList ?? request(send, 'getWatchlist', {})).then((r) => r.newPapers, () => 0);
  const stored = EvictionNotice.safeParse((await browser.storage.local.get(EVICTION_NOTICE_KEY))[EVICTION_NOTICE_KEY]);
  render(
    <>
      {stored.success && <StorageNotice text={formatEvictionNotice(stored.data)} onDismiss={() => void browser.storage.local.remove(EVICTION_NOTICE_KEY)} />}
      <PopupApp load={load} unlink={unlink} watch={{ ...watch, newPapers }} />
    </>,
    document.getElementById('app')!,
  );
}
void start();
