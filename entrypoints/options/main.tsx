import { render } from 'preact';
import { OptionsApp } from '@/components/OptionsApp';
import { request } from '@/lib/messaging';
import { readSettings, SETTINGS_KEY, type Settings } from '@/lib/settings';
import '@/components/card.css';
import './options.css';

const send = (m: unknown) => browser.runtime.sendMessage(m);

render(
  <OptionsApp deps={{
    load: async () => readSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]),
    save: async (s: Settings) => browser.storage.local.set({ [SETTINGS_KEY]: s }),
    clearCache: () => request(send, 'clearCache', {}),
    importBackup: (text: string) => request(send, 'importBackup', { text }),
    allowNotifications: () => browser.permissions.request({ permissions: ['notifications'] }),
  }} />,
  document.getElementById('app')!,
);
