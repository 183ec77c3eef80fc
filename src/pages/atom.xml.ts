import type { APIRoute } from 'astro';
import { atomFeed } from '../publishing/feed';
import { atomUrl, rssUrl, url } from '../lib/urls';
import { FEED_DESCRIPTION, FEED_TITLE, feedArticles } from './_feeds';

/** Atom 1.0, alongside the RSS feed, with the same full entries. */
export const GET: APIRoute = async ({ site }) =>
  new Response(
    atomFeed(
      {
        title: FEED_TITLE,
        subtitle: FEED_DESCRIPTION,
        feedUrl: new URL(atomUrl(), site).href,
        homeUrl: new URL(url(''), site).href,
        rssUrl: new URL(rssUrl(), site).href,
        author: 'Sourced',
      },
      await feedArticles(site!),
    ),
    { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } },
  );
