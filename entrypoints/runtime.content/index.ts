/**
 * The content scripts' shared runtime (lib/content/runtime.ts): what every site's content script
 * needs besides its adapter, in one file that the manifest lists first in every site's
 * `content_scripts` entry (wxt.config.ts adds it there). It runs before the site's script, in the
 * same isolated world, and leaves its API on a global for it.
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startPage } from '@/components/startPage';
import { CONTENT_RUNTIME_GLOBAL, type ContentRuntime } from '@/lib/content/runtime';

export default defineContentScript({
  // Not a manifest entry of its own (WXT then lists nothing for it): wxt.config.ts puts this file
  // before the site's script in each site's entry, so it runs exactly where a site script runs.
  registration: 'runtime',
  // No `var runtime = …` left in the isolated world: the API is on its own global.
  globalName: false,
  main() {
    const api: ContentRuntime = { startPage, ContentScriptContext };
    (globalThis as Record<string, unknown>)[CONTENT_RUNTIME_GLOBAL] = api;
  },
});
