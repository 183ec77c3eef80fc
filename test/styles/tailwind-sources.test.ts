// The site's stylesheet must not depend on the articles' words: an incremental build re-renders
// only the edited article, so a utility added because of a word in it would leave every kept
// page linking a stylesheet the new build no longer writes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compile } from '@tailwindcss/node';
import { Scanner } from '@tailwindcss/oxide';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CSS = path.join(ROOT, 'src/styles/global.css');

/** The files Tailwind scans for the site's stylesheet, as its Vite plugin chooses them. */
async function scannedFiles(): Promise<string[]> {
  const compiler = await compile(readFileSync(CSS, 'utf8'), { base: path.dirname(CSS), onDependency: () => {} });
  const root =
    compiler.root === 'none'
      ? []
      : compiler.root === null
        ? [{ base: ROOT, pattern: '**/*', negated: false }]
        : [{ ...compiler.root, negated: false }];
  const scanner = new Scanner({ sources: [...root, ...compiler.sources] });
  scanner.scan();
  return scanner.files.map((f) => path.relative(ROOT, f).split(path.sep).join('/'));
}

describe('the sources of the site stylesheet', () => {
  it('are the code under src/, and no content file', async () => {
    const files = await scannedFiles();
    expect(files).toContain('src/layouts/Base.astro');
    expect(files.filter((f) => !f.startsWith('src/'))).toEqual([]);
  });
});
