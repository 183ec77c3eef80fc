// One claims page per article. The article's HTML is parsed and the lookup built once here.
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Lookup } from '../../../../collections/lookup';
import { claimQuotes, claimSentences, factsOf, type ClaimSentence } from '../../../../analysis/article-facts';
import type { GlossaryItem } from '../../../../publishing/structured-data';
import { sharedArticleData } from '../_paths';

export interface ClaimPageProps {
  entry: CollectionEntry<'articles'>;
  lookup: Lookup;
  outletName: string;
  outletUrl: string | undefined;
  /** Every claim's words in this article. */
  quotes: Map<string, string>;
  /** Every claim's sentence in this article. */
  sentences: Map<string, ClaimSentence>;
  /** Glossary entries, for the speakers in the structured data; one array shared by all pages. */
  glossary: GlossaryItem[];
}

export async function claimPaths() {
  const { lookup, glossary } = await sharedArticleData();
  const articles = await getCollection('articles');
  return articles.map((entry) => {
    const html = entry.rendered?.html;
    if (!html) throw new Error(`${entry.filePath}: the article body failed to render; see the error above.`);
    const facts = factsOf(entry);
    const quotes = claimQuotes(facts);
    for (const claim of entry.data.claims)
      if (!quotes.get(claim.id))
        throw new Error(`${entry.filePath}: claim "${claim.id}" has no mark in the rendered text.`);
    const outlet = lookup.sources.get(entry.data.original.outlet.id);
    const props: ClaimPageProps = {
      entry,
      lookup,
      outletName: outlet?.name ?? 'The outlet',
      outletUrl: outlet?.url,
      quotes,
      sentences: claimSentences(facts),
      glossary,
    };
    return { params: { slug: entry.id }, props };
  });
}
