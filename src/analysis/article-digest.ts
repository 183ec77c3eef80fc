/**
 * What pages need of each article's text facts, but its citations: its text and claim spans, its
 * glossary mentions, its claims' exact words and their sentences. The facts are read from the
 * cache folder (src/collections/article-parts.ts); the annotations, claims lists, glossary index,
 * entry pages, mention archives and entry feeds each need these for every article. Kept here once
 * per build, the facts are read twice a build (for this digest, first asked for by the glossary's
 * paths, which Astro collects before rendering any page; and by the article page, for the
 * citations) instead of four times (docs/performance.md, "Warm rebuild, fifth pass" and "Cold
 * build, eighth pass").
 *
 * Keyed by the facts file's name, a hash of its content, so a kept digest is never stale: a
 * changed article gets a new name and is read again. The citations, the largest part of the facts
 * as objects, are not kept. The text is: the quotes, cut from it, held it anyway.
 */
import { partNames, type RenderedEntry } from '../collections/article-parts';
import type { Mention } from '../glossary/mentions';
import { claimQuotes, claimSentences, factsOf, type ArticleFacts, type ClaimSentence } from './article-facts';

export interface ArticleDigest {
  /** The article's text content (ArticleFacts). */
  readonly text: string;
  /** Where each claim mark and its block start and end in `text` (ArticleFacts). */
  readonly spans: ArticleFacts['spans'];
  /** Glossary mentions in the article's text, in document order. */
  readonly mentions: readonly Mention[];
  /** Claim id → its exact words, as marked, in text order. */
  readonly quotes: ReadonlyMap<string, string>;
  /** Claim id → the sentence its words stand in. */
  readonly sentences: ReadonlyMap<string, ClaimSentence>;
}

const digests = new Map<string, ArticleDigest>();

const digestOf = (facts: ArticleFacts): ArticleDigest => ({
  text: facts.text,
  spans: facts.spans,
  mentions: facts.mentions,
  quotes: claimQuotes(facts),
  sentences: claimSentences(facts),
});

/**
 * The article's digest, kept from the first read of its facts, or read now and kept. An entry
 * holding its facts itself (no file) is worked out each time: it costs no read.
 */
export function articleDigest(
  entry: RenderedEntry,
  read: (entry: RenderedEntry) => ArticleFacts = factsOf,
): ArticleDigest {
  const name = partNames(entry)?.facts;
  const kept = name === undefined ? undefined : digests.get(name);
  if (kept) return kept;
  const digest = digestOf(read(entry));
  if (name !== undefined) digests.set(name, digest);
  return digest;
}

/**
 * The article's whole facts, for a page that needs its citations (the article page), with the
 * digest: kept, or made from the same read and kept.
 */
export function factsAndDigestOf(
  entry: RenderedEntry,
  read: (entry: RenderedEntry) => ArticleFacts = factsOf,
): { facts: ArticleFacts; digest: ArticleDigest } {
  const facts = read(entry);
  // The same keeping as articleDigest, with this read as its read.
  return { facts, digest: articleDigest(entry, () => facts) };
}
