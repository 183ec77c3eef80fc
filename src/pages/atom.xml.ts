import type { APIRoute } from 'astro';
import { atomFeed } from '../publishing/feed';
import { siteUrls } from '../lib/urls';
import { FEED_DESCRIPTION, FEED_TITLE, feedArticles } from './_feeds';

/** Atom 1.0, alongside the RSS feed, with the same full entries. */
export const GET: APIRoute = async ({ site }) => {
  const urls = siteUrls(site!);
  return new Response(
    atomFeed(
      {
        title: FEED_TITLE,
        subtitle: FEED_DESCRIPTION,
        feedUrl: urls.atom,
        homeUrl: urls.home,
        rssUrl: urls.rss,
        author: 'Sourced',
      },
      await feedArticles(site!),
    ),
    { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } },
  );
};
