// Static search in Chromium: the Pagefind index built with the site finds the seed article and
// glossary entries, works from the keyboard, and the page says what to do without JavaScript.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSite, type Site } from '../support/browser';
import { SEED_PATH, seedText } from '../support/content';

const outDir = inject('outDir');
let site: Site;
let page: Page;

beforeAll(async () => {
  site = await openSite(outDir);
  page = await site.browser.newPage();
});
afterAll(async () => {
  await site?.close();
});

async function searchByKeyboard(query: string): Promise<void> {
  await page.goto(`${site.origin}/search/`);
  // From the top of the page, Tab reaches the search box through the skip link and the navigation.
  let focused = '';
  for (let i = 0; i < 20 && focused !== 'search-query'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.id ?? '');
  }
  expect(focused).toBe('search-query');
  await page.keyboard.type(query);
  await page.keyboard.press('Enter');
  await page.locator('#search-status', { hasText: /result/ }).waitFor({ timeout: 15_000 });
}

/** What Pagefind indexed: each page is a gzipped "pagefind_dcd" + JSON fragment with its text. */
function indexedFragments(): { url: string; content: string }[] {
  const dir = path.join(outDir, 'pagefind/fragment');
  return readdirSync(dir).map(
    (f) =>
      JSON.parse(
        gunzipSync(readFileSync(path.join(dir, f)))
          .toString('utf8')
          .replace(/^pagefind_dcd/, ''),
      ) as { url: string; content: string },
  );
}

describe('search', () => {
  it('is linked from the navigation of every page', async () => {
    await page.goto(`${site.origin}${SEED_PATH}`);
    expect(await page.locator('nav[aria-label="Site"] a[href="/search/"]').count()).toBe(1);
  });

  it('finds the seed article by a word from its text, typed and submitted with the keyboard', async () => {
    expect(seedText()).toContain('Pezeshkian');
    await searchByKeyboard('Pezeshkian');
    const hrefs = await page
      .locator('#search-results a')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    expect(hrefs).toContain(SEED_PATH);
    expect(await page.locator('#search-status').innerText()).toMatch(/^\d+ results? for “Pezeshkian”/);
    // The excerpt shows the matched word highlighted.
    expect(await page.locator('#search-results mark').count()).toBeGreaterThan(0);
  });

  it('finds glossary entries as well as articles', async () => {
    expect(seedText()).toContain('Turkmenistan');
    await searchByKeyboard('Turkmenistan');
    const hrefs = await page
      .locator('#search-results a')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    expect(hrefs).toContain(SEED_PATH);
    expect(hrefs).toContain('/glossary/turkmenistan/');
  });

  it('runs a search given in the address, so results can be linked to', async () => {
    await page.goto(`${site.origin}/search/?q=Pezeshkian`);
    await page.locator('#search-results a').first().waitFor({ timeout: 15_000 });
    expect(await page.inputValue('#search-query')).toBe('Pezeshkian');
  });

  it('indexes only article and glossary bodies, never the navigation or footer', () => {
    const fragments = indexedFragments();
    const urls = fragments.map((f) => f.url).sort();
    expect(urls).toContain(SEED_PATH);
    expect(
      urls.every((u) => u.startsWith('/articles/') || u.startsWith('/glossary/')),
      urls.join(' '),
    ).toBe(true);
    expect(urls.filter((u) => u.startsWith('/glossary/') && u !== '/glossary/').length).toBeGreaterThan(10);
    for (const f of fragments) {
      expect(f.content, f.url).not.toContain('Skip to content');
      expect(f.content, f.url).not.toContain('Report an error');
    }
  });

  it('leaves the glossary hover cards of an article out of its search text', () => {
    const html = readFileSync(path.join(outDir, SEED_PATH, 'index.html'), 'utf8');
    const descriptions = [...html.matchAll(/<p id="glossary-card-[^"]*-desc"[^>]*>([^<]+)<\/p>/g)].map((m) => m[1]!);
    expect(descriptions.length).toBeGreaterThan(3);
    const article = indexedFragments().find((f) => f.url === SEED_PATH)!;
    expect(article.content).toContain('Turkmenistan');
    const decode = (s: string) =>
      s
        .replace(/&#x27;|&#39;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
    for (const d of descriptions) expect(article.content, d).not.toContain(decode(d).slice(0, 40));
  });

  it('indexes every page marked for search, wherever the search step looks for them', () => {
    const fragments = readdirSync(path.join(outDir, 'pagefind/fragment')).length;
    const marked = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.html') && readFileSync(path.join(outDir, f), 'utf8').includes('data-pagefind-body'),
    );
    expect(marked.length).toBeGreaterThan(10);
    expect(fragments).toBe(marked.length);
  });

  it('says without JavaScript that the glossary index is the way to find an entry', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${site.origin}/search/`);
    const text = await noJs.locator('main').innerText();
    expect(text).toContain('Search needs JavaScript');
    expect(await noJs.locator('main noscript a[href="/glossary/"], main a[href="/glossary/"]').count()).toBeGreaterThan(
      0,
    );
    await context.close();
  });
});
