/**
 * Everything that runs on the built site, in the order it must run, written here rather than
 * implied by the order of an array in astro.config.mjs:
 *
 * 0. incremental build, at start-up: decides which articles render (all, or only the changed
 *    ones; ../incremental-build);
 * 1. claim pages: each claim's page, cut from its article's claims page, for the articles this
 *    build rendered (the claim pages are not to be found by search: the article is the page to
 *    find; the search index reads only the pages INDEXED_PAGES matches, never these);
 * 2. incremental build: puts the unchanged articles' folders, claim pages included, back from
 *    the previous output, so every step below sees the complete site;
 * 3. search index: Pagefind over the article and glossary pages;
 * 4. sitemap: @astrojs/sitemap, from Astro's own routes (so claim pages stay out of it), plus the
 *    unchanged articles' pages, which Astro did not render this time;
 * 5. finish build: the integrity check over every file the steps above wrote, then the host
 *    files (_headers, _redirects);
 * 6. host limits: the output's files and bytes, checked against DEPLOY_TARGET's limits;
 * 7. incremental build: keeps the complete output and its manifest in the cache folder.
 *
 * The sitemap integration is driven from here, hook by hook, so that step 5 checks its output.
 */
import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { writeClaimPages } from '../claim-pages';
import { finishBuild } from '../finish-build';
import { buildSearchIndex } from '../search-index';
import { checkOutput, hostTarget } from '../host-limits';
import { incrementalBuild } from '../incremental-build';

type Hooks = AstroIntegration['hooks'];

export function postBuild(): AstroIntegration {
  const map = sitemap();
  const mapHooks: Hooks = map.hooks;
  let root = '';
  let base = '/';
  let site: string | undefined;
  const target = hostTarget();
  const incremental = incrementalBuild();
  return {
    name: 'sourced:post-build',
    hooks: {
      // The sitemap's own set-up hooks, as Astro would call them.
      ...mapHooks,
      'astro:config:setup': async (params) => {
        incremental.plan(params);
        await mapHooks['astro:config:setup']?.(params);
      },
      'astro:config:done': async (params) => {
        root = fileURLToPath(params.config.root);
        base = params.config.base;
        site = params.config.site;
        await mapHooks['astro:config:done']?.(params);
      },
      'astro:build:generated': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        // Claim pages are cut before the merge: an unchanged article's come from the previous output.
        logger.info(`${writeClaimPages(outDir)} claim pages written`);
        incremental.merge(outDir, logger);
        logger.info(await buildSearchIndex(outDir));
      },
      'astro:build:done': async (params) => {
        const pages = incremental.pages(params.pages);
        await mapHooks['astro:build:done']?.({ ...params, pages });
        const outDir = fileURLToPath(params.dir);
        await finishBuild({ root, outDir, base, site, logger: params.logger });
        checkOutput(outDir, target, params.logger);
        incremental.save(outDir, pages, params.logger);
      },
    },
  };
}
