// What the per-article routes share, built once per route rather than once per page.
import { getCollection, type CollectionEntry } from 'astro:content';
import { getArticles } from '../../../collections/articles';
import { lookupFrom } from '../../../collections/lookup';
import type { Lookup } from '../../../collections/lookup';
import { articlePreview } from '../../../publishing/article-preview';
import { drawAhead } from '../../../publishing/og-image';
import type { GlossaryItem } from '../../../publishing/structured-data';

/** The sources-and-glossary lookup, and the glossary as structured data takes it. */
export async function sharedArticleData(): Promise<{ lookup: Lookup; glossary: GlossaryItem[] }> {
  const glossaryEntries = await getCollection('glossary');
  return {
    lookup: lookupFrom(await getCollection('sources'), glossaryEntries),
    glossary: glossaryEntries.map((g) => ({ id: g.id, data: g.data })),
  };
}

export interface ArticleLookupProps {
  entry: CollectionEntry<'articles'>;
  lookup: Lookup;
}

/**
 * Paths of the routes that need only the entry and the lookup (preview image, annotations).
 * The first such route to be built also starts drawing the preview cards in the background.
 */
export async function articleLookupPaths() {
  const { lookup } = await sharedArticleData();
  const articles = await getArticles();
  drawAhead(articles.map((entry) => articlePreview(entry.data, lookup, import.meta.env.SITE)));
  return articles.map((entry) => ({
    params: { slug: entry.id },
    props: { entry, lookup } satisfies ArticleLookupProps,
  }));
}
