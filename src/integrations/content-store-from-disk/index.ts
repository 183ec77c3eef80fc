/**
 * Makes the build read Astro's content store from a file instead of compiling it as code.
 *
 * In a build, Astro puts the whole content store into the page bundle as one string literal,
 * `export default JSON.parse("…")`. V8's time to compile a literal grows faster than its size:
 * about 2 s for 29 MB, 5.6 s for 48 MB and 18 s for 97 MB (1,000 articles) here, and bundling it
 * costs seconds more (docs/performance.md). This rewrites that module, before it is bundled, to
 * read the same JSON from a file when it runs, which takes under a second. When the module does
 * not have that shape (an empty store, or a future Astro), it is left alone, with a warning.
 * Builds only: the dev server loads the store its own way.
 *
 * It also lets go of the copy of the store that Astro's content sync keeps (releaseSyncedStore):
 * pages read theirs from the file, and a build holding both held the store twice
 * (docs/performance.md, "Issue 17").
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { collectGarbage } from '../../lib/collect-garbage';

const STORE_MODULE = '\0astro:data-layer-content';
const PREFIX = 'export default JSON.parse(';
const SUFFIX = ')';

/** The JSON text of a store module with Astro's shape, or undefined for any other shape. */
export function storeJson(code: string): string | undefined {
  const body = code.trim();
  if (!body.startsWith(PREFIX) || !body.endsWith(SUFFIX)) return undefined;
  try {
    const text: unknown = JSON.parse(body.slice(PREFIX.length, -SUFFIX.length));
    return typeof text === 'string' ? text : undefined;
  } catch {
    return undefined;
  }
}

/** The module that replaces it: the same value, read from `file` when imported. */
export const storeModule = (file: string): string =>
  `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));\n`;

interface ContentLayerSingleton {
  get: () => unknown;
  dispose: () => void;
}

/**
 * Drops the content layer that synced the store, and with it the sync's copy of the store.
 * After the sync a build never uses it: pages read the store module, and only the dev server
 * syncs again. Astro does not export the singleton that holds it, so this finds Astro's own
 * module beside its entry point; when that module has another shape (a future Astro), the
 * build goes on holding both copies, with a warning.
 */
export function releaseSyncedStore(root: string, logger: AstroIntegrationLogger): void {
  const keep = (why: string) =>
    logger.warn(`The content sync's copy of the store stays in memory (${why}); the build holds the store twice.`);
  let layer: Partial<ContentLayerSingleton> | undefined;
  try {
    // Node's own require, not an import: this module runs in Vite's config loader, whose
    // import() is closed by now and would load a second copy rather than Astro's.
    const require = createRequire(path.join(root, 'package.json'));
    const instance = path.join(path.dirname(require.resolve('astro')), 'content', 'instance.js');
    layer = (require(instance) as { globalContentLayer?: Partial<ContentLayerSingleton> }).globalContentLayer;
  } catch (e) {
    keep(e instanceof Error ? e.message : String(e));
    return;
  }
  if (typeof layer?.get !== 'function' || typeof layer.dispose !== 'function') {
    keep('astro/dist/content/instance.js has no globalContentLayer with get and dispose');
    return;
  }
  // Nothing there: no collections, or not the module instance Astro itself loaded.
  if (layer.get() == null) return;
  layer.dispose();
}

export function contentStoreFromDisk(): AstroIntegration {
  let root = '';
  return {
    name: 'sourced:content-store-from-disk',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, logger }) => {
        if (command !== 'build') return;
        root = fileURLToPath(config.root);
        const file = path.join(fileURLToPath(config.cacheDir), 'sourced-content-store.json');
        // The file Astro's content sync writes and its store module embeds (single-file storage).
        const synced = path.join(fileURLToPath(config.cacheDir), 'data-store.json');
        const singleFile = (config.experimental.collectionStorage ?? 'single-file') === 'single-file';
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'sourced:content-store-from-disk',
                apply: 'build',
                // Ahead of Astro's own load, which reads the file, parses it to check it, and
                // quotes it into a literal: three transient copies, the largest allocation of a
                // 1,000-article build (2.5 GiB while bundling). Copied, not read, so the store
                // never passes through this process as a string.
                load: {
                  order: 'pre',
                  handler(id: string) {
                    if (id !== STORE_MODULE || !singleFile || !existsSync(synced)) return null;
                    mkdirSync(path.dirname(file), { recursive: true });
                    copyFileSync(synced, file);
                    return { code: storeModule(file), map: { mappings: '' } };
                  },
                },
                // Another shape of Astro's store module (should the load above not run first).
                transform(code: string, id: string) {
                  if (id !== STORE_MODULE || code.trim() === 'export default new Map()' || code === storeModule(file))
                    return null;
                  const json = storeJson(code);
                  if (json === undefined) {
                    logger.warn('The content store module has a shape this does not know; bundling it as it is.');
                    return null;
                  }
                  mkdirSync(path.dirname(file), { recursive: true });
                  writeFileSync(file, json);
                  return { code: storeModule(file), map: { mappings: '' } };
                },
              },
            ],
          },
        });
      },
      // The sync is over when the build starts; pages have not loaded their copy yet.
      // Collected at once, with the Markdown stage's garbage, before pages load their copy.
      'astro:build:start': ({ logger }) => {
        if (!root) return;
        releaseSyncedStore(root, logger);
        collectGarbage();
      },
    },
  };
}
