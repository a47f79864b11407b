import { startPage } from '@/components/startPage';
import { SCHOLAR_MATCHES } from '@/lib/permissions';
import { scrape } from '@/lib/sites/gscholar-scrape';
import '@/components/card.css';

export default defineContentScript({
  matches: [...SCHOLAR_MATCHES],
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  // Only the page in front of the user is read: "Show more" is never clicked on their behalf.
  main: (ctx) => startPage(ctx, { parse: scrape, findAuthorAnchors: () => [] }),
});
