// What a glossary entry's page and its mention archive share: every entry's mentions, grouped
// by article, newest first, worked out once for all entries.
import { articles as readArticles, glossaryEntries, sourceEntries, type Article } from '../../../collections/routes';
import { mentionsByEntry, type Mention } from '../../../glossary/mentions';
import { articleMentions } from '../../../analysis/article-mentions';
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
  // Mentions in the text, the title and the outlet credit alike.
  const all = articleMentions(list, await glossaryEntries(), await sourceEntries());
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
