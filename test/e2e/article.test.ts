// The seed article as a reader meets it in Chromium: the text verbatim, every quotation marked
// and attributed, cards that open by mouse, keyboard and without JavaScript, and a page that
// fits a 320px screen in both colour schemes.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CLAIM_KINDS, CLAIM_STATUSES, SOURCE_TYPES } from '../../src/schemas/taxonomy';
import { openSite, type Site } from '../support/browser';
import {
  SEED_PATH,
  normalise,
  quotations,
  readArticle,
  readGlossary,
  readSource,
  seedParagraphs,
  sentences,
  speakerDisplayName,
} from '../support/content';
import { ROOT } from '../support/global-setup';

const outDir = inject('outDir');
const article = readArticle();
const SHOTS = path.join(ROOT, 'test-results/screenshots');

let site: Site;
let page: Page;

async function load(hash = ''): Promise<void> {
  await page.goto(`${site.origin}${SEED_PATH}${hash}`);
}

/** Scrolls to an element and waits for the next frames, as a reader's scrolling would. */
async function reach(target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

beforeAll(async () => {
  site = await openSite(outDir);
  page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await load();
});

afterAll(async () => {
  await site?.close();
});

describe('the seed article page', () => {
  it('reproduces every sentence of the seed text verbatim and in order in the article body', async () => {
    await load();
    const text = normalise(await page.locator('.article-body').innerText());
    const all = seedParagraphs().flatMap(sentences).map(normalise);
    expect(all.length).toBeGreaterThanOrEqual(seedParagraphs().length);
    const problems: string[] = [];
    let from = 0;
    for (const s of all) {
      const at = text.indexOf(s, from);
      if (at === -1) {
        problems.push(text.includes(s) ? `out of order: ${s}` : `missing: ${s}`);
      } else {
        from = at + s.length;
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('puts every quotation of the seed inside a claim mark that ends in a marker naming its channel', async () => {
    await load();
    const marks = await page.$$eval('.article-body mark.claim', (els) =>
      els.map((el) => {
        // The marker is the mark's last node: nothing of the claim's words comes after it.
        let last: Node | null = el.lastChild;
        while (last instanceof HTMLElement && !last.matches('button') && last.lastChild) last = last.lastChild;
        const badge = last instanceof HTMLElement && last.matches('button.badge') ? last : null;
        return { id: el.id, text: el.textContent ?? '', badge: badge?.getAttribute('aria-label') ?? null };
      }),
    );
    const problems: string[] = [];
    let quotes = 0;
    let openEnded = 0;
    for (const paragraph of seedParagraphs()) {
      const qs = quotations(paragraph);
      let credit = paragraph;
      for (const q of qs) credit = credit.replace(q, '');
      const agencies = ['TASS', 'IRNA'].filter((a) => new RegExp(`\\b${a}\\b`).test(credit));
      for (const q of qs) {
        quotes++;
        if (!q.endsWith('”')) openEnded++;
        const holders = marks.filter((m) => normalise(m.text).includes(normalise(q)));
        if (holders.length !== 1) {
          problems.push(`${q}: inside ${holders.length} claim marks, expected 1`);
          continue;
        }
        const { id, badge } = holders[0]!;
        if (badge === null) problems.push(`${q}: #${id} does not end in button.badge`);
        else if (!/\bvia\b/.test(badge)) problems.push(`${q}: badge of #${id} names no channel: "${badge}"`);
        else
          for (const a of agencies)
            if (!badge.includes(a)) problems.push(`${q}: credited to ${a}, badge says "${badge}"`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
    // The seed has ten quotations, one of which runs on into the next paragraph.
    expect(quotes).toBeGreaterThanOrEqual(10);
    expect(openEnded).toBeGreaterThanOrEqual(1);
  });

  it('has one claim mark per frontmatter claim, each with the id claim-<id>', async () => {
    await load();
    const ids = await page.$$eval('mark.claim', (els) => els.map((el) => el.id));
    expect(ids).toHaveLength(article.claims.length);
    expect(new Set(ids)).toEqual(new Set(article.claims.map((c) => `claim-${c.id}`)));
    for (const c of article.claims) {
      const el = page.locator(`#claim-${c.id}`);
      expect(await el.count(), `#claim-${c.id}`).toBe(1);
      expect(await el.evaluate((e) => e.matches('mark.claim'))).toBe(true);
    }
  });

  it('scrolls a linked claim into view and highlights it in full, where other claims are only underlined', async () => {
    const target = article.claims.at(-1)!.id;
    const other = article.claims[0]!.id;
    await load(`#claim-${target}`);
    const state = await page.evaluate(
      ([t, o]) => {
        const el = document.getElementById(`claim-${t}`)!;
        const rect = el.getBoundingClientRect();
        return {
          scrollY: window.scrollY,
          inView: rect.top >= 0 && rect.bottom <= window.innerHeight,
          targeted: el.matches(':target'),
          targetBg: getComputedStyle(el).backgroundColor,
          otherTargeted: document.getElementById(`claim-${o}`)!.matches(':target'),
          otherBg: getComputedStyle(document.getElementById(`claim-${o}`)!).backgroundColor,
        };
      },
      [target, other] as const,
    );
    expect(state.scrollY).toBeGreaterThan(0);
    expect(state.inView).toBe(true);
    expect(state.targeted).toBe(true);
    expect(state.otherTargeted).toBe(false);
    // A quiet text: other claims are only underlined; the linked one is highlighted in full.
    expect(state.otherBg).toBe('rgba(0, 0, 0, 0)');
    expect(state.targetBg).not.toBe(state.otherBg);
  });

  it('opens each claim card from its margin note at 1,280px with the speaker, kind and status, and closes it with Escape', async () => {
    await load();
    const problems: string[] = [];
    for (const c of article.claims) {
      // On wide screens the pointer's way in is the note in the margin.
      const badge = page.locator(`#claim-${c.id} button.claim-note`);
      const cardId = await badge.getAttribute('popovertarget');
      if (!cardId) {
        problems.push(`${c.id}: badge has no popovertarget`);
        continue;
      }
      const card = page.locator(`[id="${cardId}"]`);
      await badge.click();
      if (!(await card.evaluate((e) => e.matches(':popover-open')))) {
        problems.push(`${c.id}: card did not open`);
        continue;
      }
      const text = await card.innerText();
      const expected = [
        speakerDisplayName(c, article),
        CLAIM_KINDS[c.kind as keyof typeof CLAIM_KINDS].label,
        CLAIM_STATUSES[c.status as keyof typeof CLAIM_STATUSES].label,
      ];
      for (const e of expected) if (!text.includes(e)) problems.push(`${c.id}: card lacks "${e}"`);
      // The evidence trail: every finding, in its order, under "How we checked".
      const findings = await card.locator(':scope > ul > li').allInnerTexts();
      if ((c.checked ?? []).length > 0 && !text.includes('How we checked'))
        problems.push(`${c.id}: no "How we checked"`);
      if (findings.length !== (c.checked ?? []).length) problems.push(`${c.id}: ${findings.length} findings shown`);
      (c.checked ?? []).forEach((f, i) => {
        if (!normalise(findings[i] ?? '').includes(normalise(f.finding)))
          problems.push(`${c.id}: lacks "${f.finding}"`);
      });
      await page.keyboard.press('Escape');
      if (await card.evaluate((e) => e.matches(':popover-open'))) problems.push(`${c.id}: Escape left the card open`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('lets a keyboard user reach a badge with Tab and open its card with Enter', async () => {
    await load();
    const first = article.claims[0]!.id;
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(
        (id) => document.activeElement === document.querySelector(`#claim-${id} button.badge`),
        first,
      );
    }
    expect(reached, 'Tab never reached the first badge').toBe(true);
    await page.keyboard.press('Enter');
    const card = page.locator(`#card-${first}`);
    expect(await card.evaluate((e) => e.matches(':popover-open'))).toBe(true);
    await page.keyboard.press('Escape');
    expect(await card.evaluate((e) => e.matches(':popover-open'))).toBe(false);
    // Every badge is in the tab order, not just the first.
    const untabbable = await page.$$eval(
      'button.badge',
      (els) => els.filter((b) => (b as HTMLButtonElement).tabIndex < 0 || (b as HTMLButtonElement).disabled).length,
    );
    expect(untabbable).toBe(0);
  });

  it('opens and closes claim cards with JavaScript disabled', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    try {
      const p = await context.newPage();
      await p.goto(`${site.origin}${SEED_PATH}`);
      const c = article.claims.find((x) => x.via?.length) ?? article.claims[0]!;
      await p.setViewportSize({ width: 390, height: 800 });
      await p.locator(`#claim-${c.id} button.badge`).click();
      const open = p.locator(`#card-${c.id}:popover-open`);
      expect(await open.count()).toBe(1);
      expect(await open.innerText()).toContain(speakerDisplayName(c, article));
      await p.keyboard.press('Escape');
      expect(await p.locator(`#card-${c.id}:popover-open`).count()).toBe(0);
      // Its Close button closes it too.
      await p.locator(`#claim-${c.id} button.badge`).click();
      expect(await open.count()).toBe(1);
      await p.locator(`#card-${c.id}`).getByRole('button', { name: 'Close', exact: true }).click();
      expect(await p.locator(`#card-${c.id}:popover-open`).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('lists every frontmatter source in the sources panel with its type, country and ownership', async () => {
    await load();
    const panel = page.locator('section[aria-labelledby="sources-heading"]');
    expect(await panel.count()).toBe(1);
    expect(await panel.locator('li[id^="source-"]').count()).toBe(article.sources.length);
    const problems: string[] = [];
    for (const id of article.sources) {
      const s = readSource(id);
      const item = panel.locator(`[id="source-${id}"]`);
      if ((await item.count()) !== 1) {
        problems.push(`${id}: no #source-${id} in the panel`);
        continue;
      }
      await reach(item);
      const text = normalise(await item.innerText());
      const expected = [
        s.name,
        SOURCE_TYPES[s.type as keyof typeof SOURCE_TYPES].label,
        s.country ? readGlossary(s.country).name : 'International',
        s.ownership ?? 'Unknown',
      ];
      for (const e of expected) if (!text.includes(normalise(e))) problems.push(`${id}: panel entry lacks "${e}"`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('names each claim a source carried by its verdict and opening words, never by its id, linking to it in the text', async () => {
    await load();
    const problems: string[] = [];
    for (const id of article.sources) {
      const carried = article.claims.filter((c) => (c.via ?? []).includes(id) || c.primary === id);
      const links = page.locator(`[id="source-${id}"] .source-claims a`);
      if ((await links.count()) !== carried.length)
        problems.push(`${id}: ${await links.count()} claim links for ${carried.length} claims`);
      for (const [i, link] of (await links.all()).entries()) {
        const href = (await link.getAttribute('href')) ?? '';
        const claim = article.claims.find((c) => href === `#claim-${c.id}`);
        if (!claim || !carried.includes(claim)) {
          problems.push(`${id}: link ${i + 1} goes to ${href}, not a claim it carried`);
          continue;
        }
        await reach(link);
        const text = normalise(await link.innerText());
        const label = CLAIM_STATUSES[claim.status as keyof typeof CLAIM_STATUSES].label;
        if (text.includes(claim.id)) problems.push(`${id}: link to ${claim.id} shows its id`);
        if (!text.startsWith(`${label}: “`)) problems.push(`${id}: link to ${claim.id} reads "${text}"`);
        // The link's quotation marks are its own; the words may open with the text's.
        const words = normalise(await page.locator(`#claim-${claim.id}`).innerText()).replace(/^[“"]/, '');
        const opening = text.slice(label.length + 3).replace(/[…”]+$/, '');
        if (!words.startsWith(opening)) problems.push(`${id}: "${opening}" does not open claim ${claim.id}`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('has a bibliography with an entry for every work the claims were checked against', async () => {
    await load();
    const heading = page.locator('#bibliography-heading');
    expect(await heading.count()).toBe(1);
    expect(await heading.evaluate((e) => e.tagName)).toMatch(/^H[2-6]$/);
    const section = page.locator('section[aria-labelledby="bibliography-heading"]');
    const keys = new Set(
      article.claims.flatMap((c) => [
        ...(c.checked ?? []).map((f) => f.source),
        ...(c.timeline ?? []).flatMap((t) => t.cite ?? []),
      ]),
    );
    expect(keys.size).toBeGreaterThan(0);
    const entries = new Set(await section.locator('[id^="bib-"]').evaluateAll((els) => els.map((e) => e.id)));
    const missing = [...keys].filter((k) => !entries.has(`bib-${k}`));
    expect(missing, `no bibliography entry for: ${missing.join(', ')}`).toEqual([]);
    const dangling = await page.$$eval('a[href^="#bib-"]', (as) =>
      as.map((a) => a.getAttribute('href')!.slice(1)).filter((id) => !document.getElementById(id)),
    );
    expect(dangling).toEqual([]);
    // A missing date is said outright, never abbreviated.
    const bibliography = await section.innerText();
    expect(bibliography).not.toMatch(/\bn\.\s?d\./);
  });

  it('credits the original with a link to its address', async () => {
    await load();
    const links = page.locator(`article footer a[href="${article.original.url}"]`);
    expect(await links.count()).toBe(1);
    const footer = normalise(await page.locator('article footer').innerText());
    expect(footer).toContain(article.original.headline);
    expect(footer).toContain(readSource(article.original.outlet).name);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`fits a 320px-wide screen without horizontal scrolling in the ${scheme} colour scheme, with a card open too`, async () => {
      const context = await site.browser.newContext({ viewport: { width: 320, height: 800 }, colorScheme: scheme });
      try {
        const p = await context.newPage();
        await p.goto(`${site.origin}${SEED_PATH}`);
        const bg = await p.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
        // The scheme really applies: a light page is light and a dark page is dark.
        const [r, g, b] = (bg.match(/\d+/g) ?? []).map(Number) as [number, number, number];
        const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
        expect(scheme === 'light' ? luminance > 0.5 : luminance < 0.5, `background ${bg}`).toBe(true);

        mkdirSync(SHOTS, { recursive: true });
        await p.screenshot({ path: path.join(SHOTS, `article-320-${scheme}.png`), fullPage: true });
        const wide = await p.evaluate(() => {
          const w = document.documentElement.clientWidth;
          return [...document.querySelectorAll('body *')]
            .filter((e) => e.getBoundingClientRect().right > w + 0.5 && getComputedStyle(e).position !== 'fixed')
            .slice(0, 5)
            .map(
              (e) =>
                `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${[...e.classList].map((k) => `.${k}`).join('')} "${(e.textContent ?? '').slice(0, 60)}"`,
            );
        });
        const width = await p.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `wider than 320px: ${wide.join(', ')}`).toBeLessThanOrEqual(320);

        const c = article.claims[0]!;
        await p.locator(`#claim-${c.id} button.badge`).click();
        const card = p.locator(`#card-${c.id}`);
        const box = await card.boundingBox();
        await p.screenshot({ path: path.join(SHOTS, `article-320-${scheme}-card.png`) });
        expect(box).not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(320);
        expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      } finally {
        await context.close();
      }
    });
  }
});
