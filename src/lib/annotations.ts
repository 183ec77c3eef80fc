/**
 * The article's claims as a W3C Web Annotation collection (https://www.w3.org/TR/annotation-model/).
 * Each claim becomes one annotation whose TextQuoteSelector anchors in the rendered page text.
 */
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import {
  channelPhrase,
  kindLabel,
  refId,
  speakerName,
  statusLabel,
  type ClaimLike,
  type Lookup,
} from './describe';

export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

const CONTEXT_CHARS = 32;

/** textContent of the HTML, and the [start, end) span of each element id that starts with `claim-`. */
export function textWithSpans(html: string): { text: string; spans: Map<string, [number, number]> } {
  const tree: Root = fromHtml(html, { fragment: true });
  let text = '';
  const spans = new Map<string, [number, number]>();
  const walk = (node: Root | RootContent) => {
    if (node.type === 'text') {
      text += node.value;
      return;
    }
    if (node.type !== 'root' && node.type !== 'element') return;
    const id = node.type === 'element' ? (node as Element).properties['id'] : undefined;
    const start = text.length;
    for (const child of node.children) walk(child);
    if (typeof id === 'string' && id.startsWith('claim-') && (node as Element).tagName === 'mark') {
      spans.set(id, [start, text.length]);
    }
  };
  walk(tree);
  return { text, spans };
}

/** TextQuoteSelectors for each marked claim, keyed by claim id. */
export function textQuotes(html: string): Map<string, TextQuote> {
  const { text, spans } = textWithSpans(html);
  const out = new Map<string, TextQuote>();
  for (const [id, [start, end]] of spans) {
    out.set(id.slice('claim-'.length), {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
      suffix: text.slice(end, end + CONTEXT_CHARS),
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
  html: string;
  lookup: Lookup;
}

export function annotationCollection(input: AnnotationInput) {
  const quotes = textQuotes(input.html);
  const items = input.claims.map((claim) => {
    const quote = quotes.get(claim.id);
    if (!quote) throw new Error(`Claim "${claim.id}" has no mark in the rendered page.`);
    const sources = [...(claim.via ?? []), ...(claim.primary ? [claim.primary] : [])].map(refId);
    return {
      id: `${input.collectionUrl}#${claim.id}`,
      type: 'Annotation',
      motivation: 'assessing',
      created: input.published,
      modified: input.updated,
      creator: { type: 'Organization', name: 'Sourced' },
      body: [
        { type: 'TextualBody', purpose: 'classifying', value: `Kind: ${kindLabel(claim.kind)}`, format: 'text/plain' },
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
        { type: 'TextualBody', purpose: 'assessing', value: `Status: ${statusLabel(claim.status)}`, format: 'text/plain' },
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
