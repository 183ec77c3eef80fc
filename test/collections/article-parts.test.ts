// An article's rendered HTML and text facts live in files of their own in the cache folder, the
// content store keeping only their names; pages read them back through the data layer.
import { mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { stringify } from 'devalue';
import * as contentKeys from '../../src/lib/content-key.mjs';
import {
  FACTS_KEY,
  PARTS_KEY,
  articleFactsOf,
  articleHtmlOf,
  exactJson,
  keepPartsApart,
  partNames,
  partsMissing,
  pruneParts,
  type Rendered,
} from '../../src/collections/article-parts';

// Spied on, so a test can count the hashes a read costs.
vi.mock(import('../../src/lib/content-key.mjs'), async (original) => {
  const actual = await original();
  return { contentKey: vi.fn(actual.contentKey) };
});

const work = mkdtempSync(path.join(tmpdir(), 'sourced-article-parts-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let folders = 0;
const folder = () => path.join(work, `parts-${++folders}`);

const facts = {
  text: 'Tehran said so.',
  spans: { 'claim-a': { start: 0, end: 6, blockStart: 0, blockEnd: 15 } },
  mentions: [{ entry: 'tehran', elementId: 'm-1', text: 'Tehran', before: '', after: ' said so.', linked: true }],
  // A hast element as the citations hold them: undefined values must come back as they went.
  citations: { key: { type: 'element', tagName: 'a', properties: { href: '#b', title: undefined }, children: [] } },
};
const render = (html: string, extra: Record<string, unknown> = {}): Rendered => ({
  html,
  metadata: { headings: [], frontmatter: { [FACTS_KEY]: facts, ...extra } },
});
const entry = (rendered: Rendered) => ({ id: 'a', filePath: 'content/articles/a.md', rendered });

describe('keeping an article’s parts apart from the content store', () => {
  it('leaves the store entry only the names of files holding the HTML and the facts, which read back the same', () => {
    const dir = folder();
    const kept = keepPartsApart(dir, render('<p>Tehran said so.</p>', { sourcedWarnings: ['w'] }));
    expect(kept.html).toBe('');
    expect(kept.metadata?.frontmatter).not.toHaveProperty(FACTS_KEY);
    expect(kept.metadata?.frontmatter?.['sourcedWarnings']).toEqual(['w']);
    expect(kept.metadata?.['headings']).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(Object.values(partNames(entry(kept))!).sort());
    expect(articleHtmlOf(entry(kept), dir)).toBe('<p>Tehran said so.</p>');
    const back = articleFactsOf(entry(kept), dir) as typeof facts;
    expect(back).toEqual(facts);
    expect(Object.keys(back.citations.key.properties)).toEqual(['href', 'title']);
  });

  it('gives a changed render a new file name and the same render the same one', () => {
    const dir = folder();
    const first = partNames(entry(keepPartsApart(dir, render('<p>One.</p>'))))!;
    const again = partNames(entry(keepPartsApart(dir, render('<p>One.</p>'))))!;
    const changed = partNames(entry(keepPartsApart(dir, render('<p>Two.</p>'))))!;
    expect(again).toEqual(first);
    expect(changed.html).not.toBe(first.html);
    expect(changed.facts).toBe(first.facts);
    expect(readdirSync(dir)).toHaveLength(3);
  });

  it('keeps a render without HTML as it is, so the loader still reports the article as broken', () => {
    const failed = render('');
    expect(keepPartsApart(folder(), failed)).toBe(failed);
  });

  it('reads an entry that holds its HTML and facts itself, as stores written before this did', () => {
    const old = entry(render('<p>Kept in the store.</p>'));
    expect(partNames(old)).toBeUndefined();
    expect(articleHtmlOf(old, folder())).toBe('<p>Kept in the store.</p>');
    expect(articleFactsOf(old, folder())).toEqual(facts);
  });

  it('finds an entry whose files are gone, and names the article and the file when a page asks for one', () => {
    const dir = folder();
    const kept = entry(keepPartsApart(dir, render('<p>Gone soon.</p>')));
    expect(partsMissing(dir, kept)).toBe(false);
    rmSync(dir, { recursive: true });
    expect(partsMissing(dir, kept)).toBe(true);
    const names = kept.rendered.metadata!.frontmatter![PARTS_KEY] as { html: string };
    expect(() => articleHtmlOf(kept, dir)).toThrow(
      `content/articles/a.md: its rendered HTML is not in the cache folder (${path.join(dir, names.html)}).\nFix: `,
    );
  });

  it('refuses a file whose bytes are not what its name says', () => {
    const dir = folder();
    const kept = entry(keepPartsApart(dir, render('<p>Written.</p>')));
    writeFileSync(path.join(dir, partNames(kept)!.html), '<p>Changed on disk.</p>');
    expect(() => articleHtmlOf(kept, dir)).toThrow(/does not hold what was written\.\nFix: delete/);
  });

  it('refuses a file changed after a page read it, even to the same size', () => {
    const dir = folder();
    const kept = entry(keepPartsApart(dir, render('<p>Written.</p>')));
    expect(articleHtmlOf(kept, dir)).toBe('<p>Written.</p>');
    const file = path.join(dir, partNames(kept)!.html);
    writeFileSync(file, '<p>Altered.</p>');
    // However coarse the file system's clock, the file's time differs from the one first read.
    utimesSync(file, new Date(2001, 0, 1), new Date(2001, 0, 1));
    expect(() => articleHtmlOf(kept, dir)).toThrow(/does not hold what was written/);
  });

  it('hashes a part once however often pages read it while it is unchanged', () => {
    const dir = folder();
    const kept = entry(keepPartsApart(dir, render('<p>Read often.</p>')));
    const hash = vi.mocked(contentKeys.contentKey);
    hash.mockClear();
    for (let i = 0; i < 5; i++) {
      expect(articleHtmlOf(kept, dir)).toBe('<p>Read often.</p>');
      expect(articleFactsOf(kept, dir)).toEqual(facts);
    }
    expect(hash).toHaveBeenCalledTimes(2);
  });

  it('says which variable is unset when a page reads a part without knowing the folder', () => {
    const kept = entry(keepPartsApart(folder(), render('<p>Somewhere.</p>')));
    const saved = process.env['SOURCED_ARTICLE_PARTS_DIR'];
    delete process.env['SOURCED_ARTICLE_PARTS_DIR'];
    try {
      expect(() => articleHtmlOf(kept)).toThrow(/SOURCED_ARTICLE_PARTS_DIR does not say where/);
    } finally {
      if (saved !== undefined) process.env['SOURCED_ARTICLE_PARTS_DIR'] = saved;
    }
  });

  it('prunes the files no entry names and keeps the named ones', () => {
    const dir = folder();
    const keep = partNames(entry(keepPartsApart(dir, render('<p>Kept.</p>'))))!;
    keepPartsApart(dir, render('<p>Old render.</p>'));
    expect(pruneParts(dir, new Set([keep.html, keep.facts!]))).toBe(1);
    expect(readdirSync(dir).sort()).toEqual([keep.html, keep.facts].sort());
  });
});

describe('facts in JSON when JSON holds them exactly', () => {
  // The usual facts: strings, numbers, booleans, plain objects and arrays.
  const plain = {
    ...facts,
    citations: { key: { type: 'element', tagName: 'a', properties: { href: '#b' }, children: [] } },
  };

  it('writes plain facts as JSON, which read back equal', () => {
    const dir = folder();
    const kept = entry(keepPartsApart(dir, render('<p>Plain.</p>', { [FACTS_KEY]: plain })));
    expect(partNames(kept)!.facts).toMatch(/\.json$/);
    expect(JSON.parse(readFileSync(path.join(dir, partNames(kept)!.facts!), 'utf8'))).toEqual(plain);
    expect(articleFactsOf(kept, dir)).toStrictEqual(plain);
  });

  it('writes facts holding an undefined in devalue, so the undefined comes back', () => {
    const dir = folder();
    const kept = entry(keepPartsApart(dir, render('<p>Undefined.</p>')));
    expect(partNames(kept)!.facts).toMatch(/\.facts$/);
    expect(articleFactsOf(kept, dir)).toStrictEqual(facts);
  });

  it('gives no JSON for values JSON would change', () => {
    const holed: unknown[] = [1];
    holed[2] = 3;
    for (const value of [
      { a: undefined },
      [undefined],
      holed,
      { when: new Date(0) },
      { map: new Map([['a', 1]]) },
      { n: Number.NaN },
      { n: Number.POSITIVE_INFINITY },
      { n: -0 },
      { big: 1n },
      { f: () => 1 },
      Object.assign(Object.create(null) as object, { a: 1 }),
      { custom: { toJSON: () => 'x' } },
      { [Symbol('s')]: 1 },
    ])
      expect(
        exactJson(value),
        String(JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? 'big' : v))),
      ).toBeUndefined();
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    expect(exactJson(cycle)).toBeUndefined();
  });

  it('gives JSON that reads back deep-equal for plain values', () => {
    const value = { s: 'x\u2028"', n: [0, 1.5, -2], b: [true, false, null], nested: { a: [{ b: {} }] } };
    expect(JSON.parse(exactJson(value)!)).toStrictEqual(value);
  });

  it('reads facts written in devalue before this change from their .facts files', () => {
    const dir = folder();
    const kept = entry(keepPartsApart(dir, render('<p>Old format.</p>', { [FACTS_KEY]: plain })));
    // A store written by an earlier build names a devalue file: it still reads.
    const old = `${contentKeys.contentKey(stringify(plain))}.facts`;
    writeFileSync(path.join(dir, old), stringify(plain));
    const names = partNames(kept)!;
    const frontmatter = kept.rendered.metadata!.frontmatter!;
    const before = entry({
      ...kept.rendered,
      metadata: { frontmatter: { ...frontmatter, [PARTS_KEY]: { ...names, facts: old } } },
    });
    expect(articleFactsOf(before, dir)).toStrictEqual(plain);
  });
});
