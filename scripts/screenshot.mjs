// Screenshots of built pages in Debian's Chromium, for looking at what we build (never committed).
//
//   node scripts/screenshot.mjs [--dist DIR] [--out DIR] [--widths 390,1280] [--schemes light,dark]
//                               [--full] [--print] [--card] [--selector CSS] [/path/ ...]
//
// Without paths it takes one page of each type from the built site: home, an article, its claims
// page, one claim page, the glossary index, a glossary entry, a search with a query, the
// methodology and the archive. Each is shot at every width and colour scheme (the first screen,
// or the whole page with --full, or only the first element --selector matches); --card adds the article with its first claim card open, and
// --print the article and a claim page as print media lays them out (and a PDF of each).
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { preview } from 'astro';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dist: { type: 'string' },
    out: { type: 'string', default: '/tmp/shots' },
    widths: { type: 'string', default: '390,768,1280,1440' },
    schemes: { type: 'string', default: 'light,dark' },
    full: { type: 'boolean', default: false },
    print: { type: 'boolean', default: false },
    card: { type: 'boolean', default: false },
    selector: { type: 'string' },
  },
});
const dist = path.resolve(values.dist ?? process.env['SOURCED_OUT_DIR'] ?? path.join(ROOT, 'dist'));
const out = path.resolve(values.out);
mkdirSync(out, { recursive: true });

/** The first folder under `dir` (a built page's address), or undefined. */
const firstDir = (dir) =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()[0]
    : undefined;

const slug = firstDir(path.join(dist, 'articles'));
const claim = slug ? firstDir(path.join(dist, 'articles', slug, 'claims')) : undefined;
const entry = firstDir(path.join(dist, 'glossary'));
const article = slug && `/articles/${slug}/`;
const pages = positionals.length
  ? positionals
  : [
      '/',
      article,
      article && `${article}claims/`,
      claim && `${article}claims/${claim}/`,
      '/glossary/',
      entry && `/glossary/${entry}/`,
      '/search/?q=Putin',
      '/methodology/',
      '/archive/',
    ].filter(Boolean);

const PORT = 4391;
process.env['SOURCED_OUT_DIR'] = dist;
const server = await preview({ root: ROOT, logLevel: 'error', server: { port: PORT } });
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const name = (p) => p.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home';

/**
 * Makes the window as tall as the page, until the height settles, so that what a reader would
 * see on scrolling is laid out: a whole-page capture alone leaves lists with
 * `content-visibility: auto` (src/lib/deferred-layout.ts) blank below the window.
 */
async function showWholePage(page) {
  const { width } = page.viewportSize();
  for (let i = 0, last = 0; i < 10; i++) {
    // The content's height, not the document's, which is at least the window's.
    const height = await page.evaluate(() =>
      Math.ceil(Math.max(...[...document.body.children].map((e) => e.getBoundingClientRect().bottom)) + scrollY),
    );
    if (height === last) break;
    last = height;
    await page.setViewportSize({ width, height });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  }
}

async function shoot(p, width, colorScheme, suffix, act) {
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
  await page.goto(`http://localhost:${PORT}${p}`, { waitUntil: 'networkidle' });
  if (p.startsWith('/search')) await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
  await act?.(page);
  const file = path.join(out, `${name(p)}-${width}-${colorScheme}${suffix}.png`);
  if (values.full && !act) await showWholePage(page);
  if (values.selector && !act) await page.locator(values.selector).first().screenshot({ path: file });
  else await page.screenshot({ path: file, fullPage: values.full && !act });
  console.log(file);
  return page;
}

try {
  for (const p of pages)
    for (const width of values.widths.split(',').map(Number))
      for (const scheme of values.schemes.split(',')) await (await shoot(p, width, scheme, '')).close();

  if (values.card && article)
    for (const width of values.widths.split(',').map(Number))
      for (const scheme of values.schemes.split(','))
        await (
          await shoot(article, width, scheme, '-card', async (page) => {
            // The marker is the keyboard's way in at every width; its card is the one a pointer opens.
            const marker = page.locator('mark.claim button.badge').first();
            await marker.focus();
            await page.keyboard.press('Enter');
            await page.locator('.claim-card:popover-open').waitFor();
          })
        ).close();

  if (values.print)
    for (const p of [article, claim && `${article}claims/${claim}/`].filter(Boolean))
      for (const scheme of values.schemes.split(',')) {
        const page = await browser.newPage({ viewport: { width: 794, height: 1123 }, colorScheme: scheme });
        await page.goto(`http://localhost:${PORT}${p}`, { waitUntil: 'networkidle' });
        await page.emulateMedia({ media: 'print', colorScheme: scheme });
        const file = path.join(out, `${name(p)}-print-${scheme}`);
        // One page-sized slice from the top and one where each printed part starts: the whole
        // page is too tall to look at in one picture.
        const parts = {
          top: 'body',
          notes: '.claim-cards',
          bibliography: '.bibliography',
          sources: '#sources-heading',
        };
        for (const [part, selector] of Object.entries(parts)) {
          const y = await page.evaluate(
            (sel) => Math.max(0, (document.querySelector(sel)?.getBoundingClientRect().top ?? -1) + scrollY - 40),
            selector,
          );
          if (part !== 'top' && y === 0) continue;
          await page.screenshot({
            path: `${file}-${part}.png`,
            fullPage: true,
            clip: { x: 0, y, width: 794, height: 1123 },
          });
          console.log(`${file}-${part}.png`);
        }
        await page.pdf({ path: `${file}.pdf`, format: 'A4', printBackground: true });
        console.log(`${file}.pdf`);
        await page.close();
      }
} finally {
  await browser.close();
  await server.stop();
}
