// Alias matching, on its own and against the real glossary with phrases the seed does not use.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  aliasProblems,
  buildAliasIndex,
  findAliases,
  quotationState,
  resolveAlias,
  roleAliasCovers,
  roleAliasKey,
  roleAliasOverlaps,
} from '../../src/glossary/aliases';
import { loadRegistry } from '../../src/collections/registry';

const index = buildAliasIndex([
  { id: 'land-x', name: 'Land X', aliases: ['Land X', 'Xville'] },
  { id: 'assembly', name: 'Land X Assembly', aliases: ['the Assembly'] },
  { id: 'person-a', name: 'Person A', aliases: ["Land X's president"] },
  { id: 'league-1', name: 'Xish League', aliases: ['the League'] },
  { id: 'league-2', name: 'League of Ys', aliases: ['the League'] },
]);
const found = (text: string) => findAliases(text, index).map((m) => `${m.text}→${m.ids.join('|')}`);

describe('findAliases', () => {
  it('prefers the longest alias at a position', () => {
    expect(found('The Land X Assembly met in Land X.')).toEqual(['Land X Assembly→assembly', 'Land X→land-x']);
  });
  it('matches whole words only, but a hyphen or an apostrophe ends a word', () => {
    expect(found('Land Xish, XvilleY and MyXville are not; Land X-based and Xville’s are.')).toEqual([
      'Land X→land-x',
      'Xville→land-x',
    ]);
  });
  it('is case-sensitive', () => {
    expect(found('land x, XVILLE and the assembly')).toEqual([]);
    expect(found('The Assembly')).toEqual([]);
  });
  it('treats straight and curly apostrophes as one', () => {
    expect(found("Land X’s president and Land X's president")).toEqual([
      'Land X’s president→person-a',
      "Land X's president→person-a",
    ]);
  });
  it('reports every entry an ambiguous alias belongs to', () => {
    expect(found('then the League')).toEqual(['the League→league-1|league-2']);
  });
  it('skips citation keys', () => {
    expect(found('as reported [@Xville-2024] and [see @a, Xville] in Xville')).toEqual(['Xville→land-x']);
  });
  it('matches names as aliases too', () => {
    expect(resolveAlias('Xish League', index)).toEqual(['league-1']);
    expect(resolveAlias('Nowhere', index)).toEqual([]);
  });
});

describe('quotationState', () => {
  it('knows which offsets are inside curly or straight quotation marks, across nodes', () => {
    const text = 'A said “Land X is here” and "Xville too" then “more';
    const q = quotationState(text, false);
    expect(q.inside(text.indexOf('Land X'))).toBe(true);
    expect(q.inside(text.indexOf(' and '))).toBe(false);
    expect(q.inside(text.indexOf('Xville'))).toBe(true);
    expect(q.inside(text.indexOf('then'))).toBe(false);
    expect(q.open).toBe(true);
    expect(quotationState('still quoted” and not', true).inside(0)).toBe(true);
  });
});

describe('aliasProblems', () => {
  it('rejects one-character and repeated aliases', () => {
    const p = aliasProblems({ id: 'b', name: 'Person B', aliases: ['Person B', 'B', "B's team", 'B’s team'] });
    expect(p.map((x) => [x.index, x.alias])).toEqual([
      [1, 'B'],
      [3, "B's team"],
    ]);
  });
});

describe('the real glossary resolves phrases the seed does not use', () => {
  const real = buildAliasIndex(loadRegistry(path.resolve(import.meta.dirname, '../..')).glossary.values());
  const one = (text: string) => findAliases(text, real).map((m) => [m.text, m.ids.join('|')]);
  it.each([
    ['President Putin arrived.', 'President Putin', 'vladimir-putin'],
    ['Russian President Vladimir Putin arrived.', 'Russian President Vladimir Putin', 'vladimir-putin'],
    ['President Vladimir Putin arrived.', 'President Vladimir Putin', 'vladimir-putin'],
    ['Mr Putin said no.', 'Mr Putin', 'vladimir-putin'],
    ['Russia’s president spoke.', 'Russia’s president', 'vladimir-putin'],
    ['Iranian President Masoud Pezeshkian arrived.', 'Iranian President Masoud Pezeshkian', 'masoud-pezeshkian'],
    ['President Pezeshkian arrived.', 'President Pezeshkian', 'masoud-pezeshkian'],
    ['The Iranian president said so.', 'The Iranian president', 'masoud-pezeshkian'],
    ['Iran’s president said so.', 'Iran’s president', 'masoud-pezeshkian'],
    ['Talks in Tehran’s favour.', 'Tehran', 'iran'],
    ['Moscow denied it.', 'Moscow', 'russia'],
    ['Kyiv said so.', 'Kyiv', 'ukraine'],
    ['A US-led coalition.', 'US', 'united-states'],
    ['The U.S. said so.', 'U.S.', 'united-states'],
    ['Hizbollah fired.', 'Hizbollah', 'hezbollah'],
    ['the Gaza Strip', 'Gaza Strip', 'gaza'],
    ['The West responded.', 'The West', 'the-west'],
    ['the Islamic Republic News Agency', 'Islamic Republic News Agency', 'irna'],
  ])('%s', (text, words, id) => {
    expect(one(text)).toEqual([[words, id]]);
  });
  it.each([
    // Adjectives, lower case and longer words are not mentions.
    'Iranian and Russian officials',
    'iran and russia',
    'Putinism',
    'USSR',
    // The Kremlin is the Russian presidency, not the country: no alias, a writer links it with :term.
    'the Kremlin said',
  ])('does not link "%s"', (text) => {
    expect(one(text)).toEqual([]);
  });
  it('has no alias shared by two entries', () => {
    expect([...real.byAlias].filter(([, ids]) => ids.length > 1)).toEqual([]);
  });
});

describe('role phrases valid for a date range', () => {
  const holders = [
    { id: 'chair-1', name: 'Chair One', roleAliases: [{ phrases: ['the chair of Y'], until: '2024-07-28' }] },
    { id: 'chair-2', name: 'Chair Two', roleAliases: [{ phrases: ['the chair of Y'], from: '2024-07-28' }] },
  ];
  const on = (date: string | undefined) =>
    findAliases('Then the chair of Y spoke.', buildAliasIndex(holders, { date })).map((m) => m.ids.join('|'));

  it('include the day in "from" and exclude the day in "until", so a handover day has one holder', () => {
    expect(roleAliasCovers({ from: '2024-07-28' }, '2024-07-28')).toBe(true);
    expect(roleAliasCovers({ until: '2024-07-28' }, '2024-07-28')).toBe(false);
    expect(roleAliasCovers({ until: '2024-07-28' }, '2024-07-27')).toBe(true);
    expect(roleAliasCovers({ from: '2020-01-01', until: '2021-01-01' }, '2021-06-01')).toBe(false);
  });

  it('name whoever held the role on the text’s date', () => {
    expect(on('2023-05-01')).toEqual(['chair-1']);
    expect(on('2024-07-27')).toEqual(['chair-1']);
    expect(on('2024-07-28')).toEqual(['chair-2']);
    expect(on('2026-01-01')).toEqual(['chair-2']);
  });

  it('name nobody in a text with no date, since no holder can be placed in time', () => {
    expect(on(undefined)).toEqual([]);
  });

  it('share one index between dates that see the same phrases', () => {
    expect(roleAliasKey(holders, '2023-05-01')).toBe(roleAliasKey(holders, '2024-01-01'));
    expect(roleAliasKey(holders, '2023-05-01')).not.toBe(roleAliasKey(holders, '2024-08-01'));
  });

  it('report two entries that claim the same phrase on the same days, and accept ranges that only meet', () => {
    expect(roleAliasOverlaps(holders)).toEqual([]);
    const overlapping = [
      holders[0]!,
      { id: 'chair-3', name: 'Chair Three', roleAliases: [{ phrases: ['The chair of Y'], from: '2024-01-01' }] },
      { id: 'chair-4', name: 'Chair Four', roleAliases: [{ phrases: ['the chair of Y'], from: '2024-07-27' }] },
    ];
    const found = roleAliasOverlaps(overlapping).map((o) => [o.phrase, o.a.id, o.b.id]);
    // Matching is case-sensitive, so "The chair of Y" is another phrase.
    expect(found).toEqual([['the chair of Y', 'chair-1', 'chair-4']]);
    expect(
      roleAliasOverlaps([holders[0]!, { ...holders[1]!, roleAliases: [{ phrases: ['the chair of Y'] }] }]),
    ).toEqual([expect.objectContaining({ phrase: 'the chair of Y' })]);
  });
});
