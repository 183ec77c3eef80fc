// How much longer the annotations make the article to read: the height of the annotated text,
// from its first words to its last, against the same paragraphs set plain in the same column and
// the same typographic style, on the real page in Chromium. The plain copy is built inside the
// page from the annotated text's own blocks, so the two cannot drift apart.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSite, type Site } from '../support/browser';
import { SEED_PATH } from '../support/content';

const outDir = inject('outDir');

let site: Site;

beforeAll(async () => {
  site = await openSite(outDir);
});

afterAll(async () => {
  await site?.close();
});

interface Measure {
  annotated: number;
  plain: number;
  annotatedWidth: number;
  plainWidth: number;
  annotatedText: string;
  plainText: string;
  blocks: number;
}

/**
 * Sets the article's text plain beside the annotated one and measures both. Blocks are the body's
 * children (or a deferred run's) that carry the original's words (not the bibliography or the popover cards); the
 * plain copy keeps each block's element and unwraps every inline element, dropping buttons.
 */
function measure(page: Page): Promise<Measure> {
  return page.evaluate(() => {
    const body = document.querySelector<HTMLElement>('.article-body');
    if (!body) throw new Error('no .article-body on the page');
    const NOT_TEXT = 'section.bibliography, .claim-cards, .glossary-cards, script, style';
    // Runs of paragraphs that narrow screens lay out late (.defer-text) are looked through.
    const blocks = [...body.children]
      .flatMap((b) => (b.matches('.defer-text') ? [...b.children] : [b]))
      .filter((b) => !b.matches(NOT_TEXT)) as HTMLElement[];

    // The words a reader sees: text nodes outside buttons, popovers and scripts.
    const textNodes = (root: Element): Text[] => {
      const out: Text[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) =>
          n.parentElement?.closest('button, [popover], script, style') || !/\S/.test(n.nodeValue ?? '')
            ? NodeFilter.FILTER_REJECT
            : NodeFilter.FILTER_ACCEPT,
      });
      for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
      return out;
    };
    const span = (roots: Element[]) => {
      const nodes = roots.flatMap(textNodes);
      const first = nodes[0];
      const last = nodes.at(-1);
      if (!first || !last) throw new Error('no text to measure');
      const range = document.createRange();
      range.selectNodeContents(first);
      const top = range.getClientRects()[0]!.top;
      range.selectNodeContents(last);
      const rects = range.getClientRects();
      const bottom = rects[rects.length - 1]!.bottom;
      return { height: bottom - top, text: nodes.map((n) => n.nodeValue).join('') };
    };

    const plain = document.createElement('div');
    plain.className = [...body.classList].filter((c) => c !== 'article-body').join(' ');
    plain.setAttribute('data-reading-length', 'plain');
    for (const block of blocks) {
      const copy = block.cloneNode(true) as HTMLElement;
      copy.removeAttribute('id');
      copy.removeAttribute('class');
      for (const drop of copy.querySelectorAll('button, [popover], script, style')) drop.remove();
      const INLINE = 'mark, a, span, time, abbr, sup, sub, cite, q, label, small';
      for (let el = copy.querySelector(INLINE); el; el = copy.querySelector(INLINE)) el.replaceWith(...el.childNodes);
      plain.append(copy);
    }
    body.after(plain);
    const a = span(blocks);
    const p = span([plain]);
    const result = {
      annotated: a.height,
      plain: p.height,
      annotatedWidth: body.getBoundingClientRect().width,
      plainWidth: plain.getBoundingClientRect().width,
      annotatedText: a.text.replace(/\s+/g, ' ').trim(),
      plainText: p.text.replace(/\s+/g, ' ').trim(),
      blocks: blocks.length,
    };
    plain.remove();
    return result;
  });
}

describe('reading length of the annotated article', () => {
  for (const [width, limit] of [
    [1280, 1.05],
    [390, 1.15],
  ] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`is at most ${limit}× the height of the same text set plain at ${width}px (${scheme})`, async () => {
        const context = await site.browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
        try {
          const page = await context.newPage();
          await page.goto(`${site.origin}${SEED_PATH}`);
          await page.evaluate(() => document.fonts.ready);
          // Narrow screens lay out the text's runs as they near the screen; scroll through them so
          // each has its real height, as it has for a reader who gets there.
          await page.evaluate(async () => {
            for (const run of document.querySelectorAll('.defer-text')) {
              run.scrollIntoView();
              await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
            }
            window.scrollTo(0, 0);
          });
          const m = await measure(page);
          // The same words in the same column: otherwise the comparison means nothing.
          expect(m.blocks).toBeGreaterThan(3);
          expect(m.plainText).toBe(m.annotatedText);
          expect(m.plainWidth).toBeCloseTo(m.annotatedWidth, 0);
          expect(m.plain).toBeGreaterThan(width < 600 ? 2000 : 1000);
          const ratio = m.annotated / m.plain;
          console.log(
            `reading length at ${width}px (${scheme}): ${ratio.toFixed(3)}× (${m.annotated}px / ${m.plain}px)`,
          );
          expect(ratio).toBeLessThanOrEqual(limit);
        } finally {
          await context.close();
        }
      });
    }
  }
});
