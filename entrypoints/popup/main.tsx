import { render } from 'preact';
import { PopupApp, type PopupWatchDeps } from '@/components/PopupApp';
import { request } from '@/lib/messaging';
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

const watch: PopupWatchDeps = {
  loadAuthor: async (authorId, { refresh }) => (await request(send, 'getProfile', { authorId, refresh })).profile,
  toggle: async (authorId, watched) => (await request(send, 'watch', { authorId, watched })).watched,
  markSeen: async (authorId) => void (await request(send, 'markSeen', { authorId })),
  exportProfile: async (format, profile) =>
    request(send, 'exportData', profile.author ? { format, authorId: profile.author.id } : { format, url: await pageUrl() }),
  list: () => request(send, 'getWatchlist', {}),
  setNote: async (authorId, note) => void (await request(send, 'setWatchNote', { authorId, note })),
  unwatch: async (authorId) => void (await request(send, 'watch', { authorId, watched: false })),
  check: () => request(send, 'checkWatchlist', {}),
  exportAll: (format) => request(send, 'exportData', { format, watchlist: true }),
};

// The tab label's "N new" comes from the same answer the Watchlist tab reads.
void request(send, 'getWatchlist', {}).then(
  ({ newPapers }) => render(<PopupApp load={load} unlink={unlink} watch={{ ...watch, newPapers }} />, document.getElementById('app')!),
  () => render(<PopupApp load={load} unlink={unlink} watch={watch} />, document.getElementById('app')!),
);
