import { contentRuntime } from '@/lib/content/runtime';
import { scrape } from '@/lib/sites/openreview-scrape';

// The overlay, badges and messaging come from content-scripts/runtime.js, which runs first (lib/content/runtime.ts).
export default defineContentScript({
  matches: ['https://openreview.net/profile*'],
  runAt: 'document_idle',
  // The page is an app: the background reads the OpenReview API for the profile the URL names.
  main: (ctx) => contentRuntime().startPage(ctx, { read: scrape, findAuthorAnchors: () => [], remote: true }),
});
