import type { APIRoute } from 'astro';
import { drawAhead, pngResponse, type OgNode } from '../../../publishing/og-image';
import { articlePreview } from '../../../publishing/article-preview';
import { articleLookupPaths } from './_paths';

/** The article's preview: its title, the outlet analysed and who is speaking in it. */
export async function getStaticPaths() {
  const paths = (await articleLookupPaths()).map(({ params, props }) => ({
    params,
    props: { preview: articlePreview(props.entry.data, props.lookup, import.meta.env.SITE) },
  }));
  // In a build every card is queued now, before any page renders (og-image-cache says why).
  drawAhead(paths.map(({ props }) => props.preview));
  return paths;
}

export const GET: APIRoute<{ preview: OgNode }> = ({ props }) => pngResponse(props.preview);
