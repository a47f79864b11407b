/**
 * Where a watched author's current paper list comes from, by the prefix of the author's id, and how
 * the answer is turned into the ScrapeResult a visit to the author's page would have given (so
 * `ingestScrape` files it under the same author id):
 *
 * - `arxiv:<id>` (arXiv author id): the author's Atom feed `arxiv.org/a/<id>.atom`, read by `parseAtom`.
 *   Not `.atom2`: arXiv writes all of an entry's authors into ONE `<author><name>` there ("A, B, C"),
 *   which parseAtom would take as a single author; `.atom` has one `<author>` per person.
 * - `arxiv-query:<name>` (an arXiv author search): the arXiv API, newest 100 by submission date, read
 *   by `parseAtom`; the API feed names no subject, so the search's query is put back as the subject.
 * - `dblp:<pid>`: the person's XML export `dblp.org/pid/<pid>.xml`, read by `parseDblpXml`.
 * - `s2:<id>`, `openreview:<~id>`: `fetchRemoteProfile`, exactly as the profile page does.
 * - `gscholar:<user>`: not fetched (Scholar blocks automated requests).
 */
import type { Author, AuthorRef, ParseOutcome, ScrapeResult } from '../schema';
import type { Settings } from '../settings';
import { parseAtom } from '../sites/arxiv-atom';
import { parseDblpXml } from '../sites/dblp-xml';
import { profileUrl as openReviewProfileUrl } from '../sites/openreview';
import { s2AuthorUrl } from '../sites/semanticscholar-page';
import type { HttpClient } from '../sources/http';
import { ARXIV_API } from '../sources/arxiv-api';
import { fetchRemoteProfile } from '../sources/remote-profile';

export const SCHOLAR_SKIPPED = 'Google Scholar profiles are checked when you visit them';

/** How many of an arXiv author search's newest papers a check reads (one API request). */
export const ARXIV_QUERY_MAX = 100;

export type CheckSource = 'arxiv' | 'arxiv-query' | 'dblp' | 's2' | 'openreview';

export interface CheckPlan {
  source: CheckSource;
  /** For messages: "arXiv", "DBLP", … */
  label: string;
  /** The URL asked (for S2/OpenReview the profile page URL; the API URL is fetchRemoteProfile's). */
  url: string;
  /** Fetches and parses. Throws the HTTP client's errors; a body it cannot read comes back as `ok: false`. */
  fetch(http: HttpClient, opts: { now: Date; settings: Settings }): Promise<ParseOutcome>;
  /** Puts back what the source does not say but the stored author has (the search's query, the name). */
  adapt(scrape: ScrapeResult): ScrapeResult;
}

/** The author's own id after the prefix (`arxiv:zhao_y_1` → `zhao_y_1`). */
function suffix(id: string): string {
  return id.slice(id.indexOf(':') + 1);
}

/** `https://arxiv.org/a/<id>.atom`: the author's articles, one `<author>` element per person. */
export function arxivAuthorFeedUrl(arxivAuthorId: string): string {
  return `https://arxiv.org/a/${encodeURIComponent(arxivAuthorId)}.atom`;
}

/**
 * The arXiv API's author term for an arXiv author-search query: "Del Maestro, A" → `Del_Maestro_A`
 * (surname words and initials joined by `_`, the API's `au:` convention); a name without a comma
 * ("Ada Lovelace") becomes a quoted phrase. Accents and punctuation other than `-` and `'` are dropped.
 */
export function arxivAuthorTerm(query: string): string {
  const clean = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^\p{L}\p{N}\s'-]/gu, ' ').replace(/\s+/g, ' ').trim();
  const comma = query.indexOf(',');
  if (comma < 0) {
    const words = clean(query);
    return words.includes(' ') ? `"${words}"` : words;
  }
  const last = clean(query.slice(0, comma));
  const first = clean(query.slice(comma + 1));
  return [last, first].filter(Boolean).join(' ').replace(/ /g, '_');
}

export function arxivQueryUrl(query: string): string {
  const term = arxivAuthorTerm(query);
  return `${ARXIV_API}?search_query=au:${encodeURIComponent(term)}&sortBy=submittedDate&sortOrder=descending&max_results=${ARXIV_QUERY_MAX}`;
}

/** The arXiv author search a query-only author came from (used when the stored row has no URL). */
export function arxivSearchUrl(query: string): string {
  return `https://arxiv.org/search/?searchtype=author&query=${encodeURIComponent(query).replace(/%20/g, '+')}`;
}

const identity = (s: ScrapeResult): ScrapeResult => s;

/** The plan for checking this author, or the reason there is none. */
export function planCheck(author: Author): CheckPlan | { error: string } {
  const id = author.id;
  const prefix = id.slice(0, id.indexOf(':') + 1);
  switch (prefix) {
    case 'gscholar:':
      return { error: SCHOLAR_SKIPPED };

    case 'arxiv:': {
      const arxivId = author.ids.arxiv?.trim() || suffix(id);
      const url = arxivAuthorFeedUrl(arxivId);
      return {
        source: 'arxiv', label: 'arXiv', url,
        fetch: async (http, { now }) => parseAtom(await http.getText(url), url, now),
        adapt: (scrape) => {
          // The feed's title names the person; when it does not, parseAtom falls back to the bare id.
          const a = scrape.author;
          if (!a || (a.name !== a.arxivId && a.name.trim() !== '')) return scrape;
          return { ...scrape, author: { ...a, name: author.name } };
        },
      };
    }

    case 'arxiv-query:': {
      const query = author.ids.arxivQuery?.trim() || suffix(id);
      const url = arxivQueryUrl(query);
      return {
        source: 'arxiv-query', label: 'arXiv API', url,
        fetch: async (http, { now }) => parseAtom(await http.getText(url), url, now),
        adapt: (scrape) => {
          // Same subject as the search page: `authorKey` turns the query into the same id. The extra
          // ref carries the stored name through `displayName` (an API feed links no author).
          const subject: AuthorRef = { name: author.name, url: author.url ?? arxivSearchUrl(query), arxivId: null, query };
          return { ...scrape, author: subject, authors: [{ ...subject, url: null }, ...scrape.authors] };
        },
      };
    }

    case 'dblp:': {
      const pid = author.ids.dblp?.trim() || suffix(id);
      const url = `https://dblp.org/pid/${pid}.xml`;
      return {
        source: 'dblp', label: 'DBLP', url,
        fetch: async (http, { now }) => parseDblpXml(await http.getText(url), url, now),
        adapt: identity,
      };
    }

    case 's2:': {
      const s2 = author.ids.semanticScholar?.trim() || suffix(id);
      const url = s2AuthorUrl(s2);
      return {
        source: 's2', label: 'Semantic Scholar', url,
        fetch: (http, { now, settings }) => fetchRemoteProfile(http, url, { s2ApiKey: settings.keys.semanticScholar || null, now }),
        adapt: identity,
      };
    }

    case 'openreview:': {
      const or = author.ids.openreview?.trim() || suffix(id);
      const url = openReviewProfileUrl(or);
      return {
        source: 'openreview', label: 'OpenReview', url,
        fetch: (http, { now }) => fetchRemoteProfile(http, url, { now }),
        adapt: identity,
      };
    }

    default:
      return { error: `no source to check ${prefix ? `${prefix.slice(0, -1)} ` : ''}authors from` };
  }
}
