import { describe, expect, it } from 'vitest';
import { OG_HEIGHT, OG_WIDTH, articleCard, renderPng, siteCard, type OgNode } from '../../src/publishing/og-image';

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
    expect(png.byteLength).toBeGreaterThan(20_000);
  });

  it('draws every card asked for at once, each its own, past the point where worker threads are replaced', async () => {
    // More cards than a worker draws before it is replaced (CARDS_PER_WORKER), all queued together.
    const titles = Array.from({ length: 90 }, (_, i) => `Card number ${i} of a long queue`);
    const pngs = await Promise.all(titles.map((title) => renderPng(articleCard({ ...article, title }))));
    for (const png of pngs) expect(pngSize(png)).toEqual({ width: OG_WIDTH, height: OG_HEIGHT });
    // Different words give different images: no card is answered with another's.
    expect(new Set(pngs.map((p) => Buffer.from(p).toString('base64'))).size).toBe(titles.length);
  }, 60_000);
});
