// The articles' loader wraps Astro's glob loader; on a warm build it must leave unchanged files'
// entries as they are without reading their frontmatter, and load changed files as before.
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loader } from 'astro/loaders';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkedGlob } from '../../src/loaders/checked-glob';
import { PARTS_FOLDER, articleHtmlOf, partNames } from '../../src/collections/article-parts';

type Context = Parameters<Loader['load']>[0];
interface Entry {
  id: string;
  data: Record<string, unknown>;
  filePath?: string;
  digest?: string;
  rendered?: { html: string; metadata?: Record<string, unknown> };
}

const root = mkdtempSync(path.join(tmpdir(), 'sourced-checked-glob-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(path.join(root, 'content/articles'), { recursive: true });
const parts = path.join(root, 'cache', PARTS_FOLDER);
/** The entry's HTML, read back as pages read it. */
const html = (id: string) => articleHtmlOf(entries.get(id)!, parts);
const write = (name: string, title: string) =>
  writeFileSync(path.join(root, 'content/articles', name), `---\ntitle: ${title}\n---\n\nBody of ${title}.\n`);

/** Which files the Markdown entry type read the frontmatter of, in the last load. */
let parsed: string[] = [];
const markdown = {
  extensions: ['.md'],
  getEntryInfo({ contents, fileUrl }: { contents: string; fileUrl: URL }) {
    parsed.push(path.basename(fileUrl.pathname));
    const [, yaml = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(contents) ?? [];
    return { data: parseYaml(yaml) as Record<string, unknown>, body, slug: '', rawData: yaml };
  },
  getRenderFunction: () =>
    Promise.resolve(({ body }: { body?: string }) => Promise.resolve({ html: `<p>${body ?? ''}</p>`, metadata: {} })),
};

const entries = new Map<string, Entry>();
const store = {
  keys: () => entries.keys(),
  values: () => [...entries.values()],
  get: (id: string) => entries.get(id),
  has: (id: string) => entries.has(id),
  set: (entry: Entry) => (entries.set(entry.id, entry), true),
  delete: (id: string) => entries.delete(id),
  addModuleImport: () => {},
  addAssetImports: () => {},
};

async function load(watching = false) {
  parsed = [];
  const noop = () => {};
  const context = {
    collection: 'articles',
    config: {
      root: pathToFileURL(`${root}/`),
      srcDir: pathToFileURL(`${root}/src/`),
      cacheDir: pathToFileURL(`${root}/cache/`),
    },
    ...(watching ? { watcher: { on: noop, add: noop } } : {}),
    logger: { info: noop, warn: noop, error: noop, debug: noop },
    store,
    parseData: ({ data }: { data: Record<string, unknown> }) => Promise.resolve(data),
    // Any digest of the bytes will do; Astro's is xxhash.
    generateDigest: (text: string) => `${text.length}:${text}`,
    entryTypes: new Map([['.md', markdown]]),
  };
  await checkedGlob({ pattern: '**/*.md', base: './content/articles' }).load(context as unknown as Context);
}

describe('the checked glob loader on a warm build', () => {
  it('reads the frontmatter of changed and new files only, and keeps the unchanged entries as stored', async () => {
    write('first.md', 'First');
    write('second.md', 'Second');
    await load();
    expect(parsed.sort()).toEqual(['first.md', 'second.md']);
    const first = entries.get('first');
    expect(html('first')).toContain('Body of First.');

    appendFileSync(path.join(root, 'content/articles/second.md'), 'An added sentence.\n');
    write('third.md', 'Third');
    await load();
    expect(parsed.sort()).toEqual(['second.md', 'third.md']);
    expect(entries.get('first')).toBe(first);
    expect(html('second')).toContain('An added sentence.');
    expect(entries.get('third')?.data).toEqual({ title: 'Third' });
    expect([...entries.keys()].sort()).toEqual(['first', 'second', 'third']);
  });

  it('drops the entry of a deleted file', async () => {
    rmSync(path.join(root, 'content/articles/third.md'));
    await load();
    expect(parsed).toEqual([]);
    expect([...entries.keys()].sort()).toEqual(['first', 'second']);
  });
});

describe('the checked glob loader and the files it keeps rendered articles in', () => {
  it('stores each article’s HTML in the cache folder, not in the store', async () => {
    write('fourth.md', 'Fourth');
    await load();
    expect(entries.get('fourth')?.rendered?.html).toBe('');
    expect(partNames(entries.get('fourth')!)).toBeDefined();
    expect(html('fourth')).toBe('<p>\nBody of Fourth.\n</p>');
  });

  it('renders an unchanged article again when its files were deleted and the store kept', async () => {
    rmSync(parts, { recursive: true });
    await load();
    expect(parsed.sort()).toEqual(['first.md', 'fourth.md', 'second.md']);
    expect(html('first')).toContain('Body of First.');
    expect(html('fourth')).toContain('Body of Fourth.');
  });

  it('deletes the files of an edited article’s old render after a build’s load, and keeps them under astro dev', async () => {
    const before = partNames(entries.get('fourth')!)!.html;
    appendFileSync(path.join(root, 'content/articles/fourth.md'), 'Edited under astro dev.\n');
    await load(true);
    expect(existsSync(path.join(parts, before))).toBe(true);
    appendFileSync(path.join(root, 'content/articles/fourth.md'), 'Edited again before a build.\n');
    await load();
    expect(existsSync(path.join(parts, before))).toBe(false);
    const named = [...entries.values()].flatMap((e) => Object.values(partNames(e) ?? {}) as string[]);
    expect(readdirSync(parts).sort()).toEqual([...new Set(named)].sort());
  });
});
