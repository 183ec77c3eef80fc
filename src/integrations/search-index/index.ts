/**
 * Builds the Pagefind full-text index over the built site, whatever outDir is (SOURCED_OUT_DIR
 * in tests). Only pages marked data-pagefind-body (articles, glossary entries) are indexed, so
 * navigation and footers never match a search.
 *
 * The index is split into shards (./shards.ts) that the search page joins with Pagefind's
 * mergeIndex. On a warm build a shard whose pages are all byte-identical to the last build's
 * takes its files from the previous output, so Pagefind reads only the shards with a changed
 * page; Pagefind's records cannot be kept any other way, as it builds kept records without the
 * anchors claim results need (docs/performance.md).
 *
 * A step of the post-build integration (../post-build): it runs as soon as Astro has written the
 * pages and the claim pages are cut (it never reads those). Running Pagefind's process alongside the later steps saved nothing on two cores, as
 * both are bound by the processor, and added memory (docs/performance.md).
 */
import { createHash } from 'node:crypto';
import { existsSync, globSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
// Imported with the config: by the build hooks the loader that read the config is closed.
import * as pagefind from 'pagefind';
import { contentKey, KeyedCache } from '../../lib/keyed-cache';
import { Pipeline } from '../../lib/pipeline';
import { filesStamp, linkFile } from '../../lib/kept-files.mjs';
import { searchablePage } from './searchable-html';
import { SHARD_LIST, shardPages, type Shard } from './shards';

/**
 * The pages that carry data-pagefind-body. Pagefind reads every file the glob matches to look for
 * the marker, and the 25 claim pages an article has never carry it. A test checks that every
 * marked page is in the index, so a new marked route cannot be left out unnoticed.
 */
export const INDEXED_PAGES = '{articles,glossary}/*/index.html';

/** What the search page needs of a merged shard; Pagefind's scripts are in the main bundle only. */
const INDEX_FILES = /^(pagefind-entry\.json|pagefind\.[^/]*\.pf_meta|index|fragment|filter)$/;

/**
 * Pages sent to Pagefind before the first of them is answered. Its service indexes them one at a
 * time in the order sent, so the index is the same as when each page waits for the last; meanwhile
 * this thread reads and rewrites the next pages, where it used to wait for Pagefind's process.
 */
const IN_FLIGHT = 8;

export interface SearchIndexOptions {
  /**
   * Where to keep, between builds, each page's copy for Pagefind (searchable-html.ts) and
   * each shard's pages, with the version of the code (any change of it discards them).
   */
  cache?: { dir: string; version: string } | undefined;
  /** The last build's complete output, on a warm build: unchanged shards are linked from it. */
  previousOutput?: string | undefined;
  /**
   * Content keys of pages known without reading them (an incremental build's unchanged
   * articles, checked by their folders' stamps): such a page is read only if its shard is indexed.
   */
  vouched?: ReadonlyMap<string, string> | undefined;
}

interface ShardRecord {
  /** The hash of the shard's folder, its pages' addresses and their bytes' keys. */
  pages: string;
  /** Its files' names, sizes and times when written: an edit made to them in place shows. */
  stamp: string;
}

/** A shard's own files, relative to its folder: the main bundle's exclude the other shards. */
function shardFiles(dir: string, main: boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((f) => !main || (f !== SHARD_LIST && !f.startsWith('shards/')))
    .sort();
}

function readRecords(file: string | undefined, version: string): Record<string, ShardRecord> {
  if (!file || !existsSync(file)) return {};
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { version: string; shards: Record<string, ShardRecord> };
    return stored.version === version ? stored.shards : {};
  } catch {
    return {};
  }
}

/**
 * Indexes the marked pages into outDir/pagefind, shard by shard; resolves with the log line.
 * With a cache, a page's rewrite for Pagefind is kept by the page's content key, and with the
 * previous output too, a shard whose pages did not change is linked from it, not indexed.
 */
export async function buildSearchIndex(outDir: string, options: SearchIndexOptions = {}): Promise<string> {
  const { cache, previousOutput, vouched } = options;
  /**
   * Each page's copy for Pagefind, by the page's content key. Read only when a shard is indexed:
   * a build that keeps every shard needs none.
   */
  let rewrites: KeyedCache<string> | undefined;
  const loadRewrites = () =>
    (rewrites ??= new KeyedCache<string>(
      cache && path.join(cache.dir, 'sourced-search-rewrites.jsonl'),
      cache?.version ?? '',
      // Only the indexed shards' pages are asked for; the others' lines are kept unread.
      { lazy: true },
    ));
  const recordsFile = cache && path.join(cache.dir, 'sourced-search-shards.json');
  const previous = previousOutput && cache ? readRecords(recordsFile, cache.version) : {};
  const records: Record<string, ShardRecord> = {};
  const root = path.join(outDir, 'pagefind');
  let rewritten = 0;
  let indexedShards = 0;
  let read = 0;
  const keys: string[] = [];
  // In path order, so the index does not depend on the order the files were written in
  // (an incremental build writes them in another order than a cold one).
  const files = globSync(INDEXED_PAGES, { cwd: outDir })
    .map((f) => f.split(path.sep).join('/'))
    .sort();
  const shards = shardPages(files);

  /** A page's bytes as text, and their content key. */
  const readPage = (file: string) => {
    read++;
    const bytes = readFileSync(path.join(outDir, file));
    return { html: bytes.toString('utf8'), key: contentKey(bytes) };
  };

  /** Indexes one shard's pages into its folder. */
  async function index(shard: Shard, pages: Map<string, { html?: string; key: string }>) {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const adding = new Pipeline(IN_FLIGHT);
    for (const file of shard.files) {
      const page = pages.get(file)!;
      // A page kept from the last build with its copy kept too is not read at all.
      let content = loadRewrites().get(page.key);
      if (content === undefined) {
        const { html, key } = page.html === undefined ? readPage(file) : { html: page.html, key: page.key };
        // What Pagefind reads of the page, rewritten so its results read as the page does.
        content = searchablePage(html);
        loadRewrites().set(key, content);
        rewritten++;
      }
      const added = index.addHTMLFile({ url: `/${file.replace(/index\.html$/, '')}`, content });
      await adding.add(
        added.then((result) => {
          if (result.errors.length > 0)
            throw new Error(`Pagefind could not index ${file}: ${result.errors.join('; ')}`);
        }),
      );
    }
    await adding.drain();
    const outputPath = path.join(root, shard.dir);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
    await index.deleteIndex();
    if (shard.dir)
      for (const name of readdirSync(outputPath))
        if (!INDEX_FILES.test(name)) rmSync(path.join(outputPath, name), { recursive: true });
    indexedShards++;
  }

  try {
    rmSync(root, { recursive: true, force: true });
    // The main bundle first: Pagefind may clear the folder it writes to.
    for (const shard of shards) {
      // A vouched page is not read unless its shard is indexed.
      const pages = new Map(
        shard.files.map((file) => {
          const key = vouched?.get(file);
          return [file, key === undefined ? readPage(file) : { key }] as const;
        }),
      );
      const digest = createHash('sha256').update(`${shard.dir}\n`);
      for (const [file, { key }] of pages) {
        digest.update(`${file}\0${key}\n`);
        keys.push(key);
      }
      const pagesKey = digest.digest('base64url');
      const record = previous[shard.name];
      const from = previousOutput && path.join(previousOutput, 'pagefind', shard.dir);
      const kept = from ? shardFiles(from, !shard.dir) : [];
      const dir = path.join(root, shard.dir);
      if (from && record?.pages === pagesKey && kept.length > 0 && record.stamp === filesStamp(from, kept)) {
        for (const f of kept) {
          mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
          linkFile(path.join(from, f), path.join(dir, f));
        }
        records[shard.name] = record;
        continue;
      }
      await index(shard, pages);
      records[shard.name] = { pages: pagesKey, stamp: filesStamp(dir, shardFiles(dir, !shard.dir)) };
    }
    // An empty index would give a search page that never finds anything.
    let indexed = 0;
    for (const shard of shards) {
      const entry = JSON.parse(readFileSync(path.join(root, shard.dir, 'pagefind-entry.json'), 'utf8')) as {
        languages: Record<string, { page_count: number }>;
      };
      indexed += Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    }
    if (indexed === 0) throw new Error('Pagefind indexed no pages; mark page content with data-pagefind-body.');
    writeFileSync(path.join(root, SHARD_LIST), `${JSON.stringify({ merge: shards.slice(1).map((s) => s.dir) })}\n`);
    if (rewrites) {
      // The kept shards' pages' rewrites are still in use: the file keeps them.
      for (const key of keys) rewrites.keep(key);
      rewrites.save();
    }
    if (recordsFile) {
      mkdirSync(path.dirname(recordsFile), { recursive: true });
      writeFileSync(recordsFile, JSON.stringify({ version: cache.version, shards: records }));
    }
    return (
      `search index: ${indexed} of ${files.length} pages (those marked data-pagefind-body) in ${shards.length} shards, ` +
      `${indexedShards} indexed and ${shards.length - indexedShards} kept from the last build; ${read} pages read, ${rewritten} rewritten`
    );
  } finally {
    await pagefind.close();
  }
}
