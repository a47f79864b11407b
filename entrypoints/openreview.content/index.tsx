import { startPage } from '@/components/startPage';
import { scrape } from '@/lib/sites/openreview-scrape';
import '@/components/card.css';

export default defineContentScript({
  matches: ['https://openreview.net/profile*'],
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  // The page is an app: the background reads the OpenReview API for the profile the URL names.
  main: (ctx) => startPage(ctx, { parse: scrape, findAuthorAnchors: () => [], remote: true }),
});
