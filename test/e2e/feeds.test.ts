// The built feeds as a feed reader sees them: parsed by a real feed parser, one full entry per
// article with stable ids, absolute links that resolve to built pages, and badges as text.
import { parseFeed } from '@rowanmanning/feed-parser';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { builtPages } from '../support/browser';
import { SEED_PATH, readArticle, readSource } from '../support/content';
import { ROOT } from '../support/global-setup';
import { builtFile, linkHref, parsePage } from '../support/built';

const outDir = inject('outDir');
const home = linkHref(parsePage(outDir, '/'), 'link[rel="canonical"]')!;
const origin = new URL(home).origin;
const slugs = readdirSync(path.join(ROOT, 'content/articles'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => f.slice(0, -3));
const seed = readArticle();

const rss = readFileSync(path.join(outDir, 'rss.xml'), 'utf8');
const atom = readFileSync(path.join(outDir, 'atom.xml'), 'utf8');
const feeds = { rss: parseFeed(rss), atom: parseFeed(atom) };

/** Links in an entry's HTML that point into this site must be built pages or files. */
function unresolvedLinks(html: string): string[] {
  const hrefs = [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
  expect(hrefs.length).toBeGreaterThan(10);
  const notAbsolute = hrefs.filter((h) => !/^https?:\/\//.test(h));
  const broken = hrefs.filter((h) => /^https?:\/\//.test(h) && new URL(h).origin === origin && !builtFile(outDir, h));
  return [...notAbsolute.map((h) => `not absolute: ${h}`), ...broken.map((h) => `no such page: ${h}`)];
}

describe.each(Object.entries(feeds))('the %s feed', (type, feed) => {
  it('parses with a real feed parser as the right kind of feed, titled after the site', () => {
    expect(feed.meta.type).toBe(type);
    expect(feed.title).toBe('Sourced');
    expect(feed.url).toBe(home);
  });

  it('has one entry per article, newest first, each linking to its built page', () => {
    expect(feed.items.map((i) => i.url).sort()).toEqual(slugs.map((s) => new URL(`articles/${s}/`, home).href).sort());
    const dates = feed.items.map((i) => i.published!.getTime());
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    for (const item of feed.items) expect(builtFile(outDir, item.url!), item.url!).toBeDefined();
  });

  it('gives the seed article its title, a stable id equal to its address, and its publication day', () => {
    const item = feed.items.find((i) => i.url === new URL(SEED_PATH, home).href)!;
    expect(item.title).toBe(seed.title);
    expect(item.id).toBe(item.url);
    const published = (seed as unknown as { published: string }).published;
    expect(item.published?.toISOString()).toBe(`${published}T00:00:00.000Z`);
  });

  it('carries the full text with badges as bracketed words, no buttons or scripts, and links that resolve', () => {
    const item = feed.items.find((i) => i.url === new URL(SEED_PATH, home).href)!;
    const html = item.content!;
    expect(html).toContain('[Vladimir Putin, via TASS (Russian state news agency); direct quote; corroborated]');
    const relay = `via ${readSource('irna').name} (Iranian state news agency), relayed by ${readSource('reuters').name} (independent news wire)`;
    expect(html).toContain(relay);
    expect(html.match(/<small>\[/g)?.length).toBe(seed.claims.length);
    expect(html).toContain('has just made it clear');
    expect(html).not.toMatch(/<(button|script|style)\b|popover/);
    expect(unresolvedLinks(html)).toEqual([]);
  });
});

describe('the RSS feed', () => {
  it('marks its GUIDs as permalinks, so they stay stable', () => {
    const guids = [...rss.matchAll(/<guid isPermaLink="true">([^<]+)<\/guid>/g)].map((m) => m[1]);
    expect(guids).toEqual(feeds.rss.items.map((i) => i.url));
  });

  it('puts the full article in content:encoded', () => {
    expect(rss).toContain('xmlns:content="http://purl.org/rss/1.0/modules/content/"');
    expect(rss.match(/<content:encoded>/g)?.length).toBe(slugs.length);
  });
});

describe('feed discovery', () => {
  it('links both feeds from every page with <link rel="alternate">', () => {
    for (const page of builtPages(outDir)) {
      const tree = parsePage(outDir, page);
      const rssLink = linkHref(tree, 'link[rel="alternate"][type="application/rss+xml"]');
      const atomLink = linkHref(tree, 'link[rel="alternate"][type="application/atom+xml"]');
      expect(rssLink && builtFile(outDir, rssLink), `${page} RSS`).toBeTruthy();
      expect(atomLink && builtFile(outDir, atomLink), `${page} Atom`).toBeTruthy();
    }
  });
});

describe('the sitemap and robots.txt', () => {
  it('list every built page in the sitemap by absolute address, each claim through its article’s claims page', () => {
    const index = readFileSync(path.join(outDir, 'sitemap-index.xml'), 'utf8');
    const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(maps.length).toBeGreaterThan(0);
    const locs = maps.flatMap((m) =>
      [...readFileSync(builtFile(outDir, m)!, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((x) => x[1]!),
    );
    // A claim's own page is cut from the claims page after the build (src/integrations/claim-pages/claim-pages.ts).
    const claimPage = /\/articles\/[^/]+\/claims\/[^/]+\/$/;
    const pages = builtPages(outDir);
    expect(pages.filter((p) => claimPage.test(p)).length).toBeGreaterThan(0);
    expect(locs.sort()).toEqual(
      pages
        .filter((p) => !claimPage.test(p))
        .map((p) => new URL(p.slice(1), home).href)
        .sort(),
    );
  });

  it('point crawlers to the sitemap by its absolute address', () => {
    const robots = readFileSync(path.join(outDir, 'robots.txt'), 'utf8');
    const line = robots.split('\n').find((l) => l.startsWith('Sitemap: '));
    expect(line).toBe(`Sitemap: ${new URL('sitemap-index.xml', home).href}`);
    expect(builtFile(outDir, line!.slice('Sitemap: '.length))).toBeDefined();
  });
});
