import { createHandlers } from '@/lib/background/handlers';
import { dispatch, isTrustedSender } from '@/lib/messaging';
import { ScholarDb } from '@/lib/store/db';

export default defineBackground(() => {
  const db = new ScholarDb();
  const handlers = createHandlers(db);
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isTrustedSender(sender, browser.runtime.id)) {
      return Promise.resolve({ ok: false, error: { code: 'forbidden_sender', message: 'sender is not this extension' } });
    }
    return dispatch(message, handlers);
  });
});
