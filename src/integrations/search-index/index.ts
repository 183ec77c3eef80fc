/**
 * Builds the Pagefind full-text index over the built site, whatever outDir is (SOURCED_OUT_DIR
 * in tests). Only pages marked data-pagefind-body (articles, glossary entries) are indexed, so
 * navigation and footers never match a search.
 *
 * A step of the post-build integration (../post-build): it runs as soon as Astro has written the
 * pages and the claim pages are cut (it never reads those). Running Pagefind's process alongside the later steps saved nothing on two cores, as
 * both are bound by the processor, and added memory (docs/performance.md).
 */
import { globSync, readFileSync } from 'node:fs';
import path from 'node:path';
// Imported with the config: by the build hooks the loader that read the config is closed.
import * as pagefind from 'pagefind';
import { contentKey, KeyedCache } from '../../lib/keyed-cache';
import { applyEdits, type Edit } from '../../lib/html-edits';
import { searchableEdits } from './searchable-html';

/**
 * The pages that carry data-pagefind-body. Pagefind reads every file the glob matches to look for
 * the marker, and the 25 claim pages an article has never carry it. A test checks that every
 * marked page is in the index, so a new marked route cannot be left out unnoticed.
 */
export const INDEXED_PAGES = '{articles,glossary}/*/index.html';

/**
 * Indexes the marked pages into outDir/pagefind; resolves with the log line. With `cache`, the
 * rewrite of each page for Pagefind (searchable-html.ts) is kept by the page's content key, so a
 * warm build rewrites only the pages that changed; Pagefind itself reads every page, as its
 * records cannot be kept with the anchors claim results need (docs/performance.md).
 */
export async function buildSearchIndex(outDir: string, cache?: { file: string; version: string }): Promise<string> {
  const rewrites = new KeyedCache<Edit[]>(cache?.file, cache?.version ?? '');
  let rewritten = 0;
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    // Each page goes through searchableHtml first, so Pagefind reads what it needs of it.
    // In path order, so the index does not depend on the order the files were written in
    // (an incremental build writes them in another order than a cold one).
    const files = globSync(INDEXED_PAGES, { cwd: outDir }).sort();
    for (const file of files) {
      const bytes = readFileSync(path.join(outDir, file));
      const html = bytes.toString('utf8');
      const key = contentKey(bytes);
      let edits = rewrites.get(key);
      if (!edits) {
        edits = searchableEdits(html);
        rewrites.set(key, edits);
        rewritten++;
      }
      const added = await index.addHTMLFile({
        url: `/${file
          .split(path.sep)
          .join('/')
          .replace(/index\.html$/, '')}`,
        content: applyEdits(html, edits),
      });
      if (added.errors.length > 0) throw new Error(`Pagefind could not index ${file}: ${added.errors.join('; ')}`);
    }
    const outputPath = path.join(outDir, 'pagefind');
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
    // An empty index would give a search page that never finds anything.
    const entry = JSON.parse(readFileSync(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const indexed = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    if (indexed === 0) throw new Error('Pagefind indexed no pages; mark page content with data-pagefind-body.');
    rewrites.save();
    return `search index: ${indexed} of ${files.length} pages (those marked data-pagefind-body; ${rewritten} rewritten, the others' rewrites kept from an earlier build)`;
  } finally {
    await pagefind.close();
  }
}
