// The build's start-up check keeps each article's result between builds (validate-content).
// A warm check must report exactly what a check without the cache reports.
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { KeyedCache } from '../../src/lib/keyed-cache';
import { contentProblems, type ArticleResult } from '../../src/validation/validate';
import { FIXTURE_SITE } from '../support/pipeline';

const invalidDir = path.resolve(import.meta.dirname, 'invalid');
const temp = mkdtempSync(path.join(tmpdir(), 'sourced-check-cache-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

let root = '';
let cacheFile = '';
let n = 0;
beforeEach(() => {
  root = path.join(temp, `site-${++n}`);
  cpSync(FIXTURE_SITE, root, { recursive: true });
  cacheFile = path.join(temp, `checks-${n}.jsonl`);
});

/** One build's check: the cache read from its file, used, and written back. */
async function warmCheck(version = 'code-1') {
  const cache = new KeyedCache<ArticleResult>(cacheFile, version);
  const problems = await contentProblems(root, { bodies: false, cache });
  cache.save();
  return problems;
}

const overlay = (name: string) => cpSync(path.join(invalidDir, name, 'content'), path.join(root, 'content'), { recursive: true });
const ids = (problems: { id?: string | undefined }[]) => problems.map((p) => p.id);

/** A clean check is kept, then `change` runs: the warm check must name `id` and equal a check without the cache. */
async function expectWarmCheckAfter(change: () => void, id: string) {
  expect(await warmCheck()).toEqual([]);
  change();
  const warm = await warmCheck();
  expect(ids(warm)).toContain(id);
  expect(warm).toEqual(await contentProblems(root, { bodies: false }));
}

describe('the start-up check with kept results', () => {
  it('reports an error introduced into an article after a clean check was kept', async () => {
    await expectWarmCheckAfter(() => overlay('unknown-source'), 'wire-z');
  });

  it('reports an article error again from the cache while the file is unchanged', async () => {
    overlay('unknown-source');
    const first = await warmCheck();
    const kept = readFileSync(cacheFile, 'utf8');
    const second = await warmCheck();
    // Nothing was checked again: the cache file did not grow.
    expect(readFileSync(cacheFile, 'utf8')).toBe(kept);
    expect(ids(second)).toContain('wire-z');
    expect(second).toEqual(first);
  });

  it('reports an unchanged article whose finding cites a bibliography item that was removed', async () => {
    const bib = path.join(root, 'content/bibliography.json');
    await expectWarmCheckAfter(() => {
      const items = JSON.parse(readFileSync(bib, 'utf8')) as { id: string }[];
      writeFileSync(bib, JSON.stringify(items.filter((i) => i.id !== 'ref-one')));
    }, 'ref-one');
  });

  it('reports an unchanged article naming a source whose file was deleted', async () => {
    await expectWarmCheckAfter(() => unlinkSync(path.join(root, 'content/sources/wire-a.yaml')), 'wire-a');
  });

  it('still runs the checks across files, such as a bibliography item no article cites', async () => {
    await expectWarmCheckAfter(() => overlay('bibliography-unused-entry'), 'ref-four');
  });

  it('checks every article again under another code version', async () => {
    overlay('unknown-source');
    await warmCheck('code-1');
    const kept = readFileSync(cacheFile, 'utf8');
    expect(ids(await warmCheck('code-2'))).toContain('wire-z');
    expect(readFileSync(cacheFile, 'utf8')).not.toBe(kept);
  });
});
