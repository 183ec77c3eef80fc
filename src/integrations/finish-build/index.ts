/**
 * The end of a build, after every page is written. Reads every page (scanBuiltSite, across
 * worker threads) and scans it, unless a scan of the same bytes was made earlier in this build
 * (EarlyScan, started as the pages were written) or kept from an earlier build, then:
 * - fails the build when the site does not hold together: a claim lost or doubled on its page,
 *   a broken internal link or fragment, or a plain http: link (integrity.ts);
 * - writes `_headers` and `_redirects` for Netlify and Cloudflare Pages, with the Content
 *   Security Policy Astro put in every page's meta tag (hashes included) plus what only a header
 *   can say (host-config.ts). A page without a policy fails the build.
 * The last step of the post-build integration (../post-build); scripts/build.mjs only swaps the
 * new build into dist/ when this passes.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { readArticleClaims, scanBuiltSite, SCAN_WORKER, type EarlyScan } from './built-site';
import { headerPolicy, headersFile, redirectsFile } from './host-config';
import { loadHttpOnlyHosts } from '../../lib/http-only-hosts';
import { checkScannedSite, formatIntegrityProblems } from './integrity';
import type { PageScan } from './page-scan.mjs';
import { KeyedCache } from '../../lib/keyed-cache';

export { builtPages, EarlyScan, SCAN_WORKER } from './built-site';

export interface FinishBuildInput {
  /** The project root, where content/ is. */
  root: string;
  outDir: string;
  base: string;
  site: string | undefined;
  logger: AstroIntegrationLogger;
  /**
   * The pages' scans kept between builds (pageScanCache); without it every page is scanned.
   * Saved here, once every page's scan is known.
   */
  cache?: KeyedCache<PageScan> | undefined;
  /** Pages scanned earlier in this build, as they became final; awaited here. */
  early?: EarlyScan | undefined;
  /** Content keys of pages whose bytes are known without reading them (ScanOptions.vouched). */
  vouched?: ReadonlyMap<string, string> | undefined;
}

/**
 * The pages' scans kept between builds in `scanCache.file`, made with the code of
 * `scanCache.version` (any change of it discards them); without it, nothing is kept.
 */
export const pageScanCache = (scanCache: { file: string; version: string } | undefined): KeyedCache<PageScan> =>
  new KeyedCache<PageScan>(scanCache?.file, scanCache?.version ?? '');

/** Checks the site and writes the host files; resolves with every page's content key, by path. */
export async function finishBuild({
  root,
  outDir,
  base,
  site,
  logger,
  cache = pageScanCache(undefined),
  early,
  vouched,
}: FinishBuildInput): Promise<Map<string, string>> {
  const { pages, files, scanned, scannedEarly, read, keys } = await scanBuiltSite(outDir, {
    workerScript: SCAN_WORKER,
    cache,
    vouched,
    early: await early?.scans(),
  });
  // Scans depend on nothing but their page, so they are kept even if the check below fails.
  cache.save();
  const problems = checkScannedSite({
    base,
    site,
    pages,
    files,
    articles: readArticleClaims(root),
    httpOnlyHosts: loadHttpOnlyHosts(root),
  });
  if (problems.length) throw new Error(formatIntegrityProblems(problems));
  logger.info(
    `${pages.size} pages: claims, links and fragments check out (${read} read, ${scannedEarly} scanned as they were written and ${scanned} now, the others' scans kept from an earlier build)`,
  );

  const policies: string[] = [];
  const missing: string[] = [];
  for (const [file, scan] of pages) {
    if (scan.policy) policies.push(scan.policy);
    else missing.push(file);
  }
  if (missing.length) {
    throw new Error(
      `These pages have no Content Security Policy meta tag (is security.csp on?):\n  ${missing.join('\n  ')}`,
    );
  }
  writeFileSync(path.join(outDir, '_headers'), headersFile({ base, csp: headerPolicy(policies) }));
  writeFileSync(path.join(outDir, '_redirects'), redirectsFile({ base }));
  logger.info(`_headers and _redirects written; one policy for ${policies.length} pages`);
  return keys;
}
