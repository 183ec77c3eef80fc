// Hostile and malformed articles run through the real validator and Markdown pipeline. Each
// case in test/hardening/corpus/ (and each generated one below) either renders to inert HTML,
// with no script and nothing loaded from outside the site, or fails with a message that names
// the file, the line and what to do. The table says which, case by case.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { toHtml } from 'hast-util-to-html';
import { VFile } from 'vfile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimCards, type CardClaim } from '../../src/analysis/claim-card';
import { ContentError, formatProblem, isWarning, type ContentProblem } from '../../src/lib/problems';
import { loadRegistry } from '../../src/collections/registry';
import { contentProblems } from '../../src/validation/validate';
import { rehypeSafeHtml } from '../../src/markdown/rehype-safe-html';
import { FIXTURE_SITE, renderMarkdown, splitFrontmatter } from '../support/pipeline';
import { ASTRO_BIN, copyProject, type ProjectCopy } from '../support/project-copy';
import { unsafeHtml } from '../support/unsafe-html';

const CORPUS = path.resolve(import.meta.dirname, 'corpus');
const temp = mkdtempSync(path.join(tmpdir(), 'sourced-hostile-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

type Expectation =
  /** Renders; `shows` are strings the reader must see as text. */
  | { outcome: 'safe'; shows: string[] }
  /** Refused; one problem per entry, in order, each message containing that text. */
  | { outcome: 'fails'; problems: string[] };

const CASES: Record<string, Expectation> = {
  'script-tag': {
    outcome: 'safe',
    shows: [
      "<script>alert('block')</script>",
      "<script>alert('inline')</script>",
      '<SCRIPT SRC="https://evil.example/x.js">',
    ],
  },
  'event-handlers': {
    outcome: 'safe',
    shows: ['<img src=x onerror="alert(\'img\')">', 'onclick="alert(\'a\')"', "<body onload=alert('body')>"],
  },
  'svg-script': {
    outcome: 'safe',
    shows: ["<script>alert('svg-script')</script>", 'xlink:href="javascript:alert(\'xlink\')"'],
  },
  'iframe-style-form': {
    outcome: 'safe',
    shows: [
      '<iframe src="https://evil.example/frame"></iframe>',
      '<style>body { display: none }',
      '<form action="https://evil.example/steal"',
      '<base href="https://evil.example/">',
    ],
  },
  'comment-breakout': {
    outcome: 'safe',
    shows: [
      "<script>alert('after-close')</script>",
      "<img src=x onerror=alert('inline')>",
      '<iframe src="https://evil.example"></iframe>',
    ],
  },
  entities: {
    outcome: 'safe',
    shows: [
      "<script>alert('entity')</script>",
      "<img src=x onerror=alert('numeric')>",
      "<script>alert('code')</script>",
      "<script>alert('fenced')</script>",
    ],
  },
  'frontmatter-html': {
    outcome: 'safe',
    shows: [
      '<img src=x onerror=alert("fm-note")> Wire A relayed Agency B.',
      '</q><script>alert("fm-wording")</script>',
      '<svg onload=alert("fm-who")>',
      '</p></div><script>alert("fm-note-2")</script>',
    ],
  },
  'javascript-links': {
    outcome: 'fails',
    // The reference [ref][evil] is reported once, at its definition.
    problems: [
      '"javascript:" scheme',
      '"javascript:" scheme',
      'java<U+0009>script:',
      '"javascript:" scheme',
      '"javascript:" scheme',
      'link definition "javascript:',
    ],
  },
  'data-and-vbscript-urls': {
    outcome: 'fails',
    problems: ['"data:" scheme', 'would load from a "data:" address', '"vbscript:" scheme'],
  },
  'remote-images': {
    outcome: 'fails',
    problems: ['another site (evil.example)', 'another site (evil.example)', 'another site (evil.example)'],
  },
  'http-links': { outcome: 'fails', problems: ['plain http:', 'a bare "www." address becomes an http: link'] },
  'bidi-claim-id': { outcome: 'fails', problems: ['U+202E RIGHT-TO-LEFT OVERRIDE'] },
  'bidi-term-id': { outcome: 'fails', problems: ['U+2067 RIGHT-TO-LEFT ISOLATE'] },
  'zero-width-frontmatter-id': { outcome: 'fails', problems: ['U+200B ZERO WIDTH SPACE'] },
};

/** A fixture site with one extra article; returns the root and the article's repository path. */
function siteWith(name: string, raw: string, folder = name): { root: string; file: string } {
  const root = path.join(temp, folder);
  cpSync(FIXTURE_SITE, root, { recursive: true });
  writeFileSync(path.join(root, 'content/articles', `${name}.md`), raw);
  return { root, file: `content/articles/${name}.md` };
}

const textOf = (html: string) => toString(fromHtml(html, { fragment: true })).replace(/\s+/g, ' ');

/** Asserts that every problem is about `file`, with a line and a fix, as editors read them. */
function expectProblemsNamingFile(problems: ContentProblem[], file: string): void {
  expect(problems.length).toBeGreaterThan(0);
  for (const p of problems) {
    expect(p.file, formatProblem(p)).toBe(file);
    expect(p.line, formatProblem(p)).toBeGreaterThan(0);
    expect(p.fix.length, formatProblem(p)).toBeGreaterThan(10);
  }
}

/** The article's body as its page shows it: the rendered Markdown, then the claim cards. */
async function expectSafeRender(root: string, file: string, raw: string): Promise<string> {
  const registry = loadRegistry(root);
  const { html: body, file: vfile } = await renderMarkdown(raw, { registry, filePath: path.join(root, file) });
  const claims = (splitFrontmatter(raw).frontmatter as { claims?: CardClaim[] }).claims ?? [];
  const cards = toHtml(
    claimCards(claims, {
      lookup: registry,
      outletName: 'Paper C',
      methodology: '/methodology/',
      citations: vfile.data.cardCitations ?? {},
    }),
  );
  const html = body + cards;
  expect(unsafeHtml(html)).toEqual([]);
  return html;
}

describe('the safety check used by these tests', () => {
  it('flags script, frames, forms, styles, handlers, unsafe schemes and outside resources', () => {
    const bad = [
      '<script>x</script>',
      '<iframe src="/x"></iframe>',
      '<form></form>',
      '<style>p{}</style>',
      '<p onclick="x">p</p>',
      '<a href="javascript:x">a</a>',
      '<a href=" data:text/html,x">a</a>',
      '<img src="https://evil.example/x.png">',
      '<img src="//evil.example/x.png">',
      '<img srcset="/ok.png 1x, https://evil.example/x.png 2x">',
      '<p style="color:red">p</p>',
      '<svg><a xlink:href="javascript:x">a</a></svg>',
    ];
    for (const html of bad) expect(unsafeHtml(html), html).not.toEqual([]);
    expect(unsafeHtml('<p><a href="/x/">ok</a> <img src="chart.png" alt=""> &lt;script&gt;</p>')).toEqual([]);
  });
});

describe('the final allow-list (rehype-safe-html), should anything slip past the checks before it', () => {
  const sanitize = (html: string) => toHtml(rehypeSafeHtml()(fromHtml(html, { fragment: true }), new VFile()));
  const hostile = [
    '<script>alert(1)</script>',
    '<p onclick="alert(1)" style="color:red">p</p>',
    '<a href="javascript:alert(1)">a</a> <a href="data:text/html,x">d</a> <a href="vbscript:x">v</a>',
    '<img src="https://tracker.example/p.png" alt=""> <img src="//tracker.example/p.png" alt=""> <img src="/\\tracker.example/p.png" alt="">',
    '<img src="data:image/svg+xml,x" alt="">',
    '<iframe src="/x"></iframe><object data="/x"></object><embed src="/x"><style>p{}</style><form action="/x"><input></form>',
    '<svg><script>alert(1)</script></svg><math><mi xlink:href="javascript:alert(1)">m</mi></math>',
  ];
  for (const html of hostile) {
    it(`leaves nothing unsafe of ${html.slice(0, 60)}`, () => {
      expect(unsafeHtml(html)).not.toEqual([]);
      expect(unsafeHtml(sanitize(html))).toEqual([]);
    });
  }

  it('cleans the claim cards’ citations too, which reach the page outside the article tree', () => {
    const [span] = fromHtml(
      '<span onclick="alert(1)">(<a href="javascript:alert(1)">A, 2024</a>)<script>x</script></span>',
      {
        fragment: true,
      },
    ).children;
    const file = new VFile({ data: { cardCitations: { k: span as Element } } });
    rehypeSafeHtml()({ type: 'root', children: [] }, file);
    const clean = toHtml(file.data.cardCitations!['k']!);
    expect(unsafeHtml(clean)).toEqual([]);
    expect(clean).toContain('A, 2024');
  });

  it('drops a code fence’s language when it looks like markup, and keeps an ordinary one', async () => {
    const { html } = await renderMarkdown(sampleWith('```<script>\n```\n\n```c++\nx\n```'));
    expect(unsafeHtml(html)).toEqual([]);
    expect(html).not.toContain('<script');
    expect(html).toContain('class="language-c++"');
  });

  it('keeps local images and safe links', () => {
    expect(sanitize('<a href="https://example.org/">x</a> <img src="chart.png" alt="c">')).toBe(
      '<a href="https://example.org/">x</a> <img src="chart.png" alt="c">',
    );
  });
});

describe('hostile articles from the corpus', () => {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.md'));

  it('has an expectation for every corpus file, and a file for every expectation', () => {
    expect(files.map((f) => f.replace(/\.md$/, '')).sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [name, expected] of Object.entries(CASES)) {
    const raw = () => readFileSync(path.join(CORPUS, `${name}.md`), 'utf8');
    if (expected.outcome === 'safe') {
      it(`renders ${name.replaceAll('-', ' ')} as inert text, with both claims marked and its raw HTML warned of`, async () => {
        const { root, file } = siteWith(name, raw());
        const problems = await contentProblems(root);
        // Raw HTML does not stop the build (it is shown as text) but the author hears of each line.
        expect(problems.filter((p) => !isWarning(p)).map(formatProblem)).toEqual([]);
        for (const p of problems) {
          expect(formatProblem(p)).toMatch(/warning: has raw HTML/);
          expect(p.file, formatProblem(p)).toBe(file);
          expect(p.line, formatProblem(p)).toBeGreaterThan(0);
        }
        const html = await expectSafeRender(root, file, raw());
        const text = textOf(html);
        for (const s of expected.shows) expect(text).toContain(s);
        const marks = selectAll('mark.claim', fromHtml(html, { fragment: true })).map((m) => m.properties['id']);
        expect(marks).toEqual(['claim-leader-quote', 'claim-outlet-says']);
      });
    } else {
      it(`refuses ${name.replaceAll('-', ' ')} with a message naming the file, line and fix`, async () => {
        const { root, file } = siteWith(name, raw());
        const problems = await contentProblems(root);
        expectProblemsNamingFile(problems, file);
        expect(problems.map((p) => p.message)).toHaveLength(expected.problems.length);
        expected.problems.forEach((text, i) => expect(problems[i]!.message + problems[i]!.fix).toContain(text));
        // The site's own pipeline refuses it too, with the same kind of error, never a crash.
        const rendering = renderMarkdown(raw(), { registry: loadRegistry(root), filePath: path.join(root, file) });
        await expect(rendering).rejects.toBeInstanceOf(ContentError);
      });
    }
  }
});

/** The fixture article with `extra` appended to its body. */
function sampleWith(extra: string): string {
  return `${readFileSync(path.join(FIXTURE_SITE, 'content/articles/sample.md'), 'utf8')}\n${extra}\n`;
}

/** Runs `fn` and returns its result and how long it took, in milliseconds. */
async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}

describe('oversized and deeply nested articles', () => {
  it('renders a 300 KB single line in bounded time, every word of it', async () => {
    const words = Array.from({ length: 50_000 }, (_, i) => `w${i}`).join(' ');
    const raw = sampleWith(`${words} end-of-the-long-line`);
    const { root, file } = siteWith('long-line', raw);
    const [problems, validateMs] = await timed(() => contentProblems(root));
    expect(problems.map(formatProblem)).toEqual([]);
    const [html, renderMs] = await timed(() => expectSafeRender(root, file, raw));
    const text = textOf(html);
    expect(text).toContain('w0 w1 w2');
    expect(text).toContain('w49999 end-of-the-long-line');
    // Generous: a few seconds on a quiet machine, and two busy cores may be ten times slower.
    expect(validateMs + renderMs).toBeLessThan(90_000);
  }, 180_000);

  it('renders lists nested twelve levels deep with every item in place', async () => {
    const list = Array.from({ length: 12 }, (_, i) => `${'  '.repeat(i)}- item-${i}`).join('\n');
    const raw = sampleWith(list);
    const { root, file } = siteWith('nested-list', raw);
    expect((await contentProblems(root)).map(formatProblem)).toEqual([]);
    const html = await expectSafeRender(root, file, raw);
    const tree = fromHtml(html, { fragment: true });
    // Every list but the claim cards' lists of documents checked.
    expect(selectAll('ul', tree).length - selectAll('.claim-card ul', tree).length).toBe(12);
    for (let i = 0; i < 12; i++) expect(textOf(html)).toContain(`item-${i}`);
  });

  const refused: { name: string; body: () => string; includes: string }[] = [
    {
      name: 'lists nested 200 levels deep',
      body: () => Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n'),
      includes: 'levels deep',
    },
    { name: 'block quotes nested 10,000 deep', body: () => `${'>'.repeat(10_000)} deep`, includes: 'levels deep' },
    {
      name: 'a run of 10,000 emphasis markers',
      body: () => `${'*'.repeat(10_000)}x${'*'.repeat(10_000)}`,
      includes: 'limit is 500',
    },
    { name: 'thousands of unclosed brackets', body: () => '[x'.repeat(5_000), includes: 'limit is 500' },
    {
      name: 'a 5 MB article',
      body: () =>
        Array.from(
          { length: 80_000 },
          (_, i) => `Paragraph ${i}: Person A spoke about the League of Ys at length.`,
        ).join('\n\n'),
      includes: 'is 5.',
    },
  ];
  for (const c of refused) {
    it(`refuses ${c.name} quickly, naming the file and line, before any parser runs`, async () => {
      const raw = sampleWith(c.body());
      if (c.name.includes('5 MB')) expect(Buffer.byteLength(raw)).toBeGreaterThan(5 * 1024 * 1024);
      const name = c.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
      const { root, file } = siteWith(name, raw);
      const [problems, ms] = await timed(() => contentProblems(root));
      expectProblemsNamingFile(problems, file);
      expect(problems[0]!.message).toContain(c.includes);
      expect(ms).toBeLessThan(20_000);
    }, 60_000);
  }
});

describe('frontmatter that holds HTML, in the built page', () => {
  let project: ProjectCopy;
  let page: Root;
  const fm = splitFrontmatter(readFileSync(path.join(CORPUS, 'frontmatter-html.md'), 'utf8')).frontmatter as {
    title: string;
    dek: string;
    original: { headline: string };
  };

  beforeAll(() => {
    const { root } = siteWith(
      'frontmatter-html',
      readFileSync(path.join(CORPUS, 'frontmatter-html.md'), 'utf8'),
      'built-site',
    );
    project = copyProject({ content: path.join(root, 'content') });
    const result = project.run(process.execPath, [ASTRO_BIN, 'build', '--silent']);
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    page = fromHtml(readFileSync(path.join(project.dir, 'dist/articles/frontmatter-html/index.html'), 'utf8'));
  }, 300_000);

  afterAll(() => project?.remove());

  it('shows the title, dek and headline as text, exactly as written', () => {
    expect(toString(selectAll('title', page)[0]!)).toBe(`${fm.title} · Sourced`);
    const text = toString(page).replace(/\s+/g, ' ');
    expect(text).toContain(fm.dek);
    expect(text).toContain(fm.original.headline);
    const description = selectAll('meta[name="description"]', page)[0];
    expect(description?.properties['content']).toBe(fm.dek);
  });

  it('creates no element from any frontmatter string: no handlers, and no script but the site’s own', () => {
    const elements = selectAll('*', page);
    expect(
      elements.flatMap((e) =>
        Object.keys(e.properties)
          .filter((k) => /^on/i.test(k))
          .map((k) => `${e.tagName} ${k}`),
      ),
    ).toEqual([]);
    expect(selectAll('img[src="x"], iframe, svg[onload], b[onmouseover]', page)).toEqual([]);
    for (const script of selectAll('script', page)) {
      const type = String(script.properties['type'] ?? '');
      const code = toString(script);
      if (type === 'application/ld+json') {
        // Data, not code; a frontmatter string that broke out would leave it unparseable.
        expect(() => JSON.parse(code) as unknown).not.toThrow();
      } else {
        expect(code, 'inline script').not.toMatch(/alert\(/);
        expect(String(script.properties['src'] ?? '')).not.toMatch(/^[a-z]+:|^\/\//i);
      }
    }
  });
});
