/**
 * Every glossary mention of each article: in its text (found by the Markdown pipeline), in its
 * title, and in the credit naming the outlet analysed. Glossary pages, the index and the feeds
 * count from this, so an entry named only in a title or as the outlet is not "not yet mentioned".
 */
import { buildAliasIndex, type AliasEntry } from '../glossary/aliases';
import { creditMentions, mentionsByEntry, type ArticleMentions, type Mention } from '../glossary/mentions';
import { articleUrl } from '../lib/urls';
import { refId, type Ref } from '../collections/lookup';
import { articleDigest } from './article-digest';

interface MentionedArticle {
  id: string;
  filePath?: string | undefined;
  rendered?: unknown;
  data: { title: string; original: { outlet: Ref } };
}

/** What the credit needs of a source: its name and the glossary entry describing it, if any. */
export type CreditSource = { name: string; glossary?: Ref | undefined };

/** Collection entries, as getCollection returns them. */
interface Entry<T> {
  id: string;
  data: T;
}

export function articleMentions(
  articles: readonly MentionedArticle[],
  glossary: readonly Entry<Omit<AliasEntry, 'id'>>[],
  sourceEntries: readonly Entry<CreditSource>[],
): ArticleMentions[] {
  const aliases = buildAliasIndex(glossary.map((g) => ({ ...g.data, id: g.id })));
  const sources = new Map(sourceEntries.map((s) => [s.id, s.data]));
  return articles.map((a) => {
    const outletId = refId(a.data.original.outlet);
    const outlet = sources.get(outletId);
    const credit = creditMentions(
      a.data.title,
      { name: outlet?.name ?? outletId, entry: outlet?.glossary ? refId(outlet.glossary) : undefined },
      aliases,
    );
    return { article: a.id, mentions: [...credit, ...articleDigest(a).mentions] };
  });
}

/** The mentions of one entry in one article, with what a list of them links to. */
export interface MentionGroup {
  /** Article id (slug). */
  article: string;
  title: string;
  url: string;
  mentions: Mention[];
}

/**
 * Every entry's mentions, grouped by article in the order the articles are given (newest first,
 * as routes read them), worked out once for all entries: the glossary index counts them, each
 * entry's page and mention archive list them, its feed links them. `all` is every article's
 * mentions, for relatedByEntry.
 */
export function mentionGroupsByEntry(
  articles: readonly MentionedArticle[],
  glossary: readonly Entry<Omit<AliasEntry, 'id'>>[],
  sourceEntries: readonly Entry<CreditSource>[],
): { groups: Map<string, MentionGroup[]>; all: ArticleMentions[] } {
  const all = articleMentions(articles, glossary, sourceEntries);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const groups = new Map<string, MentionGroup[]>();
  for (const [entry, found] of mentionsByEntry(all))
    groups.set(
      entry,
      found.map((m) => ({
        article: m.article,
        title: byId.get(m.article)!.data.title,
        url: articleUrl(m.article),
        mentions: m.mentions,
      })),
    );
  return { groups, all };
}

/** How many mentions the groups hold. */
export const mentionCount = (groups: readonly MentionGroup[]) => groups.reduce((n, g) => n + g.mentions.length, 0);
