// "Follow Iran": an RSS feed of the articles that mention one glossary entry, newest first.
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import {
  articles as readArticles,
  glossaryEntries,
  type Article,
  type GlossaryEntry,
  sourceEntries,
} from '../../../collections/routes';
import { progressNotice } from '../../../analysis/progress';
import { mentionGroupsByEntry } from '../../../analysis/article-mentions';
import { dayToDate } from '../../../lib/dates';
import { articleUrl, siteUrls } from '../../../lib/urls';
import { FEED_LIMIT } from '../../_feeds';

export async function getStaticPaths() {
  const glossary = await glossaryEntries();
  const articles = await readArticles();
  const { groups } = mentionGroupsByEntry(articles, glossary, await sourceEntries());
  const byId = new Map(articles.map((a) => [a.id, a]));
  return glossary.map((entry) => ({
    params: { id: entry.id },
    props: {
      entry,
      items: (groups.get(entry.id) ?? []).slice(0, FEED_LIMIT).map((g) => ({
        article: byId.get(g.article)!,
        count: g.mentions.length,
      })),
    },
  }));
}

interface Props {
  entry: GlossaryEntry;
  items: { article: Article; count: number }[];
}

export async function GET(context: APIContext) {
  const { entry, items } = context.props as Props;
  const name = entry.data.name;
  return rss({
    title: `Sourced: ${name}`,
    description: `Analyses on Sourced that mention ${name}.`,
    // The channel links to the entry page; item links resolve against it.
    site: siteUrls(context.site!).glossary(entry.id),
    trailingSlash: true,
    customData: '<language>en-gb</language>',
    items: items.map(({ article, count }) => ({
      title: article.data.title,
      link: articleUrl(article.id),
      pubDate: dayToDate(article.data.published),
      description: [
        article.data.dek,
        `(Mentions ${name} ${count === 1 ? 'once' : `${count} times`}.)`,
        progressNotice(article.data)?.concat('.'),
      ]
        .filter(Boolean)
        .join(' '),
      categories: article.data.tags,
    })),
  });
}
