// A build renders its articles in worker threads (src/markdown/render-workers.ts). What comes
// back must be what Astro's own Markdown entry type renders in process, stored the same way: the
// same HTML and facts in the same part files, the same metadata, the same warnings, and a failed
// render failing with the same message.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { keepPartsApart, partNames, type Rendered } from '../../src/collections/article-parts';
import { loadRegistry } from '../../src/collections/registry';
import { ContentError } from '../../src/lib/problems';
import { WARNINGS_KEY } from '../../src/lib/vfile-problems';
import { articleProcessor, pipelineOf } from '../../src/markdown/article-processor';
import type { RenderEntry } from '../../src/markdown/render-job';
import { renderPool } from '../../src/markdown/render-workers';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SITE = path.join(ROOT, 'test/fixtures/site');
/** Astro's Markdown entry type, which the content sync renders articles with in process. */
const { markdownContentEntryType: astroMarkdown } = (await import(
  pathToFileURL(path.join(ROOT, 'node_modules/astro/dist/vite-plugin-markdown/content-entry-type.js')).href
)) as {
  markdownContentEntryType: {
    getEntryInfo(p: { contents: string; fileUrl: URL }): Promise<{ data: Record<string, unknown>; body: string }>;
    getRenderFunction(config: unknown): Promise<(entry: RenderEntry) => Promise<Rendered>>;
  };
};

const dir = mkdtempSync(path.join(tmpdir(), 'sourced-render-workers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(path.join(dir, 'articles'));

const sample = readFileSync(path.join(SITE, 'content/articles/sample.md'), 'utf8');
/** The fixture article, one with raw HTML (a warning), and one marking a claim it never declares (an error). */
const ARTICLES = {
  'sample.md': sample,
  'with-warning.md': `${sample}\nThe paper set one word in <b>bold</b>.\n`,
  'broken.md': sample.replace('{#outlet-says}', '{#outlet-sayz}'),
};
for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(path.join(dir, 'articles', name), text);

const registry = loadRegistry(SITE);
const processor = articleProcessor({ registry, base: '/', cacheDir: path.join(dir, 'cache') });
const pipeline = pipelineOf(processor)!;
/** Astro's Markdown settings as its config schema defaults them. */
const shared = {
  image: { service: { entrypoint: 'astro/assets/services/sharp', config: {} }, domains: [], remotePatterns: [] },
  syntaxHighlight: { type: 'shiki', excludeLangs: ['math'] },
  shikiConfig: { langs: [], langAlias: {}, theme: 'github-dark', themes: {}, wrap: false, transformers: [] },
  gfm: undefined,
  smartypants: undefined,
};

async function entryOf(name: string): Promise<RenderEntry> {
  const filePath = path.join(dir, 'articles', name);
  const contents = readFileSync(filePath, 'utf8');
  const { data, body } = await astroMarkdown.getEntryInfo({ contents, fileUrl: pathToFileURL(filePath) });
  return { id: name.replace(/\.md$/, ''), data, body, filePath, digest: String(contents.length) };
}

/** Each article's render as the store keeps it, or the render's error message. */
async function renderAll(render: (entry: RenderEntry) => Promise<Rendered>): Promise<Map<string, Rendered | string>> {
  const out = new Map<string, Rendered | string>();
  for (const name of Object.keys(ARTICLES)) {
    try {
      out.set(name, await render(await entryOf(name)));
    } catch (e) {
      out.set(name, (e as Error).message);
    }
  }
  return out;
}

const partsOf = (folder: string) =>
  Object.fromEntries(readdirSync(folder).map((name) => [name, readFileSync(path.join(folder, name), 'utf8')]));

// A worker loads the whole pipeline (a few seconds, more on a busy machine).
describe('articles rendered in a worker thread', { timeout: 120_000 }, () => {
  const inProcessParts = path.join(dir, 'parts-in-process');
  const workerParts = path.join(dir, 'parts-worker');
  let inProcess: Map<string, Rendered | string>;
  let inWorker: Map<string, Rendered | string>;

  it('render as Astro renders them in process: the same stored render, the same part files', async () => {
    const astroRender = await astroMarkdown.getRenderFunction({
      markdown: { ...shared, processor },
      image: shared.image,
    });
    inProcess = await renderAll(async (entry) => keepPartsApart(inProcessParts, await astroRender(entry)));
    const pool = renderPool({ pipeline, shared, parts: workerParts }, 1);
    try {
      inWorker = await renderAll(pool.render);
    } finally {
      await pool.close();
    }
    expect(inWorker).toEqual(inProcess);
    // Both rendered articles went to part files, and the files hold the same bytes.
    expect(
      ['sample.md', 'with-warning.md'].map((name) => partNames({ id: name, rendered: inWorker.get(name) })),
    ).toEqual(['sample.md', 'with-warning.md'].map((name) => partNames({ id: name, rendered: inProcess.get(name) })));
    expect(Object.keys(partsOf(workerParts))).toHaveLength(4);
    expect(partsOf(workerParts)).toEqual(partsOf(inProcessParts));
  });

  it('bring back the warnings of an article with raw HTML, and none for the others', () => {
    const warnings = (name: string) =>
      ((inWorker.get(name) as Rendered).metadata?.frontmatter?.[WARNINGS_KEY] ?? []) as { message: string }[];
    expect(warnings('sample.md')).toEqual([]);
    expect(warnings('with-warning.md')).toHaveLength(1);
    expect(warnings('with-warning.md')[0]!.message).toMatch(/HTML/);
  });

  it('fail an article that does not render with the message Astro’s renderer gives, naming its file and line', () => {
    const message = inWorker.get('broken.md');
    expect(typeof message).toBe('string');
    expect(message).toBe(inProcess.get('broken.md'));
    expect(message).toContain(ContentError.HEAD);
    const line = sample.split('\n').findIndex((l) => l.includes('{#outlet-says}')) + 1;
    expect(message).toContain(`broken.md:${line}:`);
    expect(message).toMatch(/Fix: /);
  });

  it('refuse a render once the pool is closed, and end their threads', async () => {
    const pool = renderPool({ pipeline, shared, parts: workerParts }, 2);
    await pool.render(await entryOf('sample.md'));
    await pool.close();
    await expect(pool.render(await entryOf('sample.md'))).rejects.toThrow(/closed/);
  });
});
