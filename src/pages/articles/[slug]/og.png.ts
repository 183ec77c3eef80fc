import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { lookupFrom } from '../../../lib/article';
import type { Lookup } from '../../../lib/describe';
import { articleCard, pngResponse } from '../../../lib/og-image';
import { hostLabel } from '../../../lib/sharing';
import { sourcingSummary } from '../../../lib/sourcing';
import { url } from '../../../lib/urls';

export const getStaticPaths = (async () => {
  const lookup = lookupFrom(await getCollection('sources'), await getCollection('glossary'));
  const articles = await getCollection('articles');
  return articles.map((entry) => ({ params: { slug: entry.id }, props: { entry, lookup } }));
}) satisfies GetStaticPaths;

/** The article's preview: its title, the outlet analysed and who is speaking in it. */
export const GET: APIRoute<{ entry: CollectionEntry<'articles'>; lookup: Lookup }> = ({ props, site }) => {
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
