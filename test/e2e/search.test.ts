// Static search in Chromium with Pagefind's own UI: results come as the reader types, each says
// whether it is an analysis or a glossary entry, a match inside a claim links to that claim, and
// excerpts read as the page does. Without JavaScript the page says what to do instead.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SEARCH_TYPES } from '../../src/lib/search';
import { openSite, type Site, waitForSearchResults } from '../support/browser';
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

const RESULT = '#search .pagefind-ui__result';
const MESSAGE = '#search .pagefind-ui__message';

/** Types the query from the keyboard, never pressing Enter, and waits for the result count. */
async function typeSearch(query: string): Promise<void> {
  await page.goto(`${site.origin}/search/`);
  // From the top of the page, Tab reaches the search box through the skip link and the navigation.
  let inBox = false;
  for (let i = 0; i < 20 && !inBox; i++) {
    await page.keyboard.press('Tab');
    inBox = await page.evaluate(() => document.activeElement?.matches('#search .pagefind-ui__search-input') ?? false);
  }
  expect(inBox).toBe(true);
  await page.keyboard.type(query);
  await page.locator(MESSAGE, { hasText: `for “${query}”` }).waitFor({ timeout: 15_000 });
}

/**
 * Each result's page address and its type tag, once every result is filled in: Pagefind lists
 * placeholders first, fills each one as its fragment loads, and may redraw while the last
 * keystrokes' searches settle.
 */
async function results() {
  await waitForSearchResults(page, 15_000);
  return readResults();
}

const readResults = () =>
  page.locator(RESULT).evaluateAll((lis) =>
    lis.map((li) => ({
      path: new URL(li.querySelector<HTMLAnchorElement>('.pagefind-ui__result-link')!.href).pathname,
      type: li.querySelector('[data-pagefind-ui-meta="type"]')?.textContent?.trim() ?? '',
      subs: [...li.querySelectorAll<HTMLAnchorElement>('.pagefind-ui__result-nested .pagefind-ui__result-link')].map(
        (a) => new URL(a.href).pathname + new URL(a.href).hash,
      ),
    })),
  );

/** The index's shards' folders: the main bundle and those shards.json lists for merging. */
function shardDirs(): string[] {
  const list = JSON.parse(readFileSync(path.join(outDir, 'pagefind/shards.json'), 'utf8')) as { merge: string[] };
  return ['', ...list.merge].map((dir) => path.join(outDir, 'pagefind', dir));
}

/** Every shard's fragment files. */
const fragmentFiles = () =>
  shardDirs().flatMap((dir) => readdirSync(path.join(dir, 'fragment')).map((f) => path.join(dir, 'fragment', f)));

/** What Pagefind indexed: each page is a gzipped "pagefind_dcd" + JSON fragment with its text. */
function indexedFragments(): { url: string; content: string }[] {
  return fragmentFiles().map(
    (f) =>
      JSON.parse(
        gunzipSync(readFileSync(f))
          .toString('utf8')
          .replace(/^pagefind_dcd/, ''),
      ) as { url: string; content: string },
  );
}

const builtPage = (sitePath: string) => fromHtml(readFileSync(path.join(outDir, sitePath, 'index.html'), 'utf8'));
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('search', () => {
  it('is linked from the navigation of every page', async () => {
    await page.goto(`${site.origin}${SEED_PATH}`);
    expect(await page.locator('nav[aria-label="Site"] a[href="/search/"]').count()).toBe(1);
  });

  it('shows results as the reader types, without pressing Enter, and highlights the words', async () => {
    expect(seedText()).toContain('Pezeshkian');
    await typeSearch('Pezeshkian');
    expect((await results()).map((r) => r.path)).toContain(SEED_PATH);
    expect(await page.locator(MESSAGE).innerText()).toMatch(/^\d+ results? for “Pezeshkian”/);
    expect(await page.locator(`${RESULT} mark`).count()).toBeGreaterThan(0);
    // The address follows the box, so the search can be shared.
    await page.waitForURL(/\?q=Pezeshkian$/, { timeout: 5_000 });
  });

  it('says of each result whether it is an analysis or a glossary entry, and can show one type only', async () => {
    expect(seedText()).toContain('Turkmenistan');
    await typeSearch('Turkmenistan');
    const found = await results();
    expect(found.find((r) => r.path === SEED_PATH)?.type).toBe(`Type: ${SEARCH_TYPES.article}`);
    expect(found.find((r) => r.path === '/glossary/turkmenistan/')?.type).toBe(`Type: ${SEARCH_TYPES.glossary}`);
    await page.getByLabel(new RegExp(`^${SEARCH_TYPES.glossary}`)).check();
    await page.waitForFunction(
      (type) => {
        const tags = [...document.querySelectorAll('#search .pagefind-ui__result [data-pagefind-ui-meta="type"]')];
        return tags.length > 0 && tags.every((t) => t.textContent?.includes(type));
      },
      SEARCH_TYPES.glossary,
      { timeout: 10_000 },
    );
    expect((await results()).every((r) => r.type === `Type: ${SEARCH_TYPES.glossary}`)).toBe(true);
  });

  it('links a match inside a claim to that claim, which the link then brings into view', async () => {
    const query = 'ballistic';
    expect(seedText()).toContain(query);
    await typeSearch(query);
    const article = (await results()).find((r) => r.path === SEED_PATH)!;
    const claimLinks = article.subs.filter((s) => s.startsWith(`${SEED_PATH}#claim-`));
    expect(claimLinks.length).toBeGreaterThan(0);
    // Each claim sub-result names a claim whose words or card hold the query.
    const tree = builtPage(SEED_PATH);
    for (const link of claimLinks) {
      const id = link.split('#')[1]!;
      const mark = select(`mark#${id}.claim`, tree);
      expect(mark, link).toBeDefined();
      const card = select(`#${id.replace(/^claim-/, 'card-')}`, tree);
      expect(`${toString(mark!)} ${card ? toString(card) : ''}`.toLowerCase(), link).toContain(query);
    }
    const first = page.locator(`${RESULT} .pagefind-ui__result-nested a[href*="#claim-"]`).first();
    expect(await first.innerText()).toMatch(/^Claim: /);
    await first.click();
    await page.waitForURL(/#claim-/);
    expect(await page.evaluate(() => document.querySelector(':target')?.matches('mark.claim') ?? false)).toBe(true);
  });

  it('runs a search given in the address, so results can be linked to', async () => {
    await page.goto(`${site.origin}/search/?q=Pezeshkian`);
    await page.locator(`${RESULT} a`).first().waitFor({ timeout: 15_000 });
    expect(await page.inputValue('#search .pagefind-ui__search-input')).toBe('Pezeshkian');
  });

  it('finds an article’s words in the article, not in every glossary entry it names', async () => {
    expect(seedText()).toContain('photos');
    await typeSearch('photos');
    expect((await results()).map((r) => r.path)).toEqual([SEED_PATH]);
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

  it('keeps each term apart from its definition in the indexed text', () => {
    const fragments = new Map(indexedFragments().map((f) => [f.url, f.content]));
    let pairs = 0;
    for (const [url, content] of fragments) {
      for (const dt of selectAll('[data-pagefind-body] dt', builtPage(url))) {
        const term = collapse(toString(dt));
        if (!content.includes(term)) continue;
        pairs++;
        expect(content, `${url}: “${term}” runs into the next word`).not.toMatch(
          new RegExp(`(^|\\s)${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\p{L}\\p{N}“"(]`, 'u'),
        );
      }
    }
    expect(pairs).toBeGreaterThan(5);
  });

  it('leaves screen-reader-only text out of the indexed text', () => {
    let checked = 0;
    for (const { url, content } of indexedFragments()) {
      for (const el of selectAll('[data-pagefind-body] .sr-only', builtPage(url))) {
        const words = collapse(toString(el));
        if (words.length < 4) continue;
        checked++;
        expect(content, `${url}: “${words}”`).not.toContain(words);
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('leaves the bibliography’s addresses out of the indexed text, and keeps its headlines and outlets in', () => {
    const article = indexedFragments().find((f) => f.url === SEED_PATH)!;
    const entries = selectAll('.bibliography .csl-entry', builtPage(SEED_PATH));
    expect(entries.length).toBeGreaterThan(5);
    for (const entry of entries) {
      const link = select('a[href^="http"]', entry);
      const domain = link ? collapse(toString(link)) : '';
      // What stays: the entry up to its address, headline, outlet and date as the page shows them.
      const whole = collapse(toString(entry));
      const at = domain ? whole.lastIndexOf(domain) : whole.length;
      const rest = collapse(whole.slice(0, at) + whole.slice(at + domain.length));
      expect(article.content, `bibliography entry “${rest}”`).toContain(rest);
      if (domain) expect(article.content, domain).not.toContain(`${rest} ${domain}`);
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
    // Articles and glossary entries are in different shards, so the searches above that find
    // both also prove the search page joins the shards.
    expect(shardDirs().length).toBeGreaterThan(1);
    const fragments = fragmentFiles().length;
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
