import type { APIRoute } from 'astro';
import { url } from '../lib/urls';

/** Everything may be crawled; the sitemap's address is absolute, from the configured site. */
export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL(url('sitemap-index.xml'), site).href}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
