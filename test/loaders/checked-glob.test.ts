// The articles' loader wraps Astro's glob loader; on a warm build it must leave unchanged files'
// entries as they are without reading their frontmatter, and load changed files as before.
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loader } from 'astro/loaders';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkedGlob } from '../../src/loaders/checked-glob';

type Context = Parameters<Loader['load']>[0];
interface Entry {
  id: string;
  data: Record<string, unknown>;
  filePath?: string;
  digest?: string;
  rendered?: { html: string };
}

const root = mkdtempSync(path.join(tmpdir(), 'sourced-checked-glob-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(path.join(root, 'content/articles'), { recursive: true });
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

async function load() {
  parsed = [];
  const noop = () => {};
  const context = {
    collection: 'articles',
    config: { root: pathToFileURL(`${root}/`), srcDir: pathToFileURL(`${root}/src/`) },
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
    expect(first?.rendered?.html).toContain('Body of First.');

    appendFileSync(path.join(root, 'content/articles/second.md'), 'An added sentence.\n');
    write('third.md', 'Third');
    await load();
    expect(parsed.sort()).toEqual(['second.md', 'third.md']);
    expect(entries.get('first')).toBe(first);
    expect(entries.get('second')?.rendered?.html).toContain('An added sentence.');
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
