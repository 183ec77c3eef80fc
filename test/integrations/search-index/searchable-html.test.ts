// The copy of each page handed to Pagefind: indexed for real, so the tests see what search shows.
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import {
  claimResultTitle,
  searchableHtml,
  searchablePage,
} from '../../../src/integrations/search-index/searchable-html';

interface Fragment {
  content: string;
  anchors: { element: string; id: string; text: string; title?: string; location: number }[];
}

/** What Pagefind stores for one page of `body`. */
async function indexed(body: string, rewrite = true): Promise<Fragment> {
  const html = `<html lang="en"><body><main data-pagefind-body>${body}</main></body></html>`;
  const { index } = await pagefind.createIndex({});
  await index!.addHTMLFile({ url: '/page/', content: rewrite ? searchableHtml(html) : html });
  const { files } = await index!.getFiles();
  const fragment = files.find((f) => f.path.startsWith('fragment/'))!;
  return JSON.parse(
    gunzipSync(Buffer.from(fragment.content))
      .toString('utf8')
      .replace(/^pagefind_dcd/, ''),
  ) as Fragment;
}

afterAll(async () => {
  await pagefind.close();
});

const CLAIM =
  '<p>Before. <mark id="claim-met" class="claim claim-quote" data-status="corroborated">Putin <a href="/g/">met</a> him</mark><button type="button" class="badge" aria-label="About this claim">Details</button> after.</p>';
const CARD =
  '<div id="card-met" popover="auto" class="claim-card"><p class="claim-card-title">About this claim</p><p>The Kremlin transcript confirms the meeting.</p></div>';

describe('the page copy Pagefind indexes', () => {
  it('keeps a term apart from its definition and a cell from the next', async () => {
    const body =
      '<dl><dt>Type</dt><dd>state news agency</dd><dt>Country</dt><dd>Russia</dd></dl><table><tr><th>Category</th><th>Claims</th></tr></table>';
    // Without the rewrite Pagefind runs them together, which is the fault this fixes.
    expect((await indexed(body, false)).content).toContain('Typestate news agencyCountryRussia');
    const { content } = await indexed(body);
    expect(content).toMatch(/Type\W+state news agency\W+Country\W+Russia/);
    expect(content).toMatch(/Category\W+Claims/);
  });

  it('leaves screen-reader-only text and buttons out of the searchable text', async () => {
    const { content } = await indexed(
      '<p><span class="sr-only">Mention of TASS: </span>TASS reported it.<button type="button">Share this claim</button></p><a class="sr-only focus:not-sr-only" href="#main">Skip to content</a>',
    );
    expect(content).toContain('TASS reported it.');
    expect(content).not.toContain('Mention of');
    expect(content).not.toContain('Share this claim');
    expect(content).not.toContain('Skip to content');
  });

  it('leaves a bibliography’s addresses out of the searchable text, and keeps its headlines, outlets and other links', async () => {
    const { content } = await indexed(
      '<section class="bibliography"><h2>Bibliography</h2><div class="csl-entry">“Leaders meet.” <i>Wire A</i>, 11 October 2024. <a href="https://www.wire-a.example/x">wire-a.example</a></div><div class="csl-entry">See <a href="#claim-met">the claim</a>.</div></section><p>Elsewhere <a href="https://tass.com/1">tass.com</a> is text.</p>',
    );
    expect(content).toContain('“Leaders meet.” Wire A, 11 October 2024.');
    expect(content).not.toContain('wire-a.example');
    expect(content).toContain('See the claim.');
    expect(content).toContain('Elsewhere tass.com is text.');
  });

  it('does not treat a class that merely contains "sr-only" as hidden', async () => {
    const { content } = await indexed('<p><span class="not-sr-only">Shown to everyone.</span></p>');
    expect(content).toContain('Shown to everyone.');
  });

  it('makes each claim a sub-result titled with its words, and files its card’s note under the claim', async () => {
    const { anchors, content } = await indexed(`${CLAIM}<h2 id="later">Later</h2>${CARD}`);
    const claim = anchors.find((a) => a.element === 'mark')!;
    expect(claim).toMatchObject({ id: 'claim-met', title: claimResultTitle('Putin met him') });
    expect(claim.title).toBe('Claim: Putin met him');
    const card = anchors.find((a) => a.element === 'div')!;
    // Linked by the claim's id, so the sub-result jumps to the words in the text.
    expect(card).toMatchObject({ id: 'claim-met', title: 'Claim: Putin met him' });
    const words = content.split(/\s+/);
    expect(words.slice(card.location).join(' ')).toContain('The Kremlin transcript confirms the meeting.');
  });

  it('clips a long claim’s title at a word', () => {
    const title = claimResultTitle(`${'word '.repeat(40)}end`);
    expect(title.length).toBeLessThanOrEqual('Claim: '.length + 90);
    expect(title).toMatch(/^Claim: word( word)*…$/);
  });

  it('keeps a title the page already gives', () => {
    const html = '<mark id="claim-x" class="claim" data-pagefind-title="Given">Words</mark>';
    expect(searchableHtml(html)).toBe(html);
  });

  it('changes nothing but the marks it adds', () => {
    const html = `<main>${CLAIM}${CARD}</main>`;
    const out = searchableHtml(html);
    const stripped = out
      .replace(/ data-pagefind-(ignore|title="[^"]*")/g, '')
      .replace(/(<\/(p|div|main)>) /g, '$1')
      .replace('<div id="claim-met" popover', '<div id="card-met" popover');
    expect(stripped).toBe(html);
  });
});

/** Every file Pagefind writes for these pages, each sent through `copy`. */
async function indexFiles(pages: string[], copy: (html: string) => string): Promise<Map<string, string>> {
  const { index } = await pagefind.createIndex({});
  for (const [i, html] of pages.entries()) {
    const { errors } = await index!.addHTMLFile({ url: `/p${i}/`, content: copy(html) });
    expect(errors).toEqual([]);
  }
  const { files } = await index!.getFiles();
  await index!.deleteIndex();
  return new Map(files.map((f) => [f.path, Buffer.from(f.content).toString('base64')]));
}

const HEAD =
  '<!DOCTYPE html><html lang="en-GB" class="x"><head><meta charset="utf-8"><title>Page title · Site</title>' +
  '<script type="application/ld+json">{"@type":"NewsArticle","headline":"JSON-LD words"}</script>' +
  '<link rel="stylesheet" href="/a.css"></head>';
const NAV =
  '<body><a href="#main" id="skip">Skip to content</a><header id="top"><nav aria-label="Site"><ul><li><a href="/">Articles</a></li></ul></nav></header>';
const PAGES = [
  // An article: the marked part holds the h1, claims, a card, a block Pagefind drops whole.
  `${HEAD}${NAV}<main id="main" class="m">Before the body <article class="article-page" data-pagefind-body data-pagefind-filter="type:Analysis" data-pagefind-meta="type:Analysis"><header><p class="kicker">Analysis</p><h1 class="t">Leaders meet in Ashgabat</h1></header>${CLAIM}${CARD}<figure id="fig"><svg><title id="st">Chart</title><text x="1">3 claims</text></svg><figcaption>Claims by channel</figcaption></figure><div class="cards" data-pagefind-ignore="all"><h1>Not a title</h1><img src="/not.png" alt="no"><span data-pagefind-meta="author:Nobody">x</span><p id="gone">Dropped words</p></div><div data-pagefind-ignore><p>Kept out of the text</p><span data-pagefind-filter="tag">Still a filter</span></div><footer class="f"><p>Article footer</p></footer></article> and text after it, <span>in an element after it</span></main><footer><p>Site footer</p><img src="/after.png" alt="After the title"></footer></body></html>`,
  // The title from an h1 outside the marked part, metadata around it, the image after the h1.
  `${HEAD}${NAV}<div class="wrap"><h1 id="h">Outside heading</h1><span data-pagefind-meta="author">Ann Writer</span><p>Loose words</p><section data-pagefind-body><h2 id="s">Section</h2><p>First part.</p></section><aside>Between</aside><section data-pagefind-body data-pagefind-weight="2"><p>Second part</p></section><img src="/img.png" alt="An image"></div></body></html>`,
  // No h1 at all: the <title> names the page.
  `${HEAD}<body><p>Outside</p><main data-pagefind-body><p>Only a paragraph, <br>then more</p></main></body></html>`,
];

describe('the lean copy of a page sent to Pagefind', () => {
  it('gives Pagefind the same index as the whole page, file for file', async () => {
    const whole = await indexFiles(PAGES, searchableHtml);
    const lean = await indexFiles(PAGES, searchablePage);
    expect([...lean.keys()].sort()).toEqual([...whole.keys()].sort());
    for (const [file, content] of whole) expect(lean.get(file), file).toBe(content);
  });

  it('leaves out what Pagefind does not read', () => {
    const lean = searchablePage(PAGES[0]!);
    expect(lean.length).toBeLessThan(searchableHtml(PAGES[0]!).length * 0.8);
    for (const gone of ['JSON-LD words', 'Skip to content', 'Site footer', 'Dropped words', 'class="t"', 'href="/"'])
      expect(lean).not.toContain(gone);
    for (const kept of ['lang="en-GB"', '<title>Page title', 'id="claim-met"', 'Leaders meet', 'src="/after.png"'])
      expect(lean).toContain(kept);
  });

  it('sends the whole page when htmlparser2 had to close an element the page left open', () => {
    const html = `${HEAD}<body><main data-pagefind-body><p>Open paragraph<div>Block</div></main><nav>Menu</nav></body></html>`;
    expect(searchablePage(html)).toBe(searchableHtml(html));
  });

  it('sends the whole page when no part is marked data-pagefind-body', () => {
    const html = `${HEAD}<body><nav class="n">Menu</nav><p>Text</p></body></html>`;
    expect(searchablePage(html)).toBe(searchableHtml(html));
  });
});
