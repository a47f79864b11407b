import { describe, expect, it } from 'vitest';
import { agreeOn, matchS2Author, namesFit } from '@/lib/enrich/identity';

describe('namesFit', () => {
  it.each([
    ['Prithviraj Ammanabrolu', 'Ammanabrolu, P', true],
    ['Mark O. Riedl', 'Riedl, M O', true],
    ['Mark O. Riedl', 'Mark Riedl', true],
    ['Yize Zhao', 'Zhao, Yize', true],
    ['Yize Zhao', 'Yan Zhao', false],
    ['Yize Zhao', 'Y. Zhang', false],
    ['José Müller', 'Jose Muller', true],
  ])('%s ~ %s → %s', (a, b, fits) => {
    expect(namesFit(a, b)).toBe(fits);
  });
});

describe('matchS2Author', () => {
  const listed = [
    { authorId: '1', name: 'Prithviraj Ammanabrolu' },
    { authorId: '2', name: 'Mark O. Riedl' },
    { authorId: null, name: 'Anonymous' },
  ];
  it('finds the one author whose name fits', () => {
    expect(matchS2Author('Ammanabrolu, P', listed)).toBe('1');
    expect(matchS2Author('Mark O. Riedl', listed)).toBe('2');
  });
  it('refuses to guess between two fitting names, unless one is exact', () => {
    const two = [{ authorId: '7', name: 'Yize Zhao' }, { authorId: '8', name: 'Yan Zhao' }];
    expect(matchS2Author('Zhao, Y', two)).toBeNull();
    expect(matchS2Author('Yan Zhao', two)).toBe('8');
    expect(matchS2Author('Nobody Here', listed)).toBeNull();
  });
});

describe('agreeOn', () => {
  it('takes the majority of the papers that answered', () => {
    expect(agreeOn(['1', '1', null, '9'])).toBe('1');
    expect(agreeOn(['1', '9'])).toBeNull();
    expect(agreeOn([null, null])).toBeNull();
  });
});
