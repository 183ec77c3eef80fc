/**
 * Every glossary mention of each article: in its text (found by the Markdown pipeline), in its
 * title, and in the credit naming the outlet analysed. Glossary pages, the index and the feeds
 * count from this, so an entry named only in a title or as the outlet is not "not yet mentioned".
 */
import { buildAliasIndex, type AliasEntry } from '../glossary/aliases';
import { creditMentions, type ArticleMentions } from '../glossary/mentions';
import { refId, type Ref } from '../collections/lookup';
import { factsOf } from './article-facts';

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
    return { article: a.id, mentions: [...credit, ...factsOf(a).mentions] };
  });
}
