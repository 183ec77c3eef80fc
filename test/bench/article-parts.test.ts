import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleParts, averageParts } from '../../scripts/bench/article-parts.mjs';

const bytes = (s: string) => Buffer.byteLength(s);

// A page with one of each part, each written out so its size is known here.
const jsonLd = '<script type="application/ld+json">{"@type":"ClaimReview"}</script>';
const head = `<head><title>T</title>${jsonLd}</head>`;
const badge = '<button class="badge" aria-label="About this claim: A"></button>';
const mark = `<mark id="claim-a" class="claim" data-status="corroborated">Ünïcode words${badge}</mark>`;
const mention = '<a href="/glossary/x/" data-glossary="x">X</a>';
const cards = '<div class="claim-cards"><div id="card-a" class="claim-card">About</div></div>';
const glossaryCards = '<div class="glossary-cards"><div class="glossary-card">X</div></div>';
const bibliography = '<section class="bibliography"><div class="csl-entry">Ref</div></section>';
const body = `<div class="article-body"><p>Before ${mark} and ${mention}.</p>${bibliography}${cards}${glossaryCards}</div>`;
const chart = '<figure class="sourcing-chart">chart</figure>';
const sources = '<section aria-labelledby="sources-heading">S</section>';
const page =
  `<!DOCTYPE html><html>${head}<body><nav>n</nav><main><article><header>h</header>${chart}` +
  `<section class="reading"><div class="reading-views">v</div>${body}</section>${sources}</article></main></body></html>`;

describe('an article page broken down by part', () => {
  const parts = articleParts(page);

  it('weighs each part by its own bytes, counting multi-byte characters as bytes', () => {
    expect(parts['page']).toBe(bytes(page));
    expect(parts['head']).toBe(bytes(head));
    expect(parts['  of which JSON-LD']).toBe(bytes(jsonLd));
    expect(parts['claim cards']).toBe(bytes(cards));
    expect(parts['glossary cards']).toBe(bytes(glossaryCards));
    expect(parts['bibliography']).toBe(bytes(bibliography));
    expect(parts['sources panel']).toBe(bytes(sources));
    expect(parts['  of which the chart']).toBe(bytes(chart));
    expect(parts['article header, original, chart']).toBe(bytes('<header>h</header>') + bytes(chart));
  });

  it('counts the text without the cards and bibliography, and a claim’s markup without its words', () => {
    expect(parts['text with its marks']).toBe(bytes(body) - bytes(cards) - bytes(glossaryCards) - bytes(bibliography));
    expect(parts['  of which claim marks (tags, buttons)']).toBe(bytes(mark) - bytes('Ünïcode words'));
    expect(parts['    of which buttons']).toBe(bytes(badge));
    expect(parts['  of which mention tags']).toBe(bytes(mention) - bytes('X'));
    expect(parts['claims in text']).toBe(1);
  });

  it('averages the article pages of a built site', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'sourced-parts-test-'));
    try {
      for (const [slug, html] of [
        ['a', page],
        ['b', page.replace('Before', 'Before, and a longer sentence')],
      ] as const) {
        mkdirSync(path.join(out, 'articles', slug), { recursive: true });
        writeFileSync(path.join(out, 'articles', slug, 'index.html'), html);
      }
      const { pages, parts: avg } = averageParts(out);
      expect(pages).toEqual(['a', 'b']);
      expect(avg['page']).toBe(Math.round(bytes(page) + bytes(', and a longer sentence') / 2));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
