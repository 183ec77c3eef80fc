import type { APIRoute } from 'astro';
import { pngResponse } from '../../../publishing/og-image';
import { articlePreview } from '../../../publishing/article-preview';
import { articleLookupPaths, type ArticleLookupProps } from './_paths';

export const getStaticPaths = articleLookupPaths;

/** The article's preview: its title, the outlet analysed and who is speaking in it. */
export const GET: APIRoute<ArticleLookupProps> = ({ props, site }) =>
  pngResponse(articlePreview(props.entry.data, props.lookup, site!));
