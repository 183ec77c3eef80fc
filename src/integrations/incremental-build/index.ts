/**
 * Rebuild only what changed (issue 17, decision 1; docs/performance.md). Astro has no
 * incremental output, so this works around it:
 *
 * 1. at start-up, compares the manifest of the last successful build (in the cache folder) with
 *    the inputs on disk (./plan.ts): a changed global input, no manifest or no previous output is
 *    a cold build; otherwise only the changed articles' own pages render
 *    (collections/render-only.ts), and every page that lists across articles renders in full;
 * 2. once Astro has written the pages and the claim pages of the articles it rendered are cut,
 *    and before any step that reads the whole site, puts the unchanged articles' folders back
 *    from the previous output kept in the cache folder, or moves them back whole from the last
 *    output folder, which Astro would have emptied and which is set aside instead (setAside);
 * 3. gives the sitemap the unchanged articles' pages too;
 * 4. after every check has passed, keeps the complete output and a new manifest in the cache.
 *
 * A cold build also drops Astro's content store, so every article's Markdown renders again.
 * SOURCED_COLD=1 (or `npm run build -- --cold`) forces a cold build. The post-build integration
 * (../post-build) calls these steps in order.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { RENDER_ONLY_VARIABLE } from '../../collections/render-only';
import { keptStamp, linkTree } from './keep-output.mjs';
import { WORKER_RESOURCE_LIMITS } from '../../lib/worker-limits';
import { articleFiles, articleId, entryUser, fileHash, globalInputs, readEntries } from './inputs';
import { describePlan, MANIFEST_VERSION, plan, type ArticleRecord, type Manifest, type Plan } from './plan';

export const COLD_VARIABLE = 'SOURCED_COLD';

interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

interface Page {
  pathname: string;
}

/** Where the manifest and the previous output live, inside Astro's cache folder. */
export const cachePaths = (cacheDir: string) => {
  const dir = path.join(cacheDir, 'sourced-incremental');
  return {
    dir,
    manifest: path.join(dir, 'manifest.json'),
    output: path.join(dir, 'previous-output'),
    renderOnly: path.join(dir, 'render-only.json'),
    // The last output folder, set aside while the build writes a new one (setAside).
    lastOutput: path.join(dir, 'last-output'),
    // Astro's content store (content/paths.js): each entry's rendered HTML, keyed by its file.
    contentStore: path.join(cacheDir, 'data-store.json'),
  };
};

const pageKey = (pathname: string) => pathname.replace(/^\/+/, '');

/**
 * Each article folder's pages (those under articles/<id>/), in the order given, for ids without
 * a "/" (keepForNextBuild keeps no manifest otherwise). One pass over the pages: filtering all
 * of them again for each article took most of a second at 1,000 articles (docs/performance.md).
 */
export function pagesByArticle(pathnames: readonly string[]): Map<string, string[]> {
  const byId = new Map<string, string[]>();
  for (const pathname of pathnames) {
    const id = /^articles\/([^/]+)\//.exec(pageKey(pathname))?.[1];
    if (id === undefined) continue;
    let own = byId.get(id);
    if (!own) byId.set(id, (own = []));
    own.push(pathname);
  }
  return byId;
}

function readManifest(file: string): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/** True when `inner` is `outer` or inside it. */
function within(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

export { keptStamp } from './keep-output.mjs';

/** The worker that keeps the output (keep-worker.mjs), found beside this module. */
const KEEP_WORKER = fileURLToPath(new URL('./keep-worker.mjs', import.meta.url));

/**
 * keep-output.mjs keepAndStamp on a worker thread: the kept output's links and the stamps of
 * the `stamped` articles' kept folders, made while the caller goes on.
 */
function keepInWorker(job: { outDir: string; kept: string; unchanged?: string[]; stamped: string[] }) {
  return new Promise<Record<string, string>>((resolve, reject) => {
    const worker = new Worker(KEEP_WORKER, { workerData: job, resourceLimits: WORKER_RESOURCE_LIMITS });
    let settled = false;
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      done();
    };
    worker.on('message', ({ stamps, error }: { stamps?: Record<string, string>; error?: string }) =>
      settle(() =>
        stamps
          ? resolve(stamps)
          : reject(new Error(`incremental: keeping the output failed:\n${error ?? 'no result'}`)),
      ),
    );
    worker.on('error', (e: Error) => settle(() => reject(e)));
    worker.on('exit', () => settle(() => reject(new Error('incremental: the worker keeping the output stopped.'))));
  });
}

export function incrementalBuild() {
  let root = '';
  let paths = cachePaths('');
  let current: Plan = { cold: true, reason: 'not planned' };
  let previous: Manifest | undefined;
  let global = { hash: '', parts: {} as Record<string, string> };
  let fileHashes = new Map<string, string>();
  let entries = new Map<string, string>();
  let texts = new Map<string, string>();
  /** The last output folder, when setAside moved it into the cache folder. */
  let aside: string | undefined;
  /** Its deletion, under way on libuv's threads while the build goes on. */
  let discarding: Promise<unknown> | undefined;
  const discardAside = () => {
    if (aside && !discarding) discarding = rm(aside, { recursive: true, force: true, maxRetries: 3 });
  };

  /** The complete output and its manifest, for the next build (save). */
  async function keepForNextBuild(
    outDir: string,
    pages: Page[],
    logger: Logger,
    pageKeys?: ReadonlyMap<string, string>,
  ): Promise<void> {
    if (!root) return;
    // A crash from here on leaves no manifest, so the next build is cold.
    rmSync(paths.manifest, { force: true });
    rmSync(paths.renderOnly, { force: true });
    const files = articleFiles(root);
    const ids = new Map(files.map((f) => [f, articleId(f)]));
    const folders = existsSync(path.join(outDir, 'articles')) ? readdirSync(path.join(outDir, 'articles')) : [];
    const known = new Set(ids.values());
    const strays = folders.filter((f) => !known.has(f));
    if (strays.length || [...known].some((id) => id.includes('/'))) {
      logger.warn(
        `incremental: articles/${strays[0] ?? ''} is not where this build expects an article's pages; the next build will be cold.`,
      );
      rmSync(paths.output, { recursive: true, force: true });
      return;
    }
    const clean = new Set(current.cold ? [] : current.clean);
    // An unchanged article's record is the last build's (below), its folder the one it names.
    const idOf = (file: string) => (clean.has(file) ? previous?.articles[file]?.id : undefined) ?? ids.get(file)!;
    // The output's links are made on a worker thread while this one reads the articles.
    const keeping = keepInWorker({
      outDir,
      kept: paths.output,
      ...(current.cold ? {} : { unchanged: [...clean].map(idOf) }),
      stamped: files.filter((file) => !clean.has(file)).map(idOf),
    });
    // Awaited below; a failure meanwhile is not an unhandled rejection.
    keeping.catch(() => undefined);
    const articles: Record<string, ArticleRecord> = {};
    try {
      const pagesOf = pagesByArticle(pages.map((p) => p.pathname));
      /** The scan's content keys of the articles' pages, by folder. */
      const byFolder = pageKeys && new Map<string, Record<string, string>>();
      for (const [page, key] of pageKeys ?? []) {
        const id = /^articles\/([^/]+)\//.exec(page)?.[1];
        if (id === undefined) continue;
        let keys = byFolder!.get(id);
        if (!keys) byFolder!.set(id, (keys = {}));
        keys[page] = key;
      }
      const usedEntries = entryUser(entries.keys(), texts);
      for (const file of files) {
        // An unchanged article's page and inputs are those the last build recorded.
        const kept = clean.has(file) ? previous?.articles[file] : undefined;
        if (kept) {
          articles[file] = kept;
          continue;
        }
        const id = ids.get(file)!;
        const page = path.join(outDir, 'articles', id, 'index.html');
        const own = [readFileSync(path.join(root, file), 'utf8')];
        if (existsSync(page)) own.push(readFileSync(page, 'utf8'));
        const uses = Object.fromEntries(usedEntries(own).map((k) => [k, entries.get(k) ?? 'absent']));
        // The hashes read at start-up: what this build rendered from, even if a file changed since.
        const record = { id, file: fileHashes.get(file) ?? 'absent', uses, pages: pagesOf.get(id) ?? [] };
        const keys = byFolder?.get(id);
        articles[file] = { ...record, kept: '', ...(byFolder ? { pageKeys: keys ?? {} } : {}) };
      }
    } finally {
      // Not a word more until the worker is done: an error here is reported once it is.
      await keeping.catch(() => undefined);
    }
    const stamps = await keeping;
    // An unchanged article keeps the stamp the plan checked; its files are the same ones.
    for (const file of files) if (!clean.has(file)) articles[file]!.kept = stamps[ids.get(file)!]!;
    const manifest: Manifest = {
      version: MANIFEST_VERSION,
      global: global.hash,
      globalParts: global.parts,
      articles,
    };
    writeFileSync(`${paths.manifest}.new`, JSON.stringify(manifest));
    renameSync(`${paths.manifest}.new`, paths.manifest);
    logger.info(`incremental: output and manifest of ${files.length} articles kept for the next build`);
  }

  return {
    /** Step 1, at astro:config:setup: decides what renders and says so. */
    plan({ config, command, logger }: { config: { root: URL; cacheDir: URL }; command: string; logger: Logger }) {
      Reflect.deleteProperty(process.env, RENDER_ONLY_VARIABLE);
      if (command !== 'build') return;
      root = fileURLToPath(config.root);
      paths = cachePaths(fileURLToPath(config.cacheDir));
      global = globalInputs(root, process.env, { once: true });
      previous = readManifest(paths.manifest);
      fileHashes = new Map(articleFiles(root).map((f) => [f, fileHash(root, f)]));
      ({ hashes: entries, texts } = readEntries(root));
      const forced = ['1', 'true', 'yes'].includes((process.env[COLD_VARIABLE] ?? '').toLowerCase());
      current = forced
        ? { cold: true, reason: `${COLD_VARIABLE} is set` }
        : previous && !existsSync(paths.output)
          ? { cold: true, reason: 'no previous output in the cache folder' }
          : plan(previous, {
              global: global.hash,
              globalParts: global.parts,
              files: fileHashes,
              entries,
              keptStamp: (id) => keptStamp(path.join(paths.output, 'articles', id)),
            });
      logger.info(describePlan(current));
      if (current.cold) {
        // Astro re-renders an entry only when its file changes, and cannot see our remark and
        // rehype plugins change (they are functions in its config), so a kept store would serve
        // renders from the old code. A cold build renders every article's Markdown afresh.
        rmSync(paths.contentStore, { force: true });
        return;
      }
      mkdirSync(paths.dir, { recursive: true });
      writeFileSync(paths.renderOnly, JSON.stringify(current.dirty));
      process.env[RENDER_ONLY_VARIABLE] = paths.renderOnly;
    },

    /**
     * The version of everything that can change any page (the global hash: code, settings,
     * Node), for caches of results computed from pages; undefined before the plan.
     */
    codeVersion(): string | undefined {
      return global.hash || undefined;
    },

    /** The last build's complete output, on an incremental build only (a cold build reuses nothing). */
    previousOutput(): string | undefined {
      return current.cold || !previous ? undefined : paths.output;
    },

    /**
     * At astro:build:start, just before Astro empties the output folder (deleting every file,
     * on the main thread: 32,000 files at 1,000 articles): moves the folder whole into the cache
     * folder instead. An incremental build moves the unchanged articles' folders back from it
     * (merge); the rest is deleted off the main thread while the build goes on. Left to Astro
     * when the move cannot be made (another device) or the folder holds a repository (.git,
     * which Astro means to keep).
     */
    setAside(outDir: string) {
      if (!root || !existsSync(outDir) || existsSync(path.join(outDir, '.git'))) return;
      if (within(outDir, paths.dir) || within(outDir, root)) return;
      // Left by a build that stopped before deleting it.
      rmSync(paths.lastOutput, { recursive: true, force: true });
      mkdirSync(paths.dir, { recursive: true });
      try {
        renameSync(outDir, paths.lastOutput);
      } catch {
        return;
      }
      aside = paths.lastOutput;
      if (current.cold || !previous) discardAside();
    },

    /**
     * Step 2, at astro:build:generated, first: the unchanged articles' folders, from the previous
     * output. A folder of the last output folder (setAside) whose files' names, sizes and times
     * are still those the kept folder had (its stamp in the manifest) holds the same files, hard
     * links to them, so it is moved back whole; otherwise the kept folder is linked file by file.
     */
    merge(outDir: string, logger: Logger) {
      if (current.cold || !previous) return;
      let linked = 0;
      let moved = 0;
      for (const file of current.clean) {
        const { id, kept } = previous.articles[file]!;
        const from = path.join(paths.output, 'articles', id);
        // A draft has no pages.
        if (!existsSync(from)) continue;
        const to = path.join(outDir, 'articles', id);
        if (existsSync(to)) throw new Error(`incremental build: ${to} was rendered although ${file} is unchanged.`);
        const last = aside && path.join(aside, 'articles', id);
        if (last && existsSync(last) && keptStamp(last) === kept) {
          mkdirSync(path.dirname(to), { recursive: true });
          renameSync(last, to);
          moved++;
        } else linkTree(from, to);
        linked++;
      }
      discardAside();
      logger.info(
        `incremental: ${linked} unchanged articles' pages taken from the previous output` +
          (aside ? ` (${moved} moved from the last output folder)` : ''),
      );
    },

    /**
     * For the end-of-build scan: the content keys of the unchanged articles' pages, which the
     * merge linked from the previous output after the plan checked their folders' stamps.
     */
    keptPageKeys(): Map<string, string> | undefined {
      if (current.cold || !previous) return undefined;
      const keys = new Map<string, string>();
      for (const file of current.clean)
        for (const [page, key] of Object.entries(previous.articles[file]!.pageKeys ?? {})) keys.set(page, key);
      return keys;
    },

    /** Step 3, for the sitemap: Astro's pages plus the unchanged articles' pages. */
    pages<P extends Page>(pages: P[]): P[] {
      if (current.cold || !previous) return pages;
      const kept = current.clean.flatMap((file) => previous!.articles[file]!.pages.map((pathname) => ({ pathname })));
      return [...pages, ...(kept as P[])];
    },

    /** Step 4, at the very end: the complete output and its manifest, for the next build. */
    async save(outDir: string, pages: Page[], logger: Logger, pageKeys?: ReadonlyMap<string, string>) {
      // The last output folder's deletion has been going on since the merge; it ends here.
      discardAside();
      try {
        await keepForNextBuild(outDir, pages, logger, pageKeys);
      } finally {
        const error = await discarding?.then(
          () => undefined,
          (e: unknown) => (e instanceof Error ? e.message : 'an unknown error'),
        );
        if (error) logger.warn(`incremental: could not delete ${paths.lastOutput}: ${error}`);
      }
    },
  };
}
