import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { annotationCollection } from '../../../lib/annotations';
import { factsOf, textAndSpans } from '../../../lib/article-facts';
import { lookupFrom } from '../../../lib/article';
import type { Lookup } from '../../../lib/describe';
import { annotationsUrl, articleUrl } from '../../../lib/urls';

export const getStaticPaths = (async () => {
  const lookup = lookupFrom(await getCollection('sources'), await getCollection('glossary'));
  const articles = await getCollection('articles');
  return articles.map((entry) => ({ params: { slug: entry.id }, props: { entry, lookup } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: CollectionEntry<'articles'>; lookup: Lookup }> = ({ props, site }) => {
  const { entry, lookup } = props;
  const body = annotationCollection({
    pageUrl: new URL(articleUrl(entry.id), site).href,
    collectionUrl: new URL(annotationsUrl(entry.id), site).href,
    title: entry.data.title,
    published: entry.data.published,
    updated: entry.data.updated,
    outletName: lookup.sources.get(entry.data.original.outlet.id)?.name ?? 'The outlet',
    claims: entry.data.claims,
    text: textAndSpans(factsOf(entry)),
    lookup,
  });
  return new Response(JSON.stringify(body, null, 2), {
    headers: { 'Content-Type': 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' },
  });
};
