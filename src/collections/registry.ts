/**
 * Reads the data collections straight from disk, for the Markdown pipeline and the validator,
 * which run outside Astro's content store.
 */
import { createHash, type Hash } from 'node:crypto';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { loadYaml as parse } from '../lib/yaml';
import { HTTP_ONLY_HOSTS_FILE } from '../lib/http-only-hosts';

export interface RegistrySource {
  id: string;
  name: string;
  /** For compact markers; see src/schemas/source.ts. */
  short?: string;
  type: string;
  country?: string;
  ownership?: string;
  url?: string;
}

export interface RegistryGlossaryEntry {
  id: string;
  name: string;
  kind: string;
  aliases: string[];
  /** Role phrases valid between two days (src/schemas/glossary.ts). */
  roleAliases?: { phrases: string[]; from?: string; until?: string }[];
  description?: string;
  demonym?: string;
}

/** A CSL-JSON item; only the fields we read are typed. */
export interface CslItem {
  id: string;
  title?: string;
  URL?: string;
  [key: string]: unknown;
}

export interface Registry {
  root: string;
  sources: Map<string, RegistrySource>;
  glossary: Map<string, RegistryGlossaryEntry>;
  bibliography: Map<string, CslItem>;
  bibliographyPath: string;
  /**
   * A hash of every file read. The Markdown plugins get the registry in their options, and Astro
   * clears its cache of rendered articles when its config (options included) serialises
   * differently; Maps serialise as {}, so this string is what tells it the registry changed.
   */
  digest: string;
}

export const CONTENT_DIRS = {
  articles: 'content/articles',
  sources: 'content/sources',
  glossary: 'content/glossary',
  bibliography: 'content/bibliography.json',
} as const;

function readYamlDir<T>(dir: string, hash: Hash): Map<string, T & { id: string }> {
  const out = new Map<string, T & { id: string }>();
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.yaml')) continue;
    const id = name.slice(0, -'.yaml'.length);
    let data: unknown;
    try {
      const text = readFileSync(path.join(dir, name), 'utf8');
      hash.update(`${dir}/${name}\0${text}\0`);
      data = parse(text);
    } catch {
      // The validator reports the syntax error with its position; the entry still counts as existing.
      data = {};
    }
    if (data && typeof data === 'object') out.set(id, { ...(data as T), id });
  }
  return out;
}

/** Loads sources, glossary and bibliography from `root` (the repository by default). */
export function loadRegistry(root: string = process.cwd()): Registry {
  const hash = createHash('sha256');
  const bibliographyPath = path.join(root, CONTENT_DIRS.bibliography);
  const bibliography = new Map<string, CslItem>();
  if (existsSync(bibliographyPath)) {
    let items: unknown;
    try {
      const text = readFileSync(bibliographyPath, 'utf8');
      hash.update(`bibliography\0${text}\0`);
      items = JSON.parse(text);
    } catch {
      items = []; // reported by the validator
    }
    if (Array.isArray(items)) {
      for (const item of items as CslItem[]) if (typeof item?.id === 'string') bibliography.set(item.id, item);
    }
  }
  const sources = readYamlDir<RegistrySource>(path.join(root, CONTENT_DIRS.sources), hash);
  const glossary = readYamlDir<RegistryGlossaryEntry>(path.join(root, CONTENT_DIRS.glossary), hash);
  // Read by remarkSafeUrls; part of what a rendered article depends on.
  const hosts = path.join(root, HTTP_ONLY_HOSTS_FILE);
  if (existsSync(hosts)) hash.update(`hosts\0${readFileSync(hosts, 'utf8')}`);
  return { root, sources, glossary, bibliography, bibliographyPath, digest: hash.digest('hex') };
}
