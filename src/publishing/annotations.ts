/**
 * The article's claims as a W3C Web Annotation collection (https://www.w3.org/TR/annotation-model/).
 * Each claim becomes one annotation whose TextQuoteSelector anchors in the rendered page text.
 * Its body carries what a reader sees on the claim's card and around it: badge wording, note,
 * the evidence trail ("How we checked"), "Since publication" notes and corrections that concern it.
 *
 * Lean where the model allows it (docs/performance.md, "Lean output, fifth pass"): the creator is
 * described once, on the collection, and each annotation names it by its IRI; `modified` only when
 * the article changed after it was published; plain-text bodies without `format`; linked
 * resources without the `purpose` the model reserves for text bodies and specific resources
 * (docs/performance.md, "Lean output, seventh pass").
 */
import { channelPhrase, claimKindLabel, speakerName, statusLabel, type ClaimLike } from '../analysis/describe';
import { shortCitation } from '../analysis/citations';
import type { CardFinding } from '../analysis/claim-card';
import { formatDate, isoDay } from '../lib/dates';
import { refId, type Lookup } from '../collections/lookup';
import type { CslItem } from '../collections/registry';
import { textWithSpans, type Span } from '../analysis/claim-spans';
import { SITE_NAME } from '../lib/site';

export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

const CONTEXT_CHARS = 32;

/** A day as the model's created/modified want it: an xsd:dateTime in UTC with "Z" (section 3.3.1). */
export const annotationTime = (day: Date | string): string => `${isoDay(day)}T00:00:00Z`;

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
  /** Absolute URL of the site: the IRI of the annotations' creator. */
  siteUrl: string;
  title: string;
  published: string;
  updated: string;
  outletName: string;
  claims: (ClaimLike & { note: string; checked?: CardFinding[] | undefined })[];
  /** "Since publication" notes; each is attached to the claims it follows up. */
  since?: readonly { date: string; claims: string[]; text: string; cite: string[] }[] | undefined;
  /** Corrections and updates; each is attached to the claims it names. */
  corrections?: readonly { date: string; type: string; claims: string[]; text: string }[] | undefined;
  /** The text and claim spans, from its facts (article-facts.ts). */
  text: { text: string; spans: ReadonlyMap<string, Span> };
  lookup: Lookup;
  /** The bibliography, for the documents findings and notes cite. */
  bibliography: ReadonlyMap<string, CslItem>;
}

/**
 * A plain-text body. No `format`: the model lets a body have none ("SHOULD have exactly 1 …, but
 * MAY have 0", section 3.2.1), its own examples leave it out of plain-text bodies, and
 * "text/plain" on every body was a tenth of the file.
 */
const textBody = (purpose: string, value: string) => ({ type: 'TextualBody', purpose, value });

/** The body parts a client needs to show what a reader sees beyond the badge. */
function evidenceBodies(claim: AnnotationInput['claims'][number], input: AnnotationInput) {
  const cite = (key: string) => shortCitation(key, input.bibliography);
  const links = new Set<string>();
  const text = (purpose: string, value: string, created?: string) => ({
    ...textBody(purpose, value),
    ...(created ? { created: annotationTime(created) } : {}),
  });
  const bodies: object[] = [];
  for (const f of claim.checked ?? []) {
    const c = cite(f.source);
    if (c.url) links.add(c.url);
    bodies.push(
      text(
        'describing',
        `How we checked: ${c.label}${c.url ? ` <${c.url}>` : ''}: ${f.finding} (read ${formatDate(isoDay(f.accessed))})`,
      ),
    );
  }
  for (const s of input.since ?? []) {
    if (!s.claims.includes(claim.id)) continue;
    const sources = s.cite.map(cite);
    for (const c of sources) if (c.url) links.add(c.url);
    bodies.push(
      text(
        'commenting',
        `Since publication, ${formatDate(isoDay(s.date))}: ${s.text} Sources: ${sources.map((c) => c.label).join('; ')}.`,
        s.date,
      ),
    );
  }
  for (const c of input.corrections ?? []) {
    if (!c.claims.includes(claim.id)) continue;
    const label = c.type === 'correction' ? 'Correction' : 'Update';
    bodies.push(text('commenting', `${label}, ${formatDate(isoDay(c.date))}: ${c.text}`, c.date));
  }
  return { bodies, links: [...links] };
}

export function annotationCollection(input: AnnotationInput) {
  const quotes = quotesFrom(input.text);
  const created = annotationTime(input.published);
  // "The time at which the resource was modified, after creation": none if it never was.
  const modified = isoDay(input.updated) === isoDay(input.published) ? undefined : annotationTime(input.updated);
  const items = input.claims.map((claim) => {
    const quote = quotes.get(claim.id);
    if (!quote) throw new Error(`Claim "${claim.id}" has no mark in the rendered page.`);
    const sources = [...(claim.via ?? []), ...(claim.primary ? [claim.primary] : [])].map(refId);
    const evidence = evidenceBodies(claim, input);
    const sourceUrls = sources.map((id) => input.lookup.sources.get(id)?.url).filter((u): u is string => Boolean(u));
    return {
      id: `${input.collectionUrl}#${claim.id}`,
      type: 'Annotation',
      // A compact IRI: "assessing" is missing from some published copies of the anno.jsonld context.
      motivation: 'oa:assessing',
      created,
      ...(modified ? { modified } : {}),
      // The creator's IRI; the collection describes it once (its type and name).
      creator: input.siteUrl,
      body: [
        textBody('classifying', `Kind: ${claimKindLabel(claim.kind)}`),
        textBody('identifying', `Speaker: ${speakerName(claim, input.lookup, input.outletName)}`),
        textBody('describing', `Channel: ${channelPhrase(claim, input.lookup)}`),
        textBody('oa:assessing', `Status: ${statusLabel(claim.status)}`),
        textBody('commenting', claim.note),
        ...evidence.bodies,
        ...sources.map((id) => {
          const s = input.lookup.sources.get(id);
          return textBody('linking', `Source: ${s?.name ?? id}${s?.url ? ` <${s.url}>` : ''}`);
        }),
        // Each address the text bodies give, as a resource a client can follow. No `purpose`: the
        // model gives a purpose to a Textual Body or a Specific Resource, not to an External Web
        // Resource (sections 3.3.5 and 4.1); the text body naming the source carries "linking".
        ...[...new Set([...sourceUrls, ...evidence.links])].map((u) => ({ id: u, type: 'Text' })),
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
    // Described once; each annotation names it by this IRI, and JSON-LD joins them by it.
    creator: { id: input.siteUrl, type: 'Organization', name: SITE_NAME },
    total: items.length,
    first: {
      id: `${input.collectionUrl}#page-1`,
      type: 'AnnotationPage',
      startIndex: 0,
      items,
    },
  };
}
