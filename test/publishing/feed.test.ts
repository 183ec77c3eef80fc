import { parseFeed } from '@rowanmanning/feed-parser';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CardClaim } from '../../src/analysis/claim-card';
import { atomFeed, badgeText, feedHtml, rssItem, type FeedArticle } from '../../src/publishing/feed';
import { dayToDate } from '../../src/lib/dates';
import { loadRegistry } from '../../src/collections/registry';
import { ROOT } from '../support/global-setup';
import { OWN_VOICE, RELAYED, articleMarkdown, fixtureRegistry } from '../support/claims';
import { renderMarkdown, splitFrontmatter } from '../support/pipeline';

const lookup = fixtureRegistry;
const PAGE = 'https://news.example.org/sourced/articles/sample/';

const relayClaims: [CardClaim, CardClaim] = [RELAYED, OWN_VOICE];
const relayInput = articleMarkdown(
  relayClaims,
  'Person A said, according to Agency B, :claim[“we are closest”]{#relayed}. :claim[It rained :date[yesterday]{value=2024-10-10}]{#own-voice}.',
);

async function sampleFeedHtml(): Promise<string> {
  const { html, file } = await renderMarkdown(relayInput);
  return feedHtml(html, {
    pageUrl: PAGE,
    claims: relayClaims,
    lookup,
    outletName: 'Paper C',
    citations: file.data.cardCitations ?? {},
  });
}

describe('badges as text for feed readers', () => {
  it('names the speaker, the channel chain, the kind and the status in brackets', () => {
    expect(badgeText(relayClaims[0], lookup, 'Paper C')).toBe(
      '[Person A, via Agency B (Xish state news agency), relayed by Wire A (independent news wire); direct quote; single source]',
    );
  });

  it('says when the outlet speaks for itself with no source named', () => {
    expect(badgeText(relayClaims[1], lookup, 'Paper C')).toBe(
      '[Paper C, no source named; outlet’s own assertion; unsupported]',
    );
  });
});

describe('feed HTML made from an article’s rendered HTML', () => {
  it('replaces every badge button with its bracketed text after the claim’s words', async () => {
    const out = await sampleFeedHtml();
    expect(out).not.toContain('<button');
    expect(out).toContain(
      '“we are closest”</mark> <small>[Person A, via Agency B (Xish state news agency), relayed by Wire A (independent news wire); direct quote; single source]</small>',
    );
    expect(out).toContain('<small>[Paper C, no source named; outlet’s own assertion; unsupported]</small>');
  });

  it('keeps each card’s note as plain text, with a link to the claim’s own page, and drops its popover machinery', async () => {
    const out = await sampleFeedHtml();
    expect(out).toContain('Wire A relayed Agency B.');
    // After the paragraph that holds the claim, with the evidence trail: citation, finding, day read.
    expect(out.indexOf('Wire A relayed Agency B.')).toBeGreaterThan(out.indexOf('“we are closest”'));
    expect(out).toMatch(
      /How we checked <small>\(all read <time[^>]*>12 October 2024<\/time>\)<\/small><\/p><ul[^>]*><li>\(<a href="[^"]*#bib-ref-one">[^<]*<\/a>\): gives the words and credits Agency B<\/li>/,
    );
    expect(out).toContain('<time datetime="2024-10-12">12 October 2024</time>');
    expect(out).toContain(`<a href="${PAGE}claims/relayed/">About this claim</a>`);
    for (const gone of [
      'popover',
      'role="dialog"',
      'aria-labelledby',
      'claim-card-title',
      '<dl>',
      'Close',
      'data-chip',
    ]) {
      expect(out).not.toContain(gone);
    }
  });

  it('links a card to the claim’s place in the article when it has no page of its own (claimPages)', async () => {
    const { html, file } = await renderMarkdown(relayInput);
    const out = (claimPages: 'verdicts' | 'none') =>
      feedHtml(html, {
        pageUrl: PAGE,
        claims: relayClaims,
        lookup,
        outletName: 'Paper C',
        citations: file.data.cardCitations ?? {},
        claimPages,
      });
    // "relayed" is single-source, "own-voice" unsupported (a verdict).
    expect(out('verdicts')).toContain(`<a href="${PAGE}#claim-relayed">About this claim</a>`);
    expect(out('verdicts')).toContain(`<a href="${PAGE}claims/own-voice/">About this claim</a>`);
    expect(out('none')).toContain(`<a href="${PAGE}#claim-own-voice">About this claim</a>`);
    expect(out('none')).not.toContain('claims/');
  });

  it('writes a resolved relative date’s day as text, since the page shows it with CSS', async () => {
    const out = await sampleFeedHtml();
    expect(out).toMatch(/<time datetime="2024-10-10"[^>]*>yesterday<\/time> \[10 October 2024\]/);
  });

  it('makes every link absolute, against the article’s address', async () => {
    const out = await sampleFeedHtml();
    const hrefs = [...out.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]!);
    for (const href of hrefs) expect(href, href).toMatch(/^https?:\/\//);
    // A glossary mention (site-relative), a citation (fragment) and the claim page (relative).
    expect(hrefs).toContain('https://news.example.org/glossary/person-a/');
    expect(hrefs).toContain(`${PAGE}#bib-ref-one`);
    expect(hrefs).toContain(`${PAGE}claims/relayed/`);
  });

  it('turns the real seed article into feed HTML with one bracketed badge per claim and no scripts or buttons', async () => {
    const raw = readFileSync(path.join(ROOT, 'content/articles/putin-pezeshkian-ashgabat.md'), 'utf8');
    const registry = loadRegistry(ROOT);
    const { html, file } = await renderMarkdown(raw, { registry });
    const claims = (splitFrontmatter(raw).frontmatter as { claims: CardClaim[] }).claims;
    const out = feedHtml(html, {
      pageUrl: 'https://sourced.example/articles/seed/',
      claims,
      lookup: registry,
      outletName: 'HuffPost UK',
      citations: file.data.cardCitations ?? {},
    });
    expect(out.match(/<small>\[/g)?.length).toBe(claims.length);
    expect(out).toContain(
      '<small>[Vladimir Putin, via TASS (Russian state news agency); direct quote; corroborated]</small>',
    );
    expect(out).not.toMatch(/<(button|script|style)\b/);
    expect(out).not.toMatch(/\shref="(?!https?:)/);
  });
});

const article: FeedArticle = {
  id: 'sample',
  title: 'Sample & “quoted” <title>',
  dek: 'A dek.',
  published: '2024-10-12',
  updated: '2024-10-14',
  url: PAGE,
  content: '<p>Body with <a href="https://x.example/">a link</a> &amp; more.</p>',
  tags: ['a-tag'],
};

describe('feed entries', () => {
  it('dates an item at midnight UTC on the analysis’s publication day, whatever the machine’s zone', () => {
    expect(dayToDate('2024-10-12').toISOString()).toBe('2024-10-12T00:00:00.000Z');
    expect(rssItem(article).pubDate.toISOString()).toBe('2024-10-12T00:00:00.000Z');
    expect(rssItem(article).link).toBe(PAGE);
    expect(rssItem(article).content).toBe(article.content);
  });

  it('writes an Atom feed that a feed parser reads back with the same titles, links, dates and content', () => {
    const xml = atomFeed(
      {
        title: 'Sourced',
        subtitle: 'Sub',
        feedUrl: 'https://news.example.org/sourced/atom.xml',
        homeUrl: 'https://news.example.org/sourced/',
        author: 'Sourced',
      },
      [article],
    );
    const feed = parseFeed(xml);
    expect(feed.meta.type).toBe('atom');
    expect(feed.title).toBe('Sourced');
    expect(feed.items).toHaveLength(1);
    const [item] = feed.items;
    expect(item!.title).toBe(article.title);
    expect(item!.url).toBe(PAGE);
    expect(item!.id).toBe(PAGE);
    expect(item!.published?.toISOString()).toBe('2024-10-12T00:00:00.000Z');
    expect(item!.updated?.toISOString()).toBe('2024-10-14T00:00:00.000Z');
    expect(item!.content).toContain('<a href="https://x.example/">a link</a>');
    expect(feed.updated?.toISOString()).toBe('2024-10-14T00:00:00.000Z');
  });

  it('says an analysis still being checked is in progress, in the summary and before the text', async () => {
    const notice = 'Analysis in progress: 1 of 2 claims checked';
    const { html, file } = await renderMarkdown(relayInput);
    const content = feedHtml(html, {
      pageUrl: PAGE,
      claims: relayClaims,
      lookup,
      outletName: 'Paper C',
      citations: file.data.cardCitations ?? {},
      notice,
    });
    expect(content.startsWith(`<p><strong>${notice}.</strong></p>`)).toBe(true);
    const inProgress = { ...article, content, notice };
    expect(rssItem(inProgress).description).toBe(`${article.dek} (${notice}.)`);
    const xml = atomFeed({ title: 'S', subtitle: 'S', feedUrl: `${PAGE}atom.xml`, homeUrl: PAGE, author: 'S' }, [
      inProgress,
    ]);
    const [item] = parseFeed(xml).items;
    expect(item!.description).toBe(`${article.dek} (${notice}.)`);
    expect(item!.content).toContain(notice);
    expect(rssItem(article).description).toBe(article.dek);
  });
});
