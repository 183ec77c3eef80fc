import type { APIRoute } from 'astro';
import { annotationCollection } from '../../../publishing/annotations';
import { textAndSpans } from '../../../analysis/article-facts';
import { articleDigest } from '../../../analysis/article-digest';
import { bibliography as readBibliography, outlet } from '../../../collections/routes';
import { siteUrls } from '../../../lib/urls';
import { articleLookupPaths, type ArticleLookupProps } from './_paths';

export const getStaticPaths = articleLookupPaths;

// Read once for every article's collection, not once per article.
let bibliography: ReturnType<typeof readBibliography> | undefined;

export const GET: APIRoute<ArticleLookupProps> = ({ props, site }) => {
  const { entry, lookup } = props;
  const urls = siteUrls(site!);
  const body = annotationCollection({
    pageUrl: urls.article(entry.id),
    collectionUrl: urls.annotations(entry.id),
    siteUrl: urls.home,
    title: entry.data.title,
    published: entry.data.published,
    updated: entry.data.updated,
    outletName: outlet(entry, lookup).name,
    claims: entry.data.claims,
    since: entry.data.since,
    corrections: entry.data.corrections,
    // From the digest of the facts, kept for the claims and glossary pages too.
    text: textAndSpans(articleDigest(entry)),
    lookup,
    bibliography: (bibliography ??= readBibliography()),
  });
  // Compact: whitespace would be a third of the file, and readers of JSON-LD do not need it.
  return new Response(JSON.stringify(body), {
    headers: { 'Content-Type': 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' },
  });
};
