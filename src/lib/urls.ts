/**
 * Every address on the site, in one place. Site-relative ones respect the configured base path
 * (a site served under /sourced/); `siteUrls` makes the absolute ones that feeds, link previews
 * and structured data need, from the configured site.
 */
const BASE = (import.meta.env?.BASE_URL as string | undefined) ?? '/';

/** `url('methodology/')` → "/methodology/", or "/sourced/methodology/" under a base path. */
export function url(path: string, base: string = BASE): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return `${b}${path.replace(/^\//, '')}`;
}

export const articleUrl = (slug: string, base?: string) => url(`articles/${slug}/`, base);
export const annotationsUrl = (slug: string, base?: string) => url(`articles/${slug}/annotations.jsonld`, base);
/** A claim's shareable page. */
export const claimUrl = (slug: string, claimId: string, base?: string) =>
  url(`articles/${slug}/claims/${claimId}/`, base);
/** Link-preview images (1200×630 PNG), made at build time. */
export const articleImageUrl = (slug: string, base?: string) => url(`articles/${slug}/og.png`, base);
export const siteImageUrl = (base?: string) => url('og.png', base);
/** The site's feeds. */
export const rssUrl = (base?: string) => url('rss.xml', base);
export const atomUrl = (base?: string) => url('atom.xml', base);
export const sitemapUrl = (base?: string) => url('sitemap-index.xml', base);
/** Glossary pages, and each entry's feed of the articles that mention it. */
export const entryUrl = (id: string, base?: string) => url(`glossary/${id}/`, base);
export const entryFeedUrl = (id: string, base?: string) => url(`glossary/${id}/rss.xml`, base);
export const glossaryIndexUrl = (base?: string) => url('glossary/', base);
export const methodologyUrl = (base?: string) => url('methodology/', base);
/** Numbered list pages: page 1 is the folder itself, page n its n/ (Astro's paginate). */
const paged = (folder: string, page: number) => (page <= 1 ? folder : `${folder}${page}/`);
/** Every article, page by page, newest first. */
export const archiveUrl = (page = 1, base?: string) => url(paged('archive/', page), base);
/** Every article that mentions a glossary entry, page by page. */
export const entryMentionsUrl = (id: string, page = 1, base?: string) =>
  url(paged(`glossary/${id}/mentions/`, page), base);

/** A site-relative address made absolute against the configured site (Astro.site). */
export const absolute = (path: string, site: URL | string): string => new URL(path, site).href;

/** Absolute addresses, for feeds, link previews and structured data. */
export interface Urls {
  /** The site's home page. */
  home: string;
  article: (slug: string) => string;
  annotations: (slug: string) => string;
  /** A claim's own page. */
  claim: (slug: string, claimId: string) => string;
  articleImage: (slug: string) => string;
  /** A glossary entry's page. */
  glossary: (id: string) => string;
  glossaryIndex: string;
  rss: string;
  atom: string;
  sitemap: string;
}

/** Absolute URLs for a site at `site` (Astro.site) under `base`. */
export function siteUrls(site: URL | string, base?: string): Urls {
  const abs = (path: string) => absolute(path, site);
  return {
    home: abs(url('', base)),
    article: (slug) => abs(articleUrl(slug, base)),
    annotations: (slug) => abs(annotationsUrl(slug, base)),
    claim: (slug, id) => abs(claimUrl(slug, id, base)),
    articleImage: (slug) => abs(articleImageUrl(slug, base)),
    glossary: (id) => abs(entryUrl(id, base)),
    glossaryIndex: abs(glossaryIndexUrl(base)),
    rss: abs(rssUrl(base)),
    atom: abs(atomUrl(base)),
    sitemap: abs(sitemapUrl(base)),
  };
}
