/**
 * Fails `astro build` and `astro check` before any page is rendered when the frontmatter or the
 * data collections are broken. Article bodies are checked by the build's own render instead,
 * and reported by src/loaders/checked-glob.ts. Nothing is said when all is well here: the
 * bodies have not been checked yet, so "content is valid" could be followed by their problems.
 *
 * A build keeps each article's result in the cache folder, keyed by its file and the registry
 * and versioned by the code (the incremental build's global hash), so a warm build checks only
 * the articles that changed; the checks across files run in full every time, and a kept
 * problem is reported as a fresh one would be (docs/performance.md, "Warm rebuild, fourth pass").
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { KeyedCache } from '../../lib/keyed-cache';
import { ContentError, formatProblems, isWarning } from '../../lib/problems';
import { contentProblems, type ArticleResult } from '../../validation/validate';
import { globalInputs } from '../incremental-build/inputs';

/** The kept results, in Astro's cache folder. */
export const CHECKS_FILE = 'sourced-content-checks.jsonl';

export function validateContent(): AstroIntegration {
  return {
    name: 'sourced:validate-content',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        if (command === 'preview') return;
        const root = fileURLToPath(config.root);
        // Only a build keeps results: the dev server and `astro check` run once per start.
        const cache =
          command === 'build'
            ? new KeyedCache<ArticleResult>(
                path.join(fileURLToPath(config.cacheDir), CHECKS_FILE),
                globalInputs(root, process.env, { once: true }).hash,
              )
            : undefined;
        // Bodies are checked as the build renders them (src/loaders/checked-glob.ts), once.
        const problems = await contentProblems(root, { bodies: false, cache });
        // Kept whether or not the content passes: a result depends only on its key.
        cache?.save();
        if (!problems.some((p) => !isWarning(p))) {
          if (problems.length) logger.warn(formatProblems(problems));
          return;
        }
        const error = new ContentError(problems);
        // In dev the server keeps running so the editor can fix the file and see it reload.
        if (command === 'dev') logger.error(error.message);
        else throw error;
      },
    },
  };
}
