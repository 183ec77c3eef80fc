// Honest editorial states in a real build of the fixture site: a draft is left out of everything
// public, and a published article with an unchecked claim says it is in progress and gives that
// claim no rating. The development server shows the draft, with its banner.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASTRO_BIN, copyProject, type ProjectCopy } from '../support/project-copy';
import { parsePage } from '../support/built';
import { buildEnv } from '../support/global-setup';
import { FIXTURE_SITE } from '../support/pipeline';

const DRAFT = 'unfinished-draft';
const NOTICE = 'Analysis in progress: 1 of 2 claims checked';

let project: ProjectCopy;
let dist: string;
const work = mkdtempSync(path.join(tmpdir(), 'sourced-states-'));

/** Every built text file (HTML, XML, JSON), relative to dist/, with its text. */
function builtTexts(): [string, string][] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(html|xml|json|jsonld|txt)$/.test(f))
    .map((f) => [f, readFileSync(path.join(dist, f), 'utf8')]);
}

beforeAll(() => {
  const content = path.join(work, 'content');
  cpSync(path.join(FIXTURE_SITE, 'content'), content, { recursive: true });
  const sample = readFileSync(path.join(content, 'articles/sample.md'), 'utf8');
  // The sample, published with its second claim still unchecked.
  writeFileSync(
    path.join(content, 'articles/sample.md'),
    sample
      .replace('tags: [test]', 'tags: [test]\ninProgress: true')
      .replace(/(- id: outlet-says[\s\S]*?status: )\w+/, '$1pending'),
  );
  // A draft of another analysis of the same text.
  writeFileSync(
    path.join(content, `articles/${DRAFT}.md`),
    sample.replace("title: 'A sample analysis'", "title: 'An unfinished draft'\nstatus: draft"),
  );
  project = copyProject({ content });
  dist = path.join(work, 'dist');
  const result = project.run(process.execPath, [ASTRO_BIN, 'build'], { SOURCED_OUT_DIR: dist });
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
}, 300_000);

afterAll(() => {
  project?.remove();
  rmSync(work, { recursive: true, force: true });
});

describe('a draft in a production build', () => {
  it('has no page, and no built page, feed, sitemap or index names it', () => {
    expect(existsSync(path.join(dist, 'articles/sample/index.html'))).toBe(true);
    expect(existsSync(path.join(dist, `articles/${DRAFT}`))).toBe(false);
    const naming = builtTexts().filter(([, text]) => text.includes(DRAFT) || text.includes('An unfinished draft'));
    expect(naming.map(([f]) => f)).toEqual([]);
  });

  it('is not in the search index, which holds only built pages', () => {
    // Every shard's fragments (the main bundle's and those under pagefind/shards/).
    const indexed = readdirSync(path.join(dist, 'pagefind'), { recursive: true, encoding: 'utf8' }).filter((f) =>
      /(^|\/)fragment\/[^/]+$/.test(f),
    );
    // One fragment per indexed page: the sample article and the glossary entries, never the draft.
    const pages = builtTexts().filter(([f, text]) => f.endsWith('.html') && text.includes('data-pagefind-body'));
    expect(indexed).toHaveLength(pages.length);
  });
});

describe('a published article with a claim not yet checked', () => {
  const page = () => readFileSync(path.join(dist, 'articles/sample/index.html'), 'utf8');

  it('says how many of its claims are checked, on the page and in both feeds', () => {
    expect(page()).toContain(`${NOTICE}.`);
    for (const feed of ['rss.xml', 'atom.xml']) expect(readFileSync(path.join(dist, feed), 'utf8')).toContain(NOTICE);
  });

  it('says the same on its entry in the home page and the archive list, and only there', () => {
    for (const listing of ['/', '/archive/']) {
      const entries = selectAll('li', parsePage(dist, listing)).filter((li) =>
        selectAll('a', li).some((a) => a.properties['href'] === '/articles/sample/'),
      );
      expect(entries, listing).toHaveLength(1);
      expect(
        selectAll('.article-progress', entries[0]).map((p) => toString(p)),
        listing,
      ).toEqual([`${NOTICE}.`]);
      // Said once on the page: in that entry, nowhere else.
      expect(selectAll('.article-progress', parsePage(dist, listing)), listing).toHaveLength(1);
    }
  });

  it('labels the claim “Not yet checked” and gives it no ClaimReview', () => {
    const html = page();
    expect(html).toMatch(/data-status-label="Not yet checked"/);
    expect(html).toMatch(/aria-label="About this claim: [^"]*; not yet checked"/);
    type Graph = { '@type': string; url?: string; hasPart?: { '@id'?: string }[] }[];
    const graphOf = (text: string) =>
      [...text.matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)].flatMap(
        (m) => (JSON.parse(m[1]!) as { '@graph': Graph })['@graph'],
      );
    const reviewsOn = (claim: string) =>
      graphOf(readFileSync(path.join(dist, `articles/sample/claims/${claim}/index.html`), 'utf8'))
        .filter((n) => n['@type'] === 'ClaimReview')
        .map((r) => r.url?.replace(/^.*\/claims\//, ''));
    // Each review lives on its claim's page; the analysis names it as a part.
    const graph = graphOf(html);
    expect(graph.filter((n) => n['@type'] === 'ClaimReview')).toEqual([]);
    const parts = graph.find((n) => n['@type'] === 'AnalysisNewsArticle')?.hasPart ?? [];
    expect(parts.map((p) => p['@id']?.replace(/^.*\/claims\//, ''))).toEqual(['leader-quote/']);
    expect(reviewsOn('leader-quote')).toEqual(['leader-quote/']);
    expect(reviewsOn('outlet-says')).toEqual([]);
  });
});

// The dev server is run with buildEnv(), which leaves out Vitest's VITEST variable: with it set,
// `astro dev` installs no page handler and answers every page with a 404.
describe('a draft under the development server', () => {
  let server: ChildProcess | undefined;
  let html = '';
  let log = '';
  let last = 'no answer';

  beforeAll(async () => {
    const port = 4800 + Math.floor(Math.random() * 800);
    // One address for both ends, so "localhost" resolving to ::1 on one side and 127.0.0.1 on the other cannot matter.
    const host = '127.0.0.1';
    server = spawn(process.execPath, [ASTRO_BIN, 'dev', '--host', host, '--port', String(port), '--strictPort'], {
      cwd: project.dir,
      env: { ...buildEnv(), SOURCED_CACHE_DIR: path.join(work, 'dev-cache') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (d: Buffer) => (log += d.toString()));
    server.stderr?.on('data', (d: Buffer) => (log += d.toString()));
    // The first request waits for the content sync and dependency optimisation: a minute or more on two cores.
    const deadline = Date.now() + 270_000;
    while (Date.now() < deadline && server.exitCode === null) {
      try {
        const res = await fetch(`http://${host}:${port}/articles/${DRAFT}/`, { signal: AbortSignal.timeout(120_000) });
        last = `HTTP ${res.status}`;
        if (res.ok) {
          html = await res.text();
          break;
        }
      } catch (error) {
        // Not listening yet, or the first compile outlasted the request's own timeout.
        last = String(error);
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }, 300_000);

  afterAll(() => {
    server?.kill();
  });

  it('shows the draft with a Draft banner', () => {
    expect(html, `no page from the development server (last: ${last}); its output:\n${log}`).toContain(
      'An unfinished draft',
    );
    // The dev server adds data-astro-source-* attributes to every element, hence [^>]* inside the tags.
    expect(html).toMatch(/class="article-draft[^"]*"[^>]*>\s*<strong[^>]*>Draft\.<\/strong>/);
  });
});
