import type { APIRoute } from 'astro';
import { annotationCollection } from '../../../publishing/annotations';
import { factsOf, textAndSpans } from '../../../analysis/article-facts';
import { annotationsUrl, articleUrl } from '../../../lib/urls';
import { loadRegistry } from '../../../collections/registry';
import { articleLookupPaths, type ArticleLookupProps } from './_paths';

export const getStaticPaths = articleLookupPaths;

// Read once for every article's collection, not once per article.
let bibliography: ReturnType<typeof loadRegistry>['bibliography'] | undefined;

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
    since: entry.data.since,
    corrections: entry.data.corrections,
    text: textAndSpans(factsOf(entry)),
    lookup,
    bibliography: (bibliography ??= loadRegistry().bibliography),
  });
  return new Response(JSON.stringify(body, null, 2), {
    headers: { 'Content-Type': 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' },
  });
};
