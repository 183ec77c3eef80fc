import type { APIRoute } from 'astro';
import { siteUrls } from '../lib/urls';

/** Everything may be crawled; the sitemap's address is absolute, from the configured site. */
export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${siteUrls(site!).sitemap}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
