/**
 * The manifest's permissions, declared once so the README, the build and the manifest test agree.
 * Each entry says why the extension needs it.
 */
export const PERMISSION_REASONS = {
  storage: 'remember the overlay state and settings (storage.local), and carry your watchlist to your other browsers (storage.sync)',
  alarms: 'check the authors on your watchlist for new papers once a day (or as often as you set)',
} as const;

/** Asked for only when the user turns the feature on (options page). */
export const OPTIONAL_PERMISSION_REASONS = {
  notifications: 'only if you turn it on: a notification when watched authors have new papers',
} as const;

export const HOST_PERMISSION_REASONS = {
  'https://arxiv.org/*': 'read arXiv author, search, abstract and listing pages to build profiles',
  'https://export.arxiv.org/*': "fetch paper metadata (abstract, dates, categories) from arXiv's Atom API, 100 papers a request",
  'https://api.semanticscholar.org/*': 'fetch citation counts (500 papers a request) and author identities from the Semantic Scholar Graph API',
  'https://www.semanticscholar.org/*': 'show the overlay on Semantic Scholar author pages you open, also when you reach one inside the site',
  'https://openreview.net/*': 'show the overlay on OpenReview profile pages you open, also when you reach one inside the site',
  'https://api2.openreview.net/*': "read the papers of the OpenReview profile you open from OpenReview's API",
  'https://api.openalex.org/*': "only when you turn OpenAlex on and give your key: the author's OpenAlex numbers, by ORCID",
  'https://huggingface.co/*': 'only when you turn it on: code links from the Hugging Face papers API',
} as const;

/** Google Scholar is served under many country domains; these are the ones the extension reads. */
export const SCHOLAR_MATCHES = [
  'https://scholar.google.com/*', 'https://scholar.google.co.uk/*', 'https://scholar.google.de/*', 'https://scholar.google.fr/*',
  'https://scholar.google.es/*', 'https://scholar.google.it/*', 'https://scholar.google.com.br/*', 'https://scholar.google.pt/*',
  'https://scholar.google.ca/*', 'https://scholar.google.com.au/*', 'https://scholar.google.co.jp/*', 'https://scholar.google.co.in/*',
] as const;
export const DBLP_MATCHES = ['https://dblp.org/*', 'https://dblp.uni-trier.de/*'] as const;

export const PERMISSIONS = Object.keys(PERMISSION_REASONS) as (keyof typeof PERMISSION_REASONS)[];
export const OPTIONAL_PERMISSIONS = Object.keys(OPTIONAL_PERMISSION_REASONS) as (keyof typeof OPTIONAL_PERMISSION_REASONS)[];
export const HOST_PERMISSIONS = [...Object.keys(HOST_PERMISSION_REASONS), ...SCHOLAR_MATCHES, ...DBLP_MATCHES];
