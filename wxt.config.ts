import { defineConfig } from 'wxt';
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

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // MV3 for Firefox as well as Chromium: one manifest shape, one permission model.
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Scholar Lens',
    description: 'Author profiles, metrics and paper lists while you browse arXiv.',
    permissions: [...PERMISSIONS],
    optional_permissions: [...OPTIONAL_PERMISSIONS],
    host_permissions: [...HOST_PERMISSIONS],
    action: { default_title: 'Scholar Lens' },
    browser_specific_settings: { gecko: GECKO },
  },
});
