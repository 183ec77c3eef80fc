// Long lists below an article's text, and on narrow screens the text's runs of paragraphs, are
// laid out only when they near the screen (content-visibility: auto, src/lib/deferred-layout.ts
// and deferred-text.ts). Until then each is sized by its
// placeholder, which must be at least its real height at every width, or its unlaid links
// would overlap what follows (Lighthouse's target-size audit reads that geometry). Print lays
// out everything.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { builtPages, openSite, type Site } from '../support/browser';
import { SEED_PATH } from '../support/content';

const outDir = inject('outDir');
const articles = builtPages(outDir).filter((p) => /^\/articles\/[^/]+\/$/.test(p));
let site: Site;

beforeAll(async () => {
  site = await openSite(outDir);
});
afterAll(async () => {
  await site?.close();
});

interface Deferred {
  label: string;
  placeholder: string;
  height: number;
  visibility: string;
}

/** Each deferred list's placeholder and, once scrolled to and laid out, its real height. */
async function deferredLists(page: Page): Promise<Deferred[]> {
  return page.evaluate(async () => {
    const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const out: Deferred[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('.defer-layout, .defer-text')) {
      const style = getComputedStyle(el);
      const placeholder = style.containIntrinsicBlockSize;
      el.scrollIntoView();
      await frames();
      const heading =
        (el.querySelector('h2') ?? el.closest('section')?.querySelector('h2'))?.textContent?.trim() ?? el.className;
      out.push({
        label: heading,
        placeholder,
        height: el.getBoundingClientRect().height,
        visibility: style.contentVisibility,
      });
    }
    return out;
  });
}

describe('deferred layout of the lists below an article', () => {
  it('defers the seed article’s bibliography, Sources and corrections on screen', async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${site.origin}${SEED_PATH}`);
    const lists = await deferredLists(page);
    await page.close();
    expect(lists.map((l) => l.label)).toEqual(
      expect.arrayContaining(['Bibliography', 'Sources', 'Corrections and updates']),
    );
    for (const l of lists) expect(l.visibility, l.label).toBe('auto');
  });

  it('defers the seed article’s text in runs on a phone, and lays it out at once beside margin notes', async () => {
    const visibility = async (width: number) => {
      const page = await site.browser.newPage({ viewport: { width, height: 844 } });
      await page.goto(`${site.origin}${SEED_PATH}`);
      const v = await page.$$eval('.article-body .defer-text', (els) =>
        els.map((e) => ({
          visibility: getComputedStyle(e).contentVisibility,
          paragraphs: e.querySelectorAll('p').length,
        })),
      );
      await page.close();
      return v;
    };
    const phone = await visibility(390);
    expect(phone.length).toBeGreaterThan(1);
    for (const run of phone) {
      expect(run.visibility).toBe('auto');
      expect(run.paragraphs).toBeGreaterThan(0);
    }
    // From 1,100 px the margin notes float out of the column, which containment would clip.
    expect((await visibility(1280)).map((r) => r.visibility)).toEqual(phone.map(() => 'visible'));
  });

  for (const width of [320, 390, 1280]) {
    it(`gives every list a placeholder at least as tall as the list at ${width} px, on every article`, async () => {
      expect(articles.length).toBeGreaterThan(0);
      const page = await site.browser.newPage({ viewport: { width, height: 800 } });
      const short: string[] = [];
      for (const path of articles) {
        await page.goto(`${site.origin}${path}`);
        for (const l of await deferredLists(page)) {
          const px = /^auto (\d+(?:\.\d+)?)px$/.exec(l.placeholder);
          if (!px) short.push(`${path} ${l.label}: placeholder “${l.placeholder}” is not “auto <n>px”`);
          else if (Number(px[1]) < l.height)
            short.push(`${path} ${l.label}: placeholder ${px[1]} px, real height ${Math.round(l.height)} px`);
        }
      }
      await page.close();
      expect(short).toEqual([]);
    });
  }

  it('lays out every list in print', async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${site.origin}${SEED_PATH}`);
    const visibility = await page.$$eval('.defer-layout, .defer-text', (els) =>
      els.map((e) => getComputedStyle(e).contentVisibility),
    );
    await page.close();
    expect(visibility.length).toBeGreaterThan(0);
    expect(visibility.every((v) => v === 'visible')).toBe(true);
  });
});
