import type { AstroPrerenderer, PathWithRoute } from 'astro';
import { describe, expect, it } from 'vitest';
import { imagesLast } from '../../../src/integrations/og-image-cache';

const path = (pathname: string, route: string) => ({ pathname, route: { route } }) as unknown as PathWithRoute;

describe('the build order of preview images', () => {
  it('renders every preview image after every other page, each group in Astro’s order', async () => {
    const paths = [
      path('/archive/', '/archive/[...page]'),
      path('/articles/b/annotations.jsonld', '/articles/[slug]/annotations.jsonld'),
      path('/articles/b/og.png', '/articles/[slug]/og.png'),
      path('/articles/a/og.png', '/articles/[slug]/og.png'),
      path('/articles/b/', '/articles/[slug]'),
      path('/og.png', '/og.png'),
      path('/rss.xml', '/rss.xml'),
    ];
    const astros: AstroPrerenderer = {
      name: 'astro:default',
      getStaticPaths: () => Promise.resolve(paths),
      render: () => Promise.reject(new Error('not rendered here')),
    };
    const ordered = await imagesLast(astros).getStaticPaths();
    expect(ordered.map((p) => p.pathname)).toEqual([
      '/archive/',
      '/articles/b/annotations.jsonld',
      '/articles/b/',
      '/rss.xml',
      '/articles/b/og.png',
      '/articles/a/og.png',
      '/og.png',
    ]);
  });

  it('keeps Astro’s own prerenderer, so it renders as before', () => {
    const astros: AstroPrerenderer = {
      name: 'astro:default',
      getStaticPaths: () => Promise.resolve([]),
      render: () => Promise.reject(new Error('x')),
    };
    expect(imagesLast(astros)).toBe(astros);
    expect(astros.name).toBe('astro:default');
  });
});
