// "Follow Iran": an RSS feed of the articles that mention one glossary entry, newest first.
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { entryUrl } from '../../../glossary/glossary';
import { mentionsByEntry } from '../../../glossary/mentions';
import { articleMentions } from '../../../analysis/article-mentions';
import { articleUrl } from '../../../lib/urls';
import { FEED_LIMIT } from '../../_feeds';

export async function getStaticPaths() {
  const glossary = await getCollection('glossary');
  const articles = (await getCollection('articles')).sort((a, b) => b.data.published.localeCompare(a.data.published));
  const byEntry = mentionsByEntry(articleMentions(articles, glossary, await getCollection('sources')));
  const byId = new Map(articles.map((a) => [a.id, a]));
  return glossary.map((entry) => ({
    params: { id: entry.id },
    props: {
      entry,
      items: (byEntry.get(entry.id) ?? []).slice(0, FEED_LIMIT).map((m) => ({
        article: byId.get(m.article)!,
        count: m.mentions.length,
      })),
    },
  }));
}

interface Props {
  entry: CollectionEntry<'glossary'>;
  items: { article: CollectionEntry<'articles'>; count: number }[];
}

/** Midnight UTC of the day, so the date never shifts with the build machine's zone. */
const day = (d: string) => new Date(`${d}T00:00:00Z`);

export async function GET(context: APIContext) {
  const { entry, items } = context.props as Props;
  const name = entry.data.name;
  return rss({
    title: `Sourced: ${name}`,
    description: `Analyses on Sourced that mention ${name}.`,
    // The channel links to the entry page; item links resolve against it.
    site: new URL(entryUrl(entry.id), context.site ?? 'https://sourced.example').href,
    trailingSlash: true,
    customData: '<language>en-gb</language>',
    items: items.map(({ article, count }) => ({
      title: article.data.title,
      link: articleUrl(article.id),
      pubDate: day(article.data.published),
      description: `${article.data.dek} (Mentions ${name} ${count === 1 ? 'once' : `${count} times`}.)`,
      categories: article.data.tags,
    })),
  });
}
