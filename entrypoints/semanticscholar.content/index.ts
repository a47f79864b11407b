import { contentRuntime } from '@/lib/content/runtime';
import { pageType, s2AuthorIdFromUrl, read } from '@/lib/sites/semanticscholar-scrape';

// The overlay, badges and messaging come from content-scripts/runtime.js, which runs first (lib/content/runtime.ts).
export default defineContentScript({
  // The whole site: it is an app, and an author page is most often reached from another of its pages.
  matches: ['https://www.semanticscholar.org/*'],
  runAt: 'document_idle',
  // The background reads the Graph API for the author the URL names.
  main: (ctx) => contentRuntime().startPage(ctx, { read, findAuthorAnchors: () => [], app: { pageType, authorOf: s2AuthorIdFromUrl } }),
});
