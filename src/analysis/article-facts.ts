/**
 * What pages need to know about an article's rendered text: its words, where each claim sits in
 * them, and every glossary mention with its sentence. The Markdown pipeline works these out
 * once, from its own tree (rehype-article-facts.ts), and Astro stores them with the rendered
 * article; pages read them here instead of parsing the article's HTML again, which cost more
 * than rendering the pages themselves (docs/performance.md).
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { spansOf, type Span } from './claim-spans';
import { findMentions, sentenceBounds, type Mention } from '../glossary/mentions';
import { articleFactsOf, type RenderedEntry } from '../collections/article-parts';

/** Where the facts travel: a key Astro passes through as the render's plugin frontmatter. */
export { FACTS_KEY } from '../collections/article-parts';

export interface ArticleFacts {
  /** The article's text content, as a browser's textContent gives it. */
  text: string;
  /** Where each claim mark ("claim-<id>") and its block start and end in `text`. */
  spans: Record<string, Span>;
  /** Glossary mentions, in document order. */
  mentions: Mention[];
  /** The in-text citation of each key the claim cards cite (src/analysis/claim-card.ts). */
  citations: Record<string, Element>;
}

export function factsFromTree(tree: Root, citations: Record<string, Element> = {}): ArticleFacts {
  const { text, spans } = spansOf(tree);
  return { text, spans: Object.fromEntries(spans), mentions: findMentions(tree), citations };
}

/** The facts of rendered HTML, for tests and anything holding HTML rather than an entry. */
export const factsFromHtml = (html: string): ArticleFacts => factsFromTree(fromHtml(html, { fragment: true }));

/**
 * The facts of a rendered article, read from the cache folder where the loader keeps them
 * (src/collections/article-parts.ts); an article rendered without them is a build error.
 */
export function factsOf(entry: RenderedEntry): ArticleFacts {
  const facts = articleFactsOf(entry) as ArticleFacts | undefined;
  if (!facts || typeof facts.text !== 'string' || !facts.spans || !Array.isArray(facts.mentions) || !facts.citations)
    throw new Error(
      `${entry.filePath ?? entry.id}: the rendered article has no text facts; is rehypeArticleFacts in src/markdown/index.ts?`,
    );
  return facts;
}

/** The text and claim spans, as the annotation and quote helpers take them. */
export const textAndSpans = (facts: Pick<ArticleFacts, 'text' | 'spans'>) => ({
  text: facts.text,
  spans: new Map(Object.entries(facts.spans)),
});

/** Claim id → its exact words, as marked. */
export function claimQuotes(facts: ArticleFacts): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, s] of Object.entries(facts.spans))
    out.set(id.slice('claim-'.length), facts.text.slice(s.start, s.end));
  return out;
}

/** A claim's words with the rest of the sentence (or sentences) they stand in, whitespace collapsed. */
export interface ClaimSentence {
  before: string;
  words: string;
  after: string;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ');

/**
 * Claim id → the sentence its words stand in, split around them, found within the claim's
 * block; a claim that spans sentences gets all of them.
 */
export function claimSentences(facts: ArticleFacts): Map<string, ClaimSentence> {
  const out = new Map<string, ClaimSentence>();
  for (const [id, s] of Object.entries(facts.spans)) {
    const block = facts.text.slice(s.blockStart, s.blockEnd);
    const from = sentenceBounds(block, s.start - s.blockStart).start;
    const to = sentenceBounds(block, Math.max(s.start, s.end - 1) - s.blockStart).end;
    out.set(id.slice('claim-'.length), {
      before: collapse(block.slice(from, s.start - s.blockStart)).trimStart(),
      words: collapse(facts.text.slice(s.start, s.end)),
      after: collapse(block.slice(s.end - s.blockStart, to)).trimEnd(),
    });
  }
  return out;
}

/** The glossary entries the article mentions, sorted. */
export const mentionedEntries = (facts: ArticleFacts): string[] =>
  [...new Set(facts.mentions.map((m) => m.entry))].sort();
