/**
 * Tells the preview-image endpoints where to keep rendered PNGs between builds: in Astro's
 * cache directory (SOURCED_CACHE_DIR or node_modules/.astro), so an unchanged card is copied
 * rather than drawn again. Images are keyed by their content, so a stale one is never served.
 *
 * A build also starts drawing every article's card here, from the frontmatter on disk, before
 * Astro renders the Markdown: that stage runs on one thread, so the workers draw on the other
 * cores while it runs instead of after it (docs/performance.md). The image endpoints then find
 * each card drawn or under way.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { previewsFromDisk } from '../lib/article-preview';
import { drawAhead } from '../lib/og-image';

export function ogImageCache(): AstroIntegration {
  let building = false;
  return {
    name: 'sourced:og-image-cache',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      'astro:config:done': ({ config }) => {
        // Pages are prerendered in this process, so the endpoints read it from the environment.
        process.env['SOURCED_OG_CACHE_DIR'] = fileURLToPath(new URL('og-images/', config.cacheDir));
        if (building && config.site) drawAhead(previewsFromDisk(fileURLToPath(config.root), config.site, config.base));
      },
    },
  };
}
