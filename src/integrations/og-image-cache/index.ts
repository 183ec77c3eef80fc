/**
 * Tells the preview-image endpoints where to keep rendered PNGs between builds: in Astro's
 * cache directory (SOURCED_CACHE_DIR or node_modules/.astro), so an unchanged card is copied
 * rather than drawn again. Images are keyed by their content, so a stale one is never served.
 *
 * In a build it also has the cards drawn ahead: the article image route queues every card when
 * Astro asks for its paths, which Astro does for all routes before it renders any page, and
 * the image pages are rendered last. Astro renders pages in route order, four at a time, so
 * with the image route third, the main thread sat idle while the card workers drew (about a
 * fifth of a cold build); now the workers draw while every other page renders.
 */
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { fileURLToPath } from 'node:url';
import { OG_WORKER } from '../../publishing/og-image';

/** Routes whose pages are preview images: /og.png and /articles/<slug>/og.png. */
const isPreviewImage = (route: string) => route === '/og.png' || route.endsWith('/og.png');

/** Astro's own prerenderer, with the preview images moved after every other page. */
export function imagesLast(prerenderer: AstroPrerenderer): AstroPrerenderer {
  const allPaths = prerenderer.getStaticPaths.bind(prerenderer);
  prerenderer.getStaticPaths = async () => {
    const paths = await allPaths();
    const images = paths.filter((p) => isPreviewImage(p.route.route));
    return [...paths.filter((p) => !isPreviewImage(p.route.route)), ...images];
  };
  return prerenderer;
}

export function ogImageCache(): AstroIntegration {
  return {
    name: 'sourced:og-image-cache',
    hooks: {
      'astro:config:done': ({ config }) => {
        // Pages are prerendered in this process, so the endpoints read it from the environment.
        process.env['SOURCED_OG_CACHE_DIR'] = fileURLToPath(new URL('og-images/', config.cacheDir));
        // The bundled copy of og-image.ts cannot find its worker beside itself (OG_WORKER says why).
        process.env['SOURCED_OG_WORKER'] = OG_WORKER;
      },
      // Build only: under astro dev a page asks for its own card.
      'astro:build:start': ({ setPrerenderer }) => {
        process.env['SOURCED_OG_DRAW_AHEAD'] = '1';
        setPrerenderer(imagesLast);
      },
    },
  };
}
