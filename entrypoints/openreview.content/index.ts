import { contentRuntime } from '@/lib/content/runtime';
import { openReviewIdFromUrl, pageType, read } from '@/lib/sites/openreview-scrape';

// The overlay, badges and messaging come from content-scripts/runtime.js, which runs first (lib/content/runtime.ts).
export default defineContentScript({
  // The whole site: it is an app, and a profile is most often reached from another of its pages.
  matches: ['https://openreview.net/*'],
  runAt: 'document_idle',
  // The background reads the OpenReview API for the profile the URL names.
  main: (ctx) => contentRuntime().startPage(ctx, { read, findAuthorAnchors: () => [], app: { pageType, authorOf: openReviewIdFromUrl } }),
});
