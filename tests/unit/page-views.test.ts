/** What an app page's content script shows is taken down when the app moves on (lib/content/page-views.ts). */
import { PageViews } from '@/lib/content/page-views';

describe('PageViews', () => {
  it('takes down what the last page showed when the next begins', () => {
    const views = new PageViews();
    const removed: string[] = [];
    const first = views.begin();
    first.keep(() => removed.push('overlay 1'));
    expect(first.current()).toBe(true);
    const second = views.begin();
    expect(removed).toEqual(['overlay 1']);
    expect(first.current()).toBe(false);
    expect(second.current()).toBe(true);
  });

  it('takes down at once what a page shows after the app moved on (a late answer)', () => {
    const views = new PageViews();
    const removed: string[] = [];
    const slow = views.begin();
    views.begin();
    slow.keep(() => removed.push('late overlay'));
    expect(removed).toEqual(['late overlay']);
  });

  it('clears everything, even when the page removed a host already', () => {
    const views = new PageViews();
    const removed: string[] = [];
    const view = views.begin();
    view.keep(() => {
      throw new Error('host gone');
    });
    view.keep(() => removed.push('badge'));
    views.clear();
    expect(removed).toEqual(['badge']);
    views.clear();
    expect(removed).toEqual(['badge']);
  });
});
