import { startPage } from '@/components/startPage';
import { DBLP_MATCHES } from '@/lib/permissions';
import { parse } from '@/lib/sites/dblp';
import '@/components/card.css';

export default defineContentScript({
  matches: [...DBLP_MATCHES],
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  main: (ctx) => startPage(ctx, { parse, findAuthorAnchors: () => [] }),
});
