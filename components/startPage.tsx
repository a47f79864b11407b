/**
 * The content-script side of every site, shared: scrape with the site's adapter, hand the result to
 * the background, then mount the overlay card (pages about a person or a search) or the badges after
 * cached authors' names, each in its own shadow root. It is part of the shared content runtime
 * (entrypoints/runtime.content, lib/content/runtime.ts), which the site scripts call.
 *
 * The card's CSS is bundled as text and handed to each shadow root: one copy in the runtime, no CSS
 * file per site, nothing for pages to fetch (no web-accessible resource) and no fetch per badge.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { browser } from 'wxt/browser';
import { AuthorBadge } from './AuthorBadge';
import { Overlay } from './Overlay';
import { runPage } from '@/lib/content/run-page';
import { request } from '@/lib/content/client';
import { PageViews } from '@/lib/content/page-views';
import type { SiteDeps } from '@/lib/content/runtime';
// card.css's own rules cover shadow roots (`:host` beside `:root`).
import SHADOW_CSS from './card.css?inline';

const COLLAPSED_KEY = 'overlay.collapsed';

export async function startPage(ctx: ContentScriptContext, site: SiteDeps): Promise<void> {
  const send = (m: unknown) => browser.runtime.sendMessage(m);
  const watch = async (authorId: string, watched: boolean) => (await request(send, 'watch', { authorId, watched })).watched;
  const views = new PageViews();
  ctx.onInvalidated(() => views.clear());

  const show = (url: string): Promise<unknown> => {
    const view = views.begin();
    return runPage(document, url, {
      read: site.read,
      findAuthorAnchors: site.findAuthorAnchors,
      ingest: async (scrape) => (await request(send, 'ingest', { scrape })).profile,
      ingestRead: (read) => request(send, 'ingestRead', { read }),
      fetchRemote: site.app ? async (u) => (await request(send, 'fetchProfile', { url: u })).profile : undefined,
      lookup: async (refs) => (await request(send, 'lookupAuthors', { refs })).found,
      log: (m) => console.debug(m),
      async showOverlay(profile) {
        const stored = await browser.storage.local.get(COLLAPSED_KEY);
        const collapsed = stored[COLLAPSED_KEY] === true;
        if (!view.current()) return;
        const ui = await createShadowRootUi(ctx, {
          name: 'scholar-lens-overlay',
          css: SHADOW_CSS,
          position: 'inline',
          anchor: 'body',
          append: 'last',
          isolateEvents: true,
          onMount(container) {
            const which = profile.author ? { authorId: profile.author.id } : { url, pageOnly: true };
            const poll = async () => (await request(send, 'getProfile', which)).profile;
            render(<Overlay profile={profile} collapsed={collapsed} poll={poll} onWatch={watch}
              onToggle={(c) => void browser.storage.local.set({ [COLLAPSED_KEY]: c })} />, container);
          },
          onRemove(container) {
            if (container) render(null, container);
          },
        });
        if (!view.current()) return;
        ui.mount();
        view.keep(() => ui.remove());
      },
      async showBadge(anchor, summary) {
        const ui = await createShadowRootUi(ctx, {
          name: 'scholar-lens-badge',
          css: SHADOW_CSS,
          position: 'inline',
          anchor,
          append: (anchorEl, ui) => anchorEl.after(ui),
          onMount(container, _shadow, host) {
            // The shadow root holds its own <html><body>; all three must flow inline after the name.
            for (const el of [host, container.parentElement, container]) el?.style.setProperty('display', 'inline');
            render(<AuthorBadge summary={summary} onWatch={watch} />, container);
          },
          onRemove(container) {
            if (container) render(null, container);
          },
        });
        if (!view.current()) return;
        ui.mount();
        view.keep(() => ui.remove());
      },
    });
  };

  const app = site.app;
  if (app) {
    // In the app, going to another author keeps this script: take down what was shown, and read the
    // new author (from the API, by the URL: the page may not show them yet). A move within the same
    // author's page (a tab, a sort order) changes nothing. Other pages reached in the app are left
    // alone, since what the document says there may still be the last page's.
    let author = app.authorOf(location.href);
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => {
      const next = app.authorOf(newUrl.href);
      if (next !== null && next === author) return;
      author = next;
      if (next !== null) show(newUrl.href).catch((e) => console.debug('Scholar Lens:', e));
      else views.begin();
    });
    if (app.pageType(location.href) === null) return;
  }
  await show(location.href);
}
