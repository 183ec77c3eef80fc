import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeClaimPages } from '../../../src/integrations/claim-pages';
import { claimPagesFrom, cutClaimsPage, narrowPolicy } from '../../../src/integrations/claim-pages/claim-pages';

const claim = (id: string, title: string) =>
  `<article class="claim-page" aria-labelledby="h-${id}" data-claim-page="${id}" data-page-title="${title}" ` +
  `data-page-description="About ${id}" data-page-url="https://x.example/a/claims/${id}/">` +
  `<script type="application/ld+json">{"id":"${id}"}</script>` +
  `<h2 id="h-${id}" class="big">“${id} words”</h2><p>Note on ${id}.</p>` +
  `<section><h3 id="v-${id}">Our verdict</h3><div><h3>Kept</h3><h2>Kept too</h2></div></section><h3>Kept</h3>` +
  `<p><a class="claim-share" href="/a/claims/${id}/" data-title="${title}">Link to this claim</a></p></article>`;

const page =
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>All claims · Sourced</title>' +
  '<meta name="description" content="All of them"><link rel="canonical" href="https://x.example/a/claims/">' +
  '<meta property="og:title" content="All claims"><meta property="og:description" content="All of them">' +
  '<meta property="og:url" content="https://x.example/a/claims/"><meta property="og:image" content="https://x.example/a/og.png">' +
  '<meta name="twitter:title" content="All claims"><meta name="twitter:description" content="All of them">' +
  '<meta name="twitter:card" content="summary_large_image"><meta name="twitter:image" content="https://x.example/a/og.png">' +
  '<meta name="twitter:image:alt" content="The card">' +
  '<meta property="og:image:type" content="image/png"><meta property="og:image:width" content="1200">' +
  '<meta property="article:published_time" content="2024-10-12">' +
  '<meta property="article:modified_time" content="2024-10-13">' +
  '<link rel="alternate" type="application/rss+xml" href="/rss.xml" title="Feed">' +
  '<link rel="stylesheet" href="/_astro/site.css">' +
  '<script type="module">share()</script></head><body class="site"><header>Site</header><main id="main">' +
  '<div><h1>All claims</h1></div>' +
  claim('one', '“One” &amp; $1') +
  claim('two', 'Two') +
  '<article class="claim-page" aria-labelledby="h-three"><h2 id="h-three">“three words”</h2></article>' +
  '</main><footer>Foot</footer></body></html>';

describe('cutting a claims page into one page per claim', () => {
  const pages = claimPagesFrom(page);

  it('makes one page per claim marked to have one, in page order', () => {
    // "three" has no data-claim-page: the site's claimPages setting gives it no page.
    expect(pages.map((p) => p.id)).toEqual(['one', 'two']);
  });

  it('sets the title, description, canonical address and preview tags to the claim’s own, escaped as given', () => {
    const one = pages[0]!.html;
    expect(one).toContain('<title>“One” &amp; $1 · Sourced</title>');
    expect(one).toContain('<meta name="description" content="About one">');
    expect(one).toContain('<link rel="canonical" href="https://x.example/a/claims/one/">');
    expect(one).toContain('<meta property="og:title" content="“One” &amp; $1">');
    expect(one).toContain('<meta property="og:url" content="https://x.example/a/claims/one/">');
    expect(one).not.toContain('All of them');
  });

  it('keeps only the claim in main, with its heading as the page’s h1 and its structured data', () => {
    const one = pages[0]!.html;
    expect(one).toContain('<h1 id="h-one" class="big">“one words”</h1>');
    expect(one).toContain('{"id":"one"}');
    expect(one).not.toContain('two words');
    expect(one).not.toContain('<h1>All claims</h1>');
    expect(one.match(/<h1/g)).toHaveLength(1);
  });

  it('moves the claim’s section headings up a level with its heading, and no other heading', () => {
    const one = pages[0]!.html;
    expect(one).toContain(
      '<section><h2 id="v-one">Our verdict</h2><div><h3>Kept</h3><h2>Kept too</h2></div></section>',
    );
    expect(one).toContain('</section><h3>Kept</h3>');
  });

  it('keeps the stylesheet, the share script and the image byte for byte', () => {
    const two = pages[1]!.html;
    expect(two).toContain('<link rel="stylesheet" href="/_astro/site.css">');
    expect(two).toContain('<script type="module">share()</script>');
    expect(two).toContain('<meta property="og:image" content="https://x.example/a/og.png">');
  });

  it('is a lean document: no site header, footer or repeated Twitter tags, but the feed links', () => {
    const two = pages[1]!.html;
    expect(two).not.toContain('<header>Site</header>');
    expect(two).not.toContain('Foot');
    expect(two).toContain('<link rel="alternate" type="application/rss+xml" href="/rss.xml" title="Feed">');
    expect(two).not.toContain('twitter:title');
    expect(two).not.toContain('twitter:description');
    expect(two).not.toContain('twitter:image');
    expect(two).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(two).toMatch(/<body class="site"><main id="main"><article class="claim-page"/);
    expect(two.endsWith('</article></main></body></html>')).toBe(true);
  });

  it('leaves out the article’s dates and the image type, which its review and the image say', () => {
    const two = pages[1]!.html;
    expect(two).not.toContain('article:published_time');
    expect(two).not.toContain('article:modified_time');
    expect(two).not.toContain('og:image:type');
    expect(two).toContain('<meta property="og:image:width" content="1200">');
  });

  it('leaves out the preview fields and the id it read from the claim, which the head now carries', () => {
    const one = pages[0]!.html;
    expect(one).toContain('<article class="claim-page" aria-labelledby="h-one">');
    expect(one).not.toMatch(/data-page-(title|description|url)|data-claim-page/);
  });

  it('lets the share link take the page’s own title instead of repeating it', () => {
    const one = pages[0]!.html;
    expect(one).toContain('<a class="claim-share" href="/a/claims/one/">Link to this claim</a>');
    expect(one).not.toContain('data-title');
  });

  it('reads attribute values that hold ">" or look like other attributes, as content may', () => {
    const hostile = page.replace(
      'data-page-title="Two"',
      'data-page-title="&quot;><img src=x> data-page-url=&quot;https://evil.example/&quot;"',
    );
    const two = claimPagesFrom(hostile)[1]!.html;
    expect(two).toContain(
      '<title>&quot;><img src=x> data-page-url=&quot;https://evil.example/&quot; · Sourced</title>',
    );
    expect(two).toContain('<link rel="canonical" href="https://x.example/a/claims/two/">');
  });

  it('finds the tags by what they are, whatever the order of their attributes or of the head', () => {
    const reordered = page
      .replace('<meta name="description" content="All of them">', '')
      .replace('<meta charset="utf-8">', '<meta charset="utf-8"><meta content="All of them" name="description">')
      .replace('<main id="main">', '<main class="x" id="main">');
    const one = claimPagesFrom(reordered)[0]!.html;
    expect(one).toContain('<meta content="About one" name="description">');
    expect(one).toContain('<main class="x" id="main"><article');
  });

  it('is not misled by tag-like text in attribute values or scripts', () => {
    const tricky = page
      .replace(
        '<title>All claims · Sourced</title>',
        '<title>All claims · Sourced</title><meta name="x" content="<main>">',
      )
      .replace('share()', 'share("</main><article data-claim-page=evil>")');
    expect(claimPagesFrom(tricky).map((p) => p.id)).toEqual(['one', 'two']);
  });

  it('refuses a page without the tags it must set, rather than leave the claims page’s own', () => {
    expect(() => claimPagesFrom(page.replace(/<meta property="og:url"[^>]*>/, ''))).toThrow(/og:url/);
    expect(() => claimPagesFrom(page.replace(' data-page-url="https://x.example/a/claims/one/"', ''))).toThrow(
      /"one".*data-page-url/,
    );
  });
});

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('a claim page’s Content Security Policy', () => {
  const share = sha('share()');
  const other = sha('search()');
  const style = sha('.x{}');
  const policy =
    `default-src 'self';object-src 'none'; script-src 'self' 'wasm-unsafe-eval' ${other} ${share}; ` +
    `style-src 'self' ${style};`;
  const withPolicy = page.replace(
    '<meta charset="utf-8">',
    `<meta charset="utf-8"><meta http-equiv="content-security-policy" content="${policy}">`,
  );

  it('keeps the hash of every inline script the page still runs and drops the hashes of code it lacks', () => {
    const one = claimPagesFrom(withPolicy)[0]!.html;
    const content = /http-equiv="content-security-policy" content="([^"]*)"/.exec(one)![1]!;
    expect(content).toBe(
      `default-src 'self';object-src 'none'; script-src 'self' 'wasm-unsafe-eval' ${share}; style-src 'self';`,
    );
  });

  it('drops every hash when the page has no inline code left, keeping the directives and other sources', () => {
    const external = withPolicy.replace(
      '<script type="module">share()</script>',
      '<script type="module" src="/s.js"></script>',
    );
    const one = claimPagesFrom(external)[0]!.html;
    expect(one).toContain(
      `content="default-src 'self';object-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';"`,
    );
  });

  it('narrows the claims list’s own policy to the inline code it keeps once the summaries are gone', () => {
    const listed = withPolicy
      .replace('<div><h1>All claims</h1></div>', '<div><h1>All claims</h1></div><div data-claim-sources>')
      .replace('</main>', '</div></main>');
    const { claimsPage } = cutClaimsPage(listed);
    expect(claimsPage).toContain(`script-src 'self' 'wasm-unsafe-eval' ${share}; style-src 'self';`);
    expect(claimsPage).not.toContain(other);
  });

  it('counts inline scripts and styles in the claim itself, but not its JSON-LD, which is data', () => {
    const inClaim = new Set([sha('.x{}')]);
    expect(narrowPolicy(policy, inClaim)).toBe(
      `default-src 'self';object-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' ${style};`,
    );
    const styled = withPolicy.replace('<p>Note on one.</p>', '<p>Note on one.</p><style>.x{}</style>');
    expect(claimPagesFrom(styled)[0]!.html).toContain(`style-src 'self' ${style};`);
    expect(claimPagesFrom(styled)[1]!.html).toContain("style-src 'self';");
  });
});

describe('the claims page as it ships', () => {
  const list =
    '<ol class="claims-list"><li><a href="one/">“one words”</a></li><li><a href="two/">“two words”</a></li></ol>';
  const withSources = page
    .replace('<div><h1>All claims</h1></div>', `<div><h1>All claims</h1></div>${list}<div data-claim-sources>`)
    .replace('</main>', '</div></main>');
  const cut = cutClaimsPage(withSources);

  it('still cuts every claim’s page from the summaries marked as sources', () => {
    expect(cut.pages.map((p) => p.id)).toEqual(['one', 'two']);
    expect(cut.pages[0]!.html).toContain('<h1 id="h-one" class="big">“one words”</h1>');
  });

  it('keeps the list and drops the summaries, so no claim ships twice', () => {
    expect(cut.claimsPage).toContain(`<div><h1>All claims</h1></div>${list}</main>`);
    expect(cut.claimsPage).not.toContain('data-claim-sources');
    expect(cut.claimsPage).not.toContain('Note on one.');
    expect(cut.claimsPage).not.toContain('application/ld+json');
  });

  it('leaves the rest of the page byte for byte', () => {
    const [before, after] = withSources.split(/<div data-claim-sources>[\s\S]*<\/div><\/main>/);
    expect(cut.claimsPage).toBe(`${before}</main>${after}`);
  });

  it('is unchanged when nothing is marked as sources (no claim has a page of its own)', () => {
    expect(cutClaimsPage(page).claimsPage).toBe(page);
  });
});

describe('writing the claim pages of a built site', () => {
  it('tells, article by article, every file it has just written, so they can be scanned while it goes on', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sourced-claim-pages-'));
    try {
      for (const slug of ['a', 'b']) {
        mkdirSync(path.join(dir, 'articles', slug, 'claims'), { recursive: true });
        writeFileSync(path.join(dir, 'articles', slug, 'claims', 'index.html'), page);
      }
      mkdirSync(path.join(dir, 'articles', 'no-claims'));
      const told: string[][] = [];
      const count = writeClaimPages(dir, (files) => {
        // Each file is on disk, in its final form, when it is named.
        for (const file of files) expect(existsSync(path.join(dir, file))).toBe(true);
        told.push(files);
      });
      expect(count).toBe(4);
      // In the file system's order of the articles' folders.
      expect(told.sort((x, y) => x[0]!.localeCompare(y[0]!))).toEqual(
        ['a', 'b'].map((slug) => [
          `articles/${slug}/claims/index.html`,
          `articles/${slug}/claims/one/index.html`,
          `articles/${slug}/claims/two/index.html`,
        ]),
      );
      expect(readFileSync(path.join(dir, 'articles/a/claims/index.html'), 'utf8')).toBe(cutClaimsPage(page).claimsPage);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
