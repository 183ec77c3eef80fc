import type { APIRoute } from 'astro';
import { pngResponse, siteCard } from '../publishing/og-image';
import { hostLabel } from '../publishing/sharing';
import { SITE_NAME, TAGLINE } from '../lib/site';
import { siteUrls } from '../lib/urls';

/** The generic preview image, for pages that have none of their own. */
export const GET: APIRoute = ({ site }) =>
  pngResponse(siteCard({ name: SITE_NAME, tagline: TAGLINE, host: hostLabel(siteUrls(site!).home) }));
