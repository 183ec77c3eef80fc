/**
 * Makes the build read Astro's content store from a file instead of compiling it as code.
 *
 * In a build, Astro puts the whole content store into the page bundle as one string literal,
 * `export default JSON.parse("…")`. V8's time to compile a literal grows faster than its size:
 * about 2 s for 29 MB, 5.6 s for 48 MB and 18 s for 97 MB (1,000 articles) here, and bundling it
 * costs seconds more (docs/performance.md). This rewrites that module, before it is bundled, to
 * read the same JSON from a file when it runs, which takes under a second. When the module does
 * not have that shape (an empty store, or a future Astro), it is left alone, with a warning.
 * Builds only: the dev server loads the store its own way.
 *
 * It also lets go of the copy of the store that Astro's content sync keeps (releaseSyncedStore):
 * pages read theirs from the file, and a build holding both held the store twice
 * (docs/performance.md, "Issue 17"). And the sync writes that file piece by piece
 * (streamStoreWrites, store-file.ts) rather than as one string, once, when the sync ends
 * (writeStoreAtSyncEnd).
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { collectGarbage } from '../../lib/collect-garbage';
import { UnsupportedValue, writeStoreFile } from './store-file';

const STORE_MODULE = '\0astro:data-layer-content';
const PREFIX = 'export default JSON.parse(';
const SUFFIX = ')';

/** The JSON text of a store module with Astro's shape, or undefined for any other shape. */
export function storeJson(code: string): string | undefined {
  const body = code.trim();
  if (!body.startsWith(PREFIX) || !body.endsWith(SUFFIX)) return undefined;
  try {
    const text: unknown = JSON.parse(body.slice(PREFIX.length, -SUFFIX.length));
    return typeof text === 'string' ? text : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The module that replaces it: the store read from `file` when imported, already unflattened.
 * Astro's runtime takes a Map as it is and unflattens an array; exporting the array would keep
 * the whole flattened copy alive, as the module's value, beside the Map made from it for the
 * whole build (docs/performance.md, "Memory, fifth pass").
 */
export const storeModule = (file: string): string =>
  `import { readFileSync } from 'node:fs';\nimport { unflatten } from 'devalue';\n` +
  `export default unflatten(JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8')));\n`;

/** One of Astro's modules, from its dist/ folder beside its entry point. */
function astroModule(root: string, ...file: string[]): unknown {
  // Node's own require, not an import: this module runs in Vite's config loader, whose
  // import() is closed by now and would load a second copy rather than Astro's.
  const require = createRequire(path.join(root, 'package.json'));
  return require(path.join(path.dirname(require.resolve('astro')), ...file));
}

interface ContentLayerSingleton {
  get: () => unknown;
  dispose: () => void;
}

/**
 * Drops the content layer that synced the store, and with it the sync's copy of the store.
 * After the sync a build never uses it: pages read the store module, and only the dev server
 * syncs again. Astro does not export the singleton that holds it, so this finds Astro's own
 * module beside its entry point; when that module has another shape (a future Astro), the
 * build goes on holding both copies, with a warning.
 */
export function releaseSyncedStore(root: string, logger: AstroIntegrationLogger): void {
  const keep = (why: string) =>
    logger.warn(`The content sync's copy of the store stays in memory (${why}); the build holds the store twice.`);
  let layer: Partial<ContentLayerSingleton> | undefined;
  try {
    layer = (astroModule(root, 'content', 'instance.js') as { globalContentLayer?: Partial<ContentLayerSingleton> })
      .globalContentLayer;
  } catch (e) {
    keep(e instanceof Error ? e.message : String(e));
    return;
  }
  if (typeof layer?.get !== 'function' || typeof layer.dispose !== 'function') {
    keep('astro/dist/content/instance.js has no globalContentLayer with get and dispose');
    return;
  }
  // Nothing there: no collections, or not the module instance Astro itself loaded.
  if (layer.get() == null) return;
  layer.dispose();
}

type Collections = Map<string, Map<string, unknown>>;

interface FileWriterClass {
  prototype: { target: URL | string; write: (this: { target: URL | string }, c: Collections) => Promise<boolean> };
}

const STREAMED = Symbol.for('sourced:streamed-store-writes');

/** The store as Astro's writer orders it: collections and their entries sorted by key. */
const sorted = (collections: Collections): Collections => {
  const byKey = <V>(entries: Iterable<[string, V]>) => [...entries].sort(([a], [b]) => a.localeCompare(b));
  return new Map(byKey(collections).map(([name, entries]) => [name, new Map(byKey(entries))]));
};

/**
 * Makes Astro's single-file store writer write the file piece by piece (store-file.ts). Its
 * writer is not exported, so this replaces the `write` of the class Astro's own module defines;
 * when that module has another shape (a future Astro), the store is written Astro's way, with a
 * warning. A store holding a value the streamed writer does not know is written Astro's way too.
 */
export function streamStoreWrites(root: string, logger: AstroIntegrationLogger): void {
  let writer: FileWriterClass | undefined;
  try {
    writer = (astroModule(root, 'content', 'data-store-writer.js') as { FileWriter?: FileWriterClass }).FileWriter;
  } catch (e) {
    logger.warn(`The content store is written as one string (${e instanceof Error ? e.message : String(e)}).`);
    return;
  }
  const proto = writer?.prototype;
  const target = proto && Object.getOwnPropertyDescriptor(proto, 'target');
  if (typeof proto?.write !== 'function' || typeof target?.get !== 'function') {
    logger.warn(
      'The content store is written as one string (astro/dist/content/data-store-writer.js has no FileWriter with write and target).',
    );
    return;
  }
  const astroWrite = proto.write as FileWriterClass['prototype']['write'] & { [STREAMED]?: true };
  if (astroWrite[STREAMED]) return;
  const write = async function (this: { target: URL | string }, collections: Collections) {
    const file = this.target instanceof URL ? fileURLToPath(this.target) : this.target;
    try {
      return writeStoreFile(file, sorted(collections));
    } catch (e) {
      if (!(e instanceof UnsupportedValue)) throw e;
      logger.warn(`The content store holds ${e.message}; it is written as one string.`);
      return astroWrite.call(this, collections);
    }
  };
  proto.write = Object.assign(write, { [STREAMED]: true as const });
}

interface DataStoreClass {
  prototype: {
    writeToDisk: (this: object) => Promise<void>;
    waitUntilSaveComplete: (this: object) => Promise<void>;
  };
}

const AT_SYNC_END = Symbol.for('sourced:store-written-at-sync-end');

/**
 * Makes a build write the content store once, when the sync ends, instead of each time the sync
 * pauses. Astro writes the whole store 500 ms after its last change; a build's sync pauses
 * often (the bibliography's formatting, a loaded machine), so a 250-article sync wrote it six to
 * seven times, about 3.8 s of the main thread and its garbage (docs/performance.md, "Cold build
 * time, sixth pass"). Only the last write is read. Astro ends the sync with
 * `waitUntilSaveComplete`; a write asked for at any other time is left undone, with the store
 * still marked changed, so that call writes it. Builds only: the dev server reads every write.
 * When Astro's store has another shape (a future Astro), it writes as before, with a warning.
 */
export function writeStoreAtSyncEnd(root: string, logger: AstroIntegrationLogger): void {
  let store: DataStoreClass | undefined;
  try {
    store = (astroModule(root, 'content', 'mutable-data-store.js') as { MutableDataStore?: DataStoreClass })
      .MutableDataStore;
  } catch (e) {
    logger.warn(
      `The content store is written each time the sync pauses (${e instanceof Error ? e.message : String(e)}).`,
    );
    return;
  }
  const proto = store?.prototype;
  if (typeof proto?.writeToDisk !== 'function' || typeof proto.waitUntilSaveComplete !== 'function') {
    logger.warn(
      'The content store is written each time the sync pauses (astro/dist/content/mutable-data-store.js has no MutableDataStore with writeToDisk and waitUntilSaveComplete).',
    );
    return;
  }
  const astroWrite = proto.writeToDisk as DataStoreClass['prototype']['writeToDisk'] & { [AT_SYNC_END]?: true };
  if (astroWrite[AT_SYNC_END]) return;
  const astroWait = proto.waitUntilSaveComplete;
  const ending = new WeakSet<object>();
  const writeToDisk = function (this: object) {
    return ending.has(this) ? astroWrite.call(this) : Promise.resolve();
  };
  proto.writeToDisk = Object.assign(writeToDisk, { [AT_SYNC_END]: true as const });
  proto.waitUntilSaveComplete = async function (this: object) {
    ending.add(this);
    try {
      await astroWait.call(this);
      // Astro's wait returns at once when no save is pending, as when the skipped write was the
      // last one asked for; the store is still marked changed then, and written here.
      await astroWrite.call(this);
    } finally {
      ending.delete(this);
    }
  };
}

export function contentStoreFromDisk(): AstroIntegration {
  let root = '';
  return {
    name: 'sourced:content-store-from-disk',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, logger }) => {
        if (command !== 'build') return;
        root = fileURLToPath(config.root);
        // Before the content sync, which writes the store.
        streamStoreWrites(root, logger);
        writeStoreAtSyncEnd(root, logger);
        const file = path.join(fileURLToPath(config.cacheDir), 'sourced-content-store.json');
        // The file Astro's content sync writes and its store module embeds (single-file storage).
        const synced = path.join(fileURLToPath(config.cacheDir), 'data-store.json');
        const singleFile = (config.experimental.collectionStorage ?? 'single-file') === 'single-file';
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'sourced:content-store-from-disk',
                apply: 'build',
                // Ahead of Astro's own load, which reads the file, parses it to check it, and
                // quotes it into a literal: three transient copies, the largest allocation of a
                // 1,000-article build (2.5 GiB while bundling). Copied, not read, so the store
                // never passes through this process as a string.
                load: {
                  order: 'pre',
                  handler(id: string) {
                    if (id !== STORE_MODULE || !singleFile || !existsSync(synced)) return null;
                    mkdirSync(path.dirname(file), { recursive: true });
                    copyFileSync(synced, file);
                    return { code: storeModule(file), map: { mappings: '' } };
                  },
                },
                // Another shape of Astro's store module (should the load above not run first).
                transform(code: string, id: string) {
                  if (id !== STORE_MODULE || code.trim() === 'export default new Map()' || code === storeModule(file))
                    return null;
                  const json = storeJson(code);
                  if (json === undefined) {
                    logger.warn('The content store module has a shape this does not know; bundling it as it is.');
                    return null;
                  }
                  mkdirSync(path.dirname(file), { recursive: true });
                  writeFileSync(file, json);
                  return { code: storeModule(file), map: { mappings: '' } };
                },
              },
            ],
          },
        });
      },
      // The sync is over when the build starts; pages have not loaded their copy yet.
      // Collected at once, with the Markdown stage's garbage, before pages load their copy.
      'astro:build:start': ({ logger }) => {
        if (!root) return;
        releaseSyncedStore(root, logger);
        collectGarbage();
      },
    },
  };
}
