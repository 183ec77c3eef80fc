import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SHAPE, generateArticle, generatePools, stripAnnotations, writeCorpus } from '../../scripts/bench/corpus.mjs';
import { contentProblems } from '../../src/validation/validate';

const work = mkdtempSync(path.join(tmpdir(), 'sourced-corpus-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const read = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(md|yaml|json|txt)$/.test(f))
      .sort()
      .map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]),
  );

describe('the benchmark corpus', () => {
  it('is the same, byte for byte, for the same seed and size, and different for another seed', () => {
    writeCorpus(path.join(work, 'a'), { articles: 3, seed: 7 });
    writeCorpus(path.join(work, 'b'), { articles: 3, seed: 7 });
    writeCorpus(path.join(work, 'c'), { articles: 3, seed: 8 });
    expect(read(path.join(work, 'a'))).toEqual(read(path.join(work, 'b')));
    expect(read(path.join(work, 'a'))['articles/bench-00001.md']).not.toBe(
      read(path.join(work, 'c'))['articles/bench-00001.md'],
    );
  });

  it('gives each article about 1,000 words, 25 claims, 40 glossary mentions and 8 citations', () => {
    const pools = generatePools(1);
    for (let i = 0; i < 20; i++) {
      const { counts, markdown } = generateArticle(pools, 1, i);
      expect(counts.words).toBeGreaterThan(900);
      expect(counts.words).toBeLessThan(1200);
      expect(counts.claims).toBe(SHAPE.claims);
      expect(counts.mentions).toBe(SHAPE.mentions);
      expect(counts.citations).toBe(SHAPE.citations);
      expect(markdown.match(/:claim\[/g)).toHaveLength(SHAPE.claims);
      expect(markdown.match(/ \[@ref-\d+\]/g)).toHaveLength(SHAPE.citations);
    }
  });

  it('passes every content check the build runs, frontmatter and bodies', async () => {
    const root = path.join(work, 'site');
    writeCorpus(path.join(root, 'content'), { articles: 4, seed: 3 });
    expect(await contentProblems(root)).toEqual([]);
  });

  it('strips every annotation but keeps the words, for the plain baseline', () => {
    const { markdown } = generateArticle(generatePools(1), 1, 0);
    const plain = stripAnnotations(markdown);
    expect(plain).not.toMatch(/:(claim|date|term)\[|\[@|\{#/);
    expect(plain.split('\n---\n')[0]).toMatch(/^---\ntitle: /);
    const claimWords = [...markdown.matchAll(/:claim\[([^\]]*)\]/g)].map((m) => m[1]!);
    expect(claimWords).toHaveLength(SHAPE.claims);
    for (const w of claimWords) expect(plain).toContain(w);
  });
});
