/**
 * What a build's output depends on, as hashes: one global hash for everything that can change
 * any page (code, templates, settings, the glossary's names), and per article the hashes of its
 * file and of each glossary entry, source and bibliography item it uses.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { slug } from 'github-slugger';
import { CONTENT_DIRS } from '../../collections/registry';
import { loadYaml } from '../../lib/yaml';

const sha = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

/**
 * Files and folders whose change can change any page: a change to any of them is a cold build.
 * content/http-only-hosts.txt is read by the Markdown stage and the integrity check.
 */
export const GLOBAL_INPUTS = [
  'src',
  'public',
  'astro.config.mjs',
  'package-lock.json',
  'tsconfig.json',
  'scripts/build.mjs',
  'content/http-only-hosts.txt',
] as const;

/** Settings that change the output (docs/deploying.md); every PUBLIC_ variable counts too. */
export const OUTPUT_SETTINGS = ['SITE_URL', 'BASE_PATH', 'SOURCED_CLAIM_PAGES'] as const;

/** Every file under `p` (or `p` itself), as sorted paths relative to root. */
function filesUnder(root: string, p: string): string[] {
  const abs = path.join(root, p);
  if (!existsSync(abs)) return [];
  if (!statSync(abs).isDirectory()) return [p];
  return readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

export interface GlobalInputs {
  hash: string;
  /** What went into it, by part, so the log can say which part changed. */
  parts: Record<string, string>;
}

const computed = new Map<string, GlobalInputs>();

/**
 * The global hash: code, templates, public files, settings, Node's version, the glossary's names.
 * With `once`, a second call for the same root and settings in this process returns the first
 * call's result: a build's start-up reads these files once for the content check's cache and
 * the plan (both at astro:config:setup, before anything can change them).
 */
export function globalInputs(root: string, env: NodeJS.ProcessEnv, { once = false } = {}): GlobalInputs {
  if (!once) return computeGlobalInputs(root, env);
  const key = JSON.stringify([root, settingsOf(env)]);
  let inputs = computed.get(key);
  if (!inputs) computed.set(key, (inputs = computeGlobalInputs(root, env)));
  return inputs;
}

const settingsOf = (env: NodeJS.ProcessEnv) =>
  Object.keys(env)
    .filter((k) => (OUTPUT_SETTINGS as readonly string[]).includes(k) || k.startsWith('PUBLIC_'))
    .sort()
    .map((k) => [k, env[k]]);

function computeGlobalInputs(root: string, env: NodeJS.ProcessEnv): GlobalInputs {
  const parts: Record<string, string> = {};
  for (const p of GLOBAL_INPUTS) {
    const h = createHash('sha256');
    for (const f of filesUnder(root, p))
      h.update(`${f}\0`)
        .update(readFileSync(path.join(root, f)))
        .update('\0');
    parts[p] = h.digest('hex');
  }
  parts['settings'] = sha(JSON.stringify(settingsOf(env)));
  parts['node'] = sha(process.version);
  // Names and aliases decide which words of every article link to which entry (remark-glossary-links),
  // so adding, removing or renaming an entry can change any article: that is a cold build.
  parts['glossary names'] = sha(JSON.stringify(glossaryNames(root)));
  const hash = sha(JSON.stringify(Object.entries(parts)));
  return { hash, parts };
}

function glossaryNames(root: string): unknown[] {
  const dir = path.join(root, CONTENT_DIRS.glossary);
  return yamlFiles(dir).map((name) => {
    let data: Record<string, unknown>;
    try {
      data = (loadYaml(readFileSync(path.join(dir, name), 'utf8')) ?? {}) as Record<string, unknown>;
    } catch {
      // The validator reports it; the raw text still counts below.
      data = { unreadable: readFileSync(path.join(dir, name), 'utf8') };
    }
    return [name, data['name'], data['aliases'], data['roleAliases'], data['unreadable']];
  });
}

const yamlFiles = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => n.endsWith('.yaml'))
        .sort()
    : [];

/** Each glossary entry and source file, keyed by kind and id ("glossary:iran", "source:tass"). */
function* entryFiles(root: string): Generator<[key: string, file: string]> {
  for (const [kind, dir] of [
    ['glossary', CONTENT_DIRS.glossary],
    ['source', CONTENT_DIRS.sources],
  ] as const) {
    const abs = path.join(root, dir);
    for (const name of yamlFiles(abs)) yield [`${kind}:${name.slice(0, -'.yaml'.length)}`, path.join(abs, name)];
  }
}

export interface Entries {
  /** Hashes of everything an article may use, by kind and id ("glossary:iran", "source:tass", "bib:…"). */
  hashes: Map<string, string>;
  /** Glossary entries' and sources' raw text, to follow what an entry itself names (usedEntries). */
  texts: Map<string, string>;
}

/** Reads each glossary entry, source and the bibliography once, for their hashes and texts. */
export function readEntries(root: string): Entries {
  const hashes = new Map<string, string>();
  const texts = new Map<string, string>();
  for (const [key, file] of entryFiles(root)) {
    const bytes = readFileSync(file);
    hashes.set(key, sha(bytes));
    texts.set(key, bytes.toString('utf8'));
  }
  const bib = path.join(root, CONTENT_DIRS.bibliography);
  if (existsSync(bib)) {
    let items: unknown = [];
    try {
      items = JSON.parse(readFileSync(bib, 'utf8'));
    } catch {
      // A bibliography that does not parse: the validator stops the build.
    }
    if (Array.isArray(items))
      for (const item of items as { id?: unknown }[])
        if (typeof item?.id === 'string') hashes.set(`bib:${item.id}`, sha(JSON.stringify(item)));
  }
  return { hashes, texts };
}

/** Hashes of everything an article may use (readEntries). */
export const entryHashes = (root: string): Map<string, string> => readEntries(root).hashes;

/** A UTF-16 unit that can be part of a run of word characters: ASCII letters, digits, `_`, `-`, or non-ASCII. */
const inRun = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c >= 0x80;

/**
 * Calls `word` with each word of `text`, as ids are spelt: letters, digits, `_` and `-`. Most of a
 * page is ASCII, so runs of ASCII word characters and of any non-ASCII character are found first
 * (by char codes: a pattern's match objects were most of the time), and only a run holding
 * non-ASCII is split by Unicode class. A built article page is about 130 KB.
 */
function eachWord(text: string, word: (w: string) => void): void {
  const n = text.length;
  for (let i = 0; i < n;) {
    if (!inRun(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let ascii = true;
    for (let c = text.charCodeAt(i); i < n && inRun(c); c = text.charCodeAt(++i)) if (c >= 0x80) ascii = false;
    const run = text.slice(start, i);
    if (ascii) word(run);
    else for (const w of run.match(/[\p{L}\p{N}_-]+/gu) ?? []) word(w);
  }
}

const plainId = /^[\p{L}\p{N}_-]+$/u;

/**
 * The entries `texts` (an article's file and its built page) name, followed through the entries
 * they name in turn. Generous on purpose: an id that only looks used makes the article re-render
 * when that entry changes, never the other way round.
 */
export function usedEntries(texts: string[], keys: Iterable<string>, entryText: Map<string, string>): string[] {
  return entryUser(keys, entryText)(texts);
}

/**
 * usedEntries for many articles against the same entries: the ids are grouped once, and what each
 * entry's own text names is found once, not again for every article that uses the entry (at 250
 * articles that was most of the incremental build's save; docs/performance.md).
 */
export function entryUser(keys: Iterable<string>, entryText: Map<string, string>): (texts: string[]) => string[] {
  const byId = new Map<string, string[]>();
  for (const key of keys) {
    const id = key.slice(key.indexOf(':') + 1);
    byId.set(id, [...(byId.get(id) ?? []), key]);
  }
  // A plain id is named by a word equal to it; any other (with a dot, say) by its text anywhere.
  const plain = new Map([...byId].filter(([id]) => plainId.test(id)));
  const other = [...byId].filter(([id]) => !plainId.test(id));
  /**
   * The keys whose ids a text names. Each word is looked up among the ids, rather than every word
   * gathered in a set first and each id looked up in it: the same keys, without a set of some
   * thousands of words an article (docs/performance.md).
   */
  const named = (text: string): string[] => {
    const ids = new Set<string>();
    eachWord(text, (w) => {
      if (plain.has(w)) ids.add(w);
    });
    for (const [id] of other) if (text.includes(id)) ids.add(id);
    return [...ids].flatMap((id) => byId.get(id)!);
  };
  const direct = new Map<string, string[]>();
  return (texts) => {
    const used = new Set<string>();
    const queue = texts.flatMap(named);
    while (queue.length) {
      const k = queue.pop()!;
      if (used.has(k)) continue;
      used.add(k);
      const own = entryText.get(k);
      if (own === undefined) continue;
      let next = direct.get(k);
      if (!next) direct.set(k, (next = named(own)));
      queue.push(...next);
    }
    return [...used].sort();
  };
}

/** Article files relative to root (posix), sorted. */
export function articleFiles(root: string): string[] {
  return filesUnder(root, CONTENT_DIRS.articles).filter((f) => f.endsWith('.md'));
}

export const fileHash = (root: string, file: string): string => sha(readFileSync(path.join(root, file)));

/**
 * The id Astro's glob loader gives a file, and so its folder under articles/: each path segment
 * slugged as github-slugger does, without the extension and a final /index. The manifest is
 * only written when these match the built folders (see ./index.ts), so a rule Astro changes
 * makes builds cold, never wrong.
 */
export function articleId(file: string): string {
  const rel = path.posix.relative(CONTENT_DIRS.articles, file).replace(/\.md$/, '');
  return rel
    .split('/')
    .map((segment) => slug(segment))
    .join('/')
    .replace(/\/index$/, '');
}
