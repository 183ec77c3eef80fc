// What the per-article routes share, built once per route rather than once per page.
import type { Lookup } from '../../../collections/lookup';
import { articlesToRender, glossaryEntries, lookup, type Article } from '../../../collections/routes';
import type { GlossaryItem } from '../../../publishing/structured-data';

/** The sources-and-glossary lookup, and the glossary as structured data takes it. */
export async function sharedArticleData(): Promise<{ lookup: Lookup; glossary: GlossaryItem[] }> {
  return {
    lookup: await lookup(),
    glossary: (await glossaryEntries()).map((g) => ({ id: g.id, data: g.data })),
  };
}

export interface ArticleLookupProps {
  entry: Article;
  lookup: Lookup;
}

/** Paths of the routes that need only the entry and the lookup (preview image, annotations). */
export async function articleLookupPaths() {
  const shared = await lookup();
  return (await articlesToRender()).map((entry) => ({
    params: { slug: entry.id },
    props: { entry, lookup: shared } satisfies ArticleLookupProps,
  }));
}
