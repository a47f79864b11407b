/**
 * The content scripts' shared runtime, as the site scripts see it.
 *
 * Every page a content script runs on gets two files, in this order, from one manifest
 * `content_scripts` entry: `content-scripts/runtime.js` (entrypoints/runtime.content: the WebExtension
 * polyfill, WXT's content-script context and shadow-root UI, Preact, the overlay and badge components,
 * their CSS) and the site's own script (entrypoints/<site>.content: its adapter's Zod-free reader and
 * a line of wiring). Files of one entry run in order in the same isolated world, so the
 * runtime puts its API on `globalThis[CONTENT_RUNTIME_GLOBAL]` and the site script reads it from
 * there. That way the ~20 KB (gzipped) everything shares is in the extension once, not once a site.
 *
 * The manifest entries are put together by wxt.config.ts (`build:manifestGenerated`), which also
 * points the site scripts' `wxt/utils/content-script-context` import (WXT's wrapper around `main`) at
 * ./context-from-runtime.ts, so that the context class, and the polyfill it needs, are not bundled
 * into every site script. A site script must therefore not import Preact, the components or
 * `wxt/browser` itself: they would be bundled again (bench/bundle.ts would show it).
 *
 * Only types and this accessor here: importing this file bundles a few bytes.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageType } from '../schema';
import type { PageDeps } from './run-page';

/** The global the runtime's API is kept under (in the extension's isolated world: pages cannot see it). */
export const CONTENT_RUNTIME_GLOBAL = '__scholarLensContentRuntime';

/**
 * What a site gives the runtime: its adapter's reader and, for an app site (Semantic Scholar,
 * OpenReview), its page types: such a site's pages ask the background to read the site's API, the
 * script runs only on the pages the adapter knows, and it follows the app's own navigation to
 * author pages (components/startPage.tsx).
 */
export type SiteDeps = Pick<PageDeps, 'read' | 'findAuthorAnchors'> & { app?: AppSite };

/** An app site's pages: their types, and the author an author page is about (null: not one). */
export interface AppSite {
  pageType: (url: string) => PageType | null;
  authorOf: (url: string) => string | null;
}

export interface ContentRuntime {
  /** Scrape the page with the site's reader, hand the result to the background, show the overlay or badges. */
  startPage: (ctx: ContentScriptContext, site: SiteDeps) => Promise<void>;
  /** WXT's class, for the site scripts' wrapper (see context-from-runtime.ts). */
  ContentScriptContext: typeof ContentScriptContext;
}

/** The runtime's API; throws when the runtime did not run first (a manifest entry without it). */
export function contentRuntime(): ContentRuntime {
  const rt = (globalThis as Record<string, unknown>)[CONTENT_RUNTIME_GLOBAL] as ContentRuntime | undefined;
  if (!rt) throw new Error('Scholar Lens: content-scripts/runtime.js did not run before this site script');
  return rt;
}
