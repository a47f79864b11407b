import { contentRuntime } from '@/lib/content/runtime';
import { DBLP_MATCHES } from '@/lib/permissions';
import { read } from '@/lib/sites/dblp-scrape';

// The overlay, badges and messaging come from content-scripts/runtime.js, which runs first (lib/content/runtime.ts).
export default defineContentScript({
  matches: [...DBLP_MATCHES],
  runAt: 'document_idle',
  main: (ctx) => contentRuntime().startPage(ctx, { read, findAuthorAnchors: () => [] }),
});
