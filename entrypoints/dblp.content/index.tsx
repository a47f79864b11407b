import { startPage } from '@/components/startPage';
import { DBLP_MATCHES } from '@/lib/permissions';
import { scrape } from '@/lib/sites/dblp-scrape';
import '@/components/card.css';

export default defineContentScript({
  matches: [...DBLP_MATCHES],
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  main: (ctx) => startPage(ctx, { parse: scrape, findAuthorAnchors: () => [] }),
});
