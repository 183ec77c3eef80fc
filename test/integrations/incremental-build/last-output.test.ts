// A build into the folder the last build wrote (as `astro build` and the benchmark do) sets that
// folder aside instead of letting Astro delete it file by file, moves the unchanged articles'
// folders back whole, and deletes the rest off the main thread.
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  cachePaths,
  COLD_VARIABLE,
  incrementalBuild,
  pagesByArticle,
} from '../../../src/integrations/incremental-build';

const work = mkdtempSync(path.join(tmpdir(), 'sourced-last-output-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let root = '';
let cache = '';
let out = '';
let runs = 0;
beforeEach(() => {
  const dir = path.join(work, `run-${++runs}`);
  root = path.join(dir, 'project');
  cache = path.join(dir, 'cache');
  out = path.join(dir, 'dist');
  mkdirSync(path.join(root, 'content/articles'), { recursive: true });
  for (const id of ['a', 'b', 'c']) writeFileSync(path.join(root, `content/articles/${id}.md`), `# ${id}\n`);
});

const write = (file: string, text: string) => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
};

/** One build as Astro drives the steps; `render` writes the pages Astro would. */
async function build(render: (ids: string[]) => string[]) {
  const log: string[] = [];
  const logger = { info: (m: string) => log.push(m), warn: (m: string) => log.push(`warn: ${m}`) };
  const steps = incrementalBuild();
  steps.plan({
    config: { root: pathToFileURL(`${root}/`), cacheDir: pathToFileURL(`${cache}/`) },
    command: 'build',
    logger,
  });
  steps.setAside(out);
  const aside = existsSync(cachePaths(cache).lastOutput);
  // Astro empties the output folder, then writes the pages of the articles it renders.
  rmSync(out, { recursive: true, force: true });
  const rendered = render(['a', 'b', 'c']);
  for (const id of rendered)
    write(
      path.join(out, `articles/${id}/index.html`),
      `<p>${id} ${readFileSync(path.join(root, `content/articles/${id}.md`), 'utf8')}</p>`,
    );
  for (const id of rendered) write(path.join(out, `articles/${id}/claims/x/index.html`), `<p>claim of ${id}</p>`);
  write(path.join(out, 'index.html'), '<p>home</p>');
  steps.merge(out, logger);
  await steps.save(out, [], logger);
  return { log: log.join('\n'), aside };
}

const inode = (file: string) => statSync(file).ino;
const kept = (file: string) => path.join(cachePaths(cache).output, file);

describe('the last output folder', () => {
  it('is moved aside, its unchanged articles’ folders moved back whole, and the rest deleted by the end', async () => {
    await build((ids) => ids);
    writeFileSync(path.join(root, 'content/articles/a.md'), '# a, edited\n');
    const { log, aside } = await build((ids) => ids.filter((id) => id === 'a'));
    expect(aside).toBe(true);
    expect(log).toContain(
      "incremental: 2 unchanged articles' pages taken from the previous output (2 moved from the last output folder)",
    );
    // The same files as the kept output's, not copies.
    expect(inode(path.join(out, 'articles/b/claims/x/index.html'))).toBe(inode(kept('articles/b/claims/x/index.html')));
    expect(readFileSync(path.join(out, 'articles/a/index.html'), 'utf8')).toContain('edited');
    expect(existsSync(cachePaths(cache).lastOutput)).toBe(false);
  });

  it('gives back a kept folder, not the last output’s, when a file there was replaced since', async () => {
    await build((ids) => ids);
    // Replaced, not written in place: the kept output's file is untouched, the plan sees no change.
    const page = path.join(out, 'articles/c/claims/x/index.html');
    rmSync(page);
    writeFileSync(page, '<p>replaced after the build, and longer</p>');
    writeFileSync(path.join(root, 'content/articles/a.md'), '# a, edited\n');
    const { log } = await build((ids) => ids.filter((id) => id === 'a'));
    expect(log).toContain('(1 moved from the last output folder)');
    expect(readFileSync(page, 'utf8')).toBe('<p>claim of c</p>');
    expect(inode(page)).toBe(inode(kept('articles/c/claims/x/index.html')));
  });

  it('is deleted whole on a cold build', async () => {
    await build((ids) => ids);
    vi.stubEnv(COLD_VARIABLE, '1');
    const { log, aside } = await build((ids) => ids);
    vi.unstubAllEnvs();
    expect(log).toContain(`cold build: ${COLD_VARIABLE} is set`);
    expect(aside).toBe(true);
    expect(log).not.toContain('moved from the last output folder');
    expect(existsSync(cachePaths(cache).lastOutput)).toBe(false);
  });

  it('is left to Astro when it holds a repository', async () => {
    await build((ids) => ids);
    write(path.join(out, '.git/HEAD'), 'ref: refs/heads/main\n');
    writeFileSync(path.join(root, 'content/articles/a.md'), '# a, edited\n');
    const { log, aside } = await build((ids) => ids.filter((id) => id === 'a'));
    expect(aside).toBe(false);
    expect(log).toContain("incremental: 2 unchanged articles' pages taken from the previous output");
    expect(log).not.toContain('moved');
  });
});

describe('keeping the output for the next build', () => {
  it('fails the build with the error of the worker that links it, and leaves no manifest', async () => {
    await build((ids) => ids);
    expect(existsSync(cachePaths(cache).manifest)).toBe(true);
    // A socket in the output is neither a file nor a folder, and cannot be copied either.
    const server = createServer();
    process.env[COLD_VARIABLE] = '1';
    try {
      await expect(
        build((ids) => {
          mkdirSync(out, { recursive: true });
          server.listen(path.join(out, 'odd.sock'));
          return ids;
        }),
      ).rejects.toThrow(/incremental: keeping the output failed:[\s\S]*socket/i);
    } finally {
      server.close();
      Reflect.deleteProperty(process.env, COLD_VARIABLE);
    }
    expect(existsSync(cachePaths(cache).manifest)).toBe(false);
  });
});

describe('pagesByArticle', () => {
  it('gives each article folder the pages under it, in the order given, and no page of a folder it only prefixes', () => {
    const pages = [
      'articles/a/',
      'glossary/a/',
      '/articles/ab/claims/',
      'articles/',
      'articles/a/claims/x/',
      'articles/ab/',
      'articles/a/claims/',
      'index.html',
    ];
    const byId = pagesByArticle(pages);
    expect([...byId.keys()].sort()).toEqual(['a', 'ab']);
    // What filtering every page by the folder's prefix gives, for each folder.
    for (const id of ['a', 'ab'])
      expect(byId.get(id)).toEqual(pages.filter((p) => p.replace(/^\/+/, '').startsWith(`articles/${id}/`)));
    expect(byId.get('a')).toEqual(['articles/a/', 'articles/a/claims/x/', 'articles/a/claims/']);
  });
});
