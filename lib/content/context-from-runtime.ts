/**
 * What a site script's `wxt/utils/content-script-context` import resolves to (wxt.config.ts points it
 * here for every content script but the runtime): WXT's wrapper creates the context passed to `main`
 * with this class, which the runtime brought (lib/content/runtime.ts). WXT's own module would bundle
 * the class and the WebExtension polyfill into every site script again.
 */
import { contentRuntime } from './runtime';

export const ContentScriptContext = contentRuntime().ContentScriptContext;
