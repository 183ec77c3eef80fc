// What a glossary entry's page and its mention archive share: every entry's mentions, grouped
// by article, newest first, worked out once for all entries.
import { articles as readArticles, type Article } from '../../../collections/routes';
import { mentionsByEntry, type Mention } from '../../../glossary/mentions';
import { factsOf } from '../../../analysis/article-facts';
import { articleUrl } from '../../../lib/urls';

export interface MentionGroup {
  title: string;
  url: string;
  mentions: Mention[];
}

export async function mentionGroupsByEntry(
  articles?: Article[],
): Promise<{ groups: Map<string, MentionGroup[]>; all: { article: string; mentions: Mention[] }[] }> {
  const list = articles ?? (await readArticles());
  const all = list.map((a) => ({ article: a.id, mentions: factsOf(a).mentions }));
  const byId = new Map(list.map((a) => [a.id, a]));
  const groups = new Map<string, MentionGroup[]>();
  for (const [entry, found] of mentionsByEntry(all))
    groups.set(
      entry,
      found.map((m) => ({ title: byId.get(m.article)!.data.title, url: articleUrl(m.article), mentions: m.mentions })),
    );
  return { groups, all };
}

/** How many mentions the groups hold. */
export const mentionCount = (groups: MentionGroup[]) => groups.reduce((n, g) => n + g.mentions.length, 0);
