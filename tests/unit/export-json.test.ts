/** Importing our JSON export: what is refused, and that each refusal says where and what. */
import { describe, expect, it } from 'vitest';
import { exportProfile } from '@/lib/export/index';
import { buildExport, LIMITS, parseExport } from '@/lib/export/json';
import { computeMetrics } from '@/lib/metrics/basic';
import { Author } from '@/lib/schema';
import { makePaper } from '../make-paper';

const NOW = new Date('2026-01-02T03:04:05.000Z');
const papers = [
  makePaper({ title: 'First "paper" {x}', authors: ['张伟', 'Łukasz Żółć'], citations: 3, citationsSource: 'semanticscholar', year: 2020 }),
  makePaper({ title: 'Second\npaper', authors: ['محمد'], citations: 0, year: 2021 }),
];
const profile = {
  author: Author.parse({ id: 'arxiv:zhang_w_1', name: '张伟', ids: { arxiv: 'zhang_w_1' } }),
  papers,
  metrics: computeMetrics(papers, { year: 2026 }),
  reported: [],
};
const good = exportProfile('json', profile, { now: NOW }).text;
const goodJson = () => JSON.parse(good) as Record<string, unknown> & { profiles: { papers: Record<string, unknown>[] }[] };

function refused(text: unknown): string {
  const r = parseExport(text);
  if (r.ok) throw new Error('accepted');
  expect(r.error).not.toContain('\n');
  return r.error;
}

describe('parseExport', () => {
  it('accepts its own export, records equal', () => {
    const r = parseExport(good);
    expect(r).toStrictEqual({ ok: true, data: buildExport([profile], NOW) });
  });

  it('refuses malformed JSON', () => {
    expect(refused('{"format": "scholar-lens", version: 1}')).toMatch(/^not valid JSON: /);
    expect(refused('{"format": "scholar-lens",, }')).toMatch(/^not valid JSON: /);
  });

  it('refuses a truncated file (cut in half)', () => {
    expect(refused(good.slice(0, Math.floor(good.length / 2)))).toMatch(/truncated/);
    expect(refused(good.slice(0, -2))).toMatch(/bracket left open: it is truncated/);
    expect(refused('{"format": "schol')).toBe('the file ends inside a string: it is truncated');
  });

  it('refuses another version, naming it', () => {
    expect(refused(good.replace('"version": 2', '"version": 3'))).toBe(
      'version: unsupported version 3; this Scholar Lens reads versions 1 and 2 (written by a later Scholar Lens; update to import it)',
    );
    expect(refused(good.replace('"version": 2', '"version": "2"'))).toBe('version: unsupported version "2"; this Scholar Lens reads versions 1 and 2');
    const { version: _, ...noVersion } = goodJson();
    expect(refused(JSON.stringify(noVersion))).toMatch(/^version: unsupported version none/);
  });

  it('refuses another format, naming it', () => {
    expect(refused(good.replace('"format": "scholar-lens"', '"format": "zotero"'))).toBe('format: expected "scholar-lens", found "zotero"; not a Scholar Lens export');
    expect(refused('[]')).toBe('(top level): expected a JSON object; not a Scholar Lens export');
    expect(refused('{}')).toMatch(/^format: expected "scholar-lens", found none/);
    expect(refused('null')).toMatch(/^\(top level\): expected a JSON object/);
  });

  it('refuses a paper with citations -5, with the path', () => {
    const json = goodJson();
    json.profiles[0]!.papers[1]!.citations = -5;
    expect(refused(JSON.stringify(json))).toMatch(/^profiles\[0\]\.papers\[1\]\.citations: Too small: expected number to be >=0/);
  });

  it('refuses other schema problems with their paths', () => {
    const json = goodJson();
    delete json.profiles[0]!.papers[0]!.title;
    json.profiles[0]!.papers[1]!.published = '2021-13-45T';
    expect(refused(JSON.stringify(json))).toMatch(/^profiles\[0\]\.papers\[0\]\.title: .* \(and 1 more problem\)$/);
    expect(refused(good.replace(/"exportedAt": "[^"]*"/, '"exportedAt": "yesterday"'))).toMatch(/^exportedAt: /);
  });

  it('refuses a 30 MB string before parsing it', () => {
    const huge = good.replace('First \\"paper\\" {x}', 'x'.repeat(30 * 1024 * 1024));
    expect(huge.length).toBeGreaterThan(30 * 1024 * 1024);
    expect(refused(huge)).toMatch(/^the file is too large: 31,4\d\d,\d{3} bytes \(the limit is 20,971,520 bytes, 20 MB\)$/);
  });

  it('counts UTF-8 bytes, not characters', () => {
    const cjk = JSON.stringify({ format: 'scholar-lens', version: 1, junk: '张'.repeat(8 * 1024 * 1024) });
    expect(cjk.length).toBeLessThan(LIMITS.bytes);
    expect(refused(cjk)).toMatch(/^the file is too large: 25,165,8\d\d bytes/);
  });

  it('refuses a string over 100 KB inside a small file, with its path', () => {
    const json = goodJson();
    json.profiles[0]!.papers[0]!.title = 'x'.repeat(200 * 1024);
    expect(refused(JSON.stringify(json))).toBe('profiles[0].papers[0].title: text of 204,800 characters (the limit is 102,400)');
    const key = goodJson();
    (key.profiles[0]!.papers[0]! as Record<string, unknown>)['k'.repeat(150_000)] = 1;
    expect(refused(JSON.stringify(key))).toMatch(/^profiles\[0\]\.papers\[0\]: a key of 150,000 characters/);
  });

  it('accepts a 100 KB title', () => {
    const json = goodJson();
    json.profiles[0]!.papers[0]!.title = 'x'.repeat(100_000);
    const r = parseExport(JSON.stringify(json));
    expect(r.ok && r.data.profiles[0]!.papers[0]!.title.length).toBe(100_000);
  });

  it('refuses deeply nested junk before parsing it', () => {
    const deep = `{"format":"scholar-lens","version":1,"profiles":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(refused(deep)).toMatch(/^nested deeper than 32 levels \(at character \d+\)/);
    const deepObj = `{"format":"scholar-lens","version":1,"x":${'{"a":'.repeat(50)}1${'}'.repeat(50)}}`;
    expect(refused(deepObj)).toMatch(/^nested deeper than 32 levels/);
    // Brackets inside strings are text, not nesting.
    const json = goodJson();
    json.profiles[0]!.papers[0]!.title = '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{\\"';
    expect(parseExport(JSON.stringify(json)).ok).toBe(true);
  });

  it('refuses too many profiles and papers', () => {
    const many = { format: 'scholar-lens', version: 1, exportedAt: NOW.toISOString(), profiles: Array.from({ length: LIMITS.profiles + 1 }, () => ({ author: null, papers: [] })) };
    expect(refused(JSON.stringify(many))).toBe('profiles: 10,001 profiles (the limit is 10,000)');
    const lots = { ...many, profiles: [{ author: null, papers: Array.from({ length: LIMITS.papers + 1 }, () => 0) }] };
    expect(refused(JSON.stringify(lots))).toBe('profiles[0].papers: 100,001 papers (the limit is 100,000)');
  });

  it('refuses empty text and non-text', () => {
    expect(refused('')).toBe('the file is empty');
    expect(refused('  \n ')).toBe('the file is empty');
    expect(refused(42)).toBe('expected the text of a file');
    expect(refused(undefined)).toBe('expected the text of a file');
  });

  it('drops unknown keys, __proto__ included, without polluting anything', () => {
    const hostile = good.replace('"format": "scholar-lens",', '"format": "scholar-lens", "__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}},');
    const r = parseExport(hostile);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.keys(r.data)).toEqual(['format', 'version', 'exportedAt', 'profiles']);
    expect(Object.getPrototypeOf(r.data)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((r.data as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });
});
