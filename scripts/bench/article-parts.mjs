// `node scripts/bench/article-parts.mjs <out> [slug…]`: where an article page's bytes go, by part
// (head, JSON-LD, the text and each kind of markup in it, the cards, the lists). With no slug it
// averages every article in <out>. Raw bytes, as the host stores them; gzip for the page as a whole.
// It then prints each article's files by kind (page, annotations, preview image, claims list,
// claim pages), averaged the same way.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';

/** The element children of `parent` that come before `child`. */
const before = (parent, child) =>
  parent.children.filter((c) => c.type === 'element' && c.position.end.offset <= child.position.start.offset);

/** Bytes of one page, by part; parts overlap only where the name says "of which". */
export function articleParts(html) {
  const tree = fromHtml(html);
  const bytes = (node) =>
    node?.position ? Buffer.byteLength(html.slice(node.position.start.offset, node.position.end.offset)) : 0;
  const sum = (nodes) => nodes.reduce((n, el) => n + bytes(el), 0);
  /** An element's own tags: its bytes less its children's. */
  const tags = (el) => bytes(el) - sum(el.children);
  const body = select('.article-body', tree);
  const cards = select('.claim-cards', tree);
  const glossaryCards = select('.glossary-cards', tree);
  const bibliography = select('.bibliography', tree);
  const marks = selectAll('mark.claim', body);
  const buttons = selectAll('mark.claim button', body);
  const holds = selectAll('mark.claim :is(.claim-start, .claim-end)', body);
  const mentions = selectAll('[data-glossary]', body);
  const dates = selectAll('time.resolved-date', body);
  const text = bytes(body) - bytes(cards) - bytes(glossaryCards) - bytes(bibliography);
  const markTags = marks.reduce((n, el) => n + tags(el), 0) + holds.reduce((n, el) => n + tags(el), 0);
  const head = select('head', tree);
  const jsonLd = sum(selectAll('script[type="application/ld+json"]', tree));
  const article = select('article', tree);
  const reading = select('section.reading', tree);
  return {
    page: Buffer.byteLength(html),
    'page, gzip': gzipSync(html, { level: 6 }).length,
    head: bytes(head),
    '  of which JSON-LD': jsonLd,
    'body outside the article (nav, footer)': bytes(select('body', tree)) - bytes(article),
    'article header, original, chart': sum(before(article, reading)),
    '  of which the chart': bytes(select('.sourcing-chart', tree)),
    'reading views': bytes(select('.reading-views', tree)),
    'text with its marks': text,
    '  of which claim marks (tags, buttons)': markTags + sum(buttons),
    '    of which buttons': sum(buttons),
    '  of which mention tags': mentions.reduce((n, el) => n + tags(el), 0),
    '  of which date tags': dates.reduce((n, el) => n + tags(el), 0),
    'claim cards': bytes(cards),
    'glossary cards': bytes(glossaryCards),
    bibliography: bytes(bibliography),
    'sources panel': bytes(select('section[aria-labelledby="sources-heading"]', tree)),
    'claims in text': marks.length,
  };
}

/**
 * The slugs given, or else every article folder of `dir` that holds a page, sorted.
 * @param {string} dir
 * @param {string[]} slugs
 * @returns {string[]}
 */
function articleSlugs(dir, slugs) {
  if (slugs.length) return slugs;
  return readdirSync(dir)
    .filter((s) => existsSync(path.join(dir, s, 'index.html')))
    .sort();
}

/** Every part, averaged over the article pages of a built site (or the slugs given). */
export function averageParts(out, slugs = []) {
  const dir = path.join(out, 'articles');
  const pages = articleSlugs(dir, slugs);
  const total = {};
  for (const slug of pages) {
    const parts = articleParts(readFileSync(path.join(dir, slug, 'index.html'), 'utf8'));
    for (const [k, v] of Object.entries(parts)) total[k] = (total[k] ?? 0) + v;
  }
  return { pages, parts: Object.fromEntries(Object.entries(total).map(([k, v]) => [k, Math.round(v / pages.length)])) };
}

/** Bytes and counts of each article's files, by kind, averaged over the articles given or all. */
export function articleFiles(out, slugs = []) {
  const dir = path.join(out, 'articles');
  const pages = articleSlugs(dir, slugs);
  const size = (...p) => (existsSync(path.join(dir, ...p)) ? statSync(path.join(dir, ...p)).size : 0);
  const total = {};
  const add = (k, v) => (total[k] = (total[k] ?? 0) + v);
  for (const slug of pages) {
    add('article page', size(slug, 'index.html'));
    add('annotations.jsonld', size(slug, 'annotations.jsonld'));
    add('preview image (og.png)', size(slug, 'og.png'));
    add('claims list', size(slug, 'claims', 'index.html'));
    const claimsDir = path.join(dir, slug, 'claims');
    const claims = existsSync(claimsDir)
      ? readdirSync(claimsDir).filter((c) => existsSync(path.join(claimsDir, c, 'index.html')))
      : [];
    add(
      'claim pages',
      claims.reduce((n, c) => n + size(slug, 'claims', c, 'index.html'), 0),
    );
    add('claim pages (count)', claims.length);
  }
  const avg = Object.fromEntries(Object.entries(total).map(([k, v]) => [k, v / pages.length]));
  const count = avg['claim pages (count)'] ?? 0;
  return {
    pages,
    files: {
      ...Object.fromEntries(Object.entries(avg).map(([k, v]) => [k, k.endsWith('(count)') ? v : Math.round(v)])),
      'one claim page': count ? Math.round((avg['claim pages'] ?? 0) / count) : 0,
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [out, ...slugs] = process.argv.slice(2);
  if (!out || !existsSync(path.join(out, 'articles'))) {
    console.error('Usage: node scripts/bench/article-parts.mjs <built site folder> [article slug…]');
    process.exit(2);
  }
  const { pages, parts } = averageParts(out, slugs);
  console.log(`${pages.length === 1 ? pages[0] : `average of ${pages.length} article pages`} (bytes)`);
  for (const [k, v] of Object.entries(parts)) console.log(`${k.padEnd(42)} ${v.toLocaleString('en-GB').padStart(9)}`);
  const { files } = articleFiles(out, slugs);
  console.log(`\nfiles of ${pages.length === 1 ? 'the article' : 'an article, on average'} (bytes)`);
  for (const [k, v] of Object.entries(files)) console.log(`${k.padEnd(42)} ${v.toLocaleString('en-GB').padStart(9)}`);
}
