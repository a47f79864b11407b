import { describe, expect, it } from 'vitest';
import { authorLine, categoryBadge, formatAge, formatPaperDate, isSafeHttpUrl } from '../../lib/format';

describe('categoryBadge', () => {
  it.each([
    ['cs.SE', 'SE'],
    ['cs.CL', 'CL'],
    ['cs.LG', 'LG'],
    ['cs.CV', 'CV'],
    ['q-bio.NC', 'NC'],
    ['stat.ME', 'ME'],
    ['hep-th', 'hep-th'],
    ['math-ph', 'math-ph'],
    ['quant-ph', 'quant-ph'],
    ['cond-mat.str-el', 'str-el'],
  ])('%s → %s', (cat, badge) => expect(categoryBadge(cat)).toBe(badge));
  it('null or empty → ?', () => {
    expect(categoryBadge(null)).toBe('?');
    expect(categoryBadge('')).toBe('?');
  });
});

describe('formatPaperDate', () => {
  const now = new Date('2025-06-15T12:00:00Z');
  it('current year: month and day', () => {
    expect(formatPaperDate('2025-05-25', now)).toBe('May 25');
    expect(formatPaperDate('2025-01-05', now)).toBe('Jan 5');
  });
  it('other years: with the year, no leading zero', () => {
    expect(formatPaperDate('2024-08-27', now)).toBe('Aug 27, 2024');
    expect(formatPaperDate('2024-10-12', now)).toBe('Oct 12, 2024');
    expect(formatPaperDate('2024-03-13', now)).toBe('Mar 13, 2024');
    expect(formatPaperDate('2026-02-01', now)).toBe('Feb 1, 2026');
  });
  it('the current year is the UTC year', () => {
    expect(formatPaperDate('2025-12-31', new Date('2025-12-31T23:30:00-05:00'))).toBe('Dec 31, 2025'); // already 2026 in UTC
  });
  it('accepts a timestamp, rejects junk', () => {
    expect(formatPaperDate('2024-08-27T10:00:00Z', now)).toBe('Aug 27, 2024');
    expect(formatPaperDate(null, now)).toBe('');
    expect(formatPaperDate('', now)).toBe('');
    expect(formatPaperDate('yesterday', now)).toBe('');
    expect(formatPaperDate('2024-13-01', now)).toBe('');
  });
});

describe('authorLine', () => {
  it('joins up to `shown`, else et al.', () => {
    expect(authorLine([])).toBe('');
    expect(authorLine(['A'])).toBe('A');
    expect(authorLine(['A', 'B', 'C'])).toBe('A, B, C');
    expect(authorLine(['A', 'B', 'C', 'D'])).toBe('A, B, C et al.');
    expect(authorLine(['A', 'B', 'C'], 2)).toBe('A, B et al.');
    expect(authorLine(['A', 'B'], 2)).toBe('A, B');
  });
});

describe('isSafeHttpUrl', () => {
  it('accepts absolute http(s) URLs only', () => {
    expect(isSafeHttpUrl('https://arxiv.org/abs/1706.03762')).toBe(true);
    expect(isSafeHttpUrl('http://example.com')).toBe(true);
    expect(isSafeHttpUrl('HTTPS://github.com/a/b')).toBe(true);
    expect(isSafeHttpUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeHttpUrl('data:text/html,hi')).toBe(false);
    expect(isSafeHttpUrl('/abs/1706.03762')).toBe(false);
    expect(isSafeHttpUrl('//evil.com/x')).toBe(false);
    expect(isSafeHttpUrl('https://')).toBe(false);
    expect(isSafeHttpUrl('https:///x')).toBe(false);
    expect(isSafeHttpUrl(' https://example.com')).toBe(false);
    expect(isSafeHttpUrl('ftp://example.com')).toBe(false);
    expect(isSafeHttpUrl('')).toBe(false);
    expect(isSafeHttpUrl(null)).toBe(false);
  });
});

describe('formatAge', () => {
  it('min / h / d', () => {
    expect(formatAge(0)).toBe('just now');
    expect(formatAge(59_000)).toBe('just now');
    expect(formatAge(3 * 60_000)).toBe('3 min ago');
    expect(formatAge(59 * 60_000 + 59_000)).toBe('59 min ago');
    expect(formatAge(2 * 3_600_000)).toBe('2 h ago');
    expect(formatAge(23 * 3_600_000)).toBe('23 h ago');
    expect(formatAge(5 * 86_400_000)).toBe('5 d ago');
    expect(formatAge(-1000)).toBe('just now');
    expect(formatAge(Number.NaN)).toBe('just now');
  });
});
