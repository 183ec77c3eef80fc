// The glossary as a reader meets it in Chromium: mentions in the seed article link to their
// entries; a mention's card opens on hover, on keyboard focus and on a first tap, closes with
// Escape, and the link still works without JavaScript; every mention an entry page lists
// links back to an element that exists; each entry page offers its feed.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CLAIM_STATUSES } from '../../src/schemas/taxonomy';
import { builtPages, openSite, type Site } from '../support/browser';
import { SEED_PATH, readGlossary } from '../support/content';
import { ROOT } from '../support/global-setup';

const outDir = inject('outDir');
const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');

/** The people, countries, organisations, places and groups the seed names, by glossary id. */
const SEED_ENTRIES = [
  'vladimir-putin',
  'masoud-pezeshkian',
  'russia',
  'iran',
  'turkmenistan',
  'ukraine',
  'israel',
  'gaza',
  'palestinians',
  'united-states',
  'the-west',
  'tass',
  'irna',
  'reuters',
  'brics',
  'hamas',
  'hezbollah',
];

let site: Site;
let page: Page;

const isOpen = (p: Page, id: string) => p.locator(`[id="${id}"]`).evaluate((e) => e.matches(':popover-open'));

beforeAll(async () => {
  site = await openSite(outDir);
  page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
});

afterAll(async () => {
  await site?.close();
});

describe('glossary links in the seed article', () => {
  it('links every named person, country and organisation of the seed to an entry page that exists', async () => {
    await page.goto(`${site.origin}${SEED_PATH}`);
    const problems: string[] = [];
    for (const id of SEED_ENTRIES) {
      const links = page.locator(`.article-body a[data-glossary="${id}"]`);
      const n = await links.count();
      if (n === 0) {
        problems.push(`${id}: no link in the article body`);
        continue;
      }
      const href = await links.first().getAttribute('href');
      if (href !== `/glossary/${id}/`) problems.push(`${id}: links to ${href}`);
      const res = await page.request.get(`${site.origin}/glossary/${id}/`);
      if (res.status() !== 200) problems.push(`${id}: entry page answers ${res.status()}`);
      else if (!(await res.text()).includes(readGlossary(id).name)) problems.push(`${id}: entry page lacks its name`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('links the first mention of an entry and marks the repeats, each with a unique id', async () => {
    await page.goto(`${site.origin}${SEED_PATH}`);
    const mentions = await page.$$eval('.article-body [data-glossary]', (els) =>
      els.map((e) => ({ id: e.id, entry: e.getAttribute('data-glossary')!, tag: e.tagName.toLowerCase() })),
    );
    expect(mentions.length).toBeGreaterThan(SEED_ENTRIES.length);
    expect(new Set(mentions.map((m) => m.id)).size).toBe(mentions.length);
    const first = new Map<string, string>();
    for (const m of mentions) if (!first.has(m.entry)) first.set(m.entry, m.tag);
    expect([...first.values()].every((t) => t === 'a')).toBe(true);
    // The seed has no headings, so it is one section: one link per entry.
    const links = mentions.filter((m) => m.tag === 'a').map((m) => m.entry);
    expect(new Set(links).size).toBe(links.length);
    expect(mentions.filter((m) => m.tag === 'span').length).toBeGreaterThan(0);
  });

  it('keeps cards out of the text: a claim with a mention reads the same, and closed cards add no words', async () => {
    await page.goto(`${site.origin}${SEED_PATH}`);
    const state = await page.evaluate(() => {
      const mark = document.querySelector('mark.claim a[data-glossary]')?.closest('mark');
      const body = document.querySelector<HTMLElement>('.article-body')!;
      return {
        markText: mark?.textContent ?? null,
        markInner: mark ? mark.innerText : null,
        cardsInText: [...document.querySelectorAll('.glossary-card [id$="-desc"]')].some((d) =>
          body.innerText.includes(d.textContent ?? '\u0000'),
        ),
      };
    });
    expect(state.markText).not.toBeNull();
    expect(state.markInner?.replace(/\s+/g, ' ')).toBe(state.markText?.replace(/\s+/g, ' '));
    expect(state.cardsInText).toBe(false);
  });
});

describe('glossary cards', () => {
  it('opens a card on hover with the name, kind, one line and a link to the entry, and closes it with Escape', async () => {
    await page.goto(`${site.origin}${SEED_PATH}`);
    await page.hover('#mention-iran-1');
    await expect.poll(() => isOpen(page, 'glossary-card-iran')).toBe(true);
    const card = page.locator('#glossary-card-iran');
    const text = await card.innerText();
    expect(text).toContain('Iran');
    expect(text).toContain('Country');
    expect(text).toContain('West Asia');
    expect(await card.locator('a[href="/glossary/iran/"]').count()).toBe(1);
    // It has an accessible name.
    const name = await card.evaluate(
      (e) => document.getElementById(e.getAttribute('aria-labelledby') ?? '')?.textContent,
    );
    expect(name).toBe('Iran');
    expect(await card.getAttribute('role')).toBe('dialog');
    // Moving into the card keeps it open, so its link can be used.
    await card.locator('a').hover();
    await page.waitForTimeout(500);
    expect(await isOpen(page, 'glossary-card-iran')).toBe(true);
    await page.keyboard.press('Escape');
    expect(await isOpen(page, 'glossary-card-iran')).toBe(false);
  });

  it('closes a hover card when the pointer moves away', async () => {
    await page.goto(`${site.origin}${SEED_PATH}`);
    await page.hover('#mention-russia-1');
    await expect.poll(() => isOpen(page, 'glossary-card-russia')).toBe(true);
    await page.mouse.move(5, 5);
    await expect.poll(() => isOpen(page, 'glossary-card-russia')).toBe(false);
  });

  it('opens a card when a keyboard user tabs to a mention, describes the link with it, and closes it with Escape', async () => {
    await page.goto(`${site.origin}${SEED_PATH}`);
    let entry: string | null = null;
    for (let i = 0; i < 60 && !entry; i++) {
      await page.keyboard.press('Tab');
      entry = await page.evaluate(
        () => document.activeElement?.closest('a[data-glossary]')?.getAttribute('data-glossary') ?? null,
      );
    }
    expect(entry, 'Tab never reached a mention').not.toBeNull();
    const cardId = `glossary-card-${entry}`;
    await expect.poll(() => isOpen(page, cardId)).toBe(true);
    const described = await page.evaluate(() => {
      const a = document.activeElement!;
      return document.getElementById(a.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
    });
    expect(described.length).toBeGreaterThan(10);
    await page.keyboard.press('Escape');
    expect(await isOpen(page, cardId)).toBe(false);
    // Focus stays on the mention, so the reader can go on reading or follow the link.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-glossary'))).toBe(entry);
  });

  it('opens a card on a first tap and follows the link from the card on a touch screen', async () => {
    const context = await site.browser.newContext({
      hasTouch: true,
      isMobile: true,
      viewport: { width: 360, height: 740 },
    });
    try {
      const p = await context.newPage();
      await p.goto(`${site.origin}${SEED_PATH}`);
      await p.locator('#mention-tass-1').scrollIntoViewIfNeeded();
      await p.tap('#mention-tass-1');
      await expect.poll(() => isOpen(p, 'glossary-card-tass')).toBe(true);
      expect(new URL(p.url()).pathname).toBe(SEED_PATH);
      const box = await p.locator('#glossary-card-tass').boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(360);
      await Promise.all([p.waitForURL('**/glossary/tass/'), p.tap('#glossary-card-tass a')]);
      expect(await p.locator('h1').innerText()).toBe('TASS');
    } finally {
      await context.close();
    }
  });

  it('is a plain link to the entry without JavaScript', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    try {
      const p = await context.newPage();
      await p.goto(`${site.origin}${SEED_PATH}`);
      expect(await isOpen(p, 'glossary-card-iran')).toBe(false);
      await Promise.all([p.waitForURL('**/glossary/iran/'), p.click('#mention-iran-1')]);
      expect(await p.locator('h1').innerText()).toBe('Iran');
    } finally {
      await context.close();
    }
  });

  it('passes axe with a card open, in both colour schemes', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await site.browser.newContext({ colorScheme });
      // The site's CSP refuses script tags added to the page; an init script is exempt.
      await context.addInitScript({ path: AXE });
      try {
        const p = await context.newPage();
        await p.goto(`${site.origin}${SEED_PATH}`);
        await p.focus('#mention-iran-1');
        // The page has just parsed axe (an init script of about 500 KB); on a loaded CI machine
        // one evaluate took longer than the poll's default second.
        await expect.poll(() => isOpen(p, 'glossary-card-iran'), { timeout: 10_000 }).toBe(true);
        const violations = await p.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: {
                run: (c: unknown, o: object) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>;
              };
            }
          ).axe;
          const r = await axe.run(
            { include: [['#glossary-card-iran'], ['#mention-iran-1']] },
            { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } },
          );
          return r.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
        });
        expect(violations, `${colorScheme}: ${violations.join('\n')}`).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });
});

describe('glossary pages', () => {
  const entryPages = builtPages(outDir).filter((p) => /^\/glossary\/[^/]+\/$/.test(p));

  it('has an index and a page for every entry', async () => {
    expect(builtPages(outDir)).toContain('/glossary/');
    expect(entryPages.length).toBeGreaterThanOrEqual(SEED_ENTRIES.length);
    await page.goto(`${site.origin}/glossary/`);
    for (const p of entryPages) expect(await page.locator(`main a[href="${p}"]`).count(), p).toBeGreaterThan(0);
  });

  it('links every listed mention back to an element of that entry in its article', async () => {
    const article = await site.browser.newPage();
    const problems: string[] = [];
    let checked = 0;
    try {
      for (const p of entryPages) {
        const entry = p.split('/')[2]!;
        await page.goto(`${site.origin}${p}`);
        const hrefs = await page.$$eval('section[aria-labelledby="mentions-heading"] a[href*="#mention-"]', (as) =>
          as.map((a) => a.getAttribute('href')!),
        );
        for (const href of hrefs) {
          const [pagePath, id] = href.split('#') as [string, string];
          if (new URL(article.url(), site.origin).pathname !== pagePath)
            await article.goto(`${site.origin}${pagePath}`);
          checked++;
          const found = await article.evaluate(
            (i) => document.getElementById(i)?.getAttribute('data-glossary') ?? null,
            id,
          );
          if (found !== entry)
            problems.push(`${p}: ${href} → ${found === null ? 'no such element' : `a mention of ${found}`}`);
        }
      }
    } finally {
      await article.close();
    }
    expect(checked).toBeGreaterThan(SEED_ENTRIES.length);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('scrolls to and highlights a mention followed from an entry page', async () => {
    await page.goto(`${site.origin}/glossary/iran/`);
    const link = page.locator('section[aria-labelledby="mentions-heading"] a[href*="#mention-"]').nth(1);
    const href = (await link.getAttribute('href'))!;
    await Promise.all([page.waitForURL(`**${href}`), link.click()]);
    const state = await page.evaluate((id) => {
      const el = document.getElementById(id)!;
      const r = el.getBoundingClientRect();
      return { target: el.matches(':target'), inView: r.top >= 0 && r.bottom <= window.innerHeight };
    }, href.split('#')[1]!);
    expect(state).toEqual({ target: true, inView: true });
  });

  it('offers each entry its RSS feed of the articles that mention it', async () => {
    await page.goto(`${site.origin}/glossary/iran/`);
    const feed = await page.locator('link[rel="alternate"][type="application/rss+xml"]').first().getAttribute('href');
    expect(feed).toBe('/glossary/iran/rss.xml');
    const res = await page.request.get(`${site.origin}${feed}`);
    expect(res.status()).toBe(200);
    const xml = await res.text();
    expect(xml).toContain('<rss');
    expect(xml).toContain(`${SEED_PATH}</link>`);
    // An entry no article mentions has a feed with no items.
    const kazan = await (await page.request.get(`${site.origin}/glossary/kazan/rss.xml`)).text();
    expect(kazan).not.toContain('<item>');
  });

  it('lists the claims an entry made with their badges', async () => {
    await page.goto(`${site.origin}/glossary/masoud-pezeshkian/`);
    const claims = page.locator('section[aria-labelledby="claims-heading"] li');
    expect(await claims.count()).toBeGreaterThanOrEqual(5);
    const first = await claims.first().innerText();
    expect(first).toMatch(/Masoud Pezeshkian · .* · (Quote|Paraphrase)/);
    const href = await claims.first().locator('a').first().getAttribute('href');
    expect(href).toMatch(new RegExp(`^${SEED_PATH}#claim-`));
  });

  it('shows each listed claim’s verdict as the article does: the status’s icon, colour and label, then its sentence', async () => {
    await page.goto(`${site.origin}/glossary/masoud-pezeshkian/`);
    const problems: string[] = [];
    const items = await page.locator('section[aria-labelledby="claims-heading"] li').all();
    for (const item of items) {
      const status = (await item.getAttribute('data-status')) as keyof typeof CLAIM_STATUSES | null;
      if (!status || !(status in CLAIM_STATUSES)) {
        problems.push(`an item has status ${status}`);
        continue;
      }
      const chip = item.locator(`.status-chip.status-${status}`);
      if ((await chip.count()) !== 1) problems.push(`${status}: no status chip`);
      else {
        if (!(await chip.innerText()).startsWith(CLAIM_STATUSES[status].label))
          problems.push(`${status}: chip reads "${await chip.innerText()}"`);
        // The icon is drawn in the status's own colour: the one anything marked with that status
        // (the article's badges and underlines) is drawn in.
        const [icon, own] = await chip.evaluate((el, s) => {
          const resolved = (parent: Element) => {
            const probe = document.createElement('span');
            probe.style.color = 'var(--status)';
            parent.append(probe);
            const colour = getComputedStyle(probe).color;
            probe.remove();
            return colour;
          };
          const marked = document.createElement('span');
          marked.dataset['status'] = s;
          document.body.append(marked);
          const colour = resolved(marked);
          marked.remove();
          // The icon is the chip's ::before: filled (tick, cross…) or outlined (ring, square, half
          // circle) in the status's colour.
          const icon = getComputedStyle(el, '::before');
          const drawn = icon.content === '""' ? [icon.backgroundColor, icon.borderTopColor] : [];
          return [drawn.find((c) => c === colour) ?? drawn.join(' / '), colour];
        }, status);
        if (!icon || icon !== own) problems.push(`${status}: icon colour ${icon}, status colour ${own}`);
      }
      // A verdict sentence, not the label alone.
      const text = await item.innerText();
      if (!/[.;] .+[.]/.test(text)) problems.push(`${status}: no verdict sentence in "${text}"`);
    }
    expect(items.length).toBeGreaterThan(0);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('fits a 320px screen without horizontal scrolling, in both colour schemes', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await site.browser.newContext({ viewport: { width: 320, height: 800 }, colorScheme });
      try {
        const p = await context.newPage();
        for (const path of ['/glossary/', '/glossary/iran/', '/glossary/masoud-pezeshkian/']) {
          await p.goto(`${site.origin}${path}`);
          expect(
            await p.evaluate(() => document.documentElement.scrollWidth),
            `${colorScheme} ${path}`,
          ).toBeLessThanOrEqual(320);
        }
      } finally {
        await context.close();
      }
    }
  });
});
