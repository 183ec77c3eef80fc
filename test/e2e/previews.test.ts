// What a link-preview scraper reads: canonical URL, Open Graph and Twitter tags with absolute
// URLs, and an image that exists and is 1200×630, for an article, a claim and every other page.
import { readFileSync, rmSync } from 'node:fs';
import { select } from 'hast-util-select';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { builtPages } from '../support/browser';
import { SEED_PATH, SEED_SLUG, readArticle, speakerDisplayName } from '../support/content';
import { buildSite } from '../support/global-setup';
import { builtFile, linkHref, meta, metaTags, parsePage, pngSize } from '../support/built';

const outDir = inject('outDir');
const article = readArticle();
const home = linkHref(parsePage(outDir, '/'), 'link[rel="canonical"]')!;
const abs = (p: string) => new URL(p.replace(/^\//, ''), home).href;

function preview(sitePath: string, base = '/', dir = outDir) {
  const tree = parsePage(dir, sitePath, base);
  const tags = metaTags(tree);
  const image = meta(tags, 'og:image');
  return {
    tree,
    tags,
    canonical: linkHref(tree, 'link[rel="canonical"]'),
    title: meta(tags, 'og:title'),
    description: meta(tags, 'og:description'),
    type: meta(tags, 'og:type'),
    url: meta(tags, 'og:url'),
    image,
    imageFile: builtFile(dir, image, base),
  };
}

describe('link previews of the seed article', () => {
  const p = preview(SEED_PATH);

  it('give the article’s title, dek, type and canonical address', () => {
    expect(p.title).toBe(article.title);
    expect(p.description).toBe((article as unknown as { dek: string }).dek);
    expect(p.type).toBe('article');
    expect(p.canonical).toBe(abs(SEED_PATH));
    expect(p.url).toBe(p.canonical);
    expect(meta(p.tags, 'twitter:card')).toBe('summary_large_image');
  });

  it('point to the article’s own 1200×630 image, which exists, with alt text and its size', () => {
    expect(p.image).toBe(abs(`${SEED_PATH}og.png`));
    expect(p.imageFile, p.image).toBeDefined();
    expect(pngSize(p.imageFile!)).toEqual({ width: 1200, height: 630 });
    expect(meta(p.tags, 'og:image:width')).toBe('1200');
    expect(meta(p.tags, 'og:image:height')).toBe('630');
    expect(meta(p.tags, 'og:image:alt')).toContain(article.title);
    expect(meta(p.tags, 'og:image:alt')).toMatch(/\d+ of \d+ claims/);
    expect(meta(p.tags, 'twitter:image')).toBe(p.image);
  });
});

describe('link previews of a claim', () => {
  const claim = article.claims.find((c) => c.id === 'putin-assessments')!;
  const claimPath = `${SEED_PATH}claims/${claim.id}/`;
  const p = preview(claimPath);

  it('give the quoted words and the speaker as the title, and the verdict and note as the description', () => {
    const speaker = speakerDisplayName(claim, article);
    expect(p.title).toContain('We are actively working together on the international arena');
    expect(p.title).toContain(speaker);
    expect(p.description).toContain('TASS');
    expect(p.description).toContain(claim.note.slice(0, 40));
    expect(p.canonical).toBe(abs(claimPath));
    expect(p.url).toBe(p.canonical);
  });

  it('point to the article’s 1200×630 card, which exists, with that card’s alt text', () => {
    // One card per claim would cost more than a build's budget (docs/performance.md).
    expect(p.image).toBe(abs(`${SEED_PATH}og.png`));
    expect(pngSize(p.imageFile!)).toEqual({ width: 1200, height: 630 });
    expect(meta(p.tags, 'og:image:alt')).toBe(meta(preview(SEED_PATH).tags, 'og:image:alt'));
  });

  it('link to the claim in context on the article page', () => {
    expect(linkHref(parsePage(outDir, claimPath), 'a[href$="#claim-putin-assessments"]')).toBe(
      `${SEED_PATH}#claim-${claim.id}`,
    );
    expect(select(`mark#claim-${claim.id}`, parsePage(outDir, SEED_PATH))).toBeDefined();
  });

  it('exist, with a quote card, for every claim of the article', () => {
    for (const c of article.claims) {
      const q = preview(`${SEED_PATH}claims/${c.id}/`);
      expect(q.imageFile, c.id).toBeDefined();
      expect(pngSize(q.imageFile!), c.id).toEqual({ width: 1200, height: 630 });
    }
  });
});

describe('link previews of every page', () => {
  const pages = builtPages(outDir);

  it('give every page a canonical URL, absolute Open Graph tags and an existing 1200×630 image', () => {
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages) {
      const p = preview(page);
      expect(p.canonical, page).toBe(abs(page));
      expect(p.url, page).toBe(p.canonical);
      expect(p.title.length, page).toBeGreaterThan(0);
      expect(p.description.length, page).toBeGreaterThan(0);
      expect(p.image, page).toMatch(/^https?:\/\//);
      expect(p.imageFile, `${page}: ${p.image}`).toBeDefined();
      expect(pngSize(p.imageFile!), page).toEqual({ width: 1200, height: 630 });
      expect(meta(p.tags, 'og:image:alt').length, page).toBeGreaterThan(0);
      expect(meta(p.tags, 'twitter:card'), page).toBe('summary_large_image');
    }
  });

  it('use the generic site image on pages without one of their own', () => {
    expect(preview('/').image).toBe(abs('/og.png'));
    expect(preview('/search/').image).toBe(abs('/og.png'));
  });
});

describe('a deployment that sets SITE_URL and BASE_PATH once', () => {
  const SITE = 'https://news.example.org';
  const BASE = '/sourced/';
  let dir: string;

  beforeAll(() => {
    // Vitest sets BASE_URL="/" in the test process; Astro would take it over the configured base.
    const inherited = process.env['BASE_URL'];
    delete process.env['BASE_URL'];
    try {
      dir = buildSite({ SITE_URL: SITE, BASE_PATH: BASE });
    } finally {
      if (inherited !== undefined) process.env['BASE_URL'] = inherited;
    }
  });
  afterAll(() => {
    if (dir) rmSync(path.dirname(dir), { recursive: true, force: true });
  });

  it('gets absolute preview, feed and sitemap addresses on that site and under that path', () => {
    const p = preview(`${BASE}articles/${SEED_SLUG}/`, BASE, dir);
    expect(p.canonical).toBe(`${SITE}${BASE}articles/${SEED_SLUG}/`);
    expect(p.image).toBe(`${SITE}${BASE}articles/${SEED_SLUG}/og.png`);
    expect(pngSize(p.imageFile!)).toEqual({ width: 1200, height: 630 });
    expect(linkHref(p.tree, 'link[type="application/rss+xml"]')).toBe(`${BASE}rss.xml`);
    const claim = preview(`${BASE}articles/${SEED_SLUG}/claims/putin-assessments/`, BASE, dir);
    expect(claim.image).toBe(`${SITE}${BASE}articles/${SEED_SLUG}/og.png`);
    expect(claim.imageFile).toBeDefined();
    expect(readFileSync(path.join(dir, 'rss.xml'), 'utf8')).toContain(
      `<link>${SITE}${BASE}articles/${SEED_SLUG}/</link>`,
    );
    expect(readFileSync(path.join(dir, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE}${BASE}sitemap-index.xml`);
  });
});
