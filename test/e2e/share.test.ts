// The "share this claim" control in Chromium: a plain link to the claim's page without
// JavaScript; with it, a keyboard-operable button that uses the Web Share API where there is one,
// copies the link otherwise, and says so in a live region.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSite, type Site } from '../support/browser';
import { SEED_PATH, readArticle } from '../support/content';
import { selectAll } from 'hast-util-select';
import { builtFile, parsePage } from '../support/built';

const outDir = inject('outDir');
const article = readArticle();
const CLAIM = 'putin-assessments';
let site: Site;

beforeAll(async () => {
  site = await openSite(outDir);
});
afterAll(async () => {
  await site?.close();
});

async function open(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${site.origin}${SEED_PATH}`);
  return page;
}

/** Opens a claim's card with the keyboard and focuses its share button. */
async function focusShare(page: Page, id: string): Promise<void> {
  await page.locator(`button.badge[popovertarget="card-${id}"]`).focus();
  await page.keyboard.press('Enter');
  const card = page.locator(`#card-${id}`);
  await card.waitFor({ state: 'visible' });
  await card.locator('button.claim-share-button').focus();
}

describe('sharing a claim without JavaScript', () => {
  it('is a plain link from each claim card to the claim’s own page, which exists', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await open(context);
    const links = await page
      .locator('.claim-card-actions a', { hasText: 'Share this claim' })
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    expect(links).toEqual(article.claims.map((c) => `${SEED_PATH}claims/${c.id}/`));
    for (const l of links) expect(builtFile(outDir, l), l).toBeDefined();
    await context.close();
  });
});

describe('sharing a claim with JavaScript', () => {
  it('turns a card’s share link into a button with the same words and a live region when the card first opens', async () => {
    const actionsText = (page: Page) =>
      page.locator('.claim-card-actions').evaluateAll((ps) => ps.map((p) => p.textContent));
    const noJs = await site.browser.newContext({ javaScriptEnabled: false });
    const before = await actionsText(await open(noJs));
    await noJs.close();
    const context = await site.browser.newContext();
    const page = await open(context);
    // Nothing is replaced at load: the cards are closed (docs/performance.md, "Session 9").
    expect(await page.locator('.claim-card-actions a[href^="claims/"]').count()).toBe(article.claims.length);
    expect(await page.locator('.claim-card-actions button.claim-share-button').count()).toBe(0);
    await focusShare(page, CLAIM);
    expect(await page.locator('.claim-card-actions button.claim-share-button').count()).toBe(1);
    // Every card, opened once (twice for the first: a second opening adds no second button).
    await page.locator('.claim-card-actions').evaluateAll((ps) => {
      for (const p of ps) {
        const card = p.closest<HTMLElement>('[popover]')!;
        card.showPopover();
        card.hidePopover();
      }
    });
    expect(await page.locator('.claim-card-actions button.claim-share-button').count()).toBe(article.claims.length);
    expect(await page.locator('.claim-card-actions [role="status"][aria-live="polite"]').count()).toBe(
      article.claims.length,
    );
    expect(await page.locator('.claim-card-actions a[href^="claims/"]').count()).toBe(0);
    // The page's words are unchanged, so annotations anchored in its text still match.
    expect(await actionsText(page)).toEqual(before);
    await context.close();
  });

  it('copies the claim page’s address from the keyboard where there is no Web Share, and announces it', async () => {
    const context = await site.browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    await context.addInitScript(() => {
      delete (Navigator.prototype as { share?: unknown }).share;
    });
    const page = await open(context);
    await focusShare(page, CLAIM);
    expect(await page.locator(`#card-${CLAIM} button.claim-share-button`).innerText()).toBe('Share this claim');
    await page.keyboard.press('Enter');
    const status = page.locator(`#card-${CLAIM} [role="status"]`);
    await status.filter({ hasText: 'Link to this claim copied.' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${site.origin}${SEED_PATH}claims/${CLAIM}/`,
    );
    await context.close();
  });

  it('hands the claim page’s address to the Web Share API where there is one', async () => {
    const context = await site.browser.newContext();
    await context.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'share', {
        configurable: true,
        value: (data: ShareData) => {
          (window as unknown as { shared: ShareData }).shared = data;
          return Promise.resolve();
        },
      });
    });
    const page = await open(context);
    await focusShare(page, CLAIM);
    expect(await page.locator(`#card-${CLAIM} button.claim-share-button`).innerText()).toBe('Share this claim');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => 'shared' in window);
    const shared = await page.evaluate(() => (window as unknown as { shared: ShareData }).shared);
    expect(shared.url).toBe(`${site.origin}${SEED_PATH}claims/${CLAIM}/`);
    expect(shared.title).toBeTruthy();
    await context.close();
  });

  it('offers the same control on the claim’s own page', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.origin}${SEED_PATH}claims/${CLAIM}/`);
    expect(await page.locator('main button.claim-share-button').count()).toBe(1);
    await context.close();
  });

  it('loads the control’s script as one file every claim page shares, not a copy inline in each', () => {
    const srcs = new Set<string>();
    for (const c of article.claims) {
      const scripts = selectAll('script', parsePage(outDir, `${SEED_PATH}claims/${c.id}/`)).filter(
        (s) => s.properties['type'] !== 'application/ld+json',
      );
      expect(scripts, c.id).toHaveLength(1);
      expect(String(scripts[0]!.properties['src']), c.id).toMatch(/^\/_astro\/ShareClaim\.[\w-]+\.js$/);
      expect(scripts[0]!.children, c.id).toEqual([]);
      srcs.add(String(scripts[0]!.properties['src']));
    }
    expect(srcs.size).toBe(1);
    expect(builtFile(outDir, [...srcs][0]!)).toBeDefined();
  });
});
