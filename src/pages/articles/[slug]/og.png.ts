import type { APIRoute } from 'astro';
import { articleCard, pngResponse } from '../../../lib/og-image';
import { hostLabel } from '../../../lib/sharing';
import { sourcingSummary } from '../../../lib/sourcing';
import { url } from '../../../lib/urls';
import { articleLookupPaths, type ArticleLookupProps } from './_paths';

export const getStaticPaths = articleLookupPaths;

/** The article's preview: its title, the outlet analysed and who is speaking in it. */
export const GET: APIRoute<ArticleLookupProps> = ({ props, site }) => {
  const { entry, lookup } = props;
  return pngResponse(
    articleCard({
      title: entry.data.title,
      outlet: lookup.sources.get(entry.data.original.outlet.id)?.name ?? entry.data.original.outlet.id,
      summary: sourcingSummary(entry.data.claims, lookup),
      host: hostLabel(new URL(url(''), site).href),
    }),
  );
};
