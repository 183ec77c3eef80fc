// A site served under /sourced/ (GitHub project pages): built with BASE_PATH=/sourced/, every
// internal link, asset and fragment resolves inside the base, the host files know the base,
// and in Chromium every page loads with nothing missing and search finds the article.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIntegrity, formatIntegrityProblems } from '../../src/integrations/finish-build/integrity';
import { readArticleClaims, readBuiltSite } from '../../src/integrations/finish-build/built-site';
import { builtPages, openSite, waitForSearchResults, type Site } from '../support/browser';
import { SEED_PATH } from '../support/content';
import { ROOT, buildSite } from '../support/global-setup';

const BASE = '/sourced/';
let outDir: string;

beforeAll(() => {
  outDir = buildSite({ BASE_PATH: BASE });
}, 600_000);
afterAll(() => {
  if (outDir) rmSync(path.dirname(outDir), { recursive: true, force: true });
});

describe('a build with BASE_PATH=/sourced/', () => {
  it('has no broken internal link, asset or fragment, and nothing outside the base', () => {
    const { pages, files } = readBuiltSite(outDir);
    const problems = checkIntegrity({
      base: BASE,
      site: 'https://sourced.example',
      pages,
      files,
      articles: readArticleClaims(ROOT),
    });
    expect(problems, formatIntegrityProblems(problems)).toEqual([]);
  });

  it('points every page’s navigation, stylesheet and icon inside the base', () => {
    const { pages } = readBuiltSite(outDir);
    expect(pages.size).toBeGreaterThan(3);
    for (const [file, html] of pages) {
      const hrefs = [...html.matchAll(/\s(?:href|src)="(\/[^"]*)"/g)].map((m) => m[1]!);
      expect(hrefs.length, file).toBeGreaterThan(0);
      expect(
        hrefs.filter((h) => !h.startsWith(BASE)),
        file,
      ).toEqual([]);
    }
  });

  it('writes host files that know the base: cache rules for its assets and a rewrite for root hosts', () => {
    expect(readFileSync(path.join(outDir, '_headers'), 'utf8')).toContain(
      `${BASE}_astro/*\n  Cache-Control: public, max-age=31536000, immutable`,
    );
    expect(readFileSync(path.join(outDir, '_redirects'), 'utf8')).toContain(`${BASE}*  /:splat  200`);
  });
});

describe('the /sourced/ build in Chromium', () => {
  let site: Site;
  const previous = process.env['BASE_PATH'];

  beforeAll(async () => {
    // The preview server reads the base from the config, which reads BASE_PATH.
    process.env['BASE_PATH'] = BASE;
    site = await openSite(outDir);
  });
  afterAll(async () => {
    await site?.close();
    if (previous === undefined) delete process.env['BASE_PATH'];
    else process.env['BASE_PATH'] = previous;
  });

  it('loads every page and everything it asks for, with no failed request', async () => {
    const page = await site.browser.newPage();
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    // Moving to the next page cancels what is still loading (often the icon); that is no failure.
    page.on('requestfailed', (r) => {
      if (r.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(`${r.failure()?.errorText} ${r.url()}`);
    });
    const paths = builtPages(outDir);
    for (const p of paths) {
      const response = await page.goto(`${site.origin}${BASE}${p.slice(1)}`, { waitUntil: 'load' });
      expect(response?.status(), p).toBe(200);
    }
    await page.close();
    expect(failed).toEqual([]);
  }, 300_000);

  it('searches from /sourced/search/ and links results inside the base', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}${BASE}search/?q=Pezeshkian`);
    await page.locator('#search .pagefind-ui__message', { hasText: /\d+ results? for/ }).waitFor({ timeout: 20_000 });
    await waitForSearchResults(page);
    const hrefs = await page
      .locator('#search .pagefind-ui__result a')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    expect(hrefs).toContain(`${BASE}${SEED_PATH.slice(1)}`);
    await page.close();
  });
});
