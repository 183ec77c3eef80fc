// Reading the seed article in Chromium: margin notes on wide screens, compact markers on narrow
// ones, views that pick claims out without changing what a screen reader hears, verdicts on
// claim pages, and print.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CLAIM_STATUSES, PROBLEM_STATUSES } from '../../src/schemas/taxonomy';
import { openSite, type Site } from '../support/browser';
import { SEED_PATH, readArticle } from '../support/content';

const outDir = inject('outDir');
const article = readArticle();
const problemIds = article.claims
  .filter((c) => (PROBLEM_STATUSES as readonly string[]).includes(c.status))
  .map((c) => c.id);

let site: Site;
let wide: BrowserContext;
let narrow: BrowserContext;

beforeAll(async () => {
  site = await openSite(outDir);
  wide = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  narrow = await site.browser.newContext({ viewport: { width: 390, height: 800 } });
});

afterAll(async () => {
  await site?.close();
});

async function open(context: BrowserContext, path = SEED_PATH): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${site.origin}${path}`);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

describe('margin notes on a wide screen', () => {
  it('keeps the text column at its measure and puts one note per claim in the margin to its right', async () => {
    const page = await open(wide);
    const m = await page.evaluate(() => {
      const body = document.querySelector('.article-body')!.getBoundingClientRect();
      const notes = [...document.querySelectorAll<HTMLElement>('.article-body button.claim-note')].map((n) => {
        const r = n.getBoundingClientRect();
        return { left: r.left, right: r.right, width: r.width };
      });
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
      return { width: body.width, right: body.right, rem, notes, viewport: document.documentElement.clientWidth };
    });
    expect(m.width).toBeCloseTo(48 * m.rem, 0);
    expect(m.notes).toHaveLength(article.claims.length);
    for (const n of m.notes) {
      expect(n.width).toBeGreaterThan(100);
      expect(n.left).toBeGreaterThanOrEqual(m.right);
      expect(n.right).toBeLessThanOrEqual(m.viewport);
    }
    await page.close();
  });

  it('sets each note beside the line its claim starts on, or just below the note above it, never overlapping', async () => {
    const page = await open(wide);
    const rows = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.article-body mark.claim')].map((mark) => {
        const note = mark.querySelector('button.claim-note')!.getBoundingClientRect();
        // The first line of the claim's words (the note itself is not on it).
        const range = document.createRange();
        range.selectNodeContents(mark);
        const first = [...range.getClientRects()].find((r) => r.width > 1 && r.left < note.left)!;
        const lineHeight = parseFloat(getComputedStyle(mark.parentElement!).lineHeight);
        return { id: mark.id, top: note.top, bottom: note.bottom, line: first.top, lineHeight };
      }),
    );
    const problems: string[] = [];
    let prevBottom = -Infinity;
    for (const r of rows) {
      if (r.top < prevBottom - 0.5) problems.push(`${r.id}: note overlaps the one above`);
      if (r.top < r.line - 4) problems.push(`${r.id}: note starts above its claim`);
      const pushed = prevBottom > r.line - 8;
      if (!pushed && r.top - r.line > r.lineHeight / 2)
        problems.push(`${r.id}: note ${Math.round(r.top - r.line)}px below the claim's first line`);
      prevBottom = r.bottom;
    }
    expect(problems, problems.join('\n')).toEqual([]);
    await page.close();
  });

  it('hides the marker from sight but not from the keyboard: focused, it shows and its note is outlined', async () => {
    const page = await open(wide);
    const id = article.claims[0]!.id;
    const before = await page.locator(`#claim-${id} button.badge`).boundingBox();
    expect(before!.width).toBeLessThanOrEqual(1);
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((id) => document.activeElement?.matches(`#claim-${id} button.badge`), id)) break;
    }
    const state = await page.evaluate((id) => {
      const badge = document.querySelector(`#claim-${id} button.badge`)!;
      const note = document.querySelector(`#claim-${id} button.claim-note`)!;
      return {
        focused: document.activeElement === badge,
        width: badge.getBoundingClientRect().width,
        outline: getComputedStyle(note).outlineStyle,
      };
    }, id);
    expect(state.focused).toBe(true);
    expect(state.width).toBeGreaterThan(10);
    expect(state.outline).not.toBe('none');
    await page.close();
  });
});

describe('compact markers on a narrow screen', () => {
  it('ends each claim in one marker that never wraps, shows an icon and the channel, and has no note beside it', async () => {
    const page = await open(narrow);
    const markers = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.article-body mark.claim')].map((mark) => {
        const badge = mark.querySelector<HTMLElement>('button.badge')!;
        const note = mark.querySelector<HTMLElement>('button.claim-note')!;
        // The icon is the marker's ::before: a box with no content, so measured by its style.
        const icon = getComputedStyle(badge, '::before');
        return {
          id: mark.id,
          rects: badge.getClientRects().length,
          height: badge.getBoundingClientRect().height,
          words: getComputedStyle(badge, '::after').content,
          icon:
            icon.content === '""' &&
            icon.display !== 'none' &&
            parseFloat(icon.width) > 4 &&
            parseFloat(icon.height) > 4,
          noteShown: note.getClientRects().length > 0,
        };
      }),
    );
    expect(markers).toHaveLength(article.claims.length);
    for (const m of markers) {
      expect(m.rects, m.id).toBe(1);
      expect(m.height, m.id).toBeLessThan(22);
      expect(m.words, m.id).toMatch(/^".+"$/);
      expect(m.icon, m.id).toBe(true);
      expect(m.noteShown, m.id).toBe(false);
    }
    await page.close();
  });

  it('never starts a line with a marker, nor with the punctuation after one, at several widths', async () => {
    const page = await open(narrow);
    const problems: string[] = [];
    for (const width of [320, 360, 390, 430, 520]) {
      await page.setViewportSize({ width, height: 800 });
      problems.push(
        ...(
          await page.evaluate(() => {
            const out: string[] = [];
            for (const mark of document.querySelectorAll<HTMLElement>('.article-body mark.claim')) {
              const badge = mark.querySelector<HTMLElement>('button.badge')!.getBoundingClientRect();
              const range = document.createRange();
              const mid = (r: DOMRect) => (r.top + r.bottom) / 2;
              // Nothing of the claim (its words, or a date added after them) is on the marker's line:
              // the marker starts a line.
              const line = [...mark.getClientRects()].filter((r) => Math.abs(mid(r) - mid(badge)) < r.height / 2);
              if (!line.some((r) => r.left < badge.left - 1)) out.push(`${mark.id}: marker starts a line`);
              const next = mark.nextSibling;
              if (next?.nodeType === Node.TEXT_NODE && /^[,.;:!?)”’]/.test(next.nodeValue ?? '')) {
                range.setStart(next, 0);
                range.setEnd(next, 1);
                const p = range.getBoundingClientRect();
                if (Math.abs(mid(p) - mid(badge)) > p.height / 2) out.push(`${mark.id}: punctuation after it wrapped`);
                if (p.left - badge.right > 1) out.push(`${mark.id}: a gap before the punctuation after it`);
              }
            }
            return out;
          })
        ).map((p) => `${width}px ${p}`),
      );
    }
    expect(problems, problems.join('\n')).toEqual([]);
    await page.close();
  });
});

describe('asking the analysis (views without JavaScript)', () => {
  const views = async (page: Page) => page.$$eval('.reading-views input[type="radio"]', (els) => els.map((e) => e.id));

  it('offers all claims, problems only, each kind of channel in the article, and the plain text', async () => {
    const page = await open(wide);
    const ids = await views(page);
    expect(ids[0]).toBe('view-all');
    expect(ids).toContain('view-problems');
    expect(ids).toContain('view-channel-state');
    expect(ids.at(-1)).toBe('view-plain');
    expect(await page.locator('#view-all').isChecked()).toBe(true);
    await page.close();
  });

  it('lists the problem claims, each linked to its mark, in the order of the text', async () => {
    const page = await open(wide);
    const links = await page.$$eval('.reading-views .problem-list a', (as) =>
      as.map((a) => a.getAttribute('href')!.replace(/^#claim-/, '')),
    );
    const order = await page.$$eval('mark.claim', (ms) => ms.map((m) => m.id.replace(/^claim-/, '')));
    expect(new Set(links)).toEqual(new Set(problemIds));
    expect(links).toEqual(order.filter((id) => links.includes(id)));
    await page.close();
  });

  it('highlights only the claims a view picks, sets the rest plain, and keeps what the accessibility tree says the same', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.origin}${SEED_PATH}`);
    const tree = () => page.locator('.article-body').ariaSnapshot();
    // What assistive technology gets for the claims: every marker, by role and name.
    const markers = () =>
      page.getByRole('button', { name: /^About this claim/ }).evaluateAll((bs) => bs.map((b) => b.ariaLabel));
    const all = await tree();
    const announced = await markers();
    expect(announced).toHaveLength(article.claims.length);
    const state = () =>
      page.$$eval('.article-body mark.claim', (ms) =>
        ms.map((m) => {
          const s = getComputedStyle(m);
          const badge = m.querySelector<HTMLButtonElement>('button.badge')!;
          return {
            id: m.id.replace(/^claim-/, ''),
            underlined: s.textDecorationLine.includes('underline'),
            highlighted: s.backgroundColor !== 'rgba(0, 0, 0, 0)',
            note: m.querySelector('button.claim-note')!.getClientRects().length > 0,
            focusable: badge.tabIndex >= 0 && getComputedStyle(badge).display !== 'none',
          };
        }),
      );

    const start = await state();
    for (const s of start) expect(s, s.id).toMatchObject({ underlined: true, highlighted: false, note: true });

    await page.locator('label', { has: page.locator('#view-problems') }).click();
    for (const s of await state()) {
      const picked = problemIds.includes(s.id);
      expect(s, s.id).toMatchObject({ highlighted: picked, underlined: picked, note: picked, focusable: true });
    }
    expect(await tree()).toBe(all);
    expect(await markers()).toEqual(announced);

    await page.locator('label', { has: page.locator('#view-plain') }).click();
    for (const s of await state())
      expect(s, s.id).toMatchObject({ highlighted: false, underlined: false, note: false, focusable: true });
    expect(await markers()).toEqual(announced);
    await context.close();
  });
});

describe('the keyboard in every view', () => {
  /**
   * Picks `view` from the keyboard (its radio button, then Space) and tabs on through the text
   * until focus leaves it, recording each claim marker reached: its claim, role, name, what it
   * opens and whether it can be seen once focused.
   */
  async function tabThroughText(page: Page, view: string) {
    await page.locator(`#${view}`).focus();
    await page.keyboard.press('Space');
    expect(await page.locator(`#${view}`).isChecked(), view).toBe(true);
    const reached: { claim: string; role: string; name: string; opens: string; seen: boolean }[] = [];
    for (let i = 0; i < 500; i++) {
      await page.keyboard.press('Tab');
      const at = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        // The text ends where the cards and the bibliography begin.
        if (!el?.closest('.reading') || el.closest('.bibliography, .claim-cards')) return 'out';
        // A claim's marker; links inside a claim (glossary mentions) are tab stops of their own.
        const mark = el.matches('button.badge') ? el.closest('mark.claim') : null;
        if (!mark) return undefined;
        const box = el.getBoundingClientRect();
        return {
          claim: mark.id.replace(/^claim-/, ''),
          role: el.role ?? el.tagName.toLowerCase(),
          name: el.ariaLabel ?? '',
          opens: el.getAttribute('popovertarget') ?? '',
          seen: box.width > 4 && box.height > 4 && getComputedStyle(el).visibility !== 'hidden',
        };
      });
      if (at === 'out') break;
      if (at) reached.push(at);
    }
    return reached;
  }

  for (const width of [1280, 390])
    it(`reaches every claim’s marker by Tab, in text order, seen and announced the same way in every view, at ${width}px`, async () => {
      const context = await site.browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${site.origin}${SEED_PATH}`);
      const order = await page.$$eval('.article-body mark.claim', (ms) => ms.map((m) => m.id.replace(/^claim-/, '')));
      expect(order).toHaveLength(article.claims.length);
      const views = await page.$$eval('.reading-views input[type="radio"]', (els) => els.map((e) => e.id));
      expect(views.length).toBeGreaterThanOrEqual(4);
      const all = await tabThroughText(page, 'view-all');
      expect(all.map((m) => m.claim)).toEqual(order);
      for (const m of all) {
        expect(m.name, m.claim).toMatch(/^About this claim: .+/);
        expect(m.opens, m.claim).toBe(`card-${m.claim}`);
        expect(m.seen, `${m.claim}: marker unseen when focused`).toBe(true);
      }
      for (const view of views.filter((v) => v !== 'view-all'))
        expect(await tabThroughText(page, view), `${view} differs from all claims`).toEqual(all);
      await context.close();
      // Several hundred key presses, one browser round trip each, over every view.
    }, 180_000);
});

describe('verdicts on claim pages', () => {
  it('leads with the verdict panel, then the claim in context, then what it was checked against', async () => {
    const denial = article.claims.find((c) => c.kind === 'denial' && c.status === 'corroborated');
    const claim = denial ?? article.claims[0]!;
    const page = await open(wide, `${SEED_PATH}claims/${claim.id}/`);
    const headings = await page.$$eval('main h1, main h2', (hs) => hs.map((h) => `${h.tagName} ${h.textContent}`));
    expect(headings.slice(1)).toEqual(['H2 Our verdict', 'H2 In context', 'H2 What we checked']);
    const panel = page.locator('.verdict-panel');
    const label = CLAIM_STATUSES[claim.status as keyof typeof CLAIM_STATUSES].label;
    expect(await panel.innerText()).toContain(label);
    // A corroborated denial is a denial that was made, not a claim that is true.
    if (denial) expect(await panel.innerText()).toMatch(/did deny it/);
    expect(await page.locator('.claim-context mark').innerText()).not.toBe('');
    await page.close();
  });
});

describe('the lists after the text', () => {
  it('still jumps to a bibliography entry or a source from a link to it', async () => {
    const page = await open(narrow);
    // The first entry of the bibliography and the last source, the deepest of the lists.
    const targets = [
      await page.$eval('.bibliography [id^="bib-"]', (e) => e.id),
      await page.$$eval('li[id^="source-"]', (els) => els.at(-1)!.id),
    ];
    for (const id of targets) {
      await page.goto(`${site.origin}${SEED_PATH}#${id}`);
      await page.waitForTimeout(300);
      const top = await page.$eval(`#${id}`, (e) => e.getBoundingClientRect().top);
      expect(top, id).toBeGreaterThanOrEqual(-1);
      expect(top, id).toBeLessThan(200);
    }
    await page.close();
  });
});

describe('status colours without light-dark()', () => {
  it('are the same on screen, in dark and in print when the fallback for browsers without light-dark() is taken', async () => {
    const untouched: string[] = [];
    const colours = async (fallback: boolean) => {
      const out: string[] = [];
      for (const colorScheme of ['light', 'dark'] as const) {
        const context = await site.browser.newContext({ colorScheme });
        const page = await context.newPage();
        // Chromium has light-dark(), so the test turns the fallback's condition around to take it.
        if (fallback)
          await page.route('**/*.css', async (route) => {
            const response = await route.fetch();
            const css = await response.text();
            const taken = css.replace(/@supports not \(color:\s*light-dark\([^)]*\)\)/g, '@supports (color: red)');
            if (taken === css) untouched.push(route.request().url());
            await route.fulfill({ response, body: taken });
          });
        await page.goto(`${site.origin}${SEED_PATH}`);
        for (const media of ['screen', 'print'] as const) {
          await page.emulateMedia({ media, colorScheme });
          out.push(
            ...(await page.$$eval('mark.claim', (marks) =>
              marks.map((m) => `${m.getAttribute('data-status')}: ${getComputedStyle(m).textDecorationColor}`),
            )),
          );
        }
        await context.close();
      }
      return out;
    };
    const native = await colours(false);
    expect(new Set(native).size).toBeGreaterThan(4);
    expect(await colours(true)).toEqual(native);
    expect(untouched, 'stylesheets without the fallback').toEqual([]);
  }, 120_000);
});

describe('print', () => {
  it('prints black on white from the dark scheme, with every claim note as a footnote in the order of the text', async () => {
    const context = await site.browser.newContext({ viewport: { width: 800, height: 1000 }, colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(`${site.origin}${SEED_PATH}`);
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const p = await page.evaluate(() => {
      const shown = (e: Element) => getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0;
      return {
        background: [document.documentElement, document.body].map((e) => getComputedStyle(e).backgroundColor),
        colour: getComputedStyle(document.querySelector('.article-body p')!).color,
        cards: [...document.querySelectorAll('.claim-card')].filter(shown).map((c) => c.id),
        marks: [...document.querySelectorAll('mark.claim')].map((m) => m.id),
        views: shown(document.querySelector('.reading-views fieldset')!),
        notes: [...document.querySelectorAll('.claim-note')].filter(shown).length,
        bibliographyAfter: [...document.querySelectorAll('.bibliography a[href^="http"]')].filter(
          (a) => getComputedStyle(a, '::after').content !== 'none',
        ).length,
        otherAfter: getComputedStyle(document.querySelector('article footer a[href^="http"]')!, '::after').content,
      };
    });
    expect(p.background).toEqual(['rgb(255, 255, 255)', 'rgb(255, 255, 255)']);
    expect(p.colour).toBe('rgb(0, 0, 0)');
    expect(p.cards.map((id) => id.replace(/^card-/, 'claim-'))).toEqual(p.marks);
    expect(p.views).toBe(false);
    expect(p.notes).toBe(0);
    expect(p.bibliographyAfter).toBe(0);
    expect(p.otherAfter).toContain('(http');
    await context.close();
  });
});
