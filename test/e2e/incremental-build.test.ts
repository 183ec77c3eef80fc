// Rebuild only what changed (issue 17, decision 1): after each kind of change, a build on top of
// the previous build's cache must write exactly what a cold build of the same content writes,
// every path and every byte. The changes are chained, as an editor's would be: each incremental
// build starts from the cache the one before it left.
import { appendFileSync, cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../scripts/bench/corpus.mjs';
import { ASTRO_BIN, copyProject, type ProjectCopy } from '../support/project-copy';

const ARTICLES = 6;
const SEED = 5;
const work = mkdtempSync(path.join(tmpdir(), 'sourced-incremental-'));
let project: ProjectCopy;
let builds = 0;

interface Built {
  out: string;
  cache: string;
  log: string;
}

/**
 * Builds the copy into a new folder, with `cache` (a copy of it, so each build's cache stays as
 * it was; times kept, as a CI cache restores them). Throws when the build fails, unless `fails`.
 * `into` is the output folder, a new one unless given.
 */
function build(fromCache: string | undefined, env: Record<string, string> = {}, fails = false, into?: string): Built {
  const n = ++builds;
  const out = into ?? path.join(work, `out-${n}`);
  const cache = path.join(work, `cache-${n}`);
  if (fromCache) cpSync(fromCache, cache, { recursive: true, preserveTimestamps: true });
  const r = project.run(process.execPath, [ASTRO_BIN, 'build'], {
    SOURCED_OUT_DIR: out,
    SOURCED_CACHE_DIR: cache,
    ...env,
  });
  if ((r.status !== 0) !== fails)
    throw new Error(`build ${n} ${fails ? 'passed' : 'failed'}:\n${r.stdout}\n${r.stderr}`);
  return { out, cache, log: `${r.stdout}\n${r.stderr}` };
}

/** Every file under `dir`, relative, sorted. */
const tree = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();

/** Paths only one side has, and paths whose bytes differ. */
function differences(a: string, b: string): string[] {
  const left = tree(a);
  const right = tree(b);
  const out = [
    ...left.filter((f) => !right.includes(f)).map((f) => `only in the incremental build: ${f}`),
    ...right.filter((f) => !left.includes(f)).map((f) => `only in the cold build: ${f}`),
  ];
  for (const f of left.filter((x) => right.includes(x)))
    if (!readFileSync(path.join(a, f)).equals(readFileSync(path.join(b, f)))) out.push(`different bytes: ${f}`);
  return out;
}

const planLine = (log: string) =>
  /(incremental: \d+ of \d+ articles re-rendered[^\n]*|cold build: [^\n]*)/.exec(log)?.[1];

let previous: Built;
const content = () => path.join(project.dir, 'content');
const article = (i: number) => path.join(content(), 'articles', `bench-${String(i).padStart(5, '0')}.md`);

beforeAll(() => {
  writeCorpus(path.join(work, 'corpus'), { articles: ARTICLES, seed: SEED });
  writeCorpus(path.join(work, 'corpus-plus-one'), { articles: ARTICLES + 1, seed: SEED });
  project = copyProject({ content: path.join(work, 'corpus') });
  previous = build(undefined);
}, 600_000);
afterAll(() => {
  project?.remove();
  rmSync(work, { recursive: true, force: true });
});

let lastCold: Built;

/**
 * Builds incrementally on the last cache. With `check`, also builds cold in a fresh cache and
 * compares the two. Cold builds are most of this test's time, but every step that keeps part of
 * the search index from the last build is compared.
 */
function step(check: boolean): string {
  const incremental = build(previous.cache);
  if (check) {
    lastCold = build(undefined);
    expect(differences(incremental.out, lastCold.out)).toEqual([]);
    expect(planLine(lastCold.log)).toMatch(/^cold build: no record of a previous build/);
  }
  previous = incremental;
  return incremental.log;
}

const reused = (log: string) => Number(/incremental: (\d+) unchanged articles' pages taken/.exec(log)?.[1]);

/** The search index's shards this build indexed, and those it took from the previous output. */
const searchShards = (log: string) => {
  const m = /in (\d+) shards, (\d+) indexed and (\d+) kept from the last build/.exec(log);
  return m ? { shards: Number(m[1]), indexed: Number(m[2]), kept: Number(m[3]) } : undefined;
};

describe('an incremental build', () => {
  it('re-renders only the article whose body was edited, and one whose published pages were written to since', () => {
    appendFileSync(article(2), '\nAn editor added this sentence to check the incremental build.\n');
    // The published output shares its files with the cache (hard links): an edit made to it
    // in place must not reach the next build.
    const claims = path.join(previous.out, 'articles/bench-00004/claims/index.html');
    writeFileSync(claims, readFileSync(claims, 'utf8').replace('</body>', '<p>Edited after the build.</p></body>'));
    // Compared with a cold build here, not only after the next change: the glossary's search
    // shard is kept from the last build in this one, and indexed again in the next.
    const log = step(true);
    expect(planLine(log)).toBe(
      `incremental: 2 of ${ARTICLES} articles re-rendered (reason: content/articles/bench-00002.md changed; ` +
        "content/articles/bench-00004.md's pages in the cache folder changed since the last build)",
    );
    expect(reused(log)).toBe(ARTICLES - 2);
    // The articles' shard holds the edited page; no glossary entry's page changed.
    expect(searchShards(log)).toEqual({ shards: 2, indexed: 1, kept: 1 });
    // The end-of-build scan reads every page but the unchanged articles', whose keys the last
    // build recorded with their folders' stamps.
    const keptPages = tree(path.join(previous.out, 'articles')).filter(
      (f) => f.endsWith('.html') && !/^bench-0000[24]\//.test(f),
    ).length;
    const scan = /(\d+) pages: claims, links and fragments check out \((\d+) read/.exec(log);
    expect(keptPages).toBeGreaterThan(0);
    expect(Number(scan?.[2])).toBe(Number(scan?.[1]) - keptPages);
    expect(searchShards(lastCold.log)).toEqual({ shards: 2, indexed: 2, kept: 0 });
    expect(readFileSync(path.join(previous.out, 'articles/bench-00004/claims/index.html'), 'utf8')).not.toContain(
      'Edited after the build.',
    );
  }, 600_000);

  it('builds into the folder the last build wrote, moving its unchanged articles’ folders back, and matches a cold build', () => {
    appendFileSync(article(3), '\nAn editor added this sentence to check a build into the last output folder.\n');
    const last = previous.out;
    const incremental = build(previous.cache, {}, false, last);
    expect(planLine(incremental.log)).toBe(
      `incremental: 1 of ${ARTICLES} articles re-rendered (reason: content/articles/bench-00003.md changed)`,
    );
    expect(incremental.log).toContain(
      `${ARTICLES - 1} unchanged articles' pages taken from the previous output (${ARTICLES - 1} moved from the last output folder)`,
    );
    const cold = build(undefined);
    expect(differences(incremental.out, cold.out)).toEqual([]);
    expect(readdirSync(path.join(incremental.cache, 'sourced-incremental'))).not.toContain('last-output');
    previous = incremental;
  }, 600_000);

  it('after the body edit and a glossary edit, re-renders the articles that use the entry, and matches a cold build byte for byte', () => {
    // An entry some articles mention and others do not, so the narrowing shows; not one the
    // edited article mentions, so this build does not render it again and hide a fault there.
    const texts = [1, 2, 3, 4, 5, 6].map((i) => readFileSync(article(i), 'utf8'));
    const mentions = (t: string, id: string) => t.includes(`#${id}}`) || t.includes(`speaker: ${id}`);
    const entries = readdirSync(path.join(content(), 'glossary')).map((f) => f.replace(/\.yaml$/, ''));
    const entry = entries.find((id) => {
      const n = texts.filter((t) => mentions(t, id)).length;
      return n > 0 && n < ARTICLES - 1 && !mentions(texts[1]!, id);
    });
    expect(entry).toBeDefined();
    const file = path.join(content(), 'glossary', `${entry}.yaml`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('description: "', 'description: "Edited. '));
    const log = step(true);
    const dirty = Number(/incremental: (\d+) of/.exec(log)?.[1]);
    expect(dirty).toBeGreaterThan(0);
    expect(dirty).toBeLessThan(ARTICLES);
    expect(reused(log)).toBe(ARTICLES - dirty);
    expect(planLine(log)).toContain(`glossary:${entry}`);
  }, 600_000);

  it('renders a new article only, and matches a cold build', () => {
    const name = `bench-${String(ARTICLES + 1).padStart(5, '0')}.md`;
    cpSync(path.join(work, 'corpus-plus-one/articles', name), path.join(content(), 'articles', name));
    cpSync(path.join(work, 'corpus-plus-one/bibliography.json'), path.join(content(), 'bibliography.json'));
    const log = step(true);
    expect(planLine(log)).toBe(
      `incremental: 1 of ${ARTICLES + 1} articles re-rendered (reason: content/articles/${name} is new)`,
    );
    expect(reused(log)).toBe(ARTICLES);
  }, 600_000);

  it('removes a deleted article’s pages, and matches a cold build', () => {
    const name = `bench-${String(ARTICLES + 1).padStart(5, '0')}.md`;
    rmSync(path.join(content(), 'articles', name));
    cpSync(path.join(work, 'corpus/bibliography.json'), path.join(content(), 'bibliography.json'));
    const log = step(true);
    expect(planLine(log)).toBe(
      `incremental: 0 of ${ARTICLES} articles re-rendered (reason: content/articles/${name} was deleted)`,
    );
    expect(reused(log)).toBe(ARTICLES);
  }, 600_000);

  it('fails, as a cold build would, when an unchanged page links to an article that was deleted', () => {
    // The linking page's scan comes from the cache; its links are still checked against this build.
    const name = `bench-${String(ARTICLES + 1).padStart(5, '0')}`;
    const linking = readFileSync(article(3), 'utf8');
    try {
      cpSync(path.join(work, 'corpus-plus-one/articles', `${name}.md`), article(ARTICLES + 1));
      cpSync(path.join(work, 'corpus-plus-one/bibliography.json'), path.join(content(), 'bibliography.json'));
      appendFileSync(article(3), `\nSee [the other analysis](/articles/${name}/).\n`);
      const withLink = build(previous.cache);
      expect(planLine(withLink.log)).toMatch(/^incremental: 2 of /);
      rmSync(article(ARTICLES + 1));
      cpSync(path.join(work, 'corpus/bibliography.json'), path.join(content(), 'bibliography.json'));
      const failed = build(withLink.cache, {}, true);
      expect(planLine(failed.log)).toMatch(/^incremental: 0 of /);
      expect(failed.log).toContain(
        `articles/bench-00003/index.html: <a href="/articles/${name}/"> points to /articles/${name}/, which is not in the build`,
      );
    } finally {
      writeFileSync(article(3), linking);
    }
  }, 600_000);

  it('is a cold build after a change under src/, and matches a cold build', () => {
    // A comment changes no output, so the last cold build of the same content is the reference.
    appendFileSync(path.join(project.dir, 'src/lib/site.ts'), '\n// A change to the code.\n');
    const after = build(previous.cache);
    expect(planLine(after.log)).toBe('cold build: changed: src');
    expect(differences(after.out, lastCold.out)).toEqual([]);
    previous = after;
  }, 600_000);

  it('renders every article’s Markdown again after a change to a Markdown plugin, not the kept renders', () => {
    const plugin = path.join(project.dir, 'src/markdown/remark-claims.ts');
    const code = readFileSync(plugin, 'utf8');
    expect(code).toContain('About this claim: ');
    writeFileSync(plugin, code.replace('About this claim: ', 'About this claim, changed: '));
    try {
      const after = build(previous.cache);
      expect(planLine(after.log)).toBe('cold build: changed: src');
      const pages = tree(after.out).filter((f) => /^articles\/[^/]+\/index\.html$/.test(f));
      expect(pages.length).toBeGreaterThan(0);
      const stale = pages.filter((f) => {
        const html = readFileSync(path.join(after.out, f), 'utf8');
        return !html.includes('About this claim, changed: ') || html.includes('About this claim: ');
      });
      expect(stale).toEqual([]);
      previous = after;
    } finally {
      writeFileSync(plugin, code);
    }
  }, 600_000);

  it('is a cold build when SOURCED_COLD is set, with a manifest and previous output in the cache', () => {
    const forced = build(previous.cache, { SOURCED_COLD: '1' });
    expect(planLine(forced.log)).toBe('cold build: SOURCED_COLD is set');
    expect(reused(forced.log)).toBeNaN();
    expect(searchShards(forced.log)?.kept).toBe(0);
    expect(differences(forced.out, lastCold.out)).toEqual([]);
  }, 600_000);
});
