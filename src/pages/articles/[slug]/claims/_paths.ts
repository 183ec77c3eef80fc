// One claims page per article. The article's claim quotes and the lookup are worked out once here.
import type { Lookup } from '../../../../collections/lookup';
import { articlesToRender, outlet, type Article } from '../../../../collections/routes';
import type { ClaimSentence } from '../../../../analysis/article-facts';
import { articleDigest } from '../../../../analysis/article-digest';
import { loadRegistry, type Registry } from '../../../../collections/registry';
import type { GlossaryItem } from '../../../../publishing/structured-data';
import { sharedArticleData } from '../_paths';

export interface ClaimPageProps {
  entry: Article;
  lookup: Lookup;
  outletName: string;
  outletUrl: string | undefined;
  /** Every claim's words in this article. */
  quotes: ReadonlyMap<string, string>;
  /** Every claim's sentence in this article. */
  sentences: ReadonlyMap<string, ClaimSentence>;
  /** Glossary entries, for the speakers in the structured data; one array shared by all pages. */
  glossary: GlossaryItem[];
  /** The works claims were checked against. */
  bibliography: Registry['bibliography'];
}

export async function claimPaths() {
  const { lookup, glossary } = await sharedArticleData();
  const { bibliography } = loadRegistry();
  return (await articlesToRender()).map((entry) => {
    // From the digest the annotations kept (or a read of the facts, when they did not).
    const { quotes, sentences } = articleDigest(entry);
    for (const claim of entry.data.claims)
      if (!quotes.get(claim.id))
        throw new Error(`${entry.filePath}: claim "${claim.id}" has no mark in the rendered text.`);
    const { name, url } = outlet(entry, lookup);
    const props: ClaimPageProps = {
      entry,
      lookup,
      outletName: name,
      outletUrl: url,
      quotes,
      sentences,
      glossary,
      bibliography,
    };
    return { params: { slug: entry.id }, props };
  });
}
