import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { rssItem } from '../publishing/feed';
import { siteUrls } from '../lib/urls';
import { FEED_DESCRIPTION, FEED_TITLE, feedArticles } from './_feeds';

/** RSS 2.0 with each analysis in full (content:encoded). */
export const GET: APIRoute = async ({ site }) => {
  const articles = await feedArticles(site!);
  const urls = siteUrls(site!);
  return rss({
    title: FEED_TITLE,
    description: FEED_DESCRIPTION,
    site: urls.home,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>en-gb</language><atom:link href="${urls.rss}" rel="self" type="application/rss+xml"/>`,
    items: articles.map(rssItem),
  });
};
