// The articles as feed entries, newest first, for /rss.xml and /atom.xml.
import { articleHtml, articles, lookup as readLookup, outlet } from '../collections/routes';
import { factsOf } from '../analysis/article-facts';
import { progressNotice } from '../analysis/progress';
import { feedHtml, type FeedArticle } from '../publishing/feed';
import { SITE_NAME, TAGLINE } from '../lib/site';
import { siteUrls } from '../lib/urls';

export const FEED_TITLE = SITE_NAME;
export const FEED_DESCRIPTION = TAGLINE;

/** Feeds carry the newest articles only, in full: readers' feed apps poll them often. */
export const FEED_LIMIT = 50;

/** By site address: /rss.xml and /atom.xml carry the same items, made once a build. */
const made = new Map<string, Promise<FeedArticle[]>>();

export function feedArticles(site: URL): Promise<FeedArticle[]> {
  // Under astro dev the content changes while this module lives on.
  if (import.meta.env.DEV) return makeFeedArticles(site);
  let items = made.get(site.href);
  if (!items) made.set(site.href, (items = makeFeedArticles(site)));
  return items;
}

async function makeFeedArticles(site: URL): Promise<FeedArticle[]> {
  const lookup = await readLookup();
  const urls = siteUrls(site);
  return (await articles()).slice(0, FEED_LIMIT).map((entry) => {
    const pageUrl = urls.article(entry.id);
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
      content: feedHtml(articleHtml(entry), {
        notice,
        pageUrl,
        claims: entry.data.claims,
        lookup,
        outletName: outlet(entry, lookup).name,
        citations: factsOf(entry).citations,
      }),
    };
  });
}
