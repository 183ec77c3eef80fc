/**
 * `npm run review -- <slug>… [--all]`: the review report for the articles named, or for every
 * published article with --all (what CI runs). Exits 1 when a published article has anything
 * that blocks publication; a draft's report never fails the command.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CONTENT_DIRS, loadRegistry } from '../collections/registry';
import { buildAliasIndex } from '../glossary/aliases';
import { formatReview, reviewArticle } from './review';
import type { CommandResult } from './new-command';

const USAGE = 'Usage: npm run review -- <slug> [<slug>…], or npm run review -- --all for every published article';

export function runReview(argv: readonly string[], root: string = process.cwd()): CommandResult {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { all: { type: 'boolean', default: false } },
    });
  } catch (e) {
    return { code: 2, output: `${(e as Error).message}\n    Fix: ${USAGE}` };
  }
  const dir = path.join(root, CONTENT_DIRS.articles);
  const all = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.md'))
        .map((f) => f.slice(0, -3))
        .sort()
    : [];
  const slugs = parsed.values.all ? all : parsed.positionals.map((s) => path.basename(s).replace(/\.md$/, ''));
  if (!slugs.length) return { code: 2, output: `No article named.\n    Fix: ${USAGE}` };
  const unknown = slugs.filter((s) => !all.includes(s));
  if (unknown.length)
    return {
      code: 2,
      output: unknown
        .map((s) => {
          const near = all.filter((a) => a.includes(s) || s.includes(a.split('-')[0]!));
          return `No article "${s}" in ${CONTENT_DIRS.articles}/.${near.length ? ` Did you mean ${near.join(' or ')}?` : ''}\n    Fix: Give the file name without .md.`;
        })
        .join('\n\n'),
    };
  const registry = loadRegistry(root);
  const index = buildAliasIndex(registry.glossary.values());
  const reviews = slugs
    .map((s) => reviewArticle(path.join(dir, `${s}.md`), registry, index))
    // --all is for CI: drafts are not published, so only published articles are reviewed.
    .filter((r) => !parsed.values.all || r.published);
  const failed = reviews.filter((r) => r.published && r.problems.some((p) => p.blocking));
  return { code: failed.length ? 1 : 0, output: formatReview(reviews) };
}
