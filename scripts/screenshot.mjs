// Screenshots of built pages in Debian's Chromium, for looking at what we build.
// Usage: node scripts/screenshot.mjs /articles/slug/ [out-dir]   (after `npm run build`)
import { preview } from 'astro';
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const paths = process.argv.slice(2).filter((a) => a.startsWith('/'));
const out = process.argv.slice(2).find((a) => !a.startsWith('/')) ?? '/tmp/shots';
mkdirSync(out, { recursive: true });
const server = await preview({ root: process.cwd(), logLevel: 'error', server: { port: 4391 } });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  for (const path of paths.length ? paths : ['/']) {
    for (const [name, width, scheme] of [
      ['wide', 1440, 'light'],
      ['narrow', 320, 'light'],
      ['narrow-dark', 390, 'dark'],
    ]) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
      await page.goto(`http://localhost:4391${path}`);
      const file = `${out}/${path.replace(/[^a-z0-9]+/gi, '_')}${name}.png`;
      await page.screenshot({ path: file, fullPage: name === 'wide' });
      console.log(file);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
