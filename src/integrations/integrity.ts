/**
 * Fails the build, after every page is written, when the site does not hold together: a claim
 * lost or doubled on its page, a broken internal link or fragment, or a plain http: link.
 * scripts/build.mjs only swaps the new build into dist/ when this passes.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { loadHttpOnlyHosts } from '../lib/http-only-hosts';
import { checkIntegrity, formatIntegrityProblems } from '../lib/integrity';
import { readArticleClaims, readBuiltSite } from '../lib/integrity-files';

export function integrity(): AstroIntegration {
  let root = process.cwd();
  let base = '/';
  let site: string | undefined;
  return {
    name: 'sourced:integrity',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        base = config.base;
        site = config.site;
      },
      'astro:build:done': ({ dir, logger }) => {
        const { pages, files } = readBuiltSite(fileURLToPath(dir));
        const problems = checkIntegrity({
          base,
          site,
          pages,
          files,
          articles: readArticleClaims(root),
          httpOnlyHosts: loadHttpOnlyHosts(root),
        });
        if (problems.length) throw new Error(formatIntegrityProblems(problems));
        logger.info(`${pages.size} pages: claims, links and fragments check out`);
      },
    },
  };
}
