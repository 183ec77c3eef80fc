/**
 * How the search index is split, so a warm build re-indexes only the part whose pages changed
 * (issue 17, decisions 1 and 6; docs/performance.md). Pagefind cannot take back records it wrote
 * with their anchors, but the browser can join several indexes (`mergeIndex`), so the pages are
 * split into shards and a shard whose pages are all byte-identical to the last build's keeps its
 * files:
 *
 * - glossary entries, re-rendered on every build, in one shard of their own;
 * - articles in a power of two of shards of about ARTICLES_PER_SHARD pages each, by a hash of
 *   the page's address, so an article stays in its shard as others are added (until the count
 *   doubles, which re-indexes everything once).
 *
 * The first non-empty shard is Pagefind's main bundle, at pagefind/ with its scripts; the others
 * hold only index files, at pagefind/shards/<name>/, and pagefind/shards.json lists them for the
 * search page (public/search.js).
 */
import { createHash } from 'node:crypto';

/** About this many article pages a shard: fewer means less to re-index, more files to fetch. */
export const ARTICLES_PER_SHARD = 128;

/** The list the search page reads: the merged shards' folders, relative to pagefind/. */
export const SHARD_LIST = 'shards.json';

export interface Shard {
  name: string;
  /** The shard's folder, relative to pagefind/ ('' for the main bundle). */
  dir: string;
  /** Built pages (paths relative to the output, forward slashes), in path order. */
  files: string[];
}

/** The number of article shards for this many article pages: a power of two. */
export function articleShardCount(pages: number): number {
  let n = 1;
  while (n * ARTICLES_PER_SHARD < pages) n *= 2;
  return n;
}

const bucket = (file: string, n: number) => createHash('sha256').update(file).digest().readUInt32BE(0) % n;

/** Splits the indexed pages (sorted) into shards; empty shards are left out. */
export function shardPages(files: string[]): Shard[] {
  const articles = files.filter((f) => f.startsWith('articles/'));
  const others = files.filter((f) => !f.startsWith('articles/'));
  const n = articleShardCount(articles.length);
  const groups: [string, string[]][] = Array.from({ length: n }, (_, i) => [`articles-${i}`, []]);
  for (const f of articles) groups[bucket(f, n)]![1].push(f);
  groups.push(['glossary', others]);
  return groups
    .filter(([, pages]) => pages.length > 0)
    .map(([name, pages], i) => ({ name, dir: i === 0 ? '' : `shards/${name}/`, files: pages }));
}
