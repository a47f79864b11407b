/**
 * What the content script shows for one page of an app site (Semantic Scholar, OpenReview), where
 * moving to another author swaps the URL and the content without loading a page: the content script
 * stays, so it must take down what it showed for the last URL, and drop answers about that URL that
 * arrive after the move (the API can take seconds to answer).
 */
export interface PageView {
  /** Still the page on screen: nothing has moved on since it began. */
  current(): boolean;
  /** Keep a way to take down something shown for this page (taken down at once if it is gone already). */
  keep(remove: () => void): void;
}

export class PageViews {
  private generation = 0;
  private shown: (() => void)[] = [];

  /** A new page: everything the previous one showed is taken down. */
  begin(): PageView {
    const mine = ++this.generation;
    this.clear();
    return {
      current: () => mine === this.generation,
      keep: (remove) => {
        if (mine === this.generation) this.shown.push(remove);
        else remove();
      },
    };
  }

  /** Take down everything shown (the content script is going away). */
  clear(): void {
    for (const remove of this.shown.splice(0)) {
      try {
        remove();
      } catch {
        // A host element the page already removed: nothing left to take down.
      }
    }
  }
}
