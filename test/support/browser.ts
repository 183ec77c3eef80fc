// One preview server and one Debian Chromium per test file.
import { preview } from 'astro';
import { chromium, type Browser, type Page } from 'playwright-core';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './global-setup';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export interface Site {
  /** Origin of the preview server, e.g. http://localhost:4400 */
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

let nextPort = 4400 + Math.floor(Math.random() * 500);

export async function openSite(outDir: string): Promise<Site> {
  const port = nextPort++;
  const server = await preview({ root: ROOT, outDir, logLevel: 'error', server: { port, host: '127.0.0.1' } });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    origin: `http://127.0.0.1:${port}`,
    browser,
    async close() {
      await browser.close();
      await server.stop();
    },
  };
}

/** Every built HTML page, as a site path such as /articles/x/. */
export function builtPages(outDir: string): string[] {
  return readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => `/${f.split(path.sep).join('/')}`.replace(/index\.html$/, ''))
    .sort();
}

/** Waits until Pagefind has filled in every result it listed: it shows placeholders first. */
export async function waitForSearchResults(page: Page, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const lis = [...document.querySelectorAll('#search .pagefind-ui__result')];
      return lis.length > 0 && lis.every((li) => li.querySelector('.pagefind-ui__result-link'));
    },
    undefined,
    { timeout },
  );
}
