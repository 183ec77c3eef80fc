/**
 * Astro's glob loader, failing the build when an article does not render.
 *
 * The glob loader only logs a Markdown render error and stores the entry without its HTML, so a
 * broken article would lose its claims silently, and on the next build, with the cache kept, it
 * would not even log. After loading, this finds every entry without HTML, runs the Markdown
 * stage over just those files to list their problems (file, line, id, fix) and throws. Running
 * the Markdown stage here, not over every article up front, keeps the build to one parse per
 * article (docs/performance.md).
 *
 * The render's bulky parts (its HTML and text facts) go to files of their own in the cache folder
 * as each article is stored, and the store keeps their names (src/collections/article-parts.ts):
 * Astro rewrites and reloads the whole store at every build. An entry whose files are gone is
 * rendered again.
 *
 * Each problem is printed once: the glob loader's own "Error rendering" line for an article
 * whose problems this reports is held back, and the warnings (raw HTML) the render stored with
 * each article are printed together, grouped by file.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { glob } from 'astro/loaders';
import {
  PARTS_DIR_VARIABLE,
  PARTS_FOLDER,
  keepPartsApart,
  partNames,
  partsMissing,
  pruneParts,
} from '../collections/article-parts';
import { collectGarbage } from '../lib/collect-garbage';
import { ContentError, formatProblems, type ContentProblem } from '../lib/problems';
import { WARNINGS_KEY } from '../lib/vfile-problems';
import { bodyProblems } from '../validation/validate';

type LoaderContext = Parameters<Loader['load']>[0];
/** Astro passes its loaders more than it declares; the glob loader reads these. */
interface EntryType {
  getEntryInfo(params: { fileUrl: URL; contents: string }): unknown;
}
type EntryTypes = Map<string, EntryType>;

/**
 * The context's entry types, each reading no frontmatter for a file whose bytes are those the
 * store already holds. The glob loader parses every file's frontmatter before it compares the
 * file's digest with the stored one and skips the entry, and on a warm build that was every
 * unchanged article's YAML parsed for nothing (docs/performance.md, "Warm rebuild, fourth
 * pass"). Such a file gets its stored id as its `slug`, which is the id the loader then gives it,
 * finds stored with the same digest, and leaves as it is. Only while `loading`: a file edited
 * under `astro dev` goes the loader's own way.
 */
function skipUnchanged(context: LoaderContext, loading: () => boolean): EntryTypes | undefined {
  const types = (context as LoaderContext & { entryTypes?: EntryTypes }).entryTypes;
  if (!types) return undefined;
  const root = fileURLToPath(context.config.root);
  const stored = new Map<string, string>();
  for (const entry of context.store.values())
    if (entry.filePath) stored.set(path.resolve(root, entry.filePath), entry.id);
  if (stored.size === 0) return types;
  const wrap = (type: EntryType): EntryType => ({
    ...type,
    getEntryInfo: (params: { fileUrl: URL; contents: string }) => {
      const id = loading() ? stored.get(fileURLToPath(params.fileUrl)) : undefined;
      const entry = id === undefined ? undefined : context.store.get(id);
      if (entry?.digest !== undefined && entry.digest === context.generateDigest(params.contents))
        return { data: { slug: entry.id }, body: '', slug: entry.id, rawData: '' };
      return type.getEntryInfo(params);
    },
  });
  return new Map([...types].map(([ext, type]) => [ext, wrap(type)]));
}

type Store = LoaderContext['store'];

/**
 * The store the glob loader is given: each render's parts written to `dir` as the entry is
 * stored, the store keeping their names. Everything else is the store's own.
 */
function partsApart(store: Store, dir: string): Store {
  return {
    ...store,
    set: (entry) => store.set(entry.rendered ? { ...entry, rendered: keepPartsApart(dir, entry.rendered) } : entry),
  };
}

/**
 * Drops the stored entries whose part files are gone (a cache folder emptied but for the store),
 * so the glob loader renders them again rather than pages failing on them; returns how many.
 */
function dropEntriesWithoutParts(store: Store, dir: string): number {
  const gone = [...store.values()].filter((entry) => partsMissing(dir, entry));
  for (const entry of gone) store.delete(entry.id);
  return gone.length;
}

export function checkedGlob(options: { pattern: string; base: string }): Loader {
  // The raw body is not kept: nothing reads it from the store, and at 10 KB an article it would
  // be held in memory and rewritten with every build's cache (docs/performance.md).
  const inner = glob({ ...options, retainBody: false });
  return {
    name: 'sourced:checked-glob',
    async load(context) {
      // While loading, a render failure with our problems is left for the report below; after
      // it (a file edited under `astro dev`), the glob loader's line is the report.
      let loading = true;
      const logger = Object.create(context.logger) as typeof context.logger;
      logger.error = (message: string) => {
        if (!(loading && message.includes(ContentError.HEAD))) context.logger.error(message);
      };
      const parts = fileURLToPath(new URL(`${PARTS_FOLDER}/`, context.config.cacheDir));
      process.env[PARTS_DIR_VARIABLE] = parts;
      const dropped = dropEntriesWithoutParts(context.store, parts);
      if (dropped)
        context.logger.info(`${dropped} articles' rendered files were missing from ${parts}; rendering them again.`);
      try {
        const entryTypes = skipUnchanged(context, () => loading);
        await inner.load({
          ...context,
          store: partsApart(context.store, parts),
          logger,
          ...(entryTypes ? { entryTypes } : {}),
        });
      } finally {
        loading = false;
      }
      // Rendering every article left its parse trees as garbage; Astro next writes the whole
      // store as one string, and at 1,000 articles that was the build's peak (docs/performance.md).
      if (!context.watcher) collectGarbage();
      // Files no stored entry names (older renders, deleted articles) go; under astro dev the
      // store changes as files are edited, and a build may share the folder, so they stay.
      if (!context.watcher)
        pruneParts(
          parts,
          new Set(
            [...context.store.values()].flatMap((entry) => {
              const names = partNames(entry);
              return names ? [names.html, ...(names.facts ? [names.facts] : [])] : [];
            }),
          ),
        );
      const root = fileURLToPath(context.config.root);
      const warnings = [...context.store.values()].flatMap(
        (entry) =>
          ((entry.rendered?.metadata?.frontmatter as Record<string, unknown> | undefined)?.[WARNINGS_KEY] ??
            []) as ContentProblem[],
      );
      const broken = [...context.store.values()]
        .filter((entry) => !entry.rendered?.html && !partNames(entry) && entry.filePath)
        .map((entry) => path.resolve(root, entry.filePath!));
      if (broken.length === 0) {
        if (warnings.length) context.logger.warn(formatProblems(warnings));
        return;
      }
      const problems = [...(await bodyProblems(broken, root)), ...warnings];
      // A render error our checks do not know still names its file rather than vanishing.
      for (const abs of broken) {
        const file = path.relative(root, abs).split(path.sep).join('/');
        if (!problems.some((p) => p.file === file))
          problems.push({ file, message: 'did not render; see the error logged above it.', fix: 'Fix that error.' });
      }
      const error = new ContentError(problems);
      // In dev the server keeps running so the editor can fix the file and see it reload.
      if (context.watcher) context.logger.error(error.message);
      else throw error;
    },
  };
}
