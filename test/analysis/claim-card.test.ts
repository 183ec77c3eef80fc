import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { cardCitationKeys, claimCard, claimCards, type CardClaim } from '../../src/analysis/claim-card';
import { RELAYED, articleMarkdown, fixtureRegistry } from '../support/claims';
import { plainHtml } from '../../src/lib/hast-element';
import { renderMarkdown, splitFrontmatter } from '../support/pipeline';

const lookup = fixtureRegistry;

const input = articleMarkdown(
  [
    { ...RELAYED, primaryWording: 'We are the closest.' },
    {
      id: 'disputed',
      kind: 'outlet-assertion',
      speaker: 'outlet',
      status: 'disputed',
      note: 'Reported, then denied.',
      timeline: [{ date: '2024-10-11', who: 'Wire A', action: 'reported', summary: 'It said so.', cite: ['ref-one'] }],
    },
  ],
  'According to Agency B and Wire A, :claim[“we are closest”]{#relayed}. :claim[It was agreed]{#disputed}.',
);

async function cards() {
  const { html, file } = await renderMarkdown(input);
  const claims = (splitFrontmatter(input).frontmatter as { claims: CardClaim[] }).claims;
  const options = {
    lookup,
    outletName: 'Paper C',
    methodology: '/methodology/',
    citations: file.data.cardCitations ?? {},
  };
  return { html, claims, options };
}

describe('claim cards, built from the frontmatter', () => {
  it('are written directly (plainHtml) as hast-util-to-html writes them, citations included', async () => {
    const { claims, options } = await cards();
    const tree = claimCards(claims, options);
    expect(plainHtml(tree)).toBe(toHtml(tree));
    expect(plainHtml(tree)).toContain('<a href="#bib-ref-one">');
  });

  it('shows who, the channel chain, kind, status, note, the primary wording, citations and the links, as the badge expects', async () => {
    const { claims, options } = await cards();
    expect(toHtml(claimCard(claims[0]!, options))).toBe(
      '<div id="card-relayed" popover="auto" role="dialog" aria-label="About this claim" class="claim-card" data-status="single-source">' +
        '<p class="claim-card-title">About this claim</p>' +
        '<p class="claim-card-verdict"> <strong>Single source.</strong> Only one channel reports Person A saying this; nothing independent confirms it.</p>' +
        '<dl><dt>Who</dt><dd>Person A</dd><dt>Channel</dt><dd>Agency B (Xish state news agency), relayed by Wire A (independent news wire)</dd>' +
        '<dt>Kind</dt><dd><a href="/methodology/#kind-direct-quote">Direct quote</a></dd>' +
        '<dt>Status</dt><dd><a href="/methodology/#status-single-source">Single source</a></dd></dl>' +
        '<p>Wire A relayed Agency B.</p>' +
        '<p><strong>Primary record’s wording: </strong><q>We are the closest.</q></p>' +
        '<p>How we checked <small>(all read <time datetime="2024-10-12">12 October 2024</time>)</small></p>' +
        '<ul><li>(<a href="#bib-ref-one">Wire A, 11 October 2024</a>): gives the words and credits Agency B</li></ul>' +
        '<p class="claim-card-actions"><a href="#claim-relayed">Link to this claim</a> <a href="claims/relayed/">Share this claim</a> ' +
        '<button popovertarget="card-relayed">Close</button></p></div>',
    );
  });

  it('shares a claim without a page of its own (claimPages) by its place in the article', async () => {
    const { claims, options } = await cards();
    // claims[0] is single-source: a page under "all", none under "verdicts" or "none".
    const actions = (claimPages: 'all' | 'verdicts' | 'none') =>
      /<p class="claim-card-actions">.*?<\/p>/.exec(toHtml(claimCard(claims[0]!, { ...options, claimPages })))?.[0];
    expect(actions('all')).toContain('<a href="claims/relayed/">Share this claim</a>');
    expect(actions('verdicts')).toContain('<a href="#claim-relayed" data-share="">Share this claim</a>');
    expect(actions('none')).toContain('<a href="#claim-relayed" data-share="">Share this claim</a>');
    // claims[1] is disputed, a verdict.
    expect(toHtml(claimCard(claims[1]!, { ...options, claimPages: 'verdicts' }))).toContain(
      '<a href="claims/disputed/">Share this claim</a>',
    );
  });

  it('lists a disputed report’s timeline with exact days and the sources of each step', async () => {
    const { claims, options } = await cards();
    const html = toHtml(claimCard(claims[1]!, options));
    expect(html).toContain('<ol aria-label="Timeline of the report">');
    expect(html).toContain(
      '<li><time datetime="2024-10-11">11 October 2024</time> — Wire A reported: It said so. (<a href="#bib-ref-one">',
    );
  });

  it('shows "How we checked" only for a claim with findings', async () => {
    const { claims, options } = await cards();
    expect(toHtml(claimCard(claims[1]!, options))).not.toContain('How we checked');
  });

  it('says when each document was read, once in the heading if all were read the same day', async () => {
    const { claims, options } = await cards();
    const checked = [
      { source: 'ref-one', finding: 'gives the words', accessed: '2024-10-12' },
      { source: 'ref-one', finding: 'gives them again', accessed: '2024-10-13' },
    ];
    const html = toHtml(claimCard({ ...claims[0]!, checked }, options));
    expect(html).toContain('<p>How we checked</p>');
    expect(html).toContain(
      ': gives the words <small>(read <time datetime="2024-10-12">12 October 2024</time>)</small></li>',
    );
    expect(html).toContain(
      ': gives them again <small>(read <time datetime="2024-10-13">13 October 2024</time>)</small></li>',
    );
    const sameDay = toHtml(
      claimCard({ ...claims[0]!, checked: checked.map((c) => ({ ...c, accessed: '2024-10-12' })) }, options),
    );
    expect(sameDay.match(/read <time/g)).toHaveLength(1);
    expect(sameDay).toContain('How we checked <small>(all read <time datetime="2024-10-12">');
  });

  it('puts every cited key’s entry in the article’s bibliography, so each card citation has its target', async () => {
    const { html, claims } = await cards();
    for (const key of claims.flatMap(cardCitationKeys)) expect(html).toContain(`id="bib-${key}"`);
  });

  it('gives every claim a card whose id is the one its badge opens', async () => {
    const { html, claims, options } = await cards();
    const all = toHtml(claimCards(claims, options));
    for (const target of html.matchAll(/popovertarget="([^"]+)"/g)) expect(all).toContain(`id="${target[1]}"`);
    expect(all.match(/class="claim-card"/g)).toHaveLength(claims.length);
  });

  it('gives each card its own copy of a citation, so a step that changes one card changes nothing else', async () => {
    const { claims, options } = await cards();
    const before = structuredClone(options.citations);
    const first = claimCard(claims[0]!, options);
    const second = claimCard(claims[0]!, options);
    const link = (card: Element) => {
      let found: Element | undefined;
      visit(card, 'element', (node) => {
        if (node.tagName === 'a' && String(node.properties['href']).startsWith('#bib-')) found ??= node;
      });
      return found!;
    };
    // As the feeds do: links made absolute in place.
    link(first).properties['href'] = 'https://sourced.example/a/#bib-ref-one';
    expect(link(second).properties['href']).toBe('#bib-ref-one');
    expect(options.citations).toEqual(before);
  });

  it('fails loudly when a citation was not formatted with the article, rather than printing the raw key', async () => {
    const { claims, options } = await cards();
    expect(() => claimCard(claims[0]!, { ...options, citations: {} })).toThrow(/\[@ref-one\]/);
  });
});
