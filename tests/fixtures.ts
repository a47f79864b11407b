/**
 * Access to the real captures in the shared fixtures folder (never copied into the project).
 * `SCHOLAR_FIXTURES` overrides the location; where the folder is absent the tests that need it
 * say so in one line and skip.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURES_DIR = resolve(process.env.SCHOLAR_FIXTURES ?? join(here, '..', '..', 'shared', 'fixtures'));
export const hasFixtures = existsSync(join(FIXTURES_DIR, 'MANIFEST.tsv'));

if (!hasFixtures) {
  console.warn(`real-page tests skipped: no fixtures at ${FIXTURES_DIR} (set SCHOLAR_FIXTURES)`);
}

export function fixturePath(rel: string): string {
  return join(FIXTURES_DIR, rel);
}

export function readFixture(rel: string): string {
  return readFileSync(fixturePath(rel), 'utf8');
}

/** `describe` that runs only when the shared fixtures folder is present. */
export const describeFixtures = hasFixtures ? describe : describe.skip;

/** Parse HTML with the test environment's DOMParser (happy-dom). */
export function htmlDoc(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}
