/**
 * Site-relative URLs that respect the configured base path (a site served under /sourced/).
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
