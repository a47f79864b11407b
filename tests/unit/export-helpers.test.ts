/** The pieces of the exports: escaping, keys, names, file names, formula guard. */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { baseKey, bibtexName, citationKeys, texEscape, verbatim } from '@/lib/export/bibtex';
import { exportCsv, FORMULA_START } from '@/lib/export/csv';
import { exportFilename, slugify } from '@/lib/export/filename';
import { mdEscape, mdUrl } from '@/lib/export/markdown';
import { risName } from '@/lib/export/ris';
import { exportProfile, parseExport } from '@/lib/export/index';
import { exportRecord } from '@/lib/export/json';
import { asciiFold, oneLine, splitName } from '@/lib/export/text';
import { computeMetrics } from '@/lib/metrics/basic';
import { Profile } from '@/lib/schema';
import { makePaper } from '../make-paper';

describe('texEscape', () => {
  it('escapes every TeX special so the value is text', () => {
    expect(texEscape('{ } \\ % & $ # _ ^ ~')).toBe('\\{ \\} \\textbackslash{} \\% \\& \\$ \\# \\_ \\textasciicircum{} \\textasciitilde{}');
    expect(texEscape('<a|b>')).toBe('\\textless{}a\\textbar{}b\\textgreater{}');
  });
  it('breaks TeX ligatures', () => {
    expect(texEscape("a--b---c ``q'' ?` !` ,,")).toBe("a-{}-b-{}-{}-c `{}`q'{}' ?{}` !{}` ,{},");
  });
  it('keeps non-Latin text, drops bidi overrides, collapses lines', () => {
    expect(texEscape('张伟 Łukasz\u202E محمد\n\r\n x')).toBe('张伟 Łukasz محمد x');
  });
  it('never leaves an unescaped brace', () => {
    for (const s of ['}{', '\\{', '\\}', '{{{', '\\\\}']) expect(texEscape(s).replace(/\\[{}]|\{\}/g, '')).not.toMatch(/[{}]/);
  });
  it('verbatim fields percent-encode what would break the braces', () => {
    expect(verbatim('https://x.org/a{b}\\c d')).toBe('https://x.org/a%7Bb%7D%5Cc%20d');
  });
});

describe('bibtexName', () => {
  it('writes names as given, bracing those BibTeX would misread', () => {
    expect(bibtexName('Łukasz Żółć')).toBe('Łukasz Żółć');
    expect(bibtexName('Smith, John')).toBe('Smith, John');
    expect(bibtexName('Tom and Jerry')).toBe('{Tom and Jerry}');
    expect(bibtexName('A, B, C')).toBe('{A, B, C}');
    expect(bibtexName(', Prince')).toBe('{, Prince}');
    expect(bibtexName('others')).toBe('{others}');
    expect(bibtexName('Andrea Anderson')).toBe('Andrea Anderson');
    expect(bibtexName('A {b} $')).toBe('A \\{b\\} \\$');
  });
});

describe('citation keys', () => {
  it('last name + year + first title word, ASCII-folded', () => {
    expect(baseKey(makePaper({ authors: ['Ashish Vaswani'], year: 2017, title: 'Attention Is All You Need' }))).toBe('vaswani2017attention');
    expect(baseKey(makePaper({ authors: ['Łukasz Żółć'], published: '2021-06-17', title: 'The Über-Model' }))).toBe('zolc2021uber');
    expect(baseKey(makePaper({ authors: ['Smith, John'], year: 2020, title: 'On a {Hostile} title' }))).toBe('smith2020hostile');
    expect(baseKey(makePaper({ authors: ['张伟'], year: null, title: '论文' }))).toBe('anonnd');
    expect(baseKey(makePaper({ authors: [], year: 1999, title: '' }))).toBe('anon1999');
  });
  it('a, b, c … on collisions, unique across the whole export', () => {
    const same = Array.from({ length: 30 }, () => makePaper({ authors: ['Ann Lee'], year: 2020, title: 'Deep nets' }));
    const keys = citationKeys(same);
    expect(keys.slice(0, 4)).toEqual(['lee2020deep', 'lee2020deepa', 'lee2020deepb', 'lee2020deepc']);
    expect(keys[26]).toBe('lee2020deepz');
    expect(keys[27]).toBe('lee2020deepaa');
    expect(new Set(keys).size).toBe(30);
    // A bare key that equals another's suffixed key is still unique.
    const tricky = citationKeys([
      makePaper({ authors: ['Ann Lee'], year: 2020, title: 'Deep' }),
      makePaper({ authors: ['Ann Lee'], year: 2020, title: 'Deep' }),
      makePaper({ authors: ['Ann Lee'], year: 2020, title: 'Deepa' }),
    ]);
    expect(tricky).toEqual(['lee2020deep', 'lee2020deepa', 'lee2020deepaa']);
  });
});

describe('names', () => {
  it('splitName', () => {
    expect(splitName('Yann LeCun')).toEqual({ family: 'LeCun', given: 'Yann' });
    expect(splitName('Michel J. P. Gingras')).toEqual({ family: 'Gingras', given: 'Michel J. P.' });
    expect(splitName('Zhao, Y')).toEqual({ family: 'Zhao', given: 'Y' });
    expect(splitName('Maria De La Cruz')).toEqual({ family: 'De La Cruz', given: 'Maria' });
    expect(splitName('Martin Luther King, Jr.')).toEqual({ family: 'King', given: 'Martin Luther', suffix: 'Jr.' });
    expect(splitName('张 伟')).toEqual({ literal: '张 伟' });
    expect(splitName('Plato')).toEqual({ literal: 'Plato' });
    expect(splitName('The ATLAS Collaboration')).toEqual({ family: 'Collaboration', given: 'The ATLAS' });
  });
  it('risName', () => {
    expect(risName('Ludwig van Beethoven')).toBe('van Beethoven, Ludwig');
    expect(risName('محمد')).toBe('محمد');
    expect(risName('John Smith Jr.')).toBe('Smith, John, Jr.');
  });
  it('asciiFold and oneLine', () => {
    expect(asciiFold('Żółć Ærøskøbing straße İstanbul 张伟')).toBe('Zolc AEroskobing strasse Istanbul ');
    expect(oneLine(' a\r\nb\u2028c\u0085d\te  f ')).toBe('a b c d e f');
  });
});

describe('file names', () => {
  const now = new Date('2025-12-31T23:59:59Z');
  it('scholar-lens-<slug>-<date>.<ext>', () => {
    expect(exportFilename({ author: { id: 'x', name: 'Łukasz Żółć', ids: {}, affiliations: [], url: null }, papers: [] }, 'bib', now)).toBe('scholar-lens-lukasz-zolc-2025-12-31.bib');
    expect(exportFilename([], 'csv', now)).toBe('scholar-lens-watchlist-2025-12-31.csv');
    expect(exportFilename({ author: { id: 'arxiv:zhang_w_1', name: '张伟', ids: {}, affiliations: [], url: null }, papers: [] }, 'md', now)).toBe('scholar-lens-arxiv-zhang-w-1-2025-12-31.md');
    expect(exportFilename({ author: null, title: '../../etc/passwd', papers: [] }, 'json', now)).toBe('scholar-lens-etc-passwd-2025-12-31.json');
    expect(exportFilename({ author: null, papers: [] }, 'json', now)).toBe('scholar-lens-profile-2025-12-31.json');
  });
  it('slugs are safe and at most 60 characters', () => {
    const slug = slugify(`${'Ab—cd '.repeat(40)}`);
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(slugify('<script>/\\:*?"|')).toBe('script');
  });
});

describe('markdown escaping', () => {
  it('escapes markup and HTML', () => {
    expect(mdEscape('[x](javascript:alert(1))')).toBe('\\[x\\]\\(javascript:alert\\(1\\)\\)');
    expect(mdEscape('<script>&amp;')).toBe('\\<script\\>\\&amp;');
    expect(mdEscape('a\n# b')).toBe('a \\# b');
  });
  it('links only to http(s), with parentheses encoded', () => {
    expect(mdUrl('javascript:alert(1)')).toBeNull();
    expect(mdUrl('data:text/html,x')).toBeNull();
    expect(mdUrl('https://x.org/a_(b) c')).toBeNull();
    expect(mdUrl('https://x.org/a_(b)?q=<x>')).toBe('https://x.org/a_%28b%29?q=%3Cx%3E');
  });
});

describe('CSV formula guard (OWASP CSV injection)', () => {
  it('matches what spreadsheets run', () => {
    for (const s of ['=1', '+1', '-1', '@x', '\t=1', '\r=1']) expect(FORMULA_START.test(s)).toBe(true);
    for (const s of ['1', ' =1', 'a=1', '', 'x\n=1']) expect(FORMULA_START.test(s)).toBe(false);
  });
  it("papaparse's default pattern misses a multi-line formula; ours does not", () => {
    const cell = '=HYPERLINK("http://evil")\nmore';
    expect(Papa.unparse([[cell]], { escapeFormulae: true })).not.toMatch(/^"'/);
    const csv = exportCsv([{ author: null, papers: [makePaper({ title: cell, authors: ['-Minus'] })] }]);
    const row = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data[1]!;
    expect(row[3]).toBe(`'${cell}`);
    expect(row[4]).toBe("'-Minus");
  });
  it('adds a byte order mark only when asked', () => {
    expect(exportCsv([], { bom: true }).charCodeAt(0)).toBe(0xfeff);
    expect(exportCsv([]).charCodeAt(0)).not.toBe(0xfeff);
  });
});

describe("the extension's stored Profile", () => {
  it('exports as it is (a watchlist of them) and imports back', () => {
    const papers = [makePaper({ title: 'Stored', authors: ['Ann Lee'], citations: 4, year: 2022 })];
    const stored = Profile.parse({
      author: { id: 'arxiv:lee_a_1', name: 'Ann Lee', ids: { arxiv: 'lee_a_1' } }, title: 'Ann Lee', papers,
      metrics: computeMetrics(papers, { year: 2026 }), provenance: [], viewedAt: null,
    });
    const back = parseExport(exportProfile('json', [stored, stored]).text);
    expect(back.ok && back.data.profiles).toStrictEqual([exportRecord(stored), exportRecord(stored)]);
    expect(back.ok && back.data.profiles[0]).toStrictEqual({ author: stored.author, title: 'Ann Lee', papers, metrics: stored.metrics, reported: [] });
    expect(exportProfile('md', stored).filename).toMatch(/^scholar-lens-ann-lee-\d{4}-\d{2}-\d{2}\.md$/);
  });
});
