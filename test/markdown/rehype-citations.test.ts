// rehypeCitations formats the bibliography once and reuses it for every article while the file is
// unchanged, as a build of many articles and the dev server both ask it to.
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { VFile } from 'vfile';
import { rehypeCitations } from '../../src/markdown/rehype-citations';

// Spied on, so a test can count the bibliography's reads.
vi.mock('node:fs/promises', async (original) => {
  const actual = await original<typeof import('node:fs/promises')>();
  return { ...actual, readFile: vi.fn(actual.readFile) };
});

const dir = mkdtempSync(path.join(tmpdir(), 'sourced-citations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const csl = fileURLToPath(new URL('../../src/markdown/news-citation.csl', import.meta.url));
const bibliography = path.join(dir, 'bibliography.json');

const item = (title: string) => ({
  id: 'report',
  type: 'article-newspaper',
  title,
  'container-title': 'Wire A',
  issued: { 'date-parts': [[2024, 10, 11]] },
  URL: 'https://wire-a.example/report',
});

/** One article citing the report, through the plugin as the build runs it. */
async function article(): Promise<string> {
  const tree: Root = {
    type: 'root',
    children: [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: '[@report]' }] }],
  };
  await rehypeCitations({ bibliography, csl })(tree, new VFile());
  return toHtml(tree);
}

const readsOfBibliography = () => vi.mocked(fs.readFile).mock.calls.filter(([file]) => file === bibliography).length;

describe('the bibliography, formatted once for every article', () => {
  it('reads the bibliography file once while it is unchanged, however many articles cite it', async () => {
    writeFileSync(bibliography, JSON.stringify([item('Leaders meet')]));
    const before = readsOfBibliography();
    const pages = [];
    for (let i = 0; i < 5; i++) pages.push(await article());
    expect(readsOfBibliography() - before).toBe(1);
    for (const page of pages) expect(page).toContain('“Leaders meet.”');
  });

  it('formats again when the file changes between articles, even to the same size', async () => {
    writeFileSync(bibliography, JSON.stringify([item('Leaders meet')]));
    expect(await article()).toContain('“Leaders meet.”');
    writeFileSync(bibliography, JSON.stringify([item('Leaders part')]));
    // However coarse the file system's clock, the file's time differs from the one first read.
    utimesSync(bibliography, new Date(2001, 0, 1), new Date(2001, 0, 1));
    expect(await article()).toContain('“Leaders part.”');
  });
});
