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
