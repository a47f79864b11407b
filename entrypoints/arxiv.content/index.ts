import { contentRuntime } from '@/lib/content/runtime';
import { findAuthorAnchors, read } from '@/lib/sites/arxiv-scrape';

// The overlay, badges and messaging come from content-scripts/runtime.js, which runs first (lib/content/runtime.ts).
export default defineContentScript({
  matches: ['https://arxiv.org/*'],
  runAt: 'document_idle',
  main: (ctx) => contentRuntime().startPage(ctx, { read, findAuthorAnchors }),
});
