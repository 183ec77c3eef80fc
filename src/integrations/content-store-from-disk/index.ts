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
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

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

export function contentStoreFromDisk(): AstroIntegration {
  return {
    name: 'sourced:content-store-from-disk',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, logger }) => {
        if (command !== 'build') return;
        const file = path.join(fileURLToPath(config.cacheDir), 'sourced-content-store.json');
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'sourced:content-store-from-disk',
                apply: 'build',
                transform(code: string, id: string) {
                  if (id !== STORE_MODULE || code.trim() === 'export default new Map()') return null;
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
    },
  };
}
