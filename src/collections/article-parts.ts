/**
 * The bulky parts of a rendered article, kept out of Astro's content store: its HTML and its
 * text facts (src/analysis/article-facts.ts) were four fifths of the store's bytes, and Astro
 * serialises, writes and reads the whole store at every build, and every page started from all
 * of it (docs/performance.md, "Store, sixth pass"). The articles' loader writes each part to a
 * file of its own in the cache folder, named by a hash of its content, and the store keeps only
 * the names; a page reads the parts of the article it shows, when it shows it.
 *
 * A name says what its file holds, so a file is never stale: a changed render gets a new name.
 * An entry whose files are gone (the folder deleted, the store kept) is rendered again by the
 * loader (partsMissing); a page asking for a missing file gets an error naming it.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'devalue';
import { contentKey } from '../lib/content-key.mjs';
import { fileStamp } from '../lib/file-stamp';

/** Where the Markdown pipeline hands the facts to Astro: a key of the render's frontmatter. */
export const FACTS_KEY = 'sourcedFacts';
/** Where the store keeps the parts' file names instead: a key of the render's frontmatter. */
export const PARTS_KEY = 'sourcedParts';
/** The folder, inside the cache folder, that holds the parts. */
export const PARTS_FOLDER = 'sourced-article-parts';
/**
 * The folder's path, for pages: the loader sets it when it loads, and pages render in the same
 * process (the build, or the dev server), as src/integrations/og-image-cache does for its cache.
 */
export const PARTS_DIR_VARIABLE = 'SOURCED_ARTICLE_PARTS_DIR';

/** The files an entry's parts are in, by name inside the parts folder. */
export interface PartNames {
  html: string;
  facts?: string;
}

/** A render as Astro stores it, as far as this reads it. */
export interface Rendered {
  html: string;
  metadata?: { frontmatter?: Record<string, unknown>; [key: string]: unknown };
}

/** An entry of the articles collection, as far as this reads it. */
export interface RenderedEntry {
  id: string;
  filePath?: string | undefined;
  rendered?: unknown;
}

const frontmatterOf = (rendered: unknown): Record<string, unknown> | undefined =>
  (rendered as Rendered | undefined)?.metadata?.frontmatter;

/** The names an entry keeps, or undefined for an entry holding its parts itself (or none). */
export function partNames(entry: RenderedEntry): PartNames | undefined {
  const names = frontmatterOf(entry.rendered)?.[PARTS_KEY] as PartNames | undefined;
  return typeof names?.html === 'string' ? names : undefined;
}

/** Writes `text` under a name made from its hash, once: an existing file of that name holds it. */
function writePart(dir: string, text: string, extension: string): string {
  const name = `${contentKey(text)}${extension}`;
  const file = path.join(dir, name);
  if (existsSync(file)) return name;
  mkdirSync(dir, { recursive: true });
  // Renamed into place, so a crash never leaves a torn file under a good name.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
  return name;
}

/** The extensions of facts files: devalue, or JSON (exactJson). */
const DEVALUE_FACTS = '.facts';
const JSON_FACTS = '.json';

/** A value JSON writes and reads back as it was: no undefined, Map, Date, NaN, -0 or class instance. */
function plainJson(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object': {
      if (value === null) return true;
      const prototype = Object.getPrototypeOf(value) as unknown;
      if (prototype === Array.prototype) return true;
      return (
        prototype === Object.prototype &&
        typeof (value as { toJSON?: unknown }).toJSON !== 'function' &&
        Object.getOwnPropertySymbols(value).length === 0
      );
    }
    default:
      return false;
  }
}

/**
 * `value` as JSON when JSON gives back exactly what went in (the usual facts: strings, numbers,
 * plain objects), else undefined. Checked on every value as JSON.stringify visits it; an array's
 * hole is visited as undefined, so it fails too.
 */
export function exactJson(value: unknown): string | undefined {
  let exact = true;
  try {
    const text = JSON.stringify(value, function (this: Record<string, unknown>, key: string, visited: unknown) {
      if (exact && !plainJson(this[key])) exact = false;
      return visited;
    });
    return exact ? text : undefined;
  } catch {
    // A cycle, which devalue keeps.
    return undefined;
  }
}

/**
 * Writes the facts in JSON when it holds them exactly: pages read every article's facts about four
 * times a build, and JSON.parse reads them in a third of devalue's time (docs/performance.md,
 * "Cold build, eighth pass"). Facts JSON cannot hold (an undefined a plugin left in a hast
 * property, a Date) go in devalue, as Astro's store writes them; the name's extension says which.
 */
function writeFacts(dir: string, facts: unknown): string {
  const json = exactJson(facts);
  return json === undefined ? writePart(dir, stringify(facts), DEVALUE_FACTS) : writePart(dir, json, JSON_FACTS);
}

/**
 * Writes a render's HTML and facts to `dir` and returns the render the store keeps: no HTML, no
 * facts, their files' names under PARTS_KEY. A render without HTML (a failed render) is kept as
 * it is, for the loader to report.
 */
export function keepPartsApart(dir: string, rendered: Rendered): Rendered {
  if (!rendered.html) return rendered;
  const { [FACTS_KEY]: facts, ...frontmatter } = rendered.metadata?.frontmatter ?? {};
  const names: PartNames = {
    html: writePart(dir, rendered.html, '.html'),
    ...(facts === undefined ? {} : { facts: writeFacts(dir, facts) }),
  };
  return {
    ...rendered,
    html: '',
    metadata: { ...rendered.metadata, frontmatter: { ...frontmatter, [PARTS_KEY]: names } },
  };
}

/** True when the entry names part files that `dir` does not hold. */
export function partsMissing(dir: string, entry: RenderedEntry): boolean {
  const names = partNames(entry);
  if (!names) return false;
  return [names.html, names.facts].some((name) => name !== undefined && !existsSync(path.join(dir, name)));
}

/** Deletes the files of `dir` that no name in `keep` is, and returns how many it deleted. */
export function pruneParts(dir: string, keep: ReadonlySet<string>): number {
  if (!existsSync(dir)) return 0;
  let deleted = 0;
  for (const name of readdirSync(dir)) {
    if (keep.has(name)) continue;
    rmSync(path.join(dir, name), { force: true });
    deleted++;
  }
  return deleted;
}

/**
 * The parts already checked against their names in this process, each with the inode, size and
 * modification time it had when read. Pages read an article's facts about five times a build
 * (the article, its claims and annotations, the mention lists, the feeds), and hashing them each
 * time cost about 1.5 s at 250 articles (docs/performance.md, "Cold build time, sixth pass"). A
 * file changed since, even to the same size, has another time and is checked again.
 */
const checked = new Map<string, string>();

/** Reads one part, checked against its name, with an error saying what to do when it cannot. */
function readPart(entry: RenderedEntry, name: string, what: string, dir = process.env[PARTS_DIR_VARIABLE]): string {
  const who = entry.filePath ?? entry.id;
  if (!dir)
    throw new Error(
      `${who}: its ${what} is kept in the cache folder, but ${PARTS_DIR_VARIABLE} does not say where; ` +
        'the articles’ loader (src/loaders/checked-glob.ts) sets it when it loads.',
    );
  const file = path.join(dir, name);
  // Taken before reading, so a change during the read leaves a stamp that no longer matches.
  const stamp = fileStamp(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(
      `${who}: its ${what} is not in the cache folder (${file}).\n` +
        'Fix: build again; the articles’ loader renders an article whose files are missing.',
    );
  }
  if (stamp !== undefined && checked.get(file) === stamp) return text;
  if (`${contentKey(text)}${path.extname(name)}` !== name)
    throw new Error(
      `${who}: its ${what} in the cache folder (${file}) does not hold what was written.\n` +
        `Fix: delete ${dir} and build again.`,
    );
  if (stamp !== undefined) checked.set(file, stamp);
  return text;
}

/** The article's rendered HTML: from its file, or from the entry for one holding it itself. */
export function articleHtmlOf(entry: RenderedEntry, dir?: string): string {
  const names = partNames(entry);
  if (!names) return (entry.rendered as Rendered | undefined)?.html ?? '';
  return readPart(entry, names.html, 'rendered HTML', dir);
}

/** The article's text facts as stored (unchecked): from their file, or from the entry itself. */
export function articleFactsOf(entry: RenderedEntry, dir?: string): unknown {
  const names = partNames(entry);
  if (!names?.facts) return frontmatterOf(entry.rendered)?.[FACTS_KEY];
  const text = readPart(entry, names.facts, 'text facts', dir);
  return names.facts.endsWith(JSON_FACTS) ? JSON.parse(text) : parse(text);
}
