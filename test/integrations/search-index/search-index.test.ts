// The search index step over a small built site: with its cache, a second build rewrites only
// the pages that changed, re-indexes only the shards holding them (the others are linked from
// the previous output), and writes the same index as a build without the cache.
import { linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../src/integrations/search-index';
import { contentKey } from '../../../src/lib/keyed-cache';
import { ARTICLES_PER_SHARD, articleShardCount, shardPages } from '../../../src/integrations/search-index/shards';

let work: string;
const site = () => path.join(work, 'site');
const previous = () => path.join(work, 'previous');
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

/** Keeps the site's output as the incremental build does: hard links to the same files. */
function keep() {
  rmSync(previous(), { recursive: true, force: true });
  for (const e of readdirSync(site(), { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const to = path.join(previous(), path.relative(site(), path.join(e.parentPath, e.name)));
    mkdirSync(path.dirname(to), { recursive: true });
    linkSync(path.join(e.parentPath, e.name), to);
  }
}

const rewritten = (log: string) => Number(/, (\d+) rewritten/.exec(log)?.[1]);
const read = (log: string) => Number(/; (\d+) pages read/.exec(log)?.[1]);
const indexed = (log: string) => Number(/(\d+) indexed and/.exec(log)?.[1]);

function expectSameIndex(a: Map<string, Buffer>, b: Map<string, Buffer>) {
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  for (const [file, bytes] of b) expect(a.get(file)?.equals(bytes), file).toBe(true);
}

/** The index now in the site must be the one a build without the cache writes over the same pages. */
async function expectIndexOfColdBuild() {
  const warm = index(site());
  await buildSearchIndex(site());
  expectSameIndex(warm, index(site()));
}

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'sourced-search-index-'));
  write('articles/a/index.html', page('Ashgabat summit'));
  write('articles/b/index.html', page('Caspian pipeline'));
  write('glossary/x/index.html', page('Turkmenistan'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('buildSearchIndex with a cache', () => {
  it('rewrites only changed pages on the next build, and writes the index a build without the cache writes', async () => {
    const cache = { dir: path.join(work, 'cache'), version: 'v' };
    expect(rewritten(await buildSearchIndex(site(), { cache }))).toBe(3);
    expect(rewritten(await buildSearchIndex(site(), { cache }))).toBe(0);

    write('articles/b/index.html', page('Caspian gas pipeline'));
    expect(rewritten(await buildSearchIndex(site(), { cache }))).toBe(1);
    const warm = index(site());

    expect(rewritten(await buildSearchIndex(site()))).toBe(3);
    expectSameIndex(warm, index(site()));

    // Another version of the code rewrites every page again.
    expect(rewritten(await buildSearchIndex(site(), { cache: { ...cache, version: 'v2' } }))).toBe(3);
  });

  it('indexes again only the shards with a changed page, and the index is the one a cold build writes', async () => {
    const cache = { dir: path.join(work, 'cache-shards'), version: 'v' };
    // Articles and glossary entries are two shards: the articles' is the main bundle.
    expect(indexed(await buildSearchIndex(site(), { cache }))).toBe(2);
    expect(JSON.parse(readFileSync(path.join(site(), 'pagefind/shards.json'), 'utf8'))).toEqual({
      merge: ['shards/glossary/'],
    });
    keep();
    const same = await buildSearchIndex(site(), { cache, previousOutput: previous() });
    expect(same).toContain('2 shards, 0 indexed and 2 kept');

    // An article changes: its shard is indexed again, the glossary's is kept.
    keep();
    write('articles/a/index.html', page('Ashgabat summit of leaders'));
    expect(await buildSearchIndex(site(), { cache, previousOutput: previous() })).toContain('1 indexed and 1 kept');
    await expectIndexOfColdBuild();
    await buildSearchIndex(site(), { cache });

    // A glossary entry changes: the main bundle is kept, the glossary's shard is indexed again.
    keep();
    write('glossary/x/index.html', page('Turkmenistan, a country'));
    expect(await buildSearchIndex(site(), { cache, previousOutput: previous() })).toContain('1 indexed and 1 kept');
    await expectIndexOfColdBuild();
  });

  it('indexes a kept shard again when its files were edited in place after the build', async () => {
    const cache = { dir: path.join(work, 'cache-edited'), version: 'v' };
    await buildSearchIndex(site(), { cache });
    const clean = index(site());
    keep();
    // The published output shares its files with the kept one, so an edit there reaches both.
    const entry = path.join(site(), 'pagefind/shards/glossary/pagefind-entry.json');
    writeFileSync(entry, readFileSync(entry, 'utf8').replace('{', '{ '));
    expect(await buildSearchIndex(site(), { cache, previousOutput: previous() })).toContain('1 indexed and 1 kept');
    expectSameIndex(index(site()), clean);
  });

  it('reads a vouched-for page only when its shard is indexed', async () => {
    const cache = { dir: path.join(work, 'cache-vouched'), version: 'v' };
    await buildSearchIndex(site(), { cache });
    const key = (file: string) => contentKey(readFileSync(path.join(site(), file)));
    const vouched = new Map(['articles/a/index.html', 'articles/b/index.html'].map((f) => [f, key(f)]));
    keep();
    // Nothing changed: only the glossary entry, which nobody vouched for, is read.
    const same = await buildSearchIndex(site(), { cache, previousOutput: previous(), vouched });
    expect([read(same), indexed(same)]).toEqual([1, 0]);
    // The glossary entry changes: its shard is indexed, the articles' is still not read.
    keep();
    write('glossary/x/index.html', page('Turkmenistan, a Caspian country'));
    const glossary = await buildSearchIndex(site(), { cache, previousOutput: previous(), vouched });
    expect([read(glossary), indexed(glossary)]).toEqual([1, 1]);
    // An article renders again (so it is not vouched for): its shard is indexed; the other
    // article, vouched for and with its copy for Pagefind kept, is still not read.
    keep();
    write('articles/b/index.html', page('Caspian gas pipeline, again'));
    vouched.delete('articles/b/index.html');
    const article = await buildSearchIndex(site(), { cache, previousOutput: previous(), vouched });
    expect([read(article), indexed(article)]).toEqual([2, 1]);
    await expectIndexOfColdBuild();
  });
});

describe('shardPages', () => {
  const articles = (n: number) => Array.from({ length: n }, (_, i) => `articles/a-${i}/index.html`);

  it('puts glossary entries in a shard of their own and makes the first shard the main bundle', () => {
    const shards = shardPages([...articles(3), 'glossary/x/index.html']);
    expect(shards.map((s) => [s.name, s.dir, s.files.length])).toEqual([
      ['articles-0', '', 3],
      ['glossary', 'shards/glossary/', 1],
    ]);
    expect(shardPages(['glossary/x/index.html']).map((s) => s.dir)).toEqual(['']);
  });

  it('splits articles into a power of two of shards of about ARTICLES_PER_SHARD pages, every page once', () => {
    expect([1, ARTICLES_PER_SHARD, ARTICLES_PER_SHARD + 1, 5 * ARTICLES_PER_SHARD].map(articleShardCount)).toEqual([
      1, 1, 2, 8,
    ]);
    const files = articles(5 * ARTICLES_PER_SHARD);
    const shards = shardPages(files);
    expect(shards.flatMap((s) => s.files).sort()).toEqual([...files].sort());
    for (const s of shards) expect(s.files.length).toBeLessThan(2 * ARTICLES_PER_SHARD);
  });

  it('keeps an article in its shard when another article is added', () => {
    const where = (files: string[]) =>
      new Map(shardPages(files).flatMap((s) => s.files.map((f) => [f, s.name] as const)));
    const before = where(articles(300));
    const after = where([...articles(300), 'articles/new/index.html']);
    for (const [file, shard] of before) expect(after.get(file)).toBe(shard);
  });
});
