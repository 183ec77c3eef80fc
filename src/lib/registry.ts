/**
 * Reads the data collections straight from disk, for the Markdown pipeline and the validator,
 * which run outside Astro's content store.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export interface RegistrySource {
  id: string;
  name: string;
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
}

export const CONTENT_DIRS = {
  articles: 'content/articles',
  sources: 'content/sources',
  glossary: 'content/glossary',
  bibliography: 'content/bibliography.json',
} as const;

function readYamlDir<T>(dir: string): Map<string, T & { id: string }> {
  const out = new Map<string, T & { id: string }>();
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.yaml')) continue;
    const id = name.slice(0, -'.yaml'.length);
    let data: unknown;
    try {
      data = parse(readFileSync(path.join(dir, name), 'utf8'));
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
  const bibliographyPath = path.join(root, CONTENT_DIRS.bibliography);
  const bibliography = new Map<string, CslItem>();
  if (existsSync(bibliographyPath)) {
    let items: unknown;
    try {
      items = JSON.parse(readFileSync(bibliographyPath, 'utf8'));
    } catch {
      items = []; // reported by the validator
    }
    if (Array.isArray(items)) {
      for (const item of items as CslItem[]) if (typeof item?.id === 'string') bibliography.set(item.id, item);
    }
  }
  return {
    root,
    sources: readYamlDir<RegistrySource>(path.join(root, CONTENT_DIRS.sources)),
    glossary: readYamlDir<RegistryGlossaryEntry>(path.join(root, CONTENT_DIRS.glossary)),
    bibliography,
    bibliographyPath,
  };
}
