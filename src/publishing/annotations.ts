/**
 * The article's claims as a W3C Web Annotation collection (https://www.w3.org/TR/annotation-model/).
 * Each claim becomes one annotation whose TextQuoteSelector anchors in the rendered page text.
 */
import { channelPhrase, claimKindLabel, speakerName, statusLabel, type ClaimLike } from '../analysis/describe';
import { refId, type Lookup } from '../collections/lookup';
import { textWithSpans, type Span } from '../analysis/claim-spans';

export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

const CONTEXT_CHARS = 32;

/**
 * TextQuoteSelectors for each marked claim, keyed by claim id. The prefix and suffix stay
 * inside the claim's paragraph: text outside it (cards, buttons) may be changed by scripts.
 */
export function textQuotes(html: string): Map<string, TextQuote> {
  return quotesFrom(textWithSpans(html));
}

/** TextQuoteSelectors from an article's text and claim spans (see article-facts.ts). */
export function quotesFrom({
  text,
  spans,
}: {
  text: string;
  spans: ReadonlyMap<string, Span>;
}): Map<string, TextQuote> {
  const out = new Map<string, TextQuote>();
  for (const [id, s] of spans) {
    out.set(id.slice('claim-'.length), {
      exact: text.slice(s.start, s.end),
      prefix: text.slice(Math.max(s.blockStart, s.start - CONTEXT_CHARS), s.start),
      suffix: text.slice(s.end, Math.min(s.blockEnd, s.end + CONTEXT_CHARS)),
    });
  }
  return out;
}

export interface AnnotationInput {
  /** Absolute URL of the article page. */
  pageUrl: string;
  /** Absolute URL of the collection itself. */
  collectionUrl: string;
  title: string;
  published: string;
  updated: string;
  outletName: string;
  claims: (ClaimLike & { note: string })[];
  /** The article's text and claim spans, from its facts (article-facts.ts). */
  text: { text: string; spans: ReadonlyMap<string, Span> };
  lookup: Lookup;
}

export function annotationCollection(input: AnnotationInput) {
  const quotes = quotesFrom(input.text);
  const items = input.claims.map((claim) => {
    const quote = quotes.get(claim.id);
    if (!quote) throw new Error(`Claim "${claim.id}" has no mark in the rendered page.`);
    const sources = [...(claim.via ?? []), ...(claim.primary ? [claim.primary] : [])].map(refId);
    return {
      id: `${input.collectionUrl}#${claim.id}`,
      type: 'Annotation',
      // A compact IRI: "assessing" is missing from some published copies of the anno.jsonld context.
      motivation: 'oa:assessing',
      created: input.published,
      modified: input.updated,
      creator: { type: 'Organization', name: 'Sourced' },
      body: [
        {
          type: 'TextualBody',
          purpose: 'classifying',
          value: `Kind: ${claimKindLabel(claim.kind)}`,
          format: 'text/plain',
        },
        {
          type: 'TextualBody',
          purpose: 'identifying',
          value: `Speaker: ${speakerName(claim, input.lookup, input.outletName)}`,
          format: 'text/plain',
        },
        {
          type: 'TextualBody',
          purpose: 'describing',
          value: `Channel: ${channelPhrase(claim, input.lookup)}`,
          format: 'text/plain',
        },
        {
          type: 'TextualBody',
          purpose: 'oa:assessing',
          value: `Status: ${statusLabel(claim.status)}`,
          format: 'text/plain',
        },
        { type: 'TextualBody', purpose: 'commenting', value: claim.note, format: 'text/plain' },
        ...sources.map((id) => {
          const s = input.lookup.sources.get(id);
          return {
            type: 'TextualBody',
            purpose: 'linking',
            value: `Source: ${s?.name ?? id}${s?.url ? ` <${s.url}>` : ''}`,
            format: 'text/plain',
          };
        }),
        ...sources
          .map((id) => input.lookup.sources.get(id)?.url)
          .filter((u): u is string => Boolean(u))
          .map((u) => ({ id: u, type: 'Text', purpose: 'linking' })),
      ],
      target: {
        source: input.pageUrl,
        selector: { type: 'TextQuoteSelector', ...quote },
      },
    };
  });
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: input.collectionUrl,
    type: 'AnnotationCollection',
    label: `Claims in “${input.title}”`,
    total: items.length,
    first: {
      id: `${input.collectionUrl}#page-1`,
      type: 'AnnotationPage',
      startIndex: 0,
      items,
    },
  };
}
