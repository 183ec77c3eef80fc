/**
 * What the pages that list across articles need of each article's text facts: its glossary
 * mentions and its claims' exact words. The facts are read from the cache folder
 * (src/collections/article-parts.ts), and the glossary index, entry pages, mention archives and
 * entry feeds each need them for every article; kept here once per build, they are read and
 * parsed once instead of five times (docs/performance.md, "Warm rebuild, fifth pass").
 *
 * Keyed by the facts file's name, a hash of its content, so a kept digest is never stale: a
 * changed article gets a new name and is read again. Only the mentions and quotes are kept, not
 * the text and spans, which are most of the facts' bytes.
 */
import { partNames, type RenderedEntry } from '../collections/article-parts';
import type { Mention } from '../glossary/mentions';
import { claimQuotes, factsOf, type ArticleFacts } from './article-facts';

export interface ArticleDigest {
  /** Glossary mentions in the article's text, in document order. */
  readonly mentions: readonly Mention[];
  /** Claim id → its exact words, as marked. */
  readonly quotes: ReadonlyMap<string, string>;
}

const digests = new Map<string, ArticleDigest>();

/**
 * The article's mentions and claim quotes, read from its facts file the first time any page asks
 * and kept after. An entry holding its facts itself (no file) is worked out each time: it costs no
 * read.
 */
export function articleDigest(
  entry: RenderedEntry,
  read: (entry: RenderedEntry) => ArticleFacts = factsOf,
): ArticleDigest {
  const name = partNames(entry)?.facts;
  const kept = name === undefined ? undefined : digests.get(name);
  if (kept) return kept;
  const facts = read(entry);
  const digest: ArticleDigest = { mentions: facts.mentions, quotes: claimQuotes(facts) };
  if (name !== undefined) digests.set(name, digest);
  return digest;
}
