/** The built manifests ask for exactly the permissions the README lists, and Firefox gets its gecko id. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOST_PERMISSIONS, OPTIONAL_PERMISSIONS, PERMISSIONS } from '../../lib/permissions';
import { zipEntries } from '../zip-entries';

const builds = ['chrome-mv3', 'firefox-mv3'];
const readme = readFileSync('README.md', 'utf8');

describe.each(builds)('%s manifest', (build) => {
  const path = `.output/${build}/manifest.json`;
  it('was built', () => {
    expect(existsSync(path), `${path} missing: npm test builds both browsers first`).toBe(true);
  });
  const manifest = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
  it('asks for nothing beyond the documented permissions', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions ?? []).toEqual([...PERMISSIONS]);
    expect(manifest.host_permissions ?? []).toEqual(HOST_PERMISSIONS);
    expect(manifest.optional_permissions ?? []).toEqual([...OPTIONAL_PERMISSIONS]);
    expect(manifest.optional_host_permissions).toBeUndefined();
    for (const cs of manifest.content_scripts ?? []) {
      // Every page a content script runs on is within a documented host permission.
      for (const m of cs.matches) expect(HOST_PERMISSIONS.some((h) => m.startsWith(h.slice(0, -1))), m).toBe(true);
    }
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
    // Pages cannot fetch any of the extension's files: the overlay's CSS is inside the runtime script.
    expect(manifest.web_accessible_resources).toBeUndefined();
  });
  it('loads the shared content runtime first in every content script entry, and the background as a module', () => {
    expect(manifest.content_scripts?.length).toBeGreaterThanOrEqual(5);
    for (const cs of manifest.content_scripts ?? []) {
      expect(cs.js[0]).toBe('content-scripts/runtime.js');
      expect(cs.js).toHaveLength(2);
      for (const file of cs.js) expect(existsSync(`.output/${build}/${file}`), file).toBe(true);
    }
    expect(manifest.background.type).toBe('module');
  });
  it('has every permission explained in the README', () => {
    const rows = readme.split('\n').filter((l) => l.startsWith('| `'));
    for (const p of [...PERMISSIONS, ...OPTIONAL_PERMISSIONS, ...HOST_PERMISSIONS]) {
      const host = p.replace(/^https:\/\/|\/\*$/g, '');
      const suffix = host.replace(/^scholar\.google/, '');
      const explained = rows.some((r) => r.includes(`\`${p}\``) || (host.startsWith('scholar.google') && r.includes('`https://scholar.google.com/*`') && r.includes(`\`${suffix}\``)));
      expect(explained, `${p} has no row in the README's permission table`).toBe(true);
    }
  });
});

it('the Firefox build carries a gecko id', () => {
  const manifest = JSON.parse(readFileSync('.output/firefox-mv3/manifest.json', 'utf8'));
  expect(manifest.browser_specific_settings.gecko.id).toMatch(/^[\w.-]+@[\w.-]+$/);
});

it('`wxt zip -b firefox` packed the Firefox build whole (npm test zips it)', () => {
  const dir = '.output/firefox-mv3';
  const zips = existsSync('.output') ? readdirSync('.output').filter((f) => /-firefox\.zip$/.test(f)) : [];
  expect(zips, 'no .output/*-firefox.zip: npm test runs `wxt zip -b firefox`').toHaveLength(1);
  const entries = zipEntries(readFileSync(`.output/${zips[0]}`));
  const built = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => statSync(join(dir, f)).isFile()).map((f) => f.split(sep).join('/'));
  expect(entries.map((e) => e.name).filter((n) => !n.endsWith('/')).sort()).toEqual(built.sort());
  const manifest = entries.find((e) => e.name === 'manifest.json')!.read();
  expect(manifest.equals(readFileSync(join(dir, 'manifest.json')))).toBe(true);
});

describe('content scripts stay small', () => {
  // Validation happens in the background (the trust boundary); the page-side readers are Zod- and
  // xmldom-free (lib/sites/*-scrape.ts, lib/content/client.ts). A value import of lib/schema.ts or
  // lib/xml.ts from those files would bring 30–60 KB back into every page: this catches it at once.
  const dir = '.output/chrome-mv3/content-scripts';
  const scripts = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.js')) : [];
  it('were built', () => expect(scripts.length).toBeGreaterThanOrEqual(5));
  it.each(scripts)('%s carries neither Zod nor xmldom', (file) => {
    const code = readFileSync(`${dir}/${file}`, 'utf8');
    expect(code).not.toContain('ZodError');
    expect(code).not.toContain('xmldom');
  });
});
