import { describe, expect, it } from 'vitest';
import { findCodeLinks } from '../../lib/code-links';

describe('findCodeLinks', () => {
  it('finds code hosts in text and trims trailing punctuation', () => {
    expect(findCodeLinks('Code is available at https://github.com/foo/bar.')).toEqual(['https://github.com/foo/bar']);
    expect(findCodeLinks('(see https://gitlab.com/g/p), and https://bitbucket.org/x/y;')).toEqual([
      'https://gitlab.com/g/p',
      'https://bitbucket.org/x/y',
    ]);
    expect(findCodeLinks('Models: https://huggingface.co/org/model!')).toEqual(['https://huggingface.co/org/model']);
  });

  it('keeps balanced parentheses inside the URL', () => {
    expect(findCodeLinks('see https://github.com/a/b/wiki/Foo_(bar)')).toEqual(['https://github.com/a/b/wiki/Foo_(bar)']);
  });

  it('adds https to bare host mentions and handles www and LaTeX', () => {
    expect(findCodeLinks('code at github.com/a/b')).toEqual(['https://github.com/a/b']);
    expect(findCodeLinks(String.raw`\url{https://www.github.com/a/c}`)).toEqual(['https://www.github.com/a/c']);
  });

  it('dedupes across texts, in order of appearance', () => {
    expect(
      findCodeLinks('https://github.com/a/b and http://github.com/a/b/', null, undefined, 'GITHUB.com/a/b.git https://github.com/c/d'),
    ).toEqual(['https://github.com/a/b', 'https://github.com/c/d']);
  });

  it('ignores other hosts, other schemes, host suffixes, e-mails and bare hosts', () => {
    expect(findCodeLinks('https://example.com/a https://arxiv.org/abs/1706.03762')).toEqual([]);
    expect(findCodeLinks('git://github.com/a/b ftp://github.com/a/b')).toEqual([]);
    expect(findCodeLinks('https://notgithub.com/a/b https://pages.github.com/a')).toEqual([]);
    expect(findCodeLinks('mail me at me@github.com/x')).toEqual([]);
    expect(findCodeLinks('we love https://github.com/ and github.com')).toEqual([]);
    expect(findCodeLinks()).toEqual([]);
    expect(findCodeLinks('', null)).toEqual([]);
  });
});
