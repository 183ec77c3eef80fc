import type { APIRoute } from 'astro';
import { pngResponse, siteCard } from '../publishing/og-image';
import { hostLabel } from '../publishing/sharing';
import { url } from '../lib/urls';

/** The generic preview image, for pages that have none of their own. */
export const GET: APIRoute = ({ site }) =>
  pngResponse(
    siteCard({
      name: 'Sourced',
      tagline: 'Who said each thing in a news article, through which outlet, and how well it holds up.',
      host: hostLabel(new URL(url(''), site).href),
    }),
  );
