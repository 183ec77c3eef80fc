import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { rssItem } from '../publishing/feed';
import { rssUrl, url } from '../lib/urls';
import { FEED_DESCRIPTION, FEED_TITLE, feedArticles } from './_feeds';

/** RSS 2.0 with each analysis in full (content:encoded). */
export const GET: APIRoute = async ({ site }) => {
  const articles = await feedArticles(site!);
  return rss({
    title: FEED_TITLE,
    description: FEED_DESCRIPTION,
    site: new URL(url(''), site).href,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>en-gb</language><atom:link href="${new URL(rssUrl(), site).href}" rel="self" type="application/rss+xml"/>`,
    items: articles.map(rssItem),
  });
};
