// Pages that list across the corpus stay the same size as it grows: a site of 60 generated
// articles (more than the home page, one archive page and an entry page list) is built in a
// copy of the project, and each list is read back from the built HTML.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../scripts/bench/corpus.mjs';
import { LIST_LIMITS } from '../../src/lib/site';
import { ASTRO_BIN, copyProject, type ProjectCopy } from '../support/project-copy';

const ARTICLES = 60;
let project: ProjectCopy;
let outDir: string;
const corpus = mkdtempSync(path.join(tmpdir(), 'sourced-constant-size-'));

beforeAll(() => {
  writeCorpus(path.join(corpus, 'content'), { articles: ARTICLES, seed: 3 });
  project = copyProject({ content: path.join(corpus, 'content') });
  outDir = path.join(project.dir, 'dist');
  const r = project.run(process.execPath, [ASTRO_BIN, 'build', '--silent'], { SOURCED_OUT_DIR: outDir });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
}, 600_000);
afterAll(() => {
  project?.remove();
  rmSync(corpus, { recursive: true, force: true });
});

const page = (p: string) => readFileSync(path.join(outDir, p, 'index.html'), 'utf8');
/** Article addresses a page links to as list items (h2 or h3 links), in order. */
const listed = (html: string) =>
  [...html.matchAll(/<h[23][^>]*>\s*<a[^>]*href="\/articles\/([^/"]+)\/"/g)].map((m) => m[1]!);
const mentionGroups = (html: string) => (html.match(/<section aria-label="Mentions in /g) ?? []).length;
const nextPage = (html: string) =>
  /<a[^>]*rel="next"[^>]*href="([^"]+)"|<a[^>]*href="([^"]+)"[^>]*rel="next"/.exec(html);

/** Follows "Older" links from `start`; returns each page's HTML. */
function pages(start: string): string[] {
  const out = [page(start)];
  for (let next = nextPage(out[0]!); next; next = nextPage(out.at(-1)!)) out.push(page(next[1] ?? next[2]!));
  return out;
}

describe('the home page', () => {
  it('lists the newest articles only, as many as LIST_LIMITS.homeArticles, and links to the archive', () => {
    const home = page('');
    const archive = listed(page('archive'));
    expect(listed(home)).toEqual(archive.slice(0, LIST_LIMITS.homeArticles));
    expect(home).toContain(`href="/archive/">All ${ARTICLES} articles, newest first</a>`);
  });
});

describe('the archive', () => {
  it('lists every article exactly once, newest first, at most LIST_LIMITS.archivePage a page', () => {
    const all = pages('archive');
    expect(all.length).toBe(Math.ceil(ARTICLES / LIST_LIMITS.archivePage));
    for (const html of all) expect(listed(html).length).toBeLessThanOrEqual(LIST_LIMITS.archivePage);
    const slugs = all.flatMap(listed);
    expect(new Set(slugs).size).toBe(ARTICLES);
    expect(slugs.sort()).toEqual(readdirSync(path.join(outDir, 'articles')).sort());
  });
});

describe('a glossary entry’s page', () => {
  const entries = () =>
    readdirSync(path.join(outDir, 'glossary'), { withFileTypes: true }).filter((e) => e.isDirectory());

  it('shows the mentions of the newest LIST_LIMITS.entryMentionArticles articles at most', () => {
    for (const e of entries()) {
      expect(mentionGroups(page(`glossary/${e.name}`)), e.name).toBeLessThanOrEqual(LIST_LIMITS.entryMentionArticles);
    }
  });

  it('links to a mention archive, which lists every article it stated, when more articles mention it', () => {
    let archived = 0;
    for (const e of entries()) {
      const html = page(`glossary/${e.name}`);
      const total = Number(/ in (\d+) articles?,/.exec(html)?.[1] ?? 0);
      const link = html.includes(`href="/glossary/${e.name}/mentions/"`);
      expect(link, e.name).toBe(total > LIST_LIMITS.entryMentionArticles);
      if (!link) continue;
      archived++;
      const all = pages(`glossary/${e.name}/mentions`);
      for (const p of all) expect(mentionGroups(p)).toBeLessThanOrEqual(LIST_LIMITS.entryMentionPage);
      expect(
        all.reduce((n, p) => n + mentionGroups(p), 0),
        e.name,
      ).toBe(total);
    }
    // The corpus is big enough that some entries need one.
    expect(archived).toBeGreaterThan(0);
  });
});
