// One claims page per article. What all its pages share (the lookup, glossary, bibliography) is
// worked out once here; each article's quotes and sentences when its page renders.
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
  /** Glossary entries, for the speakers in the structured data; one array shared by all pages. */
  glossary: GlossaryItem[];
  /** The works claims were checked against. */
  bibliography: Registry['bibliography'];
}

export async function claimPaths() {
  const { lookup, glossary } = await sharedArticleData();
  const { bibliography } = loadRegistry();
  return (await articlesToRender()).map((entry) => {
    const { name, url } = outlet(entry, lookup);
    const props: ClaimPageProps = { entry, lookup, outletName: name, outletUrl: url, glossary, bibliography };
    return { params: { slug: entry.id }, props };
  });
}

/**
 * Every claim's words and sentence in the article, from the digest of its facts. Read when the
 * page renders, not in claimPaths: Astro asks every route for its paths before rendering any, so
 * there the facts were read once more than the annotations, rendered first, already read them
 * (docs/performance.md, "Cold build, eighth pass").
 */
export function claimWords(entry: Article): {
  quotes: ReadonlyMap<string, string>;
  sentences: ReadonlyMap<string, ClaimSentence>;
} {
  const { quotes, sentences } = articleDigest(entry);
  for (const claim of entry.data.claims)
    if (!quotes.get(claim.id))
      throw new Error(`${entry.filePath}: claim "${claim.id}" has no mark in the rendered text.`);
  return { quotes, sentences };
}
