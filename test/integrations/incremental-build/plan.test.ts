// What the incremental build decides from the last manifest and the inputs on disk.
import { describe, expect, it } from 'vitest';
import { articleId, entryUser, usedEntries } from '../../../src/integrations/incremental-build/inputs';
import { describePlan, MANIFEST_VERSION, plan, type Manifest } from '../../../src/integrations/incremental-build/plan';

const manifest = (): Manifest => ({
  version: MANIFEST_VERSION,
  global: 'g1',
  globalParts: { src: 's1', settings: 'e1' },
  articles: {
    'content/articles/a.md': {
      id: 'a',
      file: 'fa',
      uses: { 'glossary:iran': 'i1', 'bib:x': 'x1' },
      pages: [],
      kept: 'ka',
    },
    'content/articles/b.md': { id: 'b', file: 'fb', uses: { 'glossary:russia': 'r1' }, pages: [], kept: 'kb' },
  },
});
const now = (changes: { files?: [string, string][]; entries?: [string, string][]; global?: string } = {}) => ({
  global: changes.global ?? 'g1',
  globalParts: { src: changes.global ? 's2' : 's1', settings: 'e1' },
  files: new Map(
    changes.files ?? [
      ['content/articles/a.md', 'fa'],
      ['content/articles/b.md', 'fb'],
    ],
  ),
  entries: new Map(
    changes.entries ?? [
      ['glossary:iran', 'i1'],
      ['glossary:russia', 'r1'],
      ['bib:x', 'x1'],
    ],
  ),
});

describe('the incremental build plan', () => {
  it('is a cold build without a manifest, naming why', () => {
    expect(describePlan(plan(undefined, now()))).toBe('cold build: no record of a previous build in the cache folder');
  });

  it('is a cold build when a global input changed, naming the part', () => {
    expect(describePlan(plan(manifest(), now({ global: 'g2' })))).toBe('cold build: changed: src');
  });

  it('renders nothing again when nothing changed', () => {
    const p = plan(manifest(), now());
    expect(p).toMatchObject({ cold: false, dirty: [], clean: ['content/articles/a.md', 'content/articles/b.md'] });
    expect(describePlan(p)).toBe('incremental: 0 of 2 articles re-rendered (reason: nothing changed)');
  });

  it('renders an article again when its pages kept in the cache were written to since, and only it', () => {
    const stamps: Record<string, string> = { a: 'ka', b: 'kb-edited' };
    const p = plan(manifest(), { ...now(), keptStamp: (id) => stamps[id]! });
    expect(p).toMatchObject({ dirty: ['content/articles/b.md'], clean: ['content/articles/a.md'] });
    expect(describePlan(p)).toBe(
      "incremental: 1 of 2 articles re-rendered (reason: content/articles/b.md's pages in the cache folder changed since the last build)",
    );
  });

  it('renders an edited article again, and only it', () => {
    const p = plan(
      manifest(),
      now({
        files: [
          ['content/articles/a.md', 'fa2'],
          ['content/articles/b.md', 'fb'],
        ],
      }),
    );
    expect(p).toMatchObject({ dirty: ['content/articles/a.md'], clean: ['content/articles/b.md'] });
    expect(describePlan(p)).toBe('incremental: 1 of 2 articles re-rendered (reason: content/articles/a.md changed)');
  });

  it('renders again the articles that use a changed glossary entry, or one that is gone', () => {
    const p = plan(
      manifest(),
      now({
        entries: [
          ['glossary:iran', 'i2'],
          ['glossary:russia', 'r1'],
        ],
      }),
    );
    expect(p).toMatchObject({ dirty: ['content/articles/a.md'], clean: ['content/articles/b.md'] });
    expect(describePlan(p)).toContain('content/articles/a.md uses glossary:iran, bib:x, which changed');
  });

  it('renders a new article, and names a deleted one', () => {
    const p = plan(
      manifest(),
      now({
        files: [
          ['content/articles/b.md', 'fb'],
          ['content/articles/c.md', 'fc'],
        ],
      }),
    );
    expect(p).toMatchObject({ dirty: ['content/articles/c.md'], deleted: ['content/articles/a.md'] });
    expect(describePlan(p)).toBe(
      'incremental: 1 of 2 articles re-rendered (reason: content/articles/c.md is new; content/articles/a.md was deleted)',
    );
  });
});

describe('what an article uses', () => {
  const keys = ['glossary:iran', 'glossary:iran-presidency', 'source:tass', 'glossary:owner', 'bib:odd.id/1'];
  it('finds ids as whole words in the article and its page, and follows what those entries name', () => {
    const texts = new Map([['source:tass', 'owner: owner\n']]);
    expect(usedEntries(['speaker: iran-presidency', '<a data-glossary="x">', 'sources: [tass]'], keys, texts)).toEqual([
      'glossary:iran-presidency',
      'glossary:owner',
      'source:tass',
    ]);
  });
  it('finds an id with other characters anywhere in the text', () => {
    expect(usedEntries(['see [@odd.id/1]'], keys, new Map())).toEqual(['bib:odd.id/1']);
  });
  it('follows an entry named by one article again for the next, each article getting only its own', () => {
    const texts = new Map([
      ['source:tass', 'owner: owner\n'],
      ['glossary:owner', 'see also: iran\n'],
    ]);
    const used = entryUser(keys, texts);
    expect(used(['sources: [tass]'])).toEqual(['glossary:iran', 'glossary:owner', 'source:tass']);
    expect(used(['speaker: iran-presidency'])).toEqual(['glossary:iran-presidency']);
    expect(used(['a page naming tass again'])).toEqual(['glossary:iran', 'glossary:owner', 'source:tass']);
  });
  it('finds ids with letters outside ASCII as whole words, split at dashes and spaces of any script', () => {
    const keys = ['glossary:café', 'glossary:bar', 'glossary:na', 'glossary:ürümqi', 'glossary:x'];
    expect(usedEntries(['le café—bar, naïve; «ürümqi» x1'], keys, new Map())).toEqual([
      'glossary:bar',
      'glossary:café',
      'glossary:ürümqi',
    ]);
  });
  it('finds ids at the very start and end of a text and beside characters outside the basic plane', () => {
    expect(usedEntries(['tass😀iran', 'x iran-presidency'], keys, new Map())).toEqual([
      'glossary:iran',
      'glossary:iran-presidency',
      'source:tass',
    ]);
    expect(usedEntries(['tass_x iran2 owner-'], keys, new Map())).toEqual([]);
  });
  it('does not count an empty text as naming anything', () => {
    expect(usedEntries(['', '--- ---'], keys, new Map())).toEqual([]);
  });
});

describe('an article’s folder', () => {
  it('is its file name without the extension, slugged as Astro’s glob loader does', () => {
    expect(articleId('content/articles/putin-pezeshkian-ashgabat.md')).toBe('putin-pezeshkian-ashgabat');
    expect(articleId('content/articles/Two Words.md')).toBe('two-words');
  });
});
