import { render } from 'preact';
import { PopupApp } from '@/components/PopupApp';
import { request } from '@/lib/messaging';
import './popup.css';
import '@/components/card.css';

const send = (m: unknown) => browser.runtime.sendMessage(m);

async function load({ refresh }: { refresh: boolean }) {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  // Tests and the demo open the popup as a page; `?url=` names the page it would have been opened on.
  const url = new URLSearchParams(location.search).get('url') ?? tab?.url;
  const { profile } = await request(send, 'getProfile', url ? { url, refresh } : { refresh });
  return profile;
}

async function unlink(authorId: string, otherId: string) {
  return (await request(send, 'unlinkAuthors', { authorId, otherId })).profile;
}

render(<PopupApp load={load} unlink={unlink} />, document.getElementById('app')!);
