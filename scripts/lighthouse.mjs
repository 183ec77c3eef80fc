// `npm run lighthouse [-- --desktop] [--dist DIR]`: Lighthouse (pinned in package.json) in Debian's
// Chromium over an article page, one of its claim pages and a glossary entry, served by
// `astro preview`. Prints the four category scores and writes the reports' scores to
// .bench/lighthouse/. Exits 1 if the article page scores under 100 in any category.
// Without --dist it builds the site first (npm run build), so it measures the current code.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { preview } from 'astro';
import { launch } from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { samplePages } from './bench/page-weight.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    desktop: { type: 'boolean', default: false },
    dist: { type: 'string' },
  },
});
const dist = path.resolve(values.dist ?? path.join(ROOT, 'dist'));
if (!values.dist) {
  const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

// The pages the benchmark weighs, less the home page: an article, its first claim, a glossary entry.
const pages = samplePages(dist)
  .filter((p) => p.type !== 'home')
  .map((p) => ({ type: p.type, path: `/${p.file.replace(/index\.html$/, '')}` }));
if (pages.length < 3) {
  console.error(`${dist} has no article, claim page or glossary entry to test; build the site first.`);
  process.exit(2);
}

const PORT = 4392;
process.env['SOURCED_OUT_DIR'] = dist;
const server = await preview({ root: ROOT, logLevel: 'error', server: { port: PORT } });
const chromePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const chrome = await launch({
  chromePath,
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const results = [];
try {
  for (const page of pages) {
    const run = await lighthouse(
      `http://localhost:${PORT}${page.path}`,
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES },
      values.desktop ? desktopConfig : undefined,
    );
    const lhr = run.lhr;
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
    // What cost points, so a score under 100 says why.
    const failing = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative')
      .map((a) => `${a.id} (${a.displayValue ?? a.score})`);
    results.push({
      ...page,
      scores,
      failing,
      lighthouse: lhr.lighthouseVersion,
      userAgent: lhr.environment.hostUserAgent,
    });
  }
} finally {
  await chrome.kill();
  await server.stop();
}

const preset = values.desktop ? 'desktop' : 'mobile';
console.log(`\nLighthouse ${results[0]?.lighthouse}, ${preset} preset, ${chromePath} (${results[0]?.userAgent})\n`);
const head = ['page', ...CATEGORIES];
const rows = results.map((r) => [`${r.type} ${r.path}`, ...CATEGORIES.map((c) => String(r.scores[c]))]);
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
for (const r of [head, widths.map((w) => '-'.repeat(w)), ...rows])
  console.log(r.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  '));
for (const r of results) if (r.failing.length) console.log(`\n${r.type}: below full marks on ${r.failing.join(', ')}`);

const dir = path.join(ROOT, '.bench/lighthouse');
mkdirSync(dir, { recursive: true });
const file = path.join(dir, `lighthouse-${preset}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify({ preset, results }, null, 2)}\n`);
console.log(`\nJSON: ${path.relative(ROOT, file)}`);

const article = results.find((r) => r.type === 'article');
const short = CATEGORIES.filter((c) => article.scores[c] < 100);
if (!values.desktop && short.length) {
  console.error(`The article page scores under 100 on mobile in: ${short.join(', ')}.`);
  process.exit(1);
}
