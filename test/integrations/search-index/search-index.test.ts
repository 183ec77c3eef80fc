// The search index step over a small built site: with its cache of page rewrites, a second
// build rewrites only the pages that changed and writes the same index as a build without it.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../src/integrations/search-index';

let work: string;
const site = () => path.join(work, 'site');
const page = (words: string) =>
  `<!doctype html><html lang="en"><head><title>t</title></head><body><nav>Menu</nav>` +
  `<article data-pagefind-body><h1>${words}</h1><p><mark class="claim" id="claim-c1">${words} said</mark>` +
  `<button>Share</button></p></article></body></html>`;

function write(file: string, html: string) {
  mkdirSync(path.dirname(path.join(site(), file)), { recursive: true });
  writeFileSync(path.join(site(), file), html);
}

/** Pagefind's files, by path, as bytes. */
const index = (dir: string) =>
  new Map(
    readdirSync(path.join(dir, 'pagefind'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [path.relative(dir, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name))]),
  );

const rewritten = (log: string) => Number(/; (\d+) rewritten/.exec(log)?.[1]);

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'sourced-search-index-'));
  write('articles/a/index.html', page('Ashgabat summit'));
  write('articles/b/index.html', page('Caspian pipeline'));
  write('glossary/x/index.html', page('Turkmenistan'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('buildSearchIndex with a cache', () => {
  it('rewrites only changed pages on the next build, and writes the index a build without the cache writes', async () => {
    const cache = { file: path.join(work, 'rewrites.jsonl'), version: 'v' };
    expect(rewritten(await buildSearchIndex(site(), cache))).toBe(3);
    expect(rewritten(await buildSearchIndex(site(), cache))).toBe(0);

    write('articles/b/index.html', page('Caspian gas pipeline'));
    expect(rewritten(await buildSearchIndex(site(), cache))).toBe(1);
    const warm = index(site());

    expect(rewritten(await buildSearchIndex(site()))).toBe(3);
    const cold = index(site());
    expect([...warm.keys()].sort()).toEqual([...cold.keys()].sort());
    for (const [file, bytes] of cold) expect(warm.get(file)?.equals(bytes), file).toBe(true);

    // Another version of the code rewrites every page again.
    expect(rewritten(await buildSearchIndex(site(), { ...cache, version: 'v2' }))).toBe(3);
  });
});
