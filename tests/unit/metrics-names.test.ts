/**
 * `nameKey` (lib/metrics/name-key.ts) is `normaliseName` with a fast path for ASCII names: the two
 * must agree on every string — hand-picked spellings, and seeded random strings over every ASCII
 * character (weighted towards the ones `normaliseName` rewrites) and some non-ASCII ones.
 */
import { describe, expect, it } from 'vitest';
import { nameKey } from '../../lib/metrics/name-key';
import { normaliseName } from '../../lib/sites/arxiv';
import { mulberry32 as rng } from '../../bench/synthetic';


const agree = (names: string[]) => {
  for (const name of names) expect(nameKey(name), JSON.stringify(name)).toBe(normaliseName(name));
};

describe('nameKey = normaliseName', () => {
  it('hand-picked spellings', () => {
    agree([
      '', ' ', '   ', 'a', 'A', 'Ada Lovelace', 'ADA LOVELACE', 'ada  lovelace', ' Ada Lovelace', 'Ada Lovelace ',
      'Lovelace, Ada', 'Lovelace,Ada', ',Ada', 'Ada,', ',', ',,', 'a,b,c', 'Riedl, M O', 'Riedl, M. O.', 'J. Smith', 'J.Smith',
      'Jean-Pierre Serre', 'Jean--Pierre', 'O\'Brien', 'O`Brien', "O'Brien, Pat", 'snake_case Name', 'Tab\tSeparated',
      'New\nLine', 'a\r\nb', 'a\u000bb', 'a\u000cb', 'a\u001cb', 'ctrl\u0001char', 'del\u007f', '!@#$%^&*()+=[]{};:"<>/?\\|~',
      'x.-_,y', '...', '. , _ -', 'Zed', '0', '123 456', 'hasOwnProperty', '__proto__',
      // Non-ASCII: the slow path, but still equal.
      'Müller, Jörg', 'Jörg Müller', 'Zoë Z.', 'Ｆｕｌｌ Ｗｉｄｔｈ', 'Ångström', 'José‐María', 'a\u00a0b', 'a\u2003b', 'Łukasz',
      'İstanbul', 'ǅemal', 'ﬁnn', 'Ǆ', '\u2028x', 'x\ufeff', 'O’Brien', 'a―b',
    ]);
  });

  it('random ASCII strings', () => {
    const r = rng(1);
    const special = ` ,.'\`_-\t\n\r\u000b\u000c`;
    const names: string[] = [];
    for (let k = 0; k < 20_000; k++) {
      const len = Math.floor(r() * 14);
      let s = '';
      for (let j = 0; j < len; j++) {
        const u = r();
        s += u < 0.35 ? special[Math.floor(r() * special.length)]! : u < 0.5 ? String.fromCharCode(Math.floor(r() * 128)) : String.fromCharCode(65 + Math.floor(r() * 58));
      }
      names.push(s);
    }
    agree(names);
  });

  it('random strings with some non-ASCII characters', () => {
    const r = rng(2);
    const extra = 'éüöÅØßıİǅﬁ\u0301\u0308\u00a0\u2003\u2010\u2015’ＡＺ';
    const names: string[] = [];
    for (let k = 0; k < 5_000; k++) {
      const len = Math.floor(r() * 12);
      let s = '';
      for (let j = 0; j < len; j++) s += r() < 0.2 ? extra[Math.floor(r() * extra.length)]! : String.fromCharCode(32 + Math.floor(r() * 95));
      names.push(s);
    }
    agree(names);
  });
});
