/** Every adapter in the registry has URL cases, real captures (or says why not) and a README row. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adapters } from '@/lib/sites/registry';

/** Where each site's URL predicates and real-capture tests live, and its captures in the shared folder. */
const COVERAGE: Record<string, { urlTests: string; realTests: string; fixtures: string }> = {
  arxiv: { urlTests: 'tests/unit/arxiv-url.test.ts', realTests: 'tests/real/arxiv.test.ts', fixtures: 'arxiv' },
  gscholar: { urlTests: 'tests/unit/gscholar-url.test.ts', realTests: 'tests/real/gscholar.test.ts', fixtures: 'gscholar' },
  dblp: { urlTests: 'tests/unit/dblp-url.test.ts', realTests: 'tests/real/dblp.test.ts', fixtures: 'dblp' },
  semanticscholar: { urlTests: 'tests/unit/s2page-url.test.ts', realTests: 'tests/unit/s2page-real.test.ts', fixtures: 'semanticscholar' },
  openreview: { urlTests: 'tests/unit/openreview-url.test.ts', realTests: 'tests/real/openreview.test.ts', fixtures: 'openreview' },
};

const readme = readFileSync('README.md', 'utf8');

describe.each(adapters.map((a) => [a.site, a] as const))('%s adapter', (site) => {
  const c = COVERAGE[site];
  it('is covered', () => {
    expect(c, `${site}: add it to COVERAGE with its tests`).toBeDefined();
  });
  it('has URL cases to accept and to reject', () => {
    const text = readFileSync(c!.urlTests, 'utf8');
    // Accepted URLs get a page type; rejected ones false / null.
    expect(text).toMatch(/pageType|matches/);
    expect(text).toMatch(/'author'|\bauthor: \[/);
    expect(text).toMatch(/toBe\(false\)|toBeNull\(\)|toBe\(null\)/);
  });
  it('is tested on the real captures', () => {
    expect(existsSync(c!.realTests)).toBe(true);
    expect(readFileSync(c!.realTests, 'utf8')).toContain(`${c!.fixtures}/`);
  });
  it('has a row in the README', () => {
    expect(readme).toMatch(new RegExp(`^\\| \`${site}\` \\|`, 'm'));
  });
});

it('no URL is claimed by two adapters', () => {
  const urls = ['https://arxiv.org/abs/2106.09608', 'https://scholar.google.com/citations?user=AoKJ_g4AAAAJ', 'https://dblp.org/pid/95/7448-1',
    'https://www.semanticscholar.org/author/A-Turing/2262347', 'https://openreview.net/profile?id=~Yoshua_Bengio1'];
  for (const u of urls) expect(adapters.filter((a) => a.matches(u)).map((a) => a.site)).toHaveLength(1);
});
