import { startPage } from '@/components/startPage';
import { findAuthorAnchors, scrape } from '@/lib/sites/arxiv-scrape';
import '@/components/card.css';

export default defineContentScript({
  matches: ['https://arxiv.org/*'],
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  main: (ctx) => startPage(ctx, { parse: scrape, findAuthorAnchors }),
});
