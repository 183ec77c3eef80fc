import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Resvg, initWasm } from '@resvg/resvg-wasm';
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import {
  OG_HEIGHT,
  OG_WIDTH,
  articleCard,
  cachedPng,
  cardWorkers,
  drawAhead,
  renderPng,
  renderSvg,
  siteCard,
  type OgNode,
} from '../../src/publishing/og-image';

/** All the text in a card tree, in order. */
function words(node: OgNode | string): string[] {
  if (typeof node === 'string') return [node];
  const c = node.props.children;
  return c === undefined ? [] : (Array.isArray(c) ? c : [c]).flatMap(words);
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect([...png.slice(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  expect(String.fromCharCode(...png.slice(12, 16))).toBe('IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const article = {
  title: 'Putin and Pezeshkian in Ashgabat',
  outlet: 'HuffPost UK',
  tally: '1 inaccurate · 2 disputed of 32 claims',
  summary: '6 of 32 claims reach the reader only through state media.',
  host: 'sourced.example',
};

describe('preview image cards', () => {
  it('show an article’s title, its original outlet, how its claims fared and who is speaking', () => {
    const text = words(
      articleCard({
        title: 'A title',
        outlet: 'HuffPost UK',
        tally: '1 inaccurate · 2 disputed of 32 claims',
        summary: '6 of 32 claims reach the reader only through state media.',
        host: 'sourced.example',
      }),
    );
    expect(text).toEqual(
      expect.arrayContaining([
        'A title',
        'Original: HuffPost UK',
        '1 inaccurate · 2 disputed of 32 claims',
        '6 of 32 claims reach the reader only through state media.',
        'sourced.example',
      ]),
    );
  });

  it('show the site’s name on the generic image', () => {
    expect(words(siteCard({ name: 'Sourced', tagline: 'Tagline', host: 'sourced.example' }))).toContain('Sourced');
  });
});

describe('rendering a card', () => {
  it('makes a 1200×630 PNG with fonts from npm packages and no network', async () => {
    const png = await renderPng(articleCard(article));
    expect(pngSize(png)).toEqual({ width: OG_WIDTH, height: OG_HEIGHT });
    expect([OG_WIDTH, OG_HEIGHT]).toEqual([1200, 630]);
    // Text is drawn as glyph outlines; a card with words is far bigger than a blank one.
    const blank = await renderPng(siteCard({ name: '', tagline: '', host: '' }));
    expect(png.byteLength).toBeGreaterThan(4 * blank.byteLength);
  });

  it('is a palette PNG of at most 64 colours that looks like the full-colour drawing', async () => {
    const tree = articleCard(article);
    const png = await renderPng(tree);
    // IHDR: bit depth at byte 24, colour type at 25 (3: indexed); PLTE holds 3 bytes a colour.
    expect(png[25]).toBe(3);
    // A card is a few flat colours and their anti-aliased edges.
    const plte = Buffer.from(png).indexOf('PLTE');
    expect(new DataView(png.buffer, png.byteOffset).getUint32(plte - 4) / 3).toBeLessThanOrEqual(64);
    await initWasm(readFileSync(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm')));
    const full = new Resvg(await renderSvg(tree)).render().pixels;
    const ours = await sharp(png).ensureAlpha().raw().toBuffer();
    expect(ours.length).toBe(full.length);
    let sum = 0;
    let far = 0;
    for (let i = 0; i < full.length; i++) {
      const d = Math.abs(full[i]! - ours[i]!);
      sum += d;
      if (d > 48) far++;
    }
    // On average within 2 of 255 a channel, and hardly a pixel visibly off.
    expect(sum / full.length).toBeLessThan(2);
    expect(far / full.length).toBeLessThan(0.002);
  });

  it('draws every card asked for at once, each its own, with a few workers sharing the queue', async () => {
    // Many more cards than workers, all queued together.
    const titles = Array.from({ length: 90 }, (_, i) => `Card number ${i} of a long queue`);
    const pngs = await Promise.all(titles.map((title) => renderPng(articleCard({ ...article, title }))));
    for (const png of pngs) expect(pngSize(png)).toEqual({ width: OG_WIDTH, height: OG_HEIGHT });
    // Different words give different images: no card is answered with another's.
    expect(new Set(pngs.map((p) => Buffer.from(p).toString('base64'))).size).toBe(titles.length);
  }, 60_000);
});

describe('the accent bar', () => {
  /** The card as a CSS left border would draw it: the frame's bar folded back into a border. */
  function withBorder(card: OgNode): OgNode {
    const [bar, content] = card.props.children as [OgNode, OgNode];
    const width = bar.props.style?.['width'];
    return {
      type: 'div',
      props: {
        style: {
          ...card.props.style,
          boxSizing: 'border-box',
          flexDirection: 'column',
          borderLeft: `${String(width)}px solid ${String(bar.props.style?.['backgroundColor'])}`,
          padding: content.props.style?.['padding'] ?? 0,
        },
        children: content.props.children ?? [],
      },
    };
  }

  it('is drawn as a box with exactly the pixels of a CSS left border, for article and site cards', async () => {
    await initWasm(readFileSync(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm'))).catch(
      () => undefined,
    );
    const pixels = async (tree: OgNode) => {
      const resvg = new Resvg(await renderSvg(tree));
      const image = resvg.render();
      const out = Buffer.from(image.pixels);
      image.free();
      resvg.free();
      return out;
    };
    for (const card of [
      articleCard(article),
      siteCard({ name: 'Sourced', tagline: 'Tagline', host: 'sourced.example' }),
    ]) {
      const bar = (card.props.children as OgNode[])[0]!;
      expect(bar.props.style).toMatchObject({ width: 24, backgroundColor: '#1d4ed8' });
      expect((await pixels(card)).equals(await pixels(withBorder(card)))).toBe(true);
    }
  }, 30_000);
});

describe('card workers', () => {
  it('end once they have had nothing to draw for a moment, and start again for the next card', async () => {
    const first = renderPng(articleCard({ ...article, title: 'Drawn before the workers rest' }));
    expect(cardWorkers()).toBeGreaterThan(0);
    await first;
    for (let i = 0; i < 100 && cardWorkers() > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(cardWorkers()).toBe(0);
    const again = await renderPng(articleCard({ ...article, title: 'Drawn after they rested' }));
    expect(pngSize(again)).toEqual({ width: OG_WIDTH, height: OG_HEIGHT });
  }, 60_000);
});

describe('drawing cards ahead in a build', () => {
  const withEnv = async (env: Record<string, string | undefined>, run: () => Promise<void>) => {
    for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
    try {
      await run();
    } finally {
      vi.unstubAllEnvs();
    }
  };
  const pngsIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.png')) : []);
  const waitFor = async (ok: () => boolean, tries = 600) => {
    for (let i = 0; i < tries && !ok(); i++) await new Promise((r) => setTimeout(r, 100));
  };

  it('puts each card in the cache, where its page then finds the same image', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'og-ahead-'));
    try {
      await withEnv({ SOURCED_OG_CACHE_DIR: dir, SOURCED_OG_DRAW_AHEAD: '1' }, async () => {
        const trees = ['First card drawn ahead', 'Second card drawn ahead'].map((title) =>
          articleCard({ ...article, title }),
        );
        drawAhead(trees);
        await waitFor(() => pngsIn(dir).length === 2);
        expect(pngsIn(dir)).toHaveLength(2);
        // The page reads the drawn file: the same bytes as drawing the tree now.
        expect(Buffer.from(await cachedPng(trees[1]!)).equals(Buffer.from(await renderPng(trees[1]!)))).toBe(true);
        expect(pngsIn(dir)).toHaveLength(2);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('draws nothing outside a build, where each page asks for its own card', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'og-ahead-'));
    try {
      await withEnv({ SOURCED_OG_CACHE_DIR: dir, SOURCED_OG_DRAW_AHEAD: undefined }, async () => {
        drawAhead([articleCard({ ...article, title: 'Not drawn ahead' })]);
        // A card asked for afterwards is drawn and written; the one before it was never queued.
        await cachedPng(articleCard({ ...article, title: 'Asked for by its page' }));
        // Time for a card queued first to be written, had it been.
        await waitFor(() => pngsIn(dir).length > 1, 30);
        expect(pngsIn(dir)).toHaveLength(1);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
