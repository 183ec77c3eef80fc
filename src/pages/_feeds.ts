// The articles as feed entries, newest first, for /rss.xml and /atom.xml.
import { getCollection } from 'astro:content';
import { getArticles } from '../collections/articles';
import { lookupFrom } from '../collections/lookup';
import { factsOf } from '../analysis/article-facts';
import { progressNotice } from '../analysis/progress';
import { feedHtml, type FeedArticle } from '../publishing/feed';
import { articleUrl } from '../lib/urls';

export const FEED_TITLE = 'Sourced';
export const FEED_DESCRIPTION =
  'Who said each thing in a news article, through which outlet, and how well it holds up.';

/** Feeds carry the newest articles only, in full: readers' feed apps poll them often. */
export const FEED_LIMIT = 50;

export async function feedArticles(site: URL): Promise<FeedArticle[]> {
  const lookup = lookupFrom(await getCollection('sources'), await getCollection('glossary'));
  const articles = (await getArticles())
    .sort((a, b) => b.data.published.localeCompare(a.data.published) || a.id.localeCompare(b.id))
    .slice(0, FEED_LIMIT);
  return articles.map((entry) => {
    const html = entry.rendered?.html;
    if (!html) throw new Error(`${entry.filePath}: the article body failed to render; see the error above.`);
    const pageUrl = new URL(articleUrl(entry.id), site).href;
    const outletName = lookup.sources.get(entry.data.original.outlet.id)?.name ?? 'The outlet';
    const notice = progressNotice(entry.data);
    return {
      id: entry.id,
      title: entry.data.title,
      dek: entry.data.dek,
      published: entry.data.published,
      updated: entry.data.updated,
      url: pageUrl,
      tags: entry.data.tags,
      notice,
      content: feedHtml(html, {
        notice,
        pageUrl,
        claims: entry.data.claims,
        lookup,
        outletName,
        citations: factsOf(entry).citations,
      }),
    };
  });
}
