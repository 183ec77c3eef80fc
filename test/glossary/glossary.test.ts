import { describe, expect, it } from 'vitest';
import { byName, groupByKind, letterIndex, letterOf, listItem, oneLine, roleLine } from '../../src/glossary/glossary';
import { formatDate } from '../../src/lib/dates';

const e = (id: string, name: string, kind: string) => ({ id, name, kind });

describe('glossary helpers', () => {
  it('takes the first sentence for cards, not stopping inside "D.C." or initials', () => {
    expect(oneLine('Iran is a country. Its capital is Tehran.')).toBe('Iran is a country.');
    expect(oneLine('It has its capital in Washington, D.C. It designates groups.')).toBe(
      'It has its capital in Washington, D.C.',
    );
    expect(oneLine('“The West” is a term. It varies.')).toBe('“The West” is a term.');
    expect(oneLine('One sentence only')).toBe('One sentence only');
    const long = oneLine(`${'word '.repeat(80)}end.`, 50);
    expect(long.length).toBeLessThanOrEqual(50);
    expect(long.endsWith('…')).toBe(true);
  });

  it('files names under their letter, ignoring a leading "The"', () => {
    expect(letterOf('The West')).toBe('W');
    expect(letterOf('Ashgabat')).toBe('A');
    expect(letterOf('Émile')).toBe('E');
    expect(letterOf('9/11 Commission')).toBe('#');
    expect(
      [e('w', 'The West', 'group'), e('u', 'Ukraine', 'country'), e('b', 'BRICS', 'organisation')]
        .sort(byName)
        .map((x) => x.id),
    ).toEqual(['b', 'u', 'w']);
  });

  it('groups by kind in the taxonomy order, each group A–Z, leaving out empty kinds', () => {
    const groups = groupByKind([
      e('r', 'Russia', 'country'),
      e('p', 'Vladimir Putin', 'person'),
      e('i', 'Iran', 'country'),
    ]);
    expect(groups.map((g) => [g.kind, g.label, g.entries.map((x) => x.id)])).toEqual([
      ['person', 'People', ['p']],
      ['country', 'Countries', ['i', 'r']],
    ]);
  });

  it('makes a letter index of all 26 letters, with entries where there are some', () => {
    const idx = letterIndex([e('w', 'The West', 'group'), e('i', 'Iran', 'country'), e('r', 'IRNA', 'organisation')]);
    expect(idx).toHaveLength(26);
    expect(idx.find((l) => l.letter === 'I')!.entries.map((x) => x.id)).toEqual(['i', 'r']);
    expect(idx.find((l) => l.letter === 'W')!.entries.map((x) => x.id)).toEqual(['w']);
    expect(idx.filter((l) => l.entries.length === 0)).toHaveLength(24);
  });

  it('words a role with its dates', () => {
    expect(roleLine({ title: 'President of Russia', since: '2012-05-07' }, formatDate)).toBe(
      'President of Russia since 7 May 2012',
    );
    expect(roleLine({ title: 'Prime minister', since: '2008-05-08', until: '2012-05-07' }, formatDate)).toBe(
      'Prime minister, 8 May 2008 to 7 May 2012',
    );
    expect(roleLine(undefined, formatDate)).toBeUndefined();
  });

  it('makes an index row', () => {
    expect(
      listItem({ id: 'iran', name: 'Iran', kind: 'country', description: 'A country. More.', flag: '🇮🇷' }, 2, '/'),
    ).toEqual({
      id: 'iran',
      name: 'Iran',
      kind: 'country',
      kindLabel: 'Country',
      href: '/glossary/iran/',
      flag: '🇮🇷',
      summary: 'A country.',
      articles: 2,
    });
  });
});
