/**
 * What pages need of each article's text facts beyond the article's own pages: its glossary
 * mentions, its claims' exact words and their sentences. The facts are read from the cache
 * folder (src/collections/article-parts.ts); the claims lists, the glossary index, entry pages,
 * mention archives and entry feeds each need these for every article. Kept here once per build,
 * and taken from whichever page read the whole facts first (the annotations, rendered before the
 * others), the facts are read twice a build (annotations, article page) instead of four times
 * (docs/performance.md, "Warm rebuild, fifth pass" and "Cold build, eighth pass").
 *
 * Keyed by the facts file's name, a hash of its content, so a kept digest is never stale: a
 * changed article gets a new name and is read again. Only the mentions, quotes and sentences are
 * kept, not the text, spans and citations, which are most of the facts' bytes.
 */
import { partNames, type RenderedEntry } from '../collections/article-parts';
import type { Mention } from '../glossary/mentions';
import { claimQuotes, claimSentences, factsOf, type ArticleFacts, type ClaimSentence } from './article-facts';

export interface ArticleDigest {
  /** Glossary mentions in the article's text, in document order. */
  readonly mentions: readonly Mention[];
  /** Claim id → its exact words, as marked, in text order. */
  readonly quotes: ReadonlyMap<string, string>;
  /** Claim id → the sentence its words stand in. */
  readonly sentences: ReadonlyMap<string, ClaimSentence>;
}

const digests = new Map<string, ArticleDigest>();

const digestOf = (facts: ArticleFacts): ArticleDigest => ({
  mentions: facts.mentions,
  quotes: claimQuotes(facts),
  sentences: claimSentences(facts),
});

/**
 * The article's mentions, claim quotes and sentences, from the digest kept by the first page that
 * read its facts, or read now and kept. An entry holding its facts itself (no file) is worked out
 * each time: it costs no read.
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
 * The article's whole facts, for a page that needs its text, spans or citations (its annotations,
 * its page, the feeds); keeps their digest on the way, so the pages after need not read them.
 */
export function factsAndDigestOf(
  entry: RenderedEntry,
  read: (entry: RenderedEntry) => ArticleFacts = factsOf,
): { facts: ArticleFacts; digest: ArticleDigest } {
  const facts = read(entry);
  const name = partNames(entry)?.facts;
  let digest = name === undefined ? undefined : digests.get(name);
  if (!digest) {
    digest = digestOf(facts);
    if (name !== undefined) digests.set(name, digest);
  }
  return { facts, digest };
}
