// Glossary hover cards, built by the article page from the entries its linked mentions name.
// The markup is the one the Markdown pipeline used to write into the body, and the container
// keeps the cards out of the search index.
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { glossaryCards, glossaryCardsHtml, type CardEntry } from '../../src/glossary/glossary-card';

const glossary = new Map<string, CardEntry>([
  ['person-a', { id: 'person-a', name: 'Person A', kind: 'person', description: 'A politician in Land X.' }],
  [
    'land-x-assembly',
    { id: 'land-x-assembly', name: 'Land X Assembly', kind: 'organisation', description: 'The parliament of Land X.' },
  ],
  ['land-x', { id: 'land-x', name: 'Land X', kind: 'country', description: 'A country used in tests.', flag: '🇽🇽' }],
]);
const m = (entry: string, linked: boolean) => ({ entry, linked });

describe('glossaryCards', () => {
  it('gives one card per linked entry, in the order of the first links, with the markup the body used to carry', () => {
    const mentions = [
      m('person-a', true),
      m('land-x-assembly', true),
      m('land-x', true),
      m('person-a', false),
      m('person-a', true),
      m('land-x', false),
    ];
    expect(toHtml(glossaryCards(mentions, glossary, '/')!)).toBe(
      '<div class="glossary-cards" data-pagefind-ignore="all"><div id="glossary-card-person-a" popover="hint" role="dialog" aria-labelledby="glossary-card-person-a-name" class="glossary-card"><p><strong id="glossary-card-person-a-name">Person A</strong> <span class="glossary-card-kind">Person</span></p><p id="glossary-card-person-a-desc">A politician in Land X.</p><p><a href="/glossary/person-a/">Person A in the glossary</a></p></div><div id="glossary-card-land-x-assembly" popover="hint" role="dialog" aria-labelledby="glossary-card-land-x-assembly-name" class="glossary-card"><p><strong id="glossary-card-land-x-assembly-name">Land X Assembly</strong> <span class="glossary-card-kind">Organisation</span></p><p id="glossary-card-land-x-assembly-desc">The parliament of Land X.</p><p><a href="/glossary/land-x-assembly/">Land X Assembly in the glossary</a></p></div><div id="glossary-card-land-x" popover="hint" role="dialog" aria-labelledby="glossary-card-land-x-name" class="glossary-card"><p><img src="/flags/xx.svg" alt="" width="20" height="15" loading="lazy" decoding="async" class="glossary-card-flag"> <strong id="glossary-card-land-x-name">Land X</strong> <span class="glossary-card-kind">Country</span></p><p id="glossary-card-land-x-desc">A country used in tests.</p><p><a href="/glossary/land-x/">Land X in the glossary</a></p></div></div>',
    );
  });

  it('leaves out entries that are only mentioned, never linked, and gives nothing when none is linked', () => {
    const cards = glossaryCards([m('person-a', false), m('land-x', true)], glossary, '/')!;
    expect(toHtml(cards)).toContain('id="glossary-card-land-x"');
    expect(toHtml(cards)).not.toContain('glossary-card-person-a');
    expect(glossaryCards([m('person-a', false)], glossary, '/')).toBeUndefined();
  });

  it('links each card to its entry under the base path', () => {
    expect(toHtml(glossaryCards([m('land-x', true)], glossary, '/sourced/')!)).toContain(
      '<a href="/sourced/glossary/land-x/">Land X in the glossary</a>',
    );
  });

  it('fails on a linked entry the glossary does not have', () => {
    expect(() => glossaryCards([m('nobody', true)], glossary, '/')).toThrow(/"nobody"/);
  });
});

describe('glossaryCardsHtml', () => {
  const mentions = [m('land-x', true), m('person-a', true), m('land-x-assembly', false), m('land-x', true)];

  it('writes the same HTML as the cards’ tree, under any base, and nothing when no mention is linked', () => {
    for (const base of ['/', '/sourced/', undefined])
      expect(glossaryCardsHtml(mentions, glossary, base)).toBe(toHtml(glossaryCards(mentions, glossary, base)!));
    expect(glossaryCardsHtml([m('person-a', false)], glossary, '/')).toBe('');
  });

  it('writes an entry’s card once, and again for an entry read anew', () => {
    const entry: CardEntry = { id: 'land-y', name: 'Land Y', kind: 'country', description: 'First words.' };
    const own = new Map([['land-y', entry]]);
    const first = glossaryCardsHtml([m('land-y', true)], own, '/');
    // The same entry object is the same card: not built again, so a change in place does not show…
    entry.description = 'Changed in place.';
    expect(glossaryCardsHtml([m('land-y', true)], own, '/')).toBe(first);
    // …while an entry read again (a changed glossary) is a new object, and its card is new.
    const reread = new Map([['land-y', { ...entry }]]);
    expect(glossaryCardsHtml([m('land-y', true)], reread, '/')).toContain('Changed in place.');
  });

  it('fails on a linked entry the glossary does not have', () => {
    expect(() => glossaryCardsHtml([m('nobody', true)], glossary, '/')).toThrow(/"nobody"/);
  });
});
