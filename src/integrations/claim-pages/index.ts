/**
 * Writes each claim's own page (articles/<slug>/claims/<id>/) from its article's claims page
 * (claim-pages.ts says how and why), and leaves the claims page itself a list without the full
 * summaries they were cut from. A step of the post-build integration (../post-build).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cutClaimsPage } from './claim-pages';

/**
 * Cuts every article's claims page under `outDir`; returns how many claim pages it wrote.
 * `written` is told each article's files as soon as they are written (the claims page and its
 * claim pages, relative to `outDir` with "/" separators), for a scan that starts early.
 */
export function writeClaimPages(outDir: string, written?: (files: string[]) => void): number {
  const articles = path.join(outDir, 'articles');
  let count = 0;
  for (const slug of existsSync(articles) ? readdirSync(articles) : []) {
    const index = path.join(articles, slug, 'claims', 'index.html');
    if (!existsSync(index)) continue;
    const { pages, claimsPage } = cutClaimsPage(readFileSync(index, 'utf8'));
    writeFileSync(index, claimsPage);
    const files = [`articles/${slug}/claims/index.html`];
    for (const page of pages) {
      const folder = path.join(articles, slug, 'claims', page.id);
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, 'index.html'), page.html);
      files.push(`articles/${slug}/claims/${page.id}/index.html`);
      count++;
    }
    written?.(files);
  }
  return count;
}
