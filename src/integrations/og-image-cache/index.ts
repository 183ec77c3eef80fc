/**
 * Tells the preview-image endpoints where to keep rendered PNGs between builds: in Astro's
 * cache directory (SOURCED_CACHE_DIR or node_modules/.astro), so an unchanged card is copied
 * rather than drawn again. Images are keyed by their content, so a stale one is never served.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { OG_WORKER } from '../../publishing/og-image';

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
    },
  };
}
