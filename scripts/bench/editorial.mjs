// `npm run bench:editorial [-- --articles 1000 --runs 5 --seed 1]`: times the editorial commands
// against their budgets (issue 15): drafting a 1,000-word article under 2 s, and `review` over
// 1,000 articles under 10 s. Each is measured in process (the work itself, median of --runs after
// one warm-up) and as a fresh process (what an editor waits for, Node and module loading
// included). Results go to .bench/results/ as JSON. See docs/drafting.md.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createJiti } from 'jiti';
import { generateArticle, generatePools, stripAnnotations, writeCorpus } from './corpus.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const JITI = path.join(ROOT, 'node_modules/jiti/lib/jiti-cli.mjs');

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

const jiti = createJiti(import.meta.url);
const { draftArticle } = await jiti.import(path.join(ROOT, 'src/editorial/draft.ts'));
const { runReview } = await jiti.import(path.join(ROOT, 'src/editorial/review-command.ts'));
const { loadRegistry } = await jiti.import(path.join(ROOT, 'src/collections/registry.ts'));

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
    const r = spawnSync(process.execPath, [JITI, ...args], { cwd: root, encoding: 'utf8' });
    const ms = performance.now() - t0;
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} failed:\n${r.stderr}`);
    return ms;
  };
  const draftArgs = [path.join(ROOT, 'scripts/new.ts'), 'article.txt', '--url', 'https://example.com/a/bench-article'];
  const draftCli = cli(draftRoot, [...draftArgs, '--outlet', 'reuters', '--published', published, '--force']);
  say(
    `Draft of ${raw.words} words: ${round(median(draftRuns))} ms in process (median of ${runs}), ${round(draftCli)} ms as a fresh process`,
  );

  // 2. The review over `articles` generated articles (a full content folder).
  const reviewRoot = path.join(work, 'review');
  mkdirSync(path.join(reviewRoot, 'content'), { recursive: true });
  writeCorpus(path.join(reviewRoot, 'content'), { articles, seed });
  runReview(['--all'], reviewRoot);
  const reviewRuns = Array.from({ length: runs }, () => time(() => runReview(['--all'], reviewRoot)));
  const reviewCli = cli(reviewRoot, [path.join(ROOT, 'scripts/review.ts'), '--all']);
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
    // The machine is shared: the load average says how much else was running.
    loadavg: loadavg().map((x) => Number(x.toFixed(2))),
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
    say(`JSON: ${path.relative(ROOT, file)} (load average ${results.loadavg.join(', ')} on ${results.cpus} CPUs)`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
