// One page and one preview image per claim. The article's HTML is parsed and the lookup built
// once per article here, not once per claim page.
import { getCollection, type CollectionEntry } from 'astro:content';
import { lookupFrom } from '../../../../lib/article';
import type { Lookup } from '../../../../lib/describe';
import { articleText, type GlossaryItem } from '../../../../lib/structured-data';

export interface ClaimPageProps {
  entry: CollectionEntry<'articles'>;
  claim: CollectionEntry<'articles'>['data']['claims'][number];
  /** The claim's exact words in the article. */
  quote: string;
  lookup: Lookup;
  outletName: string;
  outletUrl: string | undefined;
  /** Every claim's words in this article, for its structured data. */
  quotes: Map<string, string>;
  /** Glossary entries, for the speaker in the structured data; one array shared by all pages. */
  glossary: GlossaryItem[];
}

export async function claimPaths() {
  const glossaryEntries = await getCollection('glossary');
  const lookup = lookupFrom(await getCollection('sources'), glossaryEntries);
  const glossary: GlossaryItem[] = glossaryEntries.map((g) => ({ id: g.id, data: g.data }));
  const articles = await getCollection('articles');
  return articles.flatMap((entry) => {
    const html = entry.rendered?.html;
    if (!html) throw new Error(`${entry.filePath}: the article body failed to render; see the error above.`);
    const { quotes } = articleText(html);
    const outlet = lookup.sources.get(entry.data.original.outlet.id);
    return entry.data.claims.map((claim) => {
      const quote = quotes.get(claim.id);
      if (!quote) throw new Error(`${entry.filePath}: claim "${claim.id}" has no mark in the rendered text.`);
      const props: ClaimPageProps = {
        entry,
        claim,
        quote,
        lookup,
        outletName: outlet?.name ?? 'The outlet',
        outletUrl: outlet?.url,
        quotes,
        glossary,
      };
      return { params: { slug: entry.id, claim: claim.id }, props };
    });
  });
}
