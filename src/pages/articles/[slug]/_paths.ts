// Paths of the per-article routes that need only the entry and the sources-and-glossary lookup
// (the preview image and the annotations), with the lookup built once for all of them.
import { getCollection, type CollectionEntry } from 'astro:content';
import { lookupFrom } from '../../../lib/article';
import type { Lookup } from '../../../lib/describe';

export interface ArticleLookupProps {
  entry: CollectionEntry<'articles'>;
  lookup: Lookup;
}

export async function articleLookupPaths() {
  const lookup = lookupFrom(await getCollection('sources'), await getCollection('glossary'));
  const articles = await getCollection('articles');
  return articles.map((entry) => ({
    params: { slug: entry.id },
    props: { entry, lookup } satisfies ArticleLookupProps,
  }));
}
