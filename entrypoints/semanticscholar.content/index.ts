import { contentRuntime } from '@/lib/content/runtime';
import { scrape } from '@/lib/sites/semanticscholar-scrape';

// The overlay, badges and messaging come from content-scripts/runtime.js, which runs first (lib/content/runtime.ts).
export default defineContentScript({
  matches: ['https://www.semanticscholar.org/author/*'],
  runAt: 'document_idle',
  // The page is an app: the background reads the Graph API for the author the URL names.
  main: (ctx) => contentRuntime().startPage(ctx, { read: scrape, findAuthorAnchors: () => [], remote: true }),
});
