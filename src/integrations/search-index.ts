/**
 * Builds the Pagefind full-text index over the built site, whatever outDir is (SOURCED_OUT_DIR
 * in tests). Only pages marked data-pagefind-body (articles, glossary entries) are indexed, so
 * navigation and footers never match a search.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// Imported with the config: by astro:build:done the loader that read the config is closed.
import * as pagefind from 'pagefind';

/** Indexes the built pages into outDir/pagefind; resolves with the log line. */
async function buildIndex(outDir: string): Promise<string> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${outDir}: ${added.errors.join('; ')}`);
    const outputPath = path.join(outDir, 'pagefind');
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
    // An empty index would give a search page that never finds anything.
    const entry = JSON.parse(readFileSync(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const indexed = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    if (indexed === 0) throw new Error('Pagefind indexed no pages; mark page content with data-pagefind-body.');
    return `search index: ${indexed} of ${added.page_count} pages (those marked data-pagefind-body)`;
  } finally {
    await pagefind.close();
  }
}

/**
 * Pagefind runs as its own process. It starts as soon as the pages are written
 * (astro:build:generated) and is awaited in astro:build:done, so it indexes while the other
 * integrations' build:done hooks (claim pages, integrity, host files) work; none of them needs its
 * files. List it last so its wait comes after theirs.
 */
export function searchIndex(): AstroIntegration {
  let indexing: Promise<string> | undefined;
  return {
    name: 'sourced:search-index',
    hooks: {
      'astro:build:generated': ({ dir }) => {
        indexing = buildIndex(fileURLToPath(dir));
        // Awaited in build:done; until then a failure must not count as unhandled.
        indexing.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        logger.info(await (indexing ?? buildIndex(fileURLToPath(dir))));
      },
    },
  };
}
