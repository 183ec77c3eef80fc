/**
 * Feeds: an article's rendered HTML made fit for feed readers, and the items of the site's
 * RSS and Atom feeds. Feed readers drop CSS and scripts, so badges (whose words come from CSS)
 * become bracketed text, popover cards lose their buttons, and every link becomes absolute.
 * Pure: entries, lookups and URLs come in as arguments, so the glossary feeds can share it.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { claimCard, claimOfCard, type CardClaim, type ClaimCardOptions } from '../analysis/claim-card';
import { channelPhrase, claimKindLabel, speakerName, statusLabel, type ClaimLike } from '../analysis/describe';
import { refId, type Lookup } from '../collections/lookup';
import { hasClaimPage } from '../analysis/claim-pages';
import type { ClaimPagesSetting } from '../lib/site';
import { dayToDate } from '../lib/dates';

export interface FeedHtmlOptions {
  /** Absolute URL of the article page; relative links resolve against it. */
  pageUrl: string;
  /** The article's claims, for the badge words and the cards' notes. */
  claims: readonly CardClaim[];
  lookup: Lookup;
  /** Name of the outlet whose article was analysed, for claims in its own voice. */
  outletName: string;
  /** The citations the cards use, formatted with the article (ArticleFacts.citations). */
  citations: ClaimCardOptions['citations'];
  /** A line put before the text, such as "Analysis in progress: 3 of 5 claims checked". */
  notice?: string | undefined;
  /** Which claims have their own page (src/lib/site.ts); the site's setting by default. */
  claimPages?: ClaimPagesSetting | undefined;
}

/** "[Vladimir Putin, via TASS (Russian state news agency); direct quote; corroborated]". */
export function badgeText(claim: ClaimLike, lookup: Lookup, outletName: string): string {
  const who = speakerName(claim, lookup, outletName);
  const via = (claim.via ?? []).map(refId);
  const speaker = refId(claim.speaker);
  const channel =
    via.length > 0
      ? `, via ${channelPhrase(claim, lookup)}`
      : speaker === 'unnamed'
        ? ''
        : speaker === 'outlet'
          ? ', no source named'
          : ', no channel named';
  return `[${who}${channel}; ${claimKindLabel(claim.kind).toLowerCase()}; ${statusLabel(claim.status).toLowerCase()}]`;
}

const classes = (el: Element): string[] => {
  const c = el.properties['className'];
  return Array.isArray(c) ? c.map(String) : c == null ? [] : String(c).split(/\s+/);
};
const hasClass = (el: Element, name: string) => classes(el).includes(name);
const isElement = (n: RootContent | ElementContent): n is Element => n.type === 'element';
const text = (value: string): ElementContent => ({ type: 'text', value });

/** Attributes that only mean something with CSS or scripts, or point at removed elements. */
const DROP = new Set(['popover', 'popoverTarget', 'popoverTargetAction', 'role', 'ariaLabelledBy', 'ariaDescribedBy']);
const LINK_ATTRS = ['href', 'src', 'cite'] as const;

function absolute(value: unknown, base: string): unknown {
  if (typeof value !== 'string') return value;
  try {
    return new URL(value, base).href;
  } catch {
    return value;
  }
}

/** Card parts a reader without scripts cannot use, or that repeat the bracketed badge. */
function isInteractivePart(node: ElementContent): boolean {
  if (!isElement(node)) return false;
  return (
    node.tagName === 'button' ||
    node.tagName === 'dl' ||
    hasClass(node, 'claim-card-title') ||
    hasClass(node, 'claim-card-actions')
  );
}

/** A claim's words without its buttons or the spans that hold a button to a word. */
function withoutClaimButtons(children: ElementContent[]): ElementContent[] {
  return children.flatMap((c): ElementContent[] => {
    if (!isElement(c)) return [c];
    if (c.tagName === 'button') return [];
    if (hasClass(c, 'claim-start') || hasClass(c, 'claim-end')) return withoutClaimButtons(c.children);
    return [{ ...c, children: withoutClaimButtons(c.children) }];
  });
}

/**
 * The article body as feed HTML: badges become "[speaker, via channel; kind; status]",
 * claim cards keep their notes as plain text with a link to the claim's page, resolved dates
 * show the day in brackets, and all links are absolute.
 */
export function feedHtml(html: string, options: FeedHtmlOptions): string {
  const tree: Root = fromHtml(html, { fragment: true });
  const claims = new Map(options.claims.map((c) => [c.id, c]));
  // Article pages live at <base>articles/<slug>/.
  const cardOptions = { ...options, methodology: new URL('../../methodology/', options.pageUrl).href };

  // Each claim's card after the block that holds its mark, where a reader meets it; the walk
  // below keeps what a feed reader can use.
  tree.children = tree.children.flatMap((block) => {
    const cards: Element[] = [];
    visit(block, 'element', (el) => {
      const id = el.tagName === 'mark' ? /^claim-(.+)$/.exec(String(el.properties['id'] ?? ''))?.[1] : undefined;
      const claim = id === undefined ? undefined : claims.get(id);
      if (claim) cards.push(claimCard(claim, cardOptions));
    });
    return [block, ...cards];
  });

  const walk = (parent: Root | Element): void => {
    const out: (RootContent | ElementContent)[] = [];
    for (const node of parent.children) {
      if (!isElement(node)) {
        out.push(node);
        continue;
      }
      // A claim's note and marker are buttons inside its mark; the marker's words follow the mark.
      let badge: ElementContent[] = [];
      if (node.tagName === 'mark') {
        const claim = claims.get(String(node.properties['id'] ?? '').replace(/^claim-/, ''));
        node.children = withoutClaimButtons(node.children);
        if (claim)
          badge = [
            text(' '),
            {
              type: 'element',
              tagName: 'small',
              properties: {},
              children: [text(badgeText(claim, options.lookup, options.outletName))],
            },
          ];
      }
      if (hasClass(node, 'claim-card')) {
        const id = claimOfCard(String(node.properties['id'] ?? ''));
        const status = claims.get(id)?.status;
        // Cards are made from `claims` above, so a card of another claim is a bug here.
        if (!status) throw new Error(`The feed found a card for claim "${id}", which the article does not list.`);
        const kept = node.children.filter((c) => !isInteractivePart(c));
        const card: Element = {
          type: 'element',
          tagName: 'div',
          properties: {},
          children: [
            {
              type: 'element',
              tagName: 'p',
              properties: {},
              children: [
                {
                  type: 'element',
                  tagName: 'a',
                  properties: {
                    // The claim's page, or its place in the article when it has none.
                    href: new URL(
                      hasClaimPage(status, options.claimPages) ? `claims/${id}/` : `#claim-${id}`,
                      options.pageUrl,
                    ).href,
                  },
                  children: [text('About this claim')],
                },
              ],
            },
            ...kept,
          ],
        };
        walk(card);
        out.push(card);
        continue;
      }
      // Resolved relative dates show their day through CSS on the page; here it is text.
      const resolved = node.tagName === 'time' ? node.properties['dataResolved'] : undefined;
      node.properties = Object.fromEntries(
        Object.entries(node.properties).filter(
          ([key, value]) => !DROP.has(key) && !key.startsWith('data') && !(Array.isArray(value) && value.length === 0),
        ),
      );
      for (const key of LINK_ATTRS) {
        if (key in node.properties) node.properties[key] = absolute(node.properties[key], options.pageUrl) as string;
      }
      walk(node);
      out.push(node, ...badge);
      if (typeof resolved === 'string') out.push(text(` [${resolved}]`));
    }
    parent.children = out;
  };
  walk(tree);
  if (options.notice) {
    tree.children.unshift({
      type: 'element',
      tagName: 'p',
      properties: {},
      children: [{ type: 'element', tagName: 'strong', properties: {}, children: [text(`${options.notice}.`)] }],
    });
  }
  return toHtml(tree);
}

export interface FeedArticle {
  /** The article's slug. */
  id: string;
  title: string;
  dek: string;
  /** Day the analysis was published, YYYY-MM-DD. */
  published: string;
  /** Day it last changed, YYYY-MM-DD. */
  updated: string;
  /** Absolute URL of the article page. */
  url: string;
  /** Feed HTML (see feedHtml). */
  content: string;
  tags?: string[];
  /** Said after the dek when the analysis is still being checked (see analysis/progress.ts). */
  notice?: string | undefined;
}

/** The dek, with the progress notice when there is one. */
const summaryOf = (a: FeedArticle): string => (a.notice ? `${a.dek} (${a.notice}.)` : a.dek);

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface AtomOptions {
  title: string;
  subtitle: string;
  /** Absolute URL of the feed itself. */
  feedUrl: string;
  /** Absolute URL of the site's home page. */
  homeUrl: string;
  /** Absolute URL of the RSS feed, offered as an alternate. */
  rssUrl?: string;
  author: string;
}

/** An Atom 1.0 feed (RFC 4287). Entry ids are the article URLs, which never change. */
export function atomFeed(options: AtomOptions, articles: FeedArticle[]): string {
  const updated = articles.reduce((max, a) => (a.updated > max ? a.updated : max), '1970-01-01');
  const entries = articles.map(
    (a) => `  <entry>
    <id>${escapeXml(a.url)}</id>
    <title>${escapeXml(a.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(a.url)}"/>
    <published>${dayToDate(a.published).toISOString()}</published>
    <updated>${dayToDate(a.updated).toISOString()}</updated>
    <summary>${escapeXml(summaryOf(a))}</summary>
${(a.tags ?? []).map((t) => `    <category term="${escapeXml(t)}"/>\n`).join('')}    <content type="html">${escapeXml(a.content)}</content>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">
  <id>${escapeXml(options.feedUrl)}</id>
  <title>${escapeXml(options.title)}</title>
  <subtitle>${escapeXml(options.subtitle)}</subtitle>
  <link rel="self" type="application/atom+xml" href="${escapeXml(options.feedUrl)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(options.homeUrl)}"/>
${options.rssUrl ? `  <link rel="alternate" type="application/rss+xml" href="${escapeXml(options.rssUrl)}"/>\n` : ''}  <updated>${dayToDate(updated).toISOString()}</updated>
  <author><name>${escapeXml(options.author)}</name></author>
${entries.join('\n')}
</feed>
`;
}

/** An item for @astrojs/rss: permalink GUID (the article URL), pubDate from the analysis's day. */
export function rssItem(a: FeedArticle) {
  return {
    title: a.title,
    link: a.url,
    pubDate: dayToDate(a.published),
    description: summaryOf(a),
    content: a.content,
    categories: a.tags ?? [],
  };
}
