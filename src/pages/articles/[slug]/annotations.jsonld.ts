import type { APIRoute } from 'astro';
import { annotationCollection } from '../../../publishing/annotations';
import { factsOf, textAndSpans } from '../../../analysis/article-facts';
import { outlet } from '../../../collections/routes';
import { siteUrls } from '../../../lib/urls';
import { articleLookupPaths, type ArticleLookupProps } from './_paths';

export const getStaticPaths = articleLookupPaths;

export const GET: APIRoute<ArticleLookupProps> = ({ props, site }) => {
  const { entry, lookup } = props;
  const urls = siteUrls(site!);
  const body = annotationCollection({
    pageUrl: urls.article(entry.id),
    collectionUrl: urls.annotations(entry.id),
    title: entry.data.title,
    published: entry.data.published,
    updated: entry.data.updated,
    outletName: outlet(entry, lookup).name,
    claims: entry.data.claims,
    text: textAndSpans(factsOf(entry)),
    lookup,
  });
  return new Response(JSON.stringify(body, null, 2), {
    headers: { 'Content-Type': 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' },
  });
};
