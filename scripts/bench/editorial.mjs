// `npm run bench:editorial [-- --articles 1000 --runs 5 --seed 1]`: times the editorial commands
// against their budgets (issue 15): drafting a 1,000-word article under 2 s, and `review` over
// 1,000 articles under 10 s. Each is measured in process (the work itself, median of --runs after
// one warm-up) and as a fresh process (what an editor waits for, Node and module loading
// included), both running the bundle `npm run new` and `npm run review` run
// (scripts/lib/editorial-bundle.mjs). The first run after a code change, which makes the bundle,
// is timed too, apart from the budgets. Results go to .bench/results/ as JSON. See docs/drafting.md.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { editorialBundle, loadEditorial, removeBundle } from '../lib/editorial-bundle.mjs';
import { generateArticle, generatePools, stripAnnotations, writeCorpus } from './corpus.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EDITORIAL = path.join(ROOT, 'scripts/editorial.mjs');

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '5' },
    seed: { type: 'string', default: '1' },
    /** Write only the result to stdout as JSON, nothing to .bench/results/ (for `npm run bench`). */
    json: { type: 'boolean', default: false },
  },
});
const articles = Number(values.articles);
const runs = Number(values.runs);
const seed = Number(values.seed);
if (![articles, runs, seed].every(Number.isInteger) || articles < 1 || runs < 1) {
  console.error('Usage: npm run bench:editorial -- [--articles 1000] [--runs 5] [--seed 1] [--json]');
  process.exit(2);
}
const say = values.json ? () => {} : (...a) => console.log(...a);

// The machine is shared: the load average says how much else was running (at the start and the end).
const loadAtStart = loadavg().map((x) => Number(x.toFixed(2)));
// The first run after a code change makes the bundle: timed once, from no bundle at all.
removeBundle();
const t0 = performance.now();
const { built } = await editorialBundle();
const bundleMs = performance.now() - t0;
if (!built) throw new Error('The editorial bundle was not made again after its removal.');
const { draftArticle } = await loadEditorial('draft');
const { runReview } = await loadEditorial('review');
const { loadRegistry } = await loadEditorial('registry');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (f) => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};
const round = (ms) => Math.round(ms);

/** A plain news-shaped text of about `words` words: corpus articles with their marks stripped. */
function rawText(words) {
  const pools = generatePools(seed);
  const paragraphs = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const body = stripAnnotations(generateArticle(pools, seed, i).markdown)
      .split(/^---$/m)
      .at(-1);
    for (const p of body.split(/\n\s*\n/).map((x) => x.trim())) {
      if (!p || p.startsWith('#') || count >= words) continue;
      paragraphs.push(p);
      count += p.split(/\s+/).length;
    }
  }
  return { text: paragraphs.join('\n\n'), words: count };
}

const work = mkdtempSync(path.join(tmpdir(), 'sourced-bench-editorial-'));
try {
  // 1. Drafting a 1,000-word article, against the repository's own glossary and sources.
  const raw = rawText(1000);
  const registry = loadRegistry(ROOT);
  const published = '2024-10-11';
  draftArticle(raw.text, registry, { published });
  const draftRuns = Array.from({ length: runs }, () => time(() => draftArticle(raw.text, registry, { published })));
  const draftRoot = path.join(work, 'draft');
  cpSync(path.join(ROOT, 'content'), path.join(draftRoot, 'content'), { recursive: true });
  writeFileSync(path.join(draftRoot, 'article.txt'), raw.text);
  const cli = (root, args) => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [EDITORIAL, ...args], { cwd: root, encoding: 'utf8' });
    const ms = performance.now() - t0;
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} failed:\n${r.stderr}`);
    return ms;
  };
  const draftArgs = ['new', 'article.txt', '--url', 'https://example.com/a/bench-article'];
  const draftCli = cli(draftRoot, [...draftArgs, '--outlet', 'reuters', '--published', published, '--force']);
  say(`Making the bundle (the first run after a code change): ${round(bundleMs)} ms`);
  say(
    `Draft of ${raw.words} words: ${round(median(draftRuns))} ms in process (median of ${runs}), ${round(draftCli)} ms as a fresh process`,
  );

  // 2. The review over `articles` generated articles (a full content folder).
  const reviewRoot = path.join(work, 'review');
  mkdirSync(path.join(reviewRoot, 'content'), { recursive: true });
  writeCorpus(path.join(reviewRoot, 'content'), { articles, seed });
  runReview(['--all'], reviewRoot);
  const reviewRuns = Array.from({ length: runs }, () => time(() => runReview(['--all'], reviewRoot)));
  const reviewCli = cli(reviewRoot, ['review', '--all']);
  say(
    `Review of ${articles} articles: ${round(median(reviewRuns))} ms in process (median of ${runs}), ${round(reviewCli)} ms as a fresh process`,
  );

  const scale = 1000 / articles;
  const budgets = [
    { name: 'draft a 1,000-word article', value: round(draftCli), unit: 'ms', limit: 2000 },
    { name: 'review 1,000 articles', value: round(reviewCli * scale), unit: 'ms', limit: 10000 },
  ].map((b) => ({ ...b, ok: b.value <= b.limit }));
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    loadavgAtStart: loadAtStart,
    loadavg: loadavg().map((x) => Number(x.toFixed(2))),
    bundleMs: round(bundleMs),
    draft: { words: raw.words, inProcessMs: draftRuns.map(round), freshProcessMs: round(draftCli) },
    review: { articles, inProcessMs: reviewRuns.map(round), freshProcessMs: round(reviewCli) },
    budgets,
  };
  for (const b of budgets)
    say(`${b.ok ? 'met' : 'MISSED'}: ${b.name}: ${b.value} ${b.unit} (limit ${b.limit} ${b.unit})`);
  if (values.json) console.log(JSON.stringify(results));
  else {
    const dir = path.join(ROOT, '.bench/results');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `editorial-${results.date.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(path.join(dir, 'editorial-latest.json'), `${JSON.stringify(results, null, 2)}\n`);
    say(
      `JSON: ${path.relative(ROOT, file)} (load average ${results.loadavgAtStart.join(', ')} at the start, ${results.loadavg.join(', ')} at the end, on ${results.cpus} CPUs)`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
