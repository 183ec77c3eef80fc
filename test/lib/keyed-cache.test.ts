// Results kept between builds by content key: only what the last run used is kept, a file from
// another version of the code is ignored, and a torn line costs that entry only.
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contentKey, KeyedCache } from '../../src/lib/keyed-cache';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sourced-keyed-cache-'));
  file = path.join(dir, 'sub', 'cache.jsonl');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const lines = () => readFileSync(file, 'utf8').trimEnd().split('\n');

describe('KeyedCache', () => {
  it('gives back in the next run what this run set, under the same version', () => {
    const first = new KeyedCache<{ n: number }>(file, 'v1');
    expect(first.get('a')).toBeUndefined();
    first.set('a', { n: 1 });
    first.set('b', { n: 2 });
    first.save();
    const second = new KeyedCache<{ n: number }>(file, 'v1');
    expect(second.size).toBe(2);
    expect([...second.keys()].sort()).toEqual(['a', 'b']);
    expect(second.get('a')).toEqual({ n: 1 });
    expect(second.get('c')).toBeUndefined();
  });

  it('ignores a file written under another version', () => {
    const first = new KeyedCache<number>(file, 'v1');
    first.set('a', 1);
    first.save();
    const other = new KeyedCache<number>(file, 'v2');
    expect(other.get('a')).toBeUndefined();
    other.set('b', 2);
    other.save();
    expect(lines()).toEqual([JSON.stringify({ version: 'v2' }), JSON.stringify(['b', 2])]);
  });

  it('appends new entries while most of the file is in use, and rewrites it with the used entries once not', () => {
    const first = new KeyedCache<number>(file, 'v');
    for (const k of ['a', 'b', 'c', 'd']) first.set(k, k.charCodeAt(0));
    first.save();
    // Uses all four and adds one: appended.
    const second = new KeyedCache<number>(file, 'v');
    for (const k of ['a', 'b', 'c', 'd']) second.get(k);
    second.set('e', 101);
    second.save();
    expect(lines()).toHaveLength(1 + 5);
    // Uses one and adds one: six stale lines against two used, so rewritten.
    const third = new KeyedCache<number>(file, 'v');
    expect(third.get('e')).toBe(101);
    third.set('f', 102);
    third.save();
    expect(lines()).toEqual([JSON.stringify({ version: 'v' }), JSON.stringify(['e', 101]), JSON.stringify(['f', 102])]);
  });

  it('skips a torn last line and keeps the entries before it', () => {
    const first = new KeyedCache<string>(file, 'v');
    first.set('a', 'kept');
    first.save();
    appendFileSync(file, '["b","torn');
    const second = new KeyedCache<string>(file, 'v');
    expect(second.get('a')).toBe('kept');
    expect(second.get('b')).toBeUndefined();
  });

  it('keeps nothing without a file', () => {
    const none = new KeyedCache<number>(undefined, 'v');
    none.set('a', 1);
    none.save();
    expect(new KeyedCache<number>(undefined, 'v').get('a')).toBeUndefined();
  });

  it('keys content by its bytes, the same for a string and its UTF-8 encoding', () => {
    writeFileSync(path.join(dir, 'x'), 'é');
    expect(contentKey('é')).toBe(contentKey(readFileSync(path.join(dir, 'x'))));
    expect(contentKey('é')).not.toBe(contentKey('e'));
  });
});

describe('a lazy KeyedCache', () => {
  /** A file of four entries, written by an eager cache. */
  const written = () => {
    const first = new KeyedCache<{ n: number }>(file, 'v');
    for (const [i, k] of ['a', 'b', 'c', 'd'].entries()) first.set(k, { n: i });
    first.save();
  };

  it('parses only the entries it is asked for, and gives them back as an eager cache does', () => {
    written();
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const lazy = new KeyedCache<{ n: number }>(file, 'v', { lazy: true });
      expect(lazy.size).toBe(4);
      expect([...lazy.keys()].sort()).toEqual(['a', 'b', 'c', 'd']);
      expect(lazy.get('c')).toEqual({ n: 2 });
      expect(lazy.get('c')).toEqual({ n: 2 });
      expect(lazy.get('e')).toBeUndefined();
      expect(parse).toHaveBeenCalledTimes(1);
    } finally {
      parse.mockRestore();
    }
  });

  it('writes entries kept unread back as they were, when it rewrites the file', () => {
    written();
    const before = lines();
    const lazy = new KeyedCache<{ n: number }>(file, 'v', { lazy: true });
    expect(lazy.keep('b')).toBe(true);
    expect(lazy.keep('e')).toBe(false);
    lazy.set('e', { n: 9 });
    // Two of five in use: the file is rewritten with those two.
    lazy.save();
    expect(lines()).toEqual([before[0], before[2], JSON.stringify(['e', { n: 9 }])]);
    expect(new KeyedCache<{ n: number }>(file, 'v').get('b')).toEqual({ n: 1 });
  });

  it('gives nothing for a torn line, and keeps the value set for it in its place', () => {
    written();
    appendFileSync(file, '["t",{"n":');
    const lazy = new KeyedCache<{ n: number }>(file, 'v', { lazy: true });
    expect(lazy.get('t')).toBeUndefined();
    lazy.set('t', { n: 7 });
    // One entry of five in use: the file is rewritten, with the new value, not the torn line.
    lazy.save();
    expect(lines()).toHaveLength(2);
    expect(new KeyedCache<{ n: number }>(file, 'v').get('t')).toEqual({ n: 7 });
  });
});
