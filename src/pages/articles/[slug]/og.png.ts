import type { APIRoute } from 'astro';
import { drawAhead, pngResponse } from '../../../publishing/og-image';
import { articlePreview } from '../../../publishing/article-preview';
import { articleLookupPaths, type ArticleLookupProps } from './_paths';

export async function getStaticPaths() {
  const paths = await articleLookupPaths();
  // In a build every card is queued now, before any page renders (og-image-cache says why).
  drawAhead(paths.map(({ props }) => articlePreview(props.entry.data, props.lookup, import.meta.env.SITE)));
  return paths;
}

/** The article's preview: its title, the outlet analysed and who is speaking in it. */
export const GET: APIRoute<ArticleLookupProps> = ({ props, site }) =>
  pngResponse(articlePreview(props.entry.data, props.lookup, site!));
