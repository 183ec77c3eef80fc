// JSON-LD on the built article and claim pages. No npm package ships the schema.org context and
// the tests have no network, so jsonld.expand cannot resolve "https://schema.org"; the documents
// are checked structurally instead: they parse, use the schema.org context, have the expected
// @types and required properties, give verdicts only where we have one, and use absolute URLs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { select } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import jsonld from 'jsonld';
import { parse } from 'yaml';
import { describe, expect, inject, it } from 'vitest';
import { CLAIM_STATUSES, type ClaimStatus } from '../../src/schemas/taxonomy';
import { SEED_PATH, readArticle } from '../support/content';
import { ROOT } from '../support/global-setup';
import { builtFile, jsonLd, linkHref, parsePage } from '../support/built';
import { urlValues } from '../support/json-ld';

const outDir = inject('outDir');
const article = readArticle() as ReturnType<typeof readArticle> & { published: string; updated: string };
const home = linkHref(parsePage(outDir, '/'), 'link[rel="canonical"]')!;

type Node = Record<string, unknown>;
const docs = jsonLd(parsePage(outDir, SEED_PATH)) as Node[];
const graph = (docs[0]?.['@graph'] ?? []) as Node[];
const ofType = (t: string) => graph.filter((n) => n['@type'] === t);

describe('JSON-LD on the seed article page', () => {
  it('is one schema.org document', () => {
    expect(docs).toHaveLength(1);
    expect(docs[0]!['@context']).toBe('https://schema.org');
    // The site and the analysis; the entries it mentions are described inside it (mentions).
    expect(graph.map((n) => n['@type'])).toEqual(['Organization', 'AnalysisNewsArticle']);
    const mentioned = ofType('AnalysisNewsArticle')[0]!['mentions'] as Node[];
    expect(mentioned.length).toBeGreaterThan(3);
    for (const n of [...graph, ...mentioned]) expect(typeof n['@type'], JSON.stringify(n).slice(0, 80)).toBe('string');
  });

  it('describes the analysis with its headline, dates, publisher and the original it is based on', () => {
    const [a] = ofType('AnalysisNewsArticle');
    expect(a).toBeDefined();
    expect(a!['headline']).toBe(article.title);
    expect(a!['datePublished']).toBe(article.published);
    expect(a!['dateModified']).toBe(article.updated);
    expect(a!['url']).toBe(new URL(SEED_PATH, home).href);
    expect((a!['publisher'] as Node)['@id']).toBe(ofType('Organization').find((o) => o['name'] === 'Sourced')!['@id']);
    expect(a!['isBasedOn']).toMatchObject({
      '@type': 'NewsArticle',
      url: article.original.url,
      headline: article.original.headline,
    });
    expect(builtFile(outDir, a!['image'] as string)).toBeDefined();
  });

  it('names the review of each claim with a verdict, on the claim’s own page, as a part, and repeats none of it', () => {
    const checkable = article.claims.filter((c) => c.status !== 'not-checkable');
    expect(checkable.length).toBeLessThan(article.claims.length);
    // Every claim of the seed has its own page (the default setting), so its review lives there.
    expect(ofType('ClaimReview')).toEqual([]);
    const parts = ofType('AnalysisNewsArticle')[0]!['hasPart'] as Node[];
    expect(parts).toEqual(
      checkable.map((c) => {
        const url = new URL(`${SEED_PATH}claims/${c.id}/`, home).href;
        return { '@type': 'ClaimReview', '@id': url };
      }),
    );
    for (const p of parts) expect(builtFile(outDir, p['@id'] as string), p['@id'] as string).toBeDefined();
  });

  it('describes speakers and mentioned glossary entries with their reference links as sameAs, where the analysis mentions them', () => {
    const mentioned = ofType('AnalysisNewsArticle')[0]!['mentions'] as Node[];
    const putin = mentioned.find((n) => n['name'] === 'Vladimir Putin');
    expect(putin?.['@type']).toBe('Person');
    const yaml = parse(readFileSync(path.join(ROOT, 'content/glossary/vladimir-putin.yaml'), 'utf8')) as {
      links: { url: string }[];
    };
    expect(putin?.['sameAs']).toEqual(expect.arrayContaining(yaml.links.map((l) => l.url)));
    expect(mentioned.find((n) => n['name'] === 'Russia')?.['@type']).toBe('Country');
    // Described there once, not beside the article as well.
    expect(graph.filter((n) => n['name'] === 'Vladimir Putin')).toEqual([]);
  });

  it('uses absolute http(s) URLs throughout', () => {
    const urls = urlValues(docs[0]);
    expect(urls.length).toBeGreaterThan(30);
    for (const u of urls) expect(new URL(u).protocol, u).toMatch(/^https?:$/);
  });
});

describe('JSON-LD syntax', () => {
  // No package ships schema.org's context and the tests run offline, so the loader serves a
  // stand-in with the same @vocab. That checks the JSON-LD itself (keywords, @id and @type
  // forms, nesting) in safe mode, which fails on anything it would drop; it does not check
  // schema.org's own type coercions.
  const documentLoader = (url: string) =>
    url.replace(/\/$/, '') !== 'https://schema.org'
      ? Promise.reject(new Error(`unexpected context ${url}`))
      : Promise.resolve({
          contextUrl: undefined,
          documentUrl: url,
          document: { '@context': { '@vocab': 'https://schema.org/' } },
        });

  it('expands without errors, in safe mode, on the article and on a claim page', async () => {
    const claimDocs = jsonLd(parsePage(outDir, `${SEED_PATH}claims/${article.claims[0]!.id}/`));
    for (const doc of [...docs, ...claimDocs]) {
      const expand = jsonld.expand as (doc: unknown, options: object) => Promise<unknown[]>;
      const expanded = await expand(doc, { documentLoader, safe: true });
      expect(expanded.length).toBeGreaterThan(0);
    }
  });
});

describe('JSON-LD on claim pages', () => {
  it('holds the claim’s review, or none for a claim that is not checkable', () => {
    const page = parsePage(outDir, SEED_PATH);
    for (const c of article.claims) {
      const [doc] = jsonLd(parsePage(outDir, `${SEED_PATH}claims/${c.id}/`)) as Node[];
      expect(doc!['@context']).toBe('https://schema.org');
      const reviews = (doc!['@graph'] as Node[]).filter((n) => n['@type'] === 'ClaimReview');
      expect(reviews, c.id).toHaveLength(c.status === 'not-checkable' ? 0 : 1);
      for (const r of reviews) {
        // The address the article's hasPart names, as the review's @id and its url.
        expect(r['@id'], c.id).toBe(new URL(`${SEED_PATH}claims/${c.id}/`, home).href);
        expect(r['url'], c.id).toBe(r['@id']);
        // The seed was updated after it was published, so its reviews say when.
        expect([r['datePublished'], r['dateModified']], c.id).toEqual([article.published, article.updated]);
        expect(r['reviewRating'], c.id).toMatchObject({
          '@type': 'Rating',
          alternateName: CLAIM_STATUSES[c.status as ClaimStatus].label,
          bestRating: 5,
          worstRating: 1,
        });
        // The review's explanation is here, not on the article.
        expect((r['reviewRating'] as Node)['ratingExplanation'], c.id).toEqual(expect.stringMatching(/\w/));
        // The claim reviewed is the marked words, exactly as on the article page.
        const mark = select(`mark#claim-${c.id}`, page);
        expect(mark, c.id).toBeDefined();
        expect(r['claimReviewed'], c.id).toBe(toString(mark!));
        // A claim page describes the original inside its review, having no other node for it.
        expect(r['itemReviewed'], c.id).toMatchObject({
          '@type': 'Claim',
          appearance: { '@type': 'NewsArticle', '@id': article.original.url, url: article.original.url },
        });
      }
    }
  });
});
