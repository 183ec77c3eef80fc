// `npm run bench [-- --sizes 100,1000,2000 --seed 1 --keep]`: builds the site over generated
// corpora and prints build time, memory, output size, overhead against plain builds of the same
// text, and page weight. Results go to .bench/results/ as JSON. See docs/performance.md.
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
// Node 24 strips the types; the module imports only node: built-ins.
import { measureOutput } from '../../src/integrations/host-limits/limits.ts';
import { buildProcessEnv } from '../lib/build-process.mjs';
import { buildEnv, copyProjectTo } from '../lib/project-copy.mjs';
import { writeCorpus } from './corpus.mjs';
import { pageWeights, weighPage } from './page-weight.mjs';
import { writePlainSite } from './plain-site.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ASTRO = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');
const TIME = '/usr/bin/time';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,2000' },
    seed: { type: 'string', default: '1' },
    /** Skip the two plain builds (quicker, but no overhead ratios). */
    'no-plain': { type: 'boolean', default: false },
    /** Keep the generated projects and outputs for inspection. */
    keep: { type: 'boolean', default: false },
    /** Write a V8 CPU profile of each cold build to .bench/profiles/ (open it in Chrome DevTools). */
    profile: { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map(Number);
const seed = Number(values.seed);
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(seed)) {
  console.error('Usage: npm run bench -- [--sizes 100,1000,2000] [--seed 1] [--no-plain] [--keep]');
  process.exit(2);
}

/** Runs `astro build` in `cwd`; returns wall seconds and peak RSS (MiB) of the build process. */
function build(cwd, env, label) {
  const profile =
    values.profile && label === 'cold' ? ['--cpu-prof', `--cpu-prof-dir=${path.join(ROOT, '.bench/profiles')}`] : [];
  // The warm build logs at the default level, for the line that says it was incremental.
  const args = [...profile, ASTRO, 'build', ...(label === 'warm' ? [] : ['--silent'])];
  const stats = path.join(cwd, `.time-${label}`);
  // GNU time reports the child's max RSS from the kernel (getrusage), which polling can miss.
  const useTime = existsSync(TIME);
  const t0 = performance.now();
  const r = useTime
    ? spawnSync(TIME, ['-f', '%M', '-o', stats, process.execPath, ...args], {
        cwd,
        env,
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      })
    : spawnSync(process.execPath, args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) {
    console.error(r.stdout, r.stderr);
    throw new Error(`${label}: astro build failed with exit code ${r.status} in ${cwd}`);
  }
  const peakMiB = useTime ? Number(readFileSync(stats, 'utf8').trim().split('\n').pop()) / 1024 : null;
  const out = { seconds: round(seconds, 2), peakMiB: peakMiB === null ? null : round(peakMiB, 0) };
  if (label !== 'warm') return out;
  // A warm build that fell back to cold would measure the wrong thing without saying so.
  const plan = /(incremental: \d+ of \d+ articles re-rendered[^\n]*|cold build: [^\n]*)/.exec(r.stdout)?.[1];
  if (!plan?.startsWith('incremental: 1 of ')) throw new Error(`warm: expected an incremental build, got: ${plan}`);
  return { ...out, plan };
}

/** Every file of the output, with the claim pages apart, as the build's host check counts them. */
function du(dir) {
  const o = measureOutput(dir);
  return { files: o.files, MiB: round(o.bytes / 1048576, 1), bytes: o.bytes, claimPages: o.claimPages };
}

const round = (x, d) => Math.round(x * 10 ** d) / 10 ** d;

/** Appends a sentence to one article's body, as an editor would. */
function editOneArticle(contentDir) {
  const dir = path.join(contentDir, 'articles');
  const first = readdirSync(dir).sort()[0];
  appendFileSync(path.join(dir, first), '\nAn editor added this sentence to measure a warm rebuild.\n');
}

const work = mkdtempSync(path.join(tmpdir(), 'sourced-bench-'));
const results = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memGiB: round(totalmem() / 2 ** 30, 1),
    node: process.version,
  },
  seed,
  /** What scripts/build.mjs adds to the build's environment; the cold and warm builds get it too. */
  buildProcessEnv: buildProcessEnv(process.env),
  sizes: [],
  pageWeight: null,
};
const processEnv = Object.entries(results.buildProcessEnv).map(([k, v]) => `${k}=${v}`);
console.log(
  `Benchmark in ${work} (Node ${process.version}, ${cpus().length} cores; builds with ${processEnv.join(' ')})\n`,
);

try {
  for (const n of sizes) {
    const row = { articles: n };
    // The site, in a copy whose content/ is the generated corpus.
    const site = path.join(work, `site-${n}`);
    const corpus = path.join(work, `corpus-${n}`);
    row.corpus = writeCorpus(corpus, { articles: n, seed });
    copyProjectTo(ROOT, site, { content: corpus });
    const out = path.join(work, `out-${n}`);
    // The process `npm run build` starts (scripts/build.mjs), not a bare `astro build`.
    const env = buildEnv({
      ...buildProcessEnv(process.env),
      SOURCED_OUT_DIR: out,
      SOURCED_CACHE_DIR: path.join(work, `cache-${n}`),
    });

    process.stdout.write(`${n} articles: cold build… `);
    row.cold = build(site, env, 'cold');
    row.output = du(out);
    const pages = du(path.join(out, 'articles'));
    row.output.articlePages = pages.files;
    // Issue 17 reads these at every size: bytes and files per article, and the home page's weight.
    row.output.perArticleKB = round((row.output.MiB * 1024) / n, 1);
    row.output.filesPerArticle = round(row.output.files / n, 1);
    // Split, because the claim pages' share is the site's choice (claimPages) and the rest is not.
    row.output.claimPagesPerArticleKB = round(row.output.claimPages.bytes / 1024 / n, 1);
    row.output.restPerArticleKB = round((row.output.bytes - row.output.claimPages.bytes) / 1024 / n, 1);
    row.output.claimPageKB = row.output.claimPages.files
      ? round(row.output.claimPages.bytes / 1024 / row.output.claimPages.files, 2)
      : null;
    row.homeGzipKB = round(weighPage(out, 'index.html').total / 1024, 1);
    process.stdout.write(`${row.cold.seconds} s; warm rebuild… `);
    editOneArticle(path.join(site, 'content'));
    row.warm = build(site, env, 'warm');
    process.stdout.write(`${row.warm.seconds} s (${row.warm.plan})`);

    if (!values['no-plain']) {
      for (const processor of ['unified', 'default']) {
        const plain = path.join(work, `plain-${processor}-${n}`);
        writePlainSite(plain, ROOT, processor);
        writeCorpus(path.join(plain, 'content'), { articles: n, seed, plain: true });
        process.stdout.write(`; plain (${processor})… `);
        row[`plain-${processor}`] = build(
          plain,
          buildEnv({ PLAIN_OUT_DIR: path.join(plain, 'dist'), PLAIN_CACHE_DIR: path.join(plain, 'cache') }),
          'plain',
        );
        process.stdout.write(`${row[`plain-${processor}`].seconds} s`);
        if (!values.keep) rmSync(plain, { recursive: true, force: true });
      }
      row.overhead = {
        unified: round(row.cold.seconds / row['plain-unified'].seconds, 2),
        default: round(row.cold.seconds / row['plain-default'].seconds, 2),
      };
    }
    process.stdout.write('\n');
    if (!results.pageWeight) results.pageWeight = pageWeights(out);
    results.sizes.push(row);
    if (!values.keep) rmSync(site, { recursive: true, force: true });
    if (!values.keep) rmSync(out, { recursive: true, force: true });
  }
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}

// Budgets from issue 6, read against this run.
const budgets = [];
const bySize = new Map(results.sizes.map((r) => [r.articles, r]));
const check = (name, value, limit, unit) =>
  budgets.push({ name, value, limit, unit, ok: value !== null && value !== undefined && value <= limit });
if (bySize.has(1000)) {
  check('cold build, 1,000 articles', bySize.get(1000).cold.seconds, 40, 's');
  check('warm rebuild, 1,000 articles, one edited', bySize.get(1000).warm.seconds, 12, 's');
  if (bySize.get(1000).overhead) check('overhead vs plain unified, 1,000', bySize.get(1000).overhead.unified, 1.5, '×');
}
if (bySize.has(1000) && bySize.has(2000))
  check('2,000 / 1,000 cold time', round(bySize.get(2000).cold.seconds / bySize.get(1000).cold.seconds, 2), 2.2, '×');
if (bySize.has(2000)) check('peak memory, 2,000 articles', bySize.get(2000).cold.peakMiB, 2048, 'MiB');
const article = results.pageWeight?.pages.find((p) => p.type === 'article');
if (article) {
  check('article page, gzip total', round(article.total / 1024, 1), 60, 'KB');
  check('article page, JS gzip', round(article.js / 1024, 1), 5, 'KB');
}
// The editorial commands' budgets (issue 15), measured by their own benchmark.
const editorial = spawnSync(process.execPath, [path.join(ROOT, 'scripts/bench/editorial.mjs'), '--json'], {
  encoding: 'utf8',
});
if (editorial.status === 0) budgets.push(...(results.editorial = JSON.parse(editorial.stdout)).budgets);
results.budgets = budgets;

// Budgets from issue 17, each beside the plain baseline it is measured against (same run).
const budgets17 = [];
const check17 = (name, value, baseline, limit, unit) =>
  budgets17.push({ name, value, baseline, limit, unit, ok: value !== null && value !== undefined && value <= limit });
if (bySize.has(1000)) {
  const r = bySize.get(1000);
  const plain = r['plain-unified']?.seconds;
  if (plain) {
    check17(
      'cold build ÷ plain unified, 1,000',
      round(r.cold.seconds / plain, 2),
      `${r.cold.seconds} s vs ${plain} s`,
      5,
      '×',
    );
    check17(
      'warm rebuild (one edited) ÷ plain unified cold, 1,000',
      round(r.warm.seconds / plain, 2),
      `${r.warm.seconds} s vs ${plain} s`,
      1.5,
      '×',
    );
  }
  check17(
    'peak memory, 1,000',
    r.cold.peakMiB,
    r['plain-unified'] ? `plain ${r['plain-unified'].peakMiB} MiB` : '-',
    1536,
    'MiB',
  );
  check17(
    'output per article, 1,000',
    r.output.perArticleKB,
    `${r.output.filesPerArticle} files an article; claim pages ${r.output.claimPagesPerArticleKB} KB ` +
      `(${r.output.claimPageKB} KB each), the rest ${r.output.restPerArticleKB} KB`,
    200,
    'KB',
  );
}
for (const r of results.sizes)
  check17(`home page gzip, ${r.articles.toLocaleString('en-GB')}`, r.homeGzipKB, '-', 30, 'KB');
results.budgets17 = budgets17;

// The report.
const table = (head, rows) => {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padStart(widths[i])).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  console.log('');
};
console.log('\nBuilds (cold: empty cache; warm: cache and output kept, one article edited, incremental)\n');
table(
  [
    'articles',
    'cold s',
    'ms/article',
    'peak MiB',
    'warm s',
    'files',
    'out MiB',
    'KB/article',
    'files/article',
    'home gzip KB',
    'plain unified s',
    'plain default s',
    '× unified',
    '× default',
  ],
  results.sizes.map((r) => [
    r.articles,
    r.cold.seconds,
    Math.round((r.cold.seconds * 1000) / r.articles),
    r.cold.peakMiB ?? 'n/a',
    r.warm.seconds,
    r.output.files,
    r.output.MiB,
    r.output.perArticleKB,
    r.output.filesPerArticle,
    r.homeGzipKB,
    r['plain-unified']?.seconds ?? '-',
    r['plain-default']?.seconds ?? '-',
    r.overhead?.unified ?? '-',
    r.overhead?.default ?? '-',
  ]),
);
if (results.pageWeight) {
  console.log('Page weight, gzip bytes a reader transfers (from the first corpus)\n');
  table(
    ['page', 'html', 'css', 'js', 'images', 'total', 'js before interaction'],
    results.pageWeight.pages.map((p) => [p.type, p.html, p.css, p.js, p.images, p.total, p.jsBeforeInteraction]),
  );
}
console.log('Budgets (issue 6)\n');
table(
  ['budget', 'value', 'limit', 'result'],
  budgets.map((b) => [b.name, `${b.value} ${b.unit}`, `${b.limit} ${b.unit}`, b.ok ? 'met' : 'MISSED']),
);

console.log('Budgets (issue 17), beside the plain baselines of the same run\n');
table(
  ['budget', 'value', 'baseline', 'limit', 'result'],
  budgets17.map((b) => [b.name, `${b.value} ${b.unit}`, b.baseline, `${b.limit} ${b.unit}`, b.ok ? 'met' : 'MISSED']),
);
if (!bySize.has(1000)) console.log('(Issue 17 reads build time, memory and output at 1,000 articles: --sizes 1000.)\n');

const dir = path.join(ROOT, '.bench/results');
mkdirSync(dir, { recursive: true });
const file = path.join(dir, `bench-${results.date.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`JSON: ${path.relative(ROOT, file)}`);
