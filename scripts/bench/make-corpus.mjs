// `npm run bench:corpus -- --articles N [--seed S] [--out DIR] [--plain]`: writes a synthetic
// content folder (see corpus.mjs) and prints where it is. It refuses to write into content/.
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from './corpus.mjs';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
    plain: { type: 'boolean', default: false },
  },
});
const articles = Number(values.articles);
const seed = Number(values.seed);
if (!Number.isInteger(articles) || articles < 1 || !Number.isInteger(seed)) {
  console.error('Usage: npm run bench:corpus -- --articles N [--seed S] [--out DIR] [--plain]  (N ≥ 1, S an integer)');
  process.exit(2);
}
const out = path.resolve(values.out ?? mkdtempSync(path.join(tmpdir(), 'sourced-corpus-')));
const project = path.resolve(import.meta.dirname, '../..');
const rel = path.relative(path.join(project, 'content'), out);
if (!rel.startsWith('..') && !path.isAbsolute(rel)) {
  console.error(`Refusing to write into the project's content/ folder (${out}); pick a folder elsewhere.`);
  process.exit(2);
}
if (existsSync(out) && readdirSync(out).length > 0 && values.out) {
  console.error(`${out} is not empty; give an empty or new folder so no files are mixed or overwritten.`);
  process.exit(2);
}
const t0 = performance.now();
const totals = writeCorpus(out, { articles, seed, plain: values.plain });
const ms = Math.round(performance.now() - t0);
const per = (k) => (totals[k] / articles).toFixed(1);
console.log(`Wrote ${articles} ${values.plain ? 'plain' : 'annotated'} articles (seed ${seed}) to ${out} in ${ms} ms`);
console.log(
  `Per article: ${per('words')} words, ${per('claims')} claims, ${per('mentions')} glossary mentions, ` +
    `${per('citations')} citations, ${(totals.bytes / articles / 1024).toFixed(1)} KB`,
);
