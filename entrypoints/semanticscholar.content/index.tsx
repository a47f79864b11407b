import { startPage } from '@/components/startPage';
import { scrape } from '@/lib/sites/semanticscholar-scrape';
import '@/components/card.css';

export default defineContentScript({
  matches: ['https://www.semanticscholar.org/author/*'],
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  // The page is an app: the background reads the Graph API for the author the URL names.
  main: (ctx) => startPage(ctx, { parse: scrape, findAuthorAnchors: () => [], remote: true }),
});
