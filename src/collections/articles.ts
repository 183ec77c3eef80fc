/**
 * The articles as pages, feeds and indexes see them. Drafts (`status: draft`) are part of the site
 * only in `astro dev`; a production build leaves them out of every page, feed, sitemap and search
 * index, because everything public reads its articles here.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { isDraft } from './drafts';

declare global {
  interface ImportMetaEnv {
    /** True under `astro dev` only; set by src/integrations/drafts from the command. */
    readonly SOURCED_SHOW_DRAFTS?: boolean;
  }
}

/** Drafts are shown by the development server only (`npm run dev`), never built for the public. */
export const SHOW_DRAFTS: boolean = import.meta.env.SOURCED_SHOW_DRAFTS === true;

/** Every article a reader may see: all of them in dev, the published ones in a build. */
export function getArticles(): Promise<CollectionEntry<'articles'>[]> {
  return getCollection('articles', (entry) => SHOW_DRAFTS || !isDraft(entry.data));
}
