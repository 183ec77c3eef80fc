/**
 * Works out the article's text facts (src/analysis/article-facts.ts) from the finished tree and
 * hands them to Astro with the render, so no page has to parse the article's HTML again.
 */
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { FACTS_KEY, factsFromTree, type ArticleFacts } from '../analysis/article-facts';
import { WARNINGS_KEY, warningsOf } from '../lib/vfile-problems';

declare module 'vfile' {
  interface DataMap {
    /** The article's words, claim spans and glossary mentions. */
    articleFacts: ArticleFacts;
  }
}

export function rehypeArticleFacts() {
  return (tree: Root, file: VFile): void => {
    const facts = factsFromTree(tree, file.data.cardCitations);
    file.data.articleFacts = facts;
    // Astro stores file.data.astro.frontmatter with the render, beside the entry's own data. Only
    // the facts go there: a second copy of the frontmatter would be kept with every article.
    const astro = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro;
    // Warnings go with them, for the loader to report (src/loaders/checked-glob.ts).
    const warnings = warningsOf(file);
    if (astro) astro.frontmatter = { [FACTS_KEY]: facts, ...(warnings.length ? { [WARNINGS_KEY]: warnings } : {}) };
  };
}
