import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig } from 'wxt';
import type { Alias, AliasOptions } from 'vite';
import preact from '@preact/preset-vite';
import { HOST_PERMISSIONS, OPTIONAL_PERMISSIONS, PERMISSIONS } from './lib/permissions';

/**
 * Firefox's settings. `data_collection_permissions` is Firefox's built-in data consent (Firefox 140+,
 * Android 142+; older versions ignore the key): Scholar Lens collects and transmits nothing about the
 * user, it reads public pages and APIs into a local cache. WXT's manifest type does not know the key
 * yet, so the object is declared here rather than inline.
 */
const GECKO = {
  id: 'scholar-lens@scholar-lens.dev',
  strict_min_version: '115.0',
  data_collection_permissions: { required: ['none'] },
};

/**
 * The content scripts' shared runtime (lib/content/runtime.ts): entrypoints/runtime.content is built
 * like any content script but has no manifest entry of its own; each site's entry lists it first.
 */
const CONTENT_RUNTIME = 'runtime';
const CONTENT_RUNTIME_JS = `content-scripts/${CONTENT_RUNTIME}.js`;

/** `resolve.alias` as a list, whichever form the merged config holds it in. */
function aliasList(alias: AliasOptions | undefined): Alias[] {
  if (!alias) return [];
  return Array.isArray(alias) ? [...alias] : Object.entries(alias).map(([find, replacement]) => ({ find, replacement }));
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // MV3 for Firefox as well as Chromium: one manifest shape, one permission model.
  manifestVersion: 3,
  // No modulepreload polyfill: extension pages run in Chromium and Firefox ≥ 115, which preload
  // modules natively, and the polyfill (DOM code run at load) must stay out of the module background.
  vite: () => ({ plugins: [preact()], build: { modulePreload: { polyfill: false } } }),
  manifest: {
    name: 'Scholar Lens',
    description: 'Author profiles, metrics and paper lists while you browse arXiv.',
    permissions: [...PERMISSIONS],
    optional_permissions: [...OPTIONAL_PERMISSIONS],
    host_permissions: [...HOST_PERMISSIONS],
    action: { default_title: 'Scholar Lens' },
    browser_specific_settings: { gecko: GECKO },
  },
  hooks: {
    'vite:build:extendConfig'(entrypoints, config) {
      const [entry] = entrypoints;
      if (entrypoints.length === 1 && entry?.type === 'content-script' && entry.name !== CONTENT_RUNTIME) {
        // A site script takes WXT's context class from the runtime instead of bundling it (with the
        // polyfill it imports): see lib/content/context-from-runtime.ts. Content scripts build one each.
        config.resolve ??= {};
        config.resolve.alias = [
          { find: /^wxt\/utils\/content-script-context$/, replacement: resolve(config.root ?? '.', 'lib/content/context-from-runtime.ts') },
          ...aliasList(config.resolve.alias),
        ];
      } else if (entrypoints.some((e) => e.type === 'background')) {
        // The chunk the background shares with the pages is named after its first module, which is
        // WXT's (empty) `virtual:wxt-plugins`: call it what it is.
        const output = config.build?.rollupOptions?.output;
        if (output && !Array.isArray(output)) {
          output.chunkFileNames = (chunk) => `chunks/${chunk.name.startsWith('_virtual') ? 'shared' : '[name]'}-[hash].js`;
        }
      }
    },
    // Files of one `content_scripts` entry run in order in one isolated world: the runtime, then the site's script.
    'build:manifestGenerated'(wxt, manifest) {
      if (!existsSync(join(wxt.config.outDir, CONTENT_RUNTIME_JS))) throw new Error(`wxt.config.ts: ${CONTENT_RUNTIME_JS} was not built`);
      for (const cs of manifest.content_scripts ?? []) {
        if (cs.js?.length && !cs.js.includes(CONTENT_RUNTIME_JS)) cs.js = [CONTENT_RUNTIME_JS, ...cs.js];
      }
    },
  },
});
