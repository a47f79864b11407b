import { contentRuntime } from '@/lib/content/runtime';
import { SCHOLAR_MATCHES } from '@/lib/permissions';
import { read } from '@/lib/sites/gscholar-scrape';

// The overlay, badges and messaging come from content-scripts/runtime.js, which runs first (lib/content/runtime.ts).
export default defineContentScript({
  matches: [...SCHOLAR_MATCHES],
  runAt: 'document_idle',
  // Only the page in front of the user is read: "Show more" is never clicked on their behalf.
  main: (ctx) => contentRuntime().startPage(ctx, { read, findAuthorAnchors: () => [] }),
});
