// No npm package ships the schema.org JSON-LD context, and the tests have no network, so the
// documents are checked structurally: types, required properties, verdicts and absolute URLs.
import { describe, expect, it } from 'vitest';
import type { ClaimLike } from '../../src/analysis/describe';
import { siteUrls } from '../../src/lib/urls';
import {
  RATING,
  articleInput,
  articleJsonLd,
  claimJsonLd,
  glossaryEntity,
  jsonLdScript,
  organisation,
  type ArticleInput,
  type GlossaryItem,
} from '../../src/publishing/structured-data';
import { CLAIM_STATUSES, type ClaimStatus } from '../../src/schemas/taxonomy';
import { urlValues } from '../support/json-ld';
import { claimQuotes, factsFromHtml, mentionedEntries } from '../../src/analysis/article-facts';

const urls = siteUrls('https://news.example.org', '/sourced/');

const glossary: GlossaryItem[] = [
  {
    id: 'person-a',
    data: {
      name: 'Person A',
      kind: 'person',
      description: 'A politician.',
      links: [{ label: 'Wikipedia', url: 'https://en.wikipedia.org/wiki/A' }],
      wikidata: 'Q1',
    },
  },
  {
    id: 'land-x',
    data: {
      name: 'Land X',
      kind: 'country',
      description: 'A country.',
      links: [{ label: 'Wikipedia', url: 'https://en.wikipedia.org/wiki/X' }],
    },
  },
  {
    id: 'the-ys',
    data: {
      name: 'The Ys',
      kind: 'group',
      description: 'A bloc.',
      links: [{ label: 'Site', url: 'https://ys.example/' }],
    },
  },
  {
    id: 'unused',
    data: {
      name: 'Unused',
      kind: 'place',
      description: 'Not in the text.',
      links: [{ label: 'Site', url: 'https://u.example/' }],
    },
  },
];

const claims: (ClaimLike & { note: string })[] = [
  {
    id: 'quote',
    kind: 'direct-quote',
    speaker: 'person-a',
    via: ['agency-b'],
    status: 'corroborated',
    note: 'Matches.',
  },
  { id: 'own', kind: 'outlet-assertion', speaker: 'outlet', via: [], status: 'inaccurate', note: 'Wrong date.' },
  { id: 'rumour', kind: 'unnamed-sources', speaker: 'unnamed', via: [], status: 'disputed', note: 'Denied.' },
  {
    id: 'framing',
    kind: 'characterisation',
    speaker: 'outlet',
    via: [],
    status: 'not-checkable',
    note: 'A judgement.',
  },
  { id: 'later', kind: 'paraphrase', speaker: 'person-a', via: ['agency-b'], status: 'pending', note: 'To check.' },
];

const html = `<p><a href="/sourced/glossary/land-x/" id="mention-land-x-1" data-glossary="land-x">Land X</a> and <span id="mention-the-ys-1" data-glossary="the-ys">the Ys</span>:
<mark id="claim-quote" class="claim">“We agree.”</mark><button class="badge"></button> <mark id="claim-own" class="claim">It was <time data-resolved="1 May">Monday</time></mark>
<mark id="claim-rumour" class="claim">reportedly</mark> <mark id="claim-framing" class="claim">a warm meeting</mark>
<mark id="claim-later" class="claim">talks will go on</mark></p>`;

const facts = factsFromHtml(html);
const quotes = claimQuotes(facts);
const mentions = mentionedEntries(facts);

const input: ArticleInput = {
  slug: 'sample',
  title: 'Sample analysis',
  dek: 'A dek.',
  published: '2024-10-12',
  updated: '2024-10-14',
  tags: ['x'],
  original: {
    headline: 'Original headline',
    url: 'https://paper.example/story',
    date: '2024-10-11',
    author: 'unknown',
  },
  outlet: { name: 'Paper C', url: 'https://paper.example/' },
  claims,
  quotes,
  image: 'https://news.example.org/sourced/articles/sample/og.png',
};

type Node = Record<string, unknown>;
const doc = articleJsonLd(input, glossary, mentions, urls);
const graph = doc['@graph'] as Node[];
const ofType = (t: string) => graph.filter((n) => n['@type'] === t);

describe('the article’s text for structured data', () => {
  it('reads each claim’s exact words and the glossary entries the body mentions from one parse', () => {
    expect(quotes.get('quote')).toBe('“We agree.”');
    expect(quotes.get('own')).toBe('It was Monday');
    expect(mentions).toEqual(['land-x', 'the-ys']);
  });
});

describe('JSON-LD for an article page', () => {
  it('uses the schema.org context and survives a JSON round trip', () => {
    expect(doc['@context']).toBe('https://schema.org');
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it('describes the analysis with headline, dates, author, publisher, image and the original as isBasedOn', () => {
    const [article] = ofType('AnalysisNewsArticle');
    expect(article).toMatchObject({
      headline: 'Sample analysis',
      datePublished: '2024-10-12',
      dateModified: '2024-10-14',
      url: 'https://news.example.org/sourced/articles/sample/',
      image: input.image,
      author: { '@id': 'https://news.example.org/sourced/#organization' },
      publisher: { '@id': 'https://news.example.org/sourced/#organization' },
      isBasedOn: {
        '@type': 'NewsArticle',
        '@id': 'https://paper.example/story',
        headline: 'Original headline',
        url: 'https://paper.example/story',
        datePublished: '2024-10-11',
        publisher: { '@type': 'Organization', name: 'Paper C' },
      },
    });
    // An unknown byline is left out rather than published as "unknown".
    expect((article!['isBasedOn'] as Node)['author']).toBeUndefined();
    expect(ofType('Organization').some((o) => o['@id'] === 'https://news.example.org/sourced/#organization')).toBe(
      true,
    );
  });

  // Of the sample's claims, quote (corroborated), own (inaccurate) and rumour (disputed) have a
  // verdict; framing (not checkable) and later (not yet checked) have none. Under `verdicts`,
  // own and rumour have pages and quote has not.
  const graphOf = (claimPages: 'all' | 'verdicts' | 'none') =>
    articleJsonLd({ ...input, claimPages }, glossary, mentions, urls)['@graph'] as Node[];
  const reviewsOf = (claimPages: 'all' | 'verdicts' | 'none') =>
    graphOf(claimPages).filter((n) => n['@type'] === 'ClaimReview');
  const partsOf = (claimPages: 'all' | 'verdicts' | 'none') =>
    graphOf(claimPages).find((n) => n['@type'] === 'AnalysisNewsArticle')!['hasPart'] as Node[];
  const page = (id: string) => `https://news.example.org/sourced/articles/sample/claims/${id}/`;
  const place = (id: string) => `https://news.example.org/sourced/articles/sample/#claim-${id}`;

  it('reviews every claim that has a verdict and none that is not checkable or not yet checked', () => {
    const reviews = reviewsOf('none');
    expect(reviews.map((r) => r['url'])).toEqual([place('quote'), place('own'), place('rumour')]);
    expect(reviews[0]).toMatchObject({
      claimReviewed: '“We agree.”',
      reviewRating: {
        '@type': 'Rating',
        alternateName: 'Corroborated',
        ratingValue: 5,
        bestRating: 5,
        worstRating: 1,
        ratingExplanation: 'Matches.',
      },
      itemReviewed: {
        '@type': 'Claim',
        author: { '@id': 'https://news.example.org/sourced/glossary/person-a/#subject', name: 'Person A' },
        appearance: { '@id': 'https://paper.example/story' },
      },
    });
    expect(reviews[1]).toMatchObject({
      reviewRating: { alternateName: 'Inaccurate', ratingValue: 1 },
      itemReviewed: { author: { '@type': 'Organization', name: 'Paper C' } },
    });
    // Unnamed sources have no author to name.
    expect((reviews[2]!['itemReviewed'] as Node)['author']).toBeUndefined();
  });

  it('leaves each review with a claim page of its own to that page, and names the page as a part of the analysis', () => {
    expect(reviewsOf('all')).toEqual([]);
    // By its type and @id, the page's address, once: the review on that page has it as its url.
    expect(partsOf('all')).toEqual(
      ['quote', 'own', 'rumour'].map((id) => ({ '@type': 'ClaimReview', '@id': page(id) })),
    );
    // Nothing of a review on a claim page is said here: not its rating, words or explanation.
    const text = JSON.stringify(articleJsonLd({ ...input, claimPages: 'all' }, glossary, mentions, urls));
    for (const said of ['Matches.', 'Wrong date.', 'Denied.', '“We agree.”', 'reviewRating']) {
      expect(text).not.toContain(said);
    }
    // The claim page says it in full.
    expect(claimJsonLd('own', { ...input, claimPages: 'all' }, glossary, urls)['@graph']).toContainEqual(
      expect.objectContaining({ '@type': 'ClaimReview', '@id': page('own') }),
    );
  });

  it('keeps here, in full, the review of a claim with no page, and lists it as a part by @id', () => {
    // Pages only for verdicts: quote has none, so its review is here; own and rumour are on their pages.
    const reviews = reviewsOf('verdicts');
    expect(reviews.map((r) => [r['@id'], r['url'], (r['reviewRating'] as Node)['ratingExplanation']])).toEqual([
      [place('quote'), place('quote'), 'Matches.'],
    ]);
    expect(partsOf('verdicts')).toEqual([
      { '@id': place('quote') },
      { '@type': 'ClaimReview', '@id': page('own') },
      { '@type': 'ClaimReview', '@id': page('rumour') },
    ]);
    // No claim pages: every review is here, each a part by its @id.
    expect(reviewsOf('none')).toHaveLength(3);
    expect(partsOf('none')).toEqual(['quote', 'own', 'rumour'].map((id) => ({ '@id': place(id) })));
  });

  it('has no parts when no claim has a verdict', () => {
    const unchecked = {
      ...input,
      claims: claims.filter((c) => c.status === 'pending' || c.status === 'not-checkable'),
    };
    const article = (articleJsonLd(unchecked, glossary, mentions, urls)['@graph'] as Node[]).find(
      (n) => n['@type'] === 'AnalysisNewsArticle',
    );
    expect(article).not.toHaveProperty('hasPart');
  });

  it('describes the original report once, as isBasedOn, and has every review here point at it by @id', () => {
    const graph = graphOf('none');
    const article = graph.find((n) => n['@type'] === 'AnalysisNewsArticle')!;
    const original = article['isBasedOn'] as Node;
    const appearances = reviewsOf('none').map((r) => (r['itemReviewed'] as Node)['appearance'] as Node);
    expect(appearances).toHaveLength(3);
    // A bare reference: nothing of the original is repeated in a review.
    for (const a of appearances) expect(a).toEqual({ '@id': original['@id'] });
    expect(JSON.stringify(graph).split('"Original headline"')).toHaveLength(2);
  });

  it('maps every status except “not checkable” and “not yet checked” to a rating between worst and best', () => {
    const statuses = Object.keys(CLAIM_STATUSES).filter((s) => s !== 'not-checkable' && s !== 'pending') as Exclude<
      ClaimStatus,
      'not-checkable' | 'pending'
    >[];
    expect(Object.keys(RATING).sort()).toEqual(statuses.sort());
    for (const s of statuses) expect(RATING[s]).toBeGreaterThanOrEqual(1);
    expect(RATING.corroborated).toBeGreaterThan(RATING.unverified);
    expect(RATING.unverified).toBeGreaterThan(RATING.inaccurate);
  });

  it('describes the mentioned glossary entries and speakers as Person, Country or DefinedTerm with sameAs links, where the analysis mentions them', () => {
    const [article] = ofType('AnalysisNewsArticle');
    const mentioned = article!['mentions'] as Node[];
    const person = mentioned.find((n) => n['@id'] === 'https://news.example.org/sourced/glossary/person-a/#subject');
    expect(person).toMatchObject({
      '@type': 'Person',
      name: 'Person A',
      url: 'https://news.example.org/sourced/glossary/person-a/',
      sameAs: ['https://en.wikipedia.org/wiki/A', 'https://www.wikidata.org/wiki/Q1'],
    });
    expect(mentioned.find((n) => n['name'] === 'Land X')?.['@type']).toBe('Country');
    expect(mentioned.find((n) => n['name'] === 'The Ys')).toMatchObject({
      '@type': 'DefinedTerm',
      inDefinedTermSet: 'https://news.example.org/sourced/glossary/',
    });
    expect(JSON.stringify(doc)).not.toContain('Unused');
    expect(mentioned.map((m) => m['name'])).toEqual(['Land X', 'Person A', 'The Ys']);
    // Each is described once, in place: not beside the article as well, nor named there by a bare @id.
    expect(graph.map((n) => n['@type'])).toEqual(['Organization', 'AnalysisNewsArticle']);
    expect(JSON.stringify(doc).split('glossary/person-a/#subject')).toHaveLength(2);
  });

  it('leaves dateModified out of a review until the article changes after it is published', () => {
    const review = (i: ArticleInput) =>
      (articleJsonLd({ ...i, claimPages: 'none' }, glossary, mentions, urls)['@graph'] as Node[]).find(
        (n) => n['@type'] === 'ClaimReview',
      )!;
    expect(review(input)).toMatchObject({ datePublished: '2024-10-12', dateModified: '2024-10-14' });
    const unchanged = review({ ...input, updated: input.published });
    expect(unchanged['datePublished']).toBe('2024-10-12');
    expect(unchanged).not.toHaveProperty('dateModified');
    const onItsPage = claimJsonLd('quote', { ...input, updated: input.published }, glossary, urls)['@graph'] as Node[];
    expect(onItsPage[0]).not.toHaveProperty('dateModified');
  });

  it('gives every address as an absolute http(s) URL', () => {
    const all = urlValues(doc);
    expect(all.length).toBeGreaterThan(15);
    for (const u of all) expect(new URL(u).protocol, u).toMatch(/^https?:$/);
  });

  it('refuses a claim whose words are not marked in the text', () => {
    expect(() => articleJsonLd({ ...input, claimPages: 'none', quotes: new Map() }, glossary, [], urls)).toThrow(
      /no marked words/,
    );
  });
});

describe('JSON-LD for a claim page', () => {
  it('holds the claim’s review as one node, describing the site and the speaker where it names them', () => {
    const d = claimJsonLd('quote', input, glossary, urls);
    const graph = d['@graph'] as Node[];
    expect(graph.map((n) => n['@type'])).toEqual(['ClaimReview']);
    expect(graph[0]!['author']).toEqual(organisation(urls));
    const speaker = (graph[0]!['itemReviewed'] as Node)['author'] as Node;
    expect(speaker).toEqual(
      glossaryEntity(
        glossary.find((g) => g.id === 'person-a')!,
        urls,
      ),
    );
    expect(speaker['sameAs']).toContain('https://en.wikipedia.org/wiki/A');
    // No node is left that is only named by @id.
    const named = JSON.stringify(d).match(/\{"@id":"[^"]*"\}/g);
    expect(named).toBeNull();
  });

  it('describes the original report in full inside the review, as the page has no other node for it', () => {
    const [review] = (claimJsonLd('quote', input, glossary, urls)['@graph'] as Node[]).filter(
      (n) => n['@type'] === 'ClaimReview',
    );
    expect((review!['itemReviewed'] as Node)['appearance']).toMatchObject({
      '@type': 'NewsArticle',
      '@id': 'https://paper.example/story',
      headline: 'Original headline',
      url: 'https://paper.example/story',
      publisher: { '@type': 'Organization', name: 'Paper C' },
    });
  });

  it('holds no review for a claim that is not yet checked, only its speaker', () => {
    const d = claimJsonLd('later', input, glossary, urls);
    const types = (d['@graph'] as Node[]).map((n) => n['@type']);
    expect(types).not.toContain('ClaimReview');
    expect(types).toContain('Person');
  });

  it('holds no review for a claim that is not checkable', () => {
    const d = claimJsonLd('framing', input, glossary, urls);
    expect((d['@graph'] as Node[]).some((n) => n['@type'] === 'ClaimReview')).toBe(false);
  });
});

describe('JSON-LD inside a script element', () => {
  it('escapes “<” so no text can close the script element, and still parses to the same data', () => {
    const out = jsonLdScript({ a: '</script><script>alert(1)</script>' });
    expect(out).not.toContain('<');
    expect(JSON.parse(out)).toEqual({ a: '</script><script>alert(1)</script>' });
  });
});

describe('articleInput', () => {
  it('takes the fields structured data needs from an entry and adds the outlet, quotes and image', () => {
    const data = { ...input, sources: ['ignored'], since: [] };
    const built = articleInput('sample', data, input.outlet, input.quotes, input.image);
    expect(built).toEqual(input);
    expect(built).not.toHaveProperty('sources');
  });
});
