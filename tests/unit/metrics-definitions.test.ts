/** The tooltip definitions cover every numeric metric, and docs/metrics.md carries the same lines. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { METRIC_DEFINITIONS } from '../../lib/metrics/definitions';
import { computeMetricSet } from '../../lib/metrics/index';

const doc = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../docs/metrics.md'), 'utf8');

describe('METRIC_DEFINITIONS', () => {
  it('has exactly the numeric metrics', () => {
    const m = computeMetricSet([{ citations: 3, year: 2020, authors: 2, authorNames: ['A B', 'C D'], primaryCategory: 'cs.LG', codeLinks: 1, title: 't' }], { year: 2025, author: 'A B' });
    const numeric = Object.entries(m).filter(([, v]) => typeof v === 'number' || v === null).map(([k]) => k).filter((k) => k !== 'primaryCategory');
    expect(Object.keys(METRIC_DEFINITIONS).sort()).toEqual(numeric.sort());
  });

  it('one line each, with a label', () => {
    for (const [key, { label, short }] of Object.entries(METRIC_DEFINITIONS)) {
      expect(label.length, key).toBeGreaterThan(0);
      expect(short, key).not.toMatch(/\n/);
      expect(short.length, key).toBeLessThan(130);
      expect(short, key).toMatch(/\.$/);
    }
  });

  it('docs/metrics.md has the same line for every metric, and a section mentioning each', () => {
    for (const [key, { label, short }] of Object.entries(METRIC_DEFINITIONS)) {
      expect(doc, key).toContain(`| \`${key}\` | ${label} | ${short} |`);
      expect(doc.split(`\`${key}\``).length - 1, `${key} outside the summary`).toBeGreaterThanOrEqual(2);
    }
    for (const ref of ['Hirsch', 'Egghe', 'Zhang', 'Sidiropoulos', 'Batista', 'Schreiber', 'Jin', 'Harzing', 'Publish or Perish']) expect(doc).toContain(ref);
  });
});
