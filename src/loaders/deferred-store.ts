/**
 * A loader's store whose writes reach Astro's store only when the loader is done.
 *
 * Astro's store writes itself to disk, whole (devalue), 500 ms after the last change. A cold
 * build renders articles ten at a time, and any half-second without a finished article (the
 * bibliography formatted once, a collection, another process on the machine) wrote the store
 * again: at 250 articles about six writes, 70% of the store's serialising time and the garbage
 * that goes with it (docs/performance.md, "Cold build time, fourth pass"). Holding the entries
 * back until the load ends leaves one write, at the end of the sync.
 *
 * Reads see the held entries, so a loader that looks an entry up again (the glob loader's
 * digest and duplicate checks) sees what it wrote.
 */
import type { LoaderContext } from 'astro/loaders';

type Store = LoaderContext['store'];
type Entry = Parameters<Store['set']>[0];

export interface DeferredStore {
  /** The store to hand the inner loader. */
  store: Store;
  /** Applies the held deletions and entries, in order, to the real store; later calls pass through. */
  flush: () => void;
}

export function deferStoreWrites(real: Store): DeferredStore {
  let held: Map<string, Entry> | undefined = new Map();
  let deleted = new Set<string>();
  const live = (id: string) => !deleted.has(id) && real.has(id);

  const store: Store = {
    ...real,
    get: ((id: string) => {
      if (!held) return real.get(id);
      const entry = held.get(id);
      if (entry) return entry;
      return live(id) ? real.get(id) : undefined;
    }) as Store['get'],
    has: (id) => (held ? held.has(id) || live(id) : real.has(id)),
    keys: () => (held ? [...new Set([...real.keys().filter(live), ...held.keys()])] : real.keys()),
    entries: () => (held ? store.keys().map((id) => [id, store.get(id)!] as [string, Entry]) : real.entries()),
    values: () => (held ? store.keys().map((id) => store.get(id)!) : real.values()),
    set: (entry) => {
      if (!held) return real.set(entry);
      const id = String(entry.id);
      // As Astro's store: an entry with the digest already stored is not written again.
      const existing = store.get(id);
      if (entry.digest && existing?.digest === entry.digest) return false;
      held.delete(id);
      held.set(id, entry);
      return true;
    },
    delete: (id) => {
      if (!held) return real.delete(id);
      held.delete(id);
      if (real.has(id)) deleted.add(id);
    },
    clear: () => {
      if (held) {
        held.clear();
        deleted = new Set();
      }
      real.clear();
    },
  };

  return {
    store,
    flush: () => {
      if (!held) return;
      const entries = held;
      held = undefined;
      for (const id of deleted) real.delete(id);
      deleted = new Set();
      for (const entry of entries.values()) real.set(entry);
    },
  };
}
