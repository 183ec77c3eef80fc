/**
 * Site-wide settings and words, set once. Settings a deployment may change are environment
 * variables, so a host's build settings or a CI workflow set them without touching the code
 * (docs/deploying.md). They are read from import.meta.env in pages and from process.env in
 * astro.config.mjs and the build hooks, which run outside Vite.
 */
export const SITE_NAME = 'Sourced';

/** What the site does, written once for the home page, the feeds, the footer and the preview image. */
const WHAT = 'who said each thing in a news article, through which outlet, and how well it holds up';
export const TAGLINE = `${WHAT.charAt(0).toUpperCase()}${WHAT.slice(1)}.`;
export const SITE_SUMMARY = `${SITE_NAME} shows ${WHAT}.`;
export const SITE_IMAGE_ALT = `${SITE_NAME}: ${WHAT}.`;

function setting(name: string): string | undefined {
  const fromVite = import.meta.env?.[name] as string | undefined;
  return fromVite ?? (typeof process === 'undefined' ? undefined : process.env[name]);
}

/** Where readers send corrections; set PUBLIC_CORRECTIONS_EMAIL when deploying. */
export const CORRECTIONS_EMAIL: string = setting('PUBLIC_CORRECTIONS_EMAIL') ?? 'corrections@sourced.example';

/**
 * Which claims get a page of their own (articles/<slug>/claims/<id>/), for sharing with its own
 * link preview: every claim, only the verdicts (inaccurate, unsupported, disputed), or none.
 * Each page is one more file, which is what hosts count (docs/performance.md); a claim without a
 * page is shared by its place in the article (#claim-<id>).
 */
export const CLAIM_PAGE_SETTINGS = ['all', 'verdicts', 'none'] as const;
export type ClaimPagesSetting = (typeof CLAIM_PAGE_SETTINGS)[number];
export const CLAIM_PAGES_VARIABLE = 'SOURCED_CLAIM_PAGES';

/** Reads a claimPages value; anything else is an error that names the allowed values. */
export function claimPagesSetting(value: string | undefined): ClaimPagesSetting {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '') return 'all';
  if ((CLAIM_PAGE_SETTINGS as readonly string[]).includes(v)) return v as ClaimPagesSetting;
  const near = CLAIM_PAGE_SETTINGS.find((s) => s.startsWith(v.slice(0, 1)));
  throw new Error(
    `${CLAIM_PAGES_VARIABLE}="${value}" is not a claim-pages setting.` +
      `\nFix: set ${CLAIM_PAGES_VARIABLE} to ${CLAIM_PAGE_SETTINGS.join(', ')} (or leave it unset for all)` +
      `${near ? `; did you mean "${near}"?` : '.'}`,
  );
}

export const CLAIM_PAGES: ClaimPagesSetting = claimPagesSetting(setting(CLAIM_PAGES_VARIABLE));

/**
 * How many items a page lists before the rest goes to numbered archive pages, so that no page
 * grows with the corpus (docs/performance.md, "Constant-size pages"). The feeds keep their own
 * cap (FEED_LIMIT in src/pages/_feeds.ts).
 */
export const LIST_LIMITS = {
  /** Newest articles on the home page. */
  homeArticles: 20,
  /** Articles on each page of the archive (/archive/, /archive/2/, …). */
  archivePage: 50,
  /** Newest articles whose mentions a glossary entry's page shows. */
  entryMentionArticles: 10,
  /** Articles on each page of an entry's mention archive (/glossary/<id>/mentions/). */
  entryMentionPage: 25,
  /** Newest claims an entry's page lists under "Claims by". */
  entryClaims: 20,
} as const;
