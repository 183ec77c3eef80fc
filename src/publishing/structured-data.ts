/**
 * Schema.org JSON-LD for article and claim pages: the analysis as an AnalysisNewsArticle
 * based on the original report, a ClaimReview for each claim with a verdict, and the glossary
 * entries the article mentions as Person, Country, Organization, Place or DefinedTerm with
 * their reference links as sameAs. Pure: every URL and entry comes in as an argument.
 */
import { SPEAKER_OUTLET, SPEAKER_UNNAMED, type ClaimStatus } from '../schemas/taxonomy';
import { statusLabel, type ClaimLike } from '../analysis/describe';
import { refId } from '../collections/lookup';
import type { Urls } from '../lib/urls';
import type { ClaimPagesSetting } from '../lib/site';
import { hasClaimPage } from '../analysis/claim-pages';

export const SCHEMA_CONTEXT = 'https://schema.org';

/**
 * Our statuses on a 1–5 scale for reviewRating, with the status label as alternateName.
 * 5: confirmed; 3: neither confirmed nor contradicted; 2: nothing supports it; 1: contradicted.
 * "Not checkable" and "pending" (not yet checked) have no verdict, so such claims get no
 * ClaimReview at all: a rating nobody gave would mislead search engines and fact-check readers.
 */
export const RATING: Record<Exclude<ClaimStatus, 'not-checkable' | 'pending'>, number> = {
  corroborated: 5,
  'single-source': 3,
  unverified: 3,
  disputed: 3,
  unsupported: 2,
  inaccurate: 1,
};
const hasRating = (status: ClaimStatus): status is keyof typeof RATING => Object.hasOwn(RATING, status);
export const BEST_RATING = 5;
export const WORST_RATING = 1;

const SCHEMA_TYPE: Record<string, string> = {
  person: 'Person',
  country: 'Country',
  organisation: 'Organization',
  place: 'Place',
  group: 'DefinedTerm',
};

export interface GlossaryItem {
  id: string;
  data: {
    name: string;
    kind: string;
    description: string;
    aliases?: string[];
    links: { label: string; url: string }[];
    wikidata?: string | undefined;
  };
}

export interface SourceItem {
  name: string;
  url?: string | undefined;
}

/** The site as publisher and author. */
export function organisation(urls: Urls) {
  return { '@type': 'Organization', '@id': `${urls.home}#organization`, name: 'Sourced', url: urls.home };
}

/** `@id` of the thing a glossary entry describes (its page is about it, not it). */
export const entityId = (urls: Urls, id: string) => `${urls.glossary(id)}#subject`;

export function glossaryEntity(entry: GlossaryItem, urls: Urls) {
  const type = SCHEMA_TYPE[entry.data.kind] ?? 'DefinedTerm';
  const sameAs = [
    ...entry.data.links.map((l) => l.url),
    ...(entry.data.wikidata ? [`https://www.wikidata.org/wiki/${entry.data.wikidata}`] : []),
  ];
  return {
    '@type': type,
    '@id': entityId(urls, entry.id),
    name: entry.data.name,
    // The description lives on the entry's page (url); leaving it out keeps article pages light.
    url: urls.glossary(entry.id),
    sameAs,
    ...(type === 'DefinedTerm' ? { inDefinedTermSet: urls.glossaryIndex } : {}),
  };
}

export interface ArticleInput {
  slug: string;
  title: string;
  dek: string;
  published: string;
  updated: string;
  tags: string[];
  original: { headline: string; url: string; date: string; author: string };
  outlet: SourceItem;
  claims: (ClaimLike & { note: string })[];
  /** Each claim's exact words, keyed by claim id (see articleText). */
  quotes: ReadonlyMap<string, string>;
  /** Absolute URL of the preview image. */
  image: string;
  /** Which claims have their own page (src/lib/site.ts); the site's setting when absent. */
  claimPages?: ClaimPagesSetting | undefined;
}

/** The fields of an article entry that structured data reads. */
export type ArticleFields = Pick<
  ArticleInput,
  'title' | 'dek' | 'published' | 'updated' | 'tags' | 'original' | 'claims'
>;

/** Builds the input for articleJsonLd and claimJsonLd from an article entry's data. */
export function articleInput(
  slug: string,
  data: ArticleFields,
  outlet: SourceItem,
  quotes: ReadonlyMap<string, string>,
  image: string,
): ArticleInput {
  const { title, dek, published, updated, tags, original, claims } = data;
  return { slug, title, dek, published, updated, tags, original, outlet, claims, quotes, image };
}

function speakerRef(claim: ClaimLike, input: ArticleInput, glossary: Map<string, GlossaryItem>, urls: Urls) {
  const id = refId(claim.speaker);
  if (id === SPEAKER_UNNAMED) return undefined;
  if (id === SPEAKER_OUTLET) {
    return { '@type': 'Organization', name: input.outlet.name, ...(input.outlet.url ? { url: input.outlet.url } : {}) };
  }
  const entry = glossary.get(id);
  return entry ? { '@id': entityId(urls, id), name: entry.data.name } : undefined;
}

/** `@id` of the original report: its own address, which names it on every page that cites it. */
export const originalId = (input: Pick<ArticleInput, 'original'>) => input.original.url;

function originalWork(input: ArticleInput) {
  return {
    '@type': 'NewsArticle',
    '@id': originalId(input),
    headline: input.original.headline,
    url: input.original.url,
    ...(input.original.date !== 'unknown' ? { datePublished: input.original.date } : {}),
    ...(input.original.author !== 'unknown' ? { author: { '@type': 'Person', name: input.original.author } } : {}),
    publisher: {
      '@type': 'Organization',
      name: input.outlet.name,
      ...(input.outlet.url ? { url: input.outlet.url } : {}),
    },
  };
}

/** Where a claim's review lives: the claim's own page, or its place in the article when it has none. */
function reviewAddress(claim: ClaimLike, input: ArticleInput, urls: Urls): string {
  return hasClaimPage(claim.status, input.claimPages)
    ? urls.claim(input.slug, claim.id)
    : `${urls.article(input.slug)}#claim-${claim.id}`;
}

/**
 * A ClaimReview for one claim, or undefined when the claim has no verdict (not checkable, not yet checked).
 * It is said once: on the claim's own page when it has one, complete; otherwise on the article
 * (articleJsonLd), where the reviews share one graph and each points at the original report by
 * `@id` (isBasedOn describes it once).
 */
export function claimReview(
  claim: ClaimLike & { note: string },
  input: ArticleInput,
  glossary: Map<string, GlossaryItem>,
  urls: Urls,
  page: 'claim' | 'article' = 'claim',
) {
  const rating = hasRating(claim.status) ? RATING[claim.status] : undefined;
  if (rating === undefined) return undefined;
  const quote = input.quotes.get(claim.id);
  if (!quote) throw new Error(`Claim "${claim.id}" has no marked words in the article.`);
  const author = speakerRef(claim, input, glossary, urls);
  const address = reviewAddress(claim, input, urls);
  return {
    '@type': 'ClaimReview',
    '@id': address,
    url: address,
    claimReviewed: quote,
    datePublished: input.published,
    // Only after a change: Google's fact-check guidance asks for datePublished and lists no
    // dateModified, and a date equal to the first says nothing (about 30 bytes a claim page).
    ...(input.updated !== input.published ? { dateModified: input.updated } : {}),
    author: { '@id': organisation(urls)['@id'] },
    reviewRating: {
      '@type': 'Rating',
      ratingValue: rating,
      bestRating: BEST_RATING,
      worstRating: WORST_RATING,
      alternateName: statusLabel(claim.status),
      ratingExplanation: claim.note,
    },
    itemReviewed: {
      '@type': 'Claim',
      ...(author ? { author } : {}),
      appearance: page === 'claim' ? originalWork(input) : { '@id': originalId(input) },
    },
  };
}

/**
 * The article page's JSON-LD document. The analysis lists every claim review as a part
 * (hasPart): a review whose claim has its own page is described there and only named here, by
 * its type and that page's address; the others are described in full in this graph.
 */
export function articleJsonLd(input: ArticleInput, glossaryEntries: GlossaryItem[], mentioned: string[], urls: Urls) {
  const glossary = new Map(glossaryEntries.map((g) => [g.id, g]));
  const speakers = input.claims.map((c) => refId(c.speaker)).filter((id) => glossary.has(id));
  const entityIds = [...new Set([...mentioned, ...speakers])].filter((id) => glossary.has(id)).sort();
  const pageUrl = urls.article(input.slug);
  const org = organisation(urls);
  const reviewed = input.claims.filter((c) => hasRating(c.status));
  const ownPage = (c: ClaimLike) => hasClaimPage(c.status, input.claimPages);
  // A review on its own page is named by its type and `@id`, the page's address, which that page's
  // review also has as its `url`: the address once here, not twice (25 claim pages: 1.7 KB).
  const hasPart = reviewed.map((c) => {
    const address = reviewAddress(c, input, urls);
    return ownPage(c) ? { '@type': 'ClaimReview', '@id': address } : { '@id': address };
  });
  const article = {
    '@type': 'AnalysisNewsArticle',
    '@id': `${pageUrl}#analysis`,
    url: pageUrl,
    mainEntityOfPage: pageUrl,
    headline: input.title,
    description: input.dek,
    inLanguage: 'en-GB',
    datePublished: input.published,
    dateModified: input.updated,
    image: input.image,
    keywords: input.tags,
    author: { '@id': org['@id'] },
    publisher: { '@id': org['@id'] },
    isBasedOn: originalWork(input),
    // Described where they are mentioned, not beside the article and named again by `@id`: the
    // same statements in JSON-LD, without a reference a reader would have to resolve.
    mentions: entityIds.map((id) => glossaryEntity(glossary.get(id)!, urls)),
    ...(hasPart.length > 0 ? { hasPart } : {}),
  };
  const reviews = reviewed
    .filter((c) => !ownPage(c))
    .map((c) => claimReview(c, input, glossary, urls, 'article'))
    .filter((r) => r !== undefined);
  return {
    '@context': SCHEMA_CONTEXT,
    '@graph': [org, article, ...reviews],
  };
}

/**
 * A claim page's JSON-LD: its ClaimReview (if it has a verdict) and its speaker's entry. With a
 * review, the graph is that one node: the site and the speaker are described where the review
 * names them (its author, the claim's author), not beside it and named again by `@id`, which
 * every claim page of a site would repeat (docs/performance.md, "Lean output, fifth pass").
 */
export function claimJsonLd(claimId: string, input: ArticleInput, glossaryEntries: GlossaryItem[], urls: Urls) {
  const glossary = new Map(glossaryEntries.map((g) => [g.id, g]));
  const claim = input.claims.find((c) => c.id === claimId);
  if (!claim) throw new Error(`No claim "${claimId}" in ${input.slug}.`);
  const review = claimReview(claim, input, glossary, urls);
  const speaker = glossary.get(refId(claim.speaker));
  const entity = speaker ? glossaryEntity(speaker, urls) : undefined;
  if (!review) return { '@context': SCHEMA_CONTEXT, '@graph': [organisation(urls), ...(entity ? [entity] : [])] };
  const { itemReviewed } = review;
  return {
    '@context': SCHEMA_CONTEXT,
    '@graph': [
      {
        ...review,
        author: organisation(urls),
        itemReviewed: { ...itemReviewed, ...(entity && itemReviewed.author ? { author: entity } : {}) },
      },
    ],
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` is escaped so no text can close the element. */
export function jsonLdScript(doc: unknown): string {
  return JSON.stringify(doc).replace(/</g, '\\u003c');
}
