import type { APIRoute } from 'astro';
import { annotationCollection } from '../../../publishing/annotations';
import { factsOf, textAndSpans } from '../../../analysis/article-facts';
import { annotationsUrl, articleUrl } from '../../../lib/urls';
import { articleLookupPaths, type ArticleLookupProps } from './_paths';

export const getStaticPaths = articleLookupPaths;

export const GET: APIRoute<ArticleLookupProps> = ({ props, site }) => {
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
