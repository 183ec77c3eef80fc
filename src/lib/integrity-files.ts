/**
 * Reads what the integrity check needs from disk: the built site and the claims each article
 * declares. The check itself (integrity.ts) stays pure and testable with small strings.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { loadYaml as parseYaml } from './yaml';
import type { ArticleClaims } from './integrity';
import { splitMarkdown } from './problems';
import { CONTENT_DIRS } from './registry';

/** The HTML pages of a build, each read from disk only when iterated to. */
export interface BuiltPages extends Iterable<[string, string]> {
  /** How many pages there are. */
  size: number;
}

export interface BuiltSite {
  pages: BuiltPages;
  files: Set<string>;
}

/**
 * Lists a built site. Pages are read as they are iterated, not held together: at 2,000
 * articles the HTML alone is over a gigabyte (docs/performance.md).
 */
export function readBuiltSite(outDir: string): BuiltSite {
  const files = new Set<string>();
  const html: string[] = [];
  for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const rel = path.relative(outDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    files.add(rel);
    if (rel.endsWith('.html')) html.push(rel);
  }
  const pages: BuiltPages = {
    size: html.length,
    *[Symbol.iterator]() {
      for (const rel of html) yield [rel, readFileSync(path.join(outDir, rel), 'utf8')];
    },
  };
  return { pages, files };
}

/** Claim ids in each article's frontmatter, read independently of the Markdown pipeline. */
export function readArticleClaims(root: string): ArticleClaims[] {
  const dir = path.join(root, CONTENT_DIRS.articles);
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const raw = readFileSync(path.join(dir, f), 'utf8');
      const { yaml } = splitMarkdown(raw);
      const fm = (yaml !== undefined ? parseYaml(yaml) : {}) as { claims?: { id?: unknown }[] } | null;
      const claimIds = (fm?.claims ?? []).map((c) => c?.id).filter((id): id is string => typeof id === 'string');
      return {
        slug: f.replace(/\.md$/, '').split(path.sep).join('/'),
        file: `${CONTENT_DIRS.articles}/${f.split(path.sep).join('/')}`,
        claimIds,
      };
    });
}
