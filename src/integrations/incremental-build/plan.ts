/**
 * Compares the manifest of the last successful build with the inputs on disk: a cold build and
 * why, or the articles to render again and why.
 */
export const MANIFEST_VERSION = 2;

export interface ArticleRecord {
  /** Its folder under articles/ (Astro's id). */
  id: string;
  /** SHA-256 of the file. */
  file: string;
  /** The glossary entries, sources and bibliography items it uses ("glossary:iran"), with their hashes. */
  uses: Record<string, string>;
  /** Its pages as Astro listed them at the end of the build, for the sitemap. */
  pages: string[];
  /**
   * Its folder in the kept output, as files' names, sizes and modification times (keptStamp in
   * ./index.ts). The kept output shares its files with the build's (hard links), so this tells
   * whether anything wrote to them since.
   */
  kept: string;
  /**
   * The content key of each of its HTML pages, by path in the output, from the end-of-build
   * scan. While `kept` matches, the pages are these bytes, so the next scan need not read them.
   */
  pageKeys?: Record<string, string>;
}

export interface Manifest {
  version: number;
  global: string;
  globalParts: Record<string, string>;
  /** By file, relative to the project root. */
  articles: Record<string, ArticleRecord>;
}

export type Plan =
  | { cold: true; reason: string }
  | {
      cold: false;
      /** Article files to render. */
      dirty: string[];
      /** Unchanged articles, whose pages come from the previous output. */
      clean: string[];
      /** Files the last build had and the content no longer has. */
      deleted: string[];
      /** One line each: why an article renders again. */
      reasons: string[];
    };

export interface CurrentInputs {
  global: string;
  globalParts: Record<string, string>;
  /** Hash of each article file now, by file. */
  files: Map<string, string>;
  /** Hash of each glossary entry, source and bibliography item now. */
  entries: Map<string, string>;
  /** The stamp of an article's folder in the kept output now (ArticleRecord.kept). */
  keptStamp?: (id: string) => string;
}

export function plan(manifest: Manifest | undefined, now: CurrentInputs): Plan {
  if (!manifest) return { cold: true, reason: 'no record of a previous build in the cache folder' };
  if (manifest.version !== MANIFEST_VERSION) return { cold: true, reason: 'the cache is from another version' };
  if (manifest.global !== now.global) {
    const changed = Object.keys(now.globalParts).filter((k) => manifest.globalParts[k] !== now.globalParts[k]);
    return { cold: true, reason: `changed: ${changed.join(', ') || 'the build inputs'}` };
  }
  const dirty: string[] = [];
  const clean: string[] = [];
  const reasons: string[] = [];
  for (const [file, hash] of now.files) {
    const was = manifest.articles[file];
    if (!was) {
      dirty.push(file);
      reasons.push(`${file} is new`);
    } else if (was.file !== hash) {
      dirty.push(file);
      reasons.push(`${file} changed`);
    } else {
      const changed = Object.entries(was.uses)
        .filter(([key, h]) => now.entries.get(key) !== h)
        .map(([key]) => key);
      if (changed.length) {
        dirty.push(file);
        reasons.push(`${file} uses ${changed.join(', ')}, which changed`);
      } else if (now.keptStamp && now.keptStamp(was.id) !== was.kept) {
        dirty.push(file);
        reasons.push(`${file}'s pages in the cache folder changed since the last build`);
      } else clean.push(file);
    }
  }
  const deleted = Object.keys(manifest.articles).filter((f) => !now.files.has(f));
  for (const f of deleted) reasons.push(`${f} was deleted`);
  return { cold: false, dirty, clean, deleted, reasons };
}

/** The build log's line for a plan. */
export function describePlan(p: Plan): string {
  if (p.cold) return `cold build: ${p.reason}`;
  const total = p.dirty.length + p.clean.length;
  const shown = p.reasons.slice(0, 3).join('; ');
  const more = p.reasons.length > 3 ? `; and ${p.reasons.length - 3} more` : '';
  return (
    `incremental: ${p.dirty.length} of ${total} articles re-rendered` +
    ` (reason: ${p.reasons.length ? shown + more : 'nothing changed'})`
  );
}
