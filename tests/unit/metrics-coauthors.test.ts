/**
 * `coauthorship` (lib/metrics/authorship.ts: hash tables over code units, counts kept per spelling
 * until a person has a second one) against a plain reference — `normaliseName` on every name, a
 * `Map` per person, a full sort — on seeded random profiles built to reach every path: names that
 * normalise alike (case, accents, punctuation, "Last, First"), names that normalise to '', a name
 * twice on one paper, a second spelling first met on a paper that already counted the first, papers
 * without names, the author under several spellings or not at all, equal strings that are different
 * objects (as papers read from IndexedDB have), and enough distinct names to grow every table.
 */
import { describe, expect, it } from 'vitest';
import { coauthorship, TOP_COAUTHORS } from '../../lib/metrics/authorship';
import type { NameList } from '../../lib/metrics/intern';
import { normaliseName } from '../../lib/sites/arxiv';
import { mulberry32 as rng } from '../../bench/synthetic';

function reference(lists: NameList[], author: string | null) {
  const meKey = author ? normaliseName(author) : '';
  const people = new Map<string, { name: string; papers: number; last: number }>();
  if (meKey) people.set(meKey, { name: author!, papers: 0, last: -1 });
  let named = 0;
  let first = 0;
  let last = 0;
  lists.forEach((names, i) => {
    if (!names || names.length === 0) return;
    named++;
    names.forEach((spelling, j) => {
      const key = normaliseName(spelling);
      if (!key) return;
      let person = people.get(key);
      if (!person) people.set(key, (person = { name: spelling, papers: 0, last: -1 }));
      if (meKey && key === meKey) {
        if (j === 0) first++;
        if (j === names.length - 1) last++;
      }
      if (person.last === i) return;
      person.papers++;
      person.last = i;
    });
  });
  const ranked = [...people.entries()]
    .filter(([key]) => key !== meKey)
    .sort(([ka, a], [kb, b]) => b.papers - a.papers || (ka < kb ? -1 : ka > kb ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    firstAuthorShare: meKey && named > 0 ? first / named : null,
    lastAuthorShare: meKey && named > 0 ? last / named : null,
    topCoauthors: ranked.slice(0, TOP_COAUTHORS).map(([, p]) => ({ name: p.name, papers: p.papers })),
  };
}


/** A fresh string object with the same characters (as structured cloning makes). */
const copy = (s: string) => s.split('').join('');

/** Spellings of person k: the same normalised name written several ways. */
function spelling(k: number, variant: number): string {
  const given = `Gi${k.toString(36)}`;
  const family = `Fam${(k * 7).toString(36)}`;
  switch (variant % 8) {
    case 0: return `${given} ${family}`;
    case 1: return `${family}, ${given}`;
    case 2: return `${given.toUpperCase()}  ${family}`;
    case 3: return `${given}. ${family}.`;
    case 4: return `${given.replace('i', 'í')} ${family}`; // an accent: normaliseName's own path
    case 5: return ` ${given}\t${family} `;
    case 6: return `${given}-${family}`; // the hyphen reads as a space
    default: return `${given}_${family}`;
  }
}

function profile(seed: number, papers: number, pool: number) {
  const r = rng(seed);
  const lists: NameList[] = [];
  for (let i = 0; i < papers; i++) {
    const u = r();
    if (u < 0.03) {
      lists.push(u < 0.015 ? null : []);
      continue;
    }
    const n = 1 + Math.floor(r() ** 3 * 12);
    const names: string[] = [];
    for (let j = 0; j < n; j++) {
      const v = r();
      const k = Math.floor(r() ** 2 * pool); // a few frequent people, a long tail
      const name = v < 0.02 ? ['...', ' ', '', '-_,', "'"][Math.floor(r() * 5)]! : spelling(k, v < 0.7 ? 0 : Math.floor(r() * 8));
      names.push(r() < 0.3 ? copy(name) : name);
    }
    if (r() < 0.1) names.push(names[0]!); // a name twice on one paper
    if (r() < 0.6) names.splice(Math.floor(r() * (names.length + 1)), 0, spelling(0, Math.floor(r() * 8))); // the author
    lists.push(names);
  }
  return lists;
}

describe('coauthorship = the reference', () => {
  it('on seeded random profiles, with and without an author', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const lists = profile(seed, 50 + seed * 20, 5 + seed * 3);
      for (const author of [spelling(0, seed), spelling(0, 1), 'Nobody Here', null, '', '...']) {
        expect(coauthorship(lists, author), `seed ${seed}, author ${author}`).toEqual(reference(lists, author));
      }
    }
  });

  it('with tens of thousands of distinct names (every table grows)', () => {
    const lists = profile(99, 20_000, 30_000);
    expect(coauthorship(lists, spelling(0, 0))).toEqual(reference(lists, spelling(0, 0)));
  });

  it('a second spelling first met on a paper that already counted the first', () => {
    // "B, A" is "a b", as "A B" is ("b a" is someone else): papers 1, 2 (once), 4.
    const lists = [['A B', 'X Y'], ['A B', 'B, A', 'X Y'], ['b a', 'X Y'], ['B, A'], ['Zed']];
    expect(coauthorship(lists, 'X Y')).toEqual(reference(lists, 'X Y'));
    expect(coauthorship(lists, 'X Y').topCoauthors[0]).toEqual({ name: 'A B', papers: 3 });
  });

  it('names given as different string objects count as one', () => {
    const lists = [['Ada Lovelace', copy('Charles Babbage')], [copy('Charles Babbage'), copy('Ada Lovelace')]];
    expect(coauthorship(lists, 'Ada Lovelace')).toEqual({
      firstAuthorShare: 0.5,
      lastAuthorShare: 0.5,
      topCoauthors: [{ name: 'Charles Babbage', papers: 2 }],
    });
  });
});
