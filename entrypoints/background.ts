import { createHandlers } from '@/lib/background/handlers';
import { Enricher } from '@/lib/enrich/runner';
import { dispatch, isTrustedSender } from '@/lib/messaging';
import { readSettings, SETTINGS_KEY } from '@/lib/settings';
import { createHttpClient } from '@/lib/sources/http';
import { ScholarDb } from '@/lib/store/db';

export default defineBackground(() => {
  const db = new ScholarDb();
  const settings = async () => readSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
  const http = createHttpClient({ logger: console });
  const enricher = new Enricher({ db, http, settings });
  const handlers = createHandlers(db, { enricher, settings, http });
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isTrustedSender(sender, browser.runtime.id)) {
      return Promise.resolve({ ok: false, error: { code: 'forbidden_sender', message: 'sender is not this extension' } });
    }
    return dispatch(message, handlers);
  });
  // The worker may have been stopped mid-run: pick up the jobs it left in the database.
  void enricher.kick();
});
