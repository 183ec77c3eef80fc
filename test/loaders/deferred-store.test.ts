// A build's loader store: entries reach Astro's store once, when the loader is done.
import { describe, expect, it } from 'vitest';
import type { LoaderContext } from 'astro/loaders';
import { deferStoreWrites } from '../../src/loaders/deferred-store';

type Store = LoaderContext['store'];
type Entry = Parameters<Store['set']>[0];

/** A stand-in for Astro's scoped store that records every write it receives. */
function recordingStore(initial: Entry[] = []) {
  const map = new Map(initial.map((e) => [e.id, e]));
  const writes: string[] = [];
  const store = {
    get: (id: string) => map.get(id),
    has: (id: string) => map.has(id),
    keys: () => [...map.keys()],
    values: () => [...map.values()],
    entries: () => [...map.entries()],
    set: (entry: Entry) => {
      if (entry.digest && map.get(entry.id)?.digest === entry.digest) return false;
      writes.push(`set ${entry.id}`);
      map.set(entry.id, entry);
      return true;
    },
    delete: (id: string) => {
      writes.push(`delete ${id}`);
      map.delete(id);
    },
    clear: () => {
      writes.push('clear');
      map.clear();
    },
    addModuleImport: () => {},
  } as unknown as Store;
  return { store, writes, map };
}

describe('a deferred loader store', () => {
  it('holds every write back until it is flushed, then applies them in order', () => {
    const real = recordingStore([{ id: 'old', data: {} }]);
    const { store, flush } = deferStoreWrites(real.store);
    store.set({ id: 'a', data: { n: 1 } });
    store.set({ id: 'b', data: { n: 2 } });
    store.delete('old');
    expect(real.writes).toEqual([]);
    flush();
    expect(real.writes).toEqual(['delete old', 'set a', 'set b']);
    expect([...real.map.keys()].sort()).toEqual(['a', 'b']);
  });

  it('reads back what it holds, and no longer sees what it deleted', () => {
    const real = recordingStore([
      { id: 'kept', data: {} },
      { id: 'gone', data: {} },
    ]);
    const { store } = deferStoreWrites(real.store);
    store.set({ id: 'new', data: { n: 1 }, filePath: 'content/articles/new.md' });
    store.delete('gone');
    expect(store.get('new')?.filePath).toBe('content/articles/new.md');
    expect(store.has('new')).toBe(true);
    expect(store.has('gone')).toBe(false);
    expect(store.get('gone')).toBeUndefined();
    expect(store.keys().sort()).toEqual(['kept', 'new']);
    expect(
      store
        .values()
        .map((e) => e.id)
        .sort(),
    ).toEqual(['kept', 'new']);
  });

  it('skips an entry whose digest the store already has, as Astro’s store does', () => {
    const real = recordingStore([{ id: 'a', data: {}, digest: 'd1' }]);
    const { store, flush } = deferStoreWrites(real.store);
    expect(store.set({ id: 'a', data: {}, digest: 'd1' })).toBe(false);
    expect(store.set({ id: 'a', data: {}, digest: 'd2' })).toBe(true);
    flush();
    expect(real.writes).toEqual(['set a']);
    expect(real.map.get('a')?.digest).toBe('d2');
  });

  it('passes writes straight through once flushed', () => {
    const real = recordingStore();
    const { store, flush } = deferStoreWrites(real.store);
    flush();
    store.set({ id: 'late', data: {} });
    expect(real.writes).toEqual(['set late']);
  });
});
