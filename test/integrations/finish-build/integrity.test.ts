// The end-of-build integrity check on small hand-made sites: each test breaks one thing and
// expects exactly the problem that names it, on the page where it is.
import { describe, expect, it } from 'vitest';
import {
  checkIntegrity,
  fileForPath,
  formatIntegrityProblems,
  servedPath,
  type IntegrityInput,
} from '../../../src/integrations/finish-build/integrity';

const page = (body: string, head = '') =>
  `<!doctype html><html><head><title>t</title>${head}</head><body>${body}</body></html>`;

const ARTICLE = page(
  `<p><mark id="claim-one" class="claim">One</mark> and <mark id="claim-two" class="claim">two</mark>.</p>
   <div id="card-one"><a href="#claim-one">Link to this claim</a></div>`,
);

/** A small valid site under `base`; `pages` replaces or adds pages, `files` adds other files. */
function site(
  overrides: {
    base?: string;
    pages?: Record<string, string>;
    files?: string[];
    claimIds?: string[];
    hosts?: string[];
  } = {},
): IntegrityInput {
  const base = overrides.base ?? '/';
  const pages = new Map<string, string>(
    Object.entries({
      'index.html': page(
        `<a href="${base}articles/a/">A</a> <a href="${base}articles/a/#claim-two">claim two</a> <img src="${base}logo.svg" alt="">`,
      ),
      'articles/a/index.html': ARTICLE,
      'methodology/index.html': page('<h2 id="kind-quote">Quotes</h2>'),
      ...overrides.pages,
    }),
  );
  return {
    base,
    site: 'https://sourced.example',
    pages,
    files: new Set([...pages.keys(), 'logo.svg', ...(overrides.files ?? [])]),
    articles: [{ slug: 'a', file: 'content/articles/a.md', claimIds: overrides.claimIds ?? ['one', 'two'] }],
    httpOnlyHosts: new Set(overrides.hosts ?? []),
  };
}

const messages = (input: IntegrityInput) => checkIntegrity(input).map((p) => `${p.page}: ${p.message}`);

describe('the integrity check of a built site', () => {
  it('accepts a site whose claims, links and fragments all resolve', () => {
    expect(checkIntegrity(site())).toEqual([]);
  });

  it('accepts the same site served under a base path', () => {
    expect(checkIntegrity(site({ base: '/sourced/' }))).toEqual([]);
  });

  it('names the article and the claim when a declared claim has no mark on the page', () => {
    const m = messages(site({ claimIds: ['one', 'two', 'three'] }));
    expect(m).toEqual([
      'articles/a/index.html: content/articles/a.md declares 3 claims but its page has 2 mark.claim elements (missing claim-three).',
    ]);
  });

  it('reports a claim marked twice and a mark no claim declares', () => {
    const m = messages(
      site({
        pages: {
          'articles/a/index.html': page(
            '<mark id="claim-one" class="claim">1</mark><mark id="claim-one" class="claim">1</mark><mark id="claim-two" class="claim">2</mark><mark id="claim-zz" class="claim">z</mark>',
          ),
        },
      }),
    );
    expect(m).toHaveLength(1);
    expect(m[0]).toContain('declares 2 claims but its page has 4 mark.claim elements');
    expect(m[0]).toContain('repeated claim-one');
    expect(m[0]).toContain('unexpected claim-zz');
  });

  it('reports an article that has no built page', () => {
    const input = site();
    input.articles = [...input.articles, { slug: 'b', file: 'content/articles/b.md', claimIds: ['x'] }];
    expect(messages(input)).toEqual([
      'articles/b/index.html: content/articles/b.md has no built page (expected articles/b/index.html).',
    ]);
  });

  it('accepts a draft that has no built page, since production builds leave drafts out', () => {
    const input = site();
    input.articles = [...input.articles, { slug: 'b', file: 'content/articles/b.md', claimIds: ['x'], draft: true }];
    expect(messages(input)).toEqual([]);
  });

  it('reports a draft that the build published anyway', () => {
    const input = site();
    input.articles = [{ ...input.articles[0]!, draft: true }];
    expect(messages(input)).toEqual([
      'articles/a/index.html: content/articles/a.md is a draft (status: draft) but the build published a page for it.',
    ]);
  });

  it('reports an internal link to a page that was not built, on the page that has it', () => {
    const m = messages(site({ pages: { 'index.html': page('<a href="/articles/missing/">gone</a>') } }));
    expect(m).toEqual([
      'index.html: <a href="/articles/missing/"> points to /articles/missing/, which is not in the build (no articles/missing/index.html).',
    ]);
  });

  it('reports a relative link that resolves to nothing', () => {
    const m = messages(
      site({ pages: { 'methodology/index.html': page('<h2 id="kind-quote">Q</h2><a href="../glossary/x/">x</a>') } }),
    );
    expect(m).toEqual([
      'methodology/index.html: <a href="../glossary/x/"> points to /glossary/x/, which is not in the build (no glossary/x/index.html).',
    ]);
  });

  it('reports a page address without its trailing slash, which not every host redirects', () => {
    const m = messages(site({ pages: { 'index.html': page('<a href="/methodology">M</a>') } }));
    expect(m).toHaveLength(1);
    expect(m[0]).toContain('no methodology');
  });

  it('reports a fragment that names no element on the target page, and one on the same page', () => {
    const m = messages(
      site({
        pages: {
          'index.html': page(
            '<a href="/methodology/#kind-nothing">x</a> <a href="#nowhere">y</a> <a href="/articles/a/#card-one">ok</a>',
          ),
        },
      }),
    );
    expect(m).toEqual([
      'index.html: <a href="/methodology/#kind-nothing"> points to #kind-nothing, but methodology/index.html has no element with that id.',
      'index.html: <a href="#nowhere"> points to #nowhere, but this page has no element with that id.',
    ]);
  });

  it('decodes percent-encoded fragments before looking for the id', () => {
    const pages = {
      'methodology/index.html': page('<h2 id="kind-quote">Q</h2><h2 id="été">É</h2><a href="#%C3%A9t%C3%A9">e</a>'),
    };
    expect(checkIntegrity(site({ pages }))).toEqual([]);
  });

  it('reports a root-relative link that escapes the base path, with the fix', () => {
    const problems = checkIntegrity(
      site({
        base: '/sourced/',
        pages: { 'methodology/index.html': page('<h2 id="kind-quote">Q</h2><a href="/articles/a/">A</a>') },
      }),
    );
    expect(problems.map((p) => p.message)).toEqual([
      '<a href="/articles/a/"> points outside the site\'s base path /sourced/.',
    ]);
    expect(problems[0]!.fix).toContain('url()');
  });

  it('checks absolute links to the site itself, such as the canonical address and og:image', () => {
    const head =
      '<link rel="canonical" href="https://sourced.example/articles/gone/"><meta property="og:image" content="https://sourced.example/og/missing.png">';
    const m = messages(site({ pages: { 'index.html': page('', head) } }));
    expect(m).toEqual([
      'index.html: <link href="https://sourced.example/articles/gone/"> points to /articles/gone/, which is not in the build (no articles/gone/index.html).',
      'index.html: <meta og:image="https://sourced.example/og/missing.png"> points to /og/missing.png, which is not in the build (no og/missing.png).',
    ]);
  });

  it('checks every candidate of a srcset', () => {
    const m = messages(
      site({ pages: { 'index.html': page('<img src="/logo.svg" srcset="/logo.svg 1x, /logo@2x.png 2x" alt="">') } }),
    );
    expect(m).toEqual([
      'index.html: <img srcset="/logo@2x.png"> points to /logo@2x.png, which is not in the build (no logo@2x.png).',
    ]);
  });

  it('reports plain http: links to other sites, unless the host is listed as lacking https', () => {
    const pages = {
      'index.html': page(
        '<a href="http://www.jpost.com/x">JP</a> <a href="http://old.example/y">old</a> <a href="https://ok.example/">ok</a>',
      ),
    };
    const problems = checkIntegrity(site({ pages, hosts: ['old.example'] }));
    expect(problems.map((p) => p.message)).toEqual(['<a href="http://www.jpost.com/x"> uses plain http:.']);
    expect(problems[0]!.fix).toContain('https://www.jpost.com/x');
    expect(problems[0]!.fix).toContain('content/http-only-hosts.txt');
  });

  it('reports javascript: links, which no page should carry', () => {
    const m = messages(site({ pages: { 'index.html': page('<a href=" javascript:alert(1)">x</a>') } }));
    expect(m).toEqual(['index.html: <a href="javascript:alert(1)"> uses the javascript: scheme, which can run code.']);
  });

  it('ignores links to other https sites and mail addresses', () => {
    const pages = {
      'index.html': page('<a href="https://example.org/a#b">x</a> <a href="mailto:desk@sourced.example">m</a>'),
    };
    expect(checkIntegrity(site({ pages }))).toEqual([]);
  });

  it('formats problems as one message that names each page and says how to fix it', () => {
    const text = formatIntegrityProblems(checkIntegrity(site({ claimIds: ['one', 'two', 'three'] })));
    expect(text).toMatch(/^Integrity check of the built site failed with 1 problem:/);
    expect(text).toContain('articles/a/index.html: content/articles/a.md declares 3 claims');
    expect(text).toContain('Fix: ');
  });
});

describe('mapping between built files and site paths', () => {
  it('serves index.html files at their folder, under the base path', () => {
    expect(servedPath('index.html', '/')).toBe('/');
    expect(servedPath('articles/a/index.html', '/sourced/')).toBe('/sourced/articles/a/');
    expect(servedPath('rss.xml', '/sourced')).toBe('/sourced/rss.xml');
  });

  it('maps folder paths to their index.html and refuses paths outside the base', () => {
    expect(fileForPath('/sourced/', '/sourced/')).toBe('index.html');
    expect(fileForPath('/sourced/articles/a/', '/sourced/')).toBe('articles/a/index.html');
    expect(fileForPath('/sourced/og/a%20b.png', '/sourced/')).toBe('og/a b.png');
    expect(fileForPath('/articles/a/', '/sourced/')).toBeUndefined();
  });
});
