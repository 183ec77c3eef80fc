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
 * 3. search index: Pagefind over the article and glossary pages, in shards; on an incremental
 *    build the shards whose pages did not change are taken from the previous output;
 * 4. sitemap: @astrojs/sitemap, from Astro's own routes (so claim pages stay out of it), plus the
 *    unchanged articles' pages, which Astro did not render this time;
 * 5. finish build: the integrity check over every file the steps above wrote, then the host
 *    files (_headers, _redirects). Its scan of the pages starts as soon as Astro has written
 *    them, on worker threads, while steps 1 to 4 run (EarlyScan); the check itself hashes every
 *    page again and scans any whose bytes are not those scanned;
 * 6. host limits: the output's files and bytes, checked against DEPLOY_TARGET's limits;
 * 7. incremental build: keeps the complete output and its manifest in the cache folder.
 *
 * The sitemap integration is driven from here, hook by hook, so that step 5 checks its output.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { writeClaimPages } from '../claim-pages';
import { builtPages, EarlyScan, finishBuild, pageScanCache, SCAN_WORKER } from '../finish-build';
import { buildSearchIndex } from '../search-index';
import { checkOutput, hostTarget } from '../host-limits';
import { incrementalBuild } from '../incremental-build';
import { collectGarbage } from '../../lib/collect-garbage';

type Hooks = AstroIntegration['hooks'];

/** An article's claims page, which the claim pages step rewrites (../claim-pages). */
const CLAIMS_PAGE = /^articles\/[^/]+\/claims\/index\.html$/;

/**
 * SOURCED_TIMINGS=1 logs how long each step takes, and the processor time this process spent in
 * it (all its threads; not child processes such as Pagefind's), which a busy machine does not
 * inflate as it does the wall time (docs/performance.md).
 */
const TIMINGS = ['1', 'true', 'yes'].includes((process.env['SOURCED_TIMINGS'] ?? '').toLowerCase());

async function timed<T>(logger: { info(message: string): void }, step: string, run: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  try {
    return await run();
  } finally {
    if (TIMINGS) {
      const { user, system } = process.cpuUsage(cpu);
      const s = (ms: number) => (ms / 1000).toFixed(2);
      logger.info(
        `timing: ${step} ${s(performance.now() - start)} s (cpu: user ${s(user / 1000)} s, system ${s(system / 1000)} s)`,
      );
    }
  }
}

export function postBuild(): AstroIntegration {
  const map = sitemap();
  const mapHooks: Hooks = map.hooks;
  let root = '';
  let base = '/';
  let site: string | undefined;
  let cacheDir = '';
  let outDirUrl = new URL('file:///');
  /** The end-of-build scan, started as soon as Astro has written the pages (EarlyScan). */
  let early: EarlyScan | undefined;
  let scanCache = pageScanCache(undefined);
  const target = hostTarget();
  const incremental = incrementalBuild();
  /** A cache of results computed from pages, valid while the code that computes them is the same. */
  const cacheFor = (name: string) => {
    const version = incremental.codeVersion();
    return version && cacheDir ? { file: path.join(cacheDir, name), version } : undefined;
  };
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
        cacheDir = fileURLToPath(params.config.cacheDir);
        outDirUrl = params.config.outDir;
        await mapHooks['astro:config:done']?.(params);
      },
      // Just before Astro empties the output folder (../incremental-build, setAside).
      'astro:build:start': async (params) => {
        incremental.setAside(fileURLToPath(outDirUrl));
        await mapHooks['astro:build:start']?.(params);
      },
      'astro:build:generated': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        // Rendering's garbage, before the steps that read the whole site (lib/collect-garbage.ts).
        collectGarbage();
        // The end-of-build scan starts here, on worker threads, with every page that no later
        // step writes: all of Astro's but the claims pages, then each article's claim pages as
        // they are cut. The main thread meanwhile cuts them and builds the search index. The
        // check at the end still hashes every page and scans again any that changed since.
        scanCache = pageScanCache(cacheFor('sourced-page-scans.jsonl'));
        // One worker fewer than the cores: the main thread, on which the claim pages and the search
        // index wait, keeps a core (two workers lengthened both at 1,000 articles; docs/performance.md).
        const threads = Math.max(1, availableParallelism() - 1);
        early = new EarlyScan(outDir, { workerScript: SCAN_WORKER, threads, known: scanCache.keys() });
        try {
          early.add(builtPages(outDir).filter((file) => !CLAIMS_PAGE.test(file)));
          // Claim pages are cut before the merge: an unchanged article's come from the previous output.
          await timed(logger, 'claim pages', () =>
            logger.info(`${writeClaimPages(outDir, (files) => early?.add(files))} claim pages written`),
          );
          early.close();
          await timed(logger, 'merge', () => incremental.merge(outDir, logger));
          const version = incremental.codeVersion();
          const cache = version && cacheDir ? { dir: cacheDir, version } : undefined;
          const previousOutput = incremental.previousOutput();
          const vouched = incremental.keptPageKeys();
          await timed(logger, 'search index', async () =>
            logger.info(await buildSearchIndex(outDir, { cache, previousOutput, vouched })),
          );
        } catch (error) {
          early.cancel();
          throw error;
        }
      },
      'astro:build:done': async (params) => {
        const { logger } = params;
        // The search index's garbage, before the scan of every page.
        collectGarbage();
        const pages = incremental.pages(params.pages);
        await timed(logger, 'sitemap', () => mapHooks['astro:build:done']?.({ ...params, pages }));
        const outDir = fileURLToPath(params.dir);
        const vouched = incremental.keptPageKeys();
        const keys = await timed(logger, 'finish build', () =>
          finishBuild({ root, outDir, base, site, logger, cache: scanCache, early, vouched }),
        );
        await timed(logger, 'host limits', () => checkOutput(outDir, target, logger));
        await timed(logger, 'keep output', () => incremental.save(outDir, pages, logger, keys));
      },
    },
  };
}
