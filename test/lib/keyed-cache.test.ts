// Results kept between builds by content key: only what the last run used is kept, a file from
// another version of the code is ignored, and a torn line costs that entry only.
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
