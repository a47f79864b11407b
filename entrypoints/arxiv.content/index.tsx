import { startPage } from '@/components/startPage';
import { findAuthorAnchors, parse } from '@/lib/sites/arxiv';
import '@/components/card.css';

export default defineContentScript({
  matches: ['https://arxiv.org/*'],
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  main: (ctx) => startPage(ctx, { parse, findAuthorAnchors }),
});
