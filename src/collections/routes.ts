/**
 * What routes read, and the only module that calls getCollection: articles newest first,
 * the glossary, the lookup of sources and glossary entries by id, each article's outlet and
 * HTML, and the bibliography. Pages take these as they are; they do not sort, guard or fall back.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { lookupFrom, outletOf, type Lookup } from './lookup';
import { newestFirst } from './order';
import { loadRegistry, type Registry } from './registry';

export type Article = CollectionEntry<'articles'>;
export type GlossaryEntry = CollectionEntry<'glossary'>;

/** Every article, newest first (src/collections/order.ts). */
export async function articles(): Promise<Article[]> {
  return (await getCollection('articles')).sort(newestFirst);
}

/** Every glossary entry, in the order Astro loads them (pages that list them sort by name). */
export const glossaryEntries = (): Promise<GlossaryEntry[]> => getCollection('glossary');

/** Sources and glossary entries by id, as badge wording, feeds and structured data take them. */
export async function lookup(): Promise<Lookup> {
  return lookupFrom(await getCollection('sources'), await glossaryEntries());
}

/** The outlet the article analyses: its name (or the one fallback) and address. */
export const outlet = (article: Article, lookup: Lookup) => outletOf(lookup, article.data.original.outlet.id);

/**
 * The article's rendered HTML. The loader fails the build when an article does not render
 * (src/loaders/checked-glob.ts), so in a build it is always there; in dev the error is logged
 * and the page shows an empty body until the file is fixed.
 */
export const articleHtml = (article: Article): string => article.rendered?.html ?? '';

/** The CSL-JSON bibliography, which is not a collection: read from disk with the registry. */
export const bibliography = (): Registry['bibliography'] => loadRegistry().bibliography;
