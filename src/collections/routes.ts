/**
 * What routes read, and the only module that calls getCollection: articles newest first,
 * the glossary, the lookup of sources and glossary entries by id, each article's outlet and
 * HTML, and the bibliography. Pages take these as they are; they do not sort, guard or fall back.
 */
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { articleHtmlOf } from './article-parts';
import { lookupFrom, outletOf, type Lookup } from './lookup';
import { isDraft } from './drafts';
import { newestFirst } from './order';
import { loadRegistry, type Registry } from './registry';
import { renderOnly } from './render-only';

export type Article = CollectionEntry<'articles'>;
export type GlossaryEntry = CollectionEntry<'glossary'>;
export type SourceEntry = CollectionEntry<'sources'>;

declare global {
  interface ImportMetaEnv {
    /** True under `astro dev` only; set from the command by src/integrations/drafts. */
    readonly SOURCED_SHOW_DRAFTS?: boolean;
  }
}

/**
 * Drafts (`status: draft`) are pages under `npm run dev` only. Every public page, feed, the
 * sitemap and the search index read their articles here, so a production build leaves drafts
 * out of all of them.
 */
export const SHOW_DRAFTS: boolean = import.meta.env.SOURCED_SHOW_DRAFTS === true;

/** Every article a reader may see, newest first (src/collections/order.ts): drafts only in dev. */
export async function articles(): Promise<Article[]> {
  return (await getCollection('articles', (entry) => SHOW_DRAFTS || !isDraft(entry.data))).sort(newestFirst);
}

/**
 * The articles whose own pages (article, claims, preview image, annotations) this build renders:
 * every article, or in an incremental build only the changed ones (./render-only.ts); the
 * build puts the others' pages back from the previous output. Pages that list across articles
 * use articles(), never this.
 */
export async function articlesToRender(): Promise<Article[]> {
  const all = await articles();
  const only = renderOnly();
  return only ? all.filter((a) => a.filePath !== undefined && only.has(a.filePath)) : all;
}

/** Every glossary entry, in the order Astro loads them (pages that list them sort by name). */
export const glossaryEntries = (): Promise<GlossaryEntry[]> => getCollection('glossary');

/** Every source (outlets, agencies, primary records), in the order Astro loads them. */
export const sourceEntries = (): Promise<SourceEntry[]> => getCollection('sources');

/** Sources and glossary entries by id, as badge wording, feeds and structured data take them. */
export async function lookup(): Promise<Lookup> {
  return lookupFrom(await sourceEntries(), await glossaryEntries());
}

/** The outlet the article analyses: its name (or the one fallback) and address. */
export const outlet = (article: Article, lookup: Lookup) => outletOf(lookup, article.data.original.outlet.id);

/**
 * The article's rendered HTML, read from the cache folder, where the loader keeps it out of
 * Astro's content store (./article-parts.ts), so a page reads only its own article's. The loader
 * fails the build when an article does not render (src/loaders/checked-glob.ts), so in a build
 * it is always there; in dev the error is logged and the page shows an empty body until the file
 * is fixed.
 */
export const articleHtml = (article: Article): string => articleHtmlOf(article);

/** The article's body as Astro's render() gives it (Content, headings), with its HTML read as above. */
export const renderArticle = (article: Article) =>
  render({ ...article, rendered: { ...article.rendered, html: articleHtml(article) } });

/** The CSL-JSON bibliography, which is not a collection: read from disk with the registry. */
export const bibliography = (): Registry['bibliography'] => loadRegistry().bibliography;
