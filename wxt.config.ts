import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { HOST_PERMISSIONS, PERMISSIONS } from './lib/permissions';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // MV3 for Firefox as well as Chromium: one manifest shape, one permission model.
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Scholar Lens',
    description: 'Author profiles, metrics and paper lists while you browse arXiv.',
    permissions: [...PERMISSIONS],
    host_permissions: [...HOST_PERMISSIONS],
    action: { default_title: 'Scholar Lens' },
    browser_specific_settings: {
      gecko: { id: 'scholar-lens@scholar-lens.dev', strict_min_version: '115.0' },
    },
  },
});
