import { describe, expect, it } from 'vitest';
import { buildAliasIndex } from '../../src/glossary/aliases';
import { creditMentions, mentionsByEntry, sentenceOf } from '../../src/glossary/mentions';
import { articleMentions, mentionCount, mentionGroupsByEntry } from '../../src/analysis/article-mentions';
import { articleUrl } from '../../src/lib/urls';
import { FACTS_KEY } from '../../src/analysis/article-facts';

const glossary = [
  { id: 'ashgabat', data: { name: 'Ashgabat', aliases: [] } },
  { id: 'vladimir-putin', data: { name: 'Vladimir Putin', aliases: ['Putin'] } },
  { id: 'huffpost', data: { name: 'HuffPost', aliases: [] } },
  { id: 'georgia-country', data: { name: 'Georgia', aliases: [] } },
  { id: 'georgia-state', data: { name: 'Georgia (US state)', aliases: ['Georgia'] } },
];
const aliases = buildAliasIndex(glossary.map((g) => ({ ...g.data, id: g.id })));

/** An article as getCollection gives it, with body mentions stored by the pipeline. */
const article = (id: string, title: string, outlet: string, bodyEntries: string[] = []) => ({
  id,
  data: { title, original: { outlet: { id: outlet } } },
  rendered: {
    metadata: {
      frontmatter: {
        [FACTS_KEY]: {
          text: '',
          spans: {},
          citations: {},
          mentions: bodyEntries.map((entry, i) => ({
            entry,
            elementId: `mention-${entry}-${i}`,
            text: entry,
            before: '',
            after: '',
            linked: true,
            block: 0,
          })),
        },
      },
    },
  },
});

describe('mentions outside an article’s text', () => {
  it('finds entries named in the title by their aliases, each with the title as its sentence', () => {
    const found = creditMentions('Putin and Pezeshkian in Ashgabat', { name: 'Paper' }, aliases);
    expect(found.map((m) => [m.entry, m.text, m.place])).toEqual([
      ['vladimir-putin', 'Putin', 'title'],
      ['ashgabat', 'Ashgabat', 'title'],
    ]);
    expect(found.map(sentenceOf)).toEqual(['Putin and Pezeshkian in Ashgabat', 'Putin and Pezeshkian in Ashgabat']);
    // No element of their own: pages link to the article itself.
    expect(found.every((m) => m.elementId === '' && !m.linked)).toBe(true);
  });

  it('counts the outlet analysed when it has a glossary entry, and not otherwise', () => {
    expect(creditMentions('A title', { name: 'HuffPost UK', entry: 'huffpost' }, aliases)).toMatchObject([
      { entry: 'huffpost', text: 'HuffPost UK', place: 'outlet' },
    ]);
    expect(creditMentions('A title', { name: 'Paper' }, aliases)).toEqual([]);
  });

  it('names no entry for an alias two entries share', () => {
    expect(creditMentions('Talks in Georgia', { name: 'Paper' }, aliases)).toEqual([]);
  });

  it('gives every article its title, credit and text mentions, so an entry named only in a title or as the outlet counts', () => {
    const all = articleMentions(
      [article('a', 'Putin in Ashgabat', 'huffpost-uk', ['vladimir-putin']), article('b', 'Other news', 'wire')],
      glossary,
      [
        { id: 'huffpost-uk', data: { name: 'HuffPost UK', glossary: { id: 'huffpost' } } },
        { id: 'wire', data: { name: 'Wire' } },
      ],
    );
    const byEntry = mentionsByEntry(all);
    expect(byEntry.get('ashgabat')?.map((g) => g.article)).toEqual(['a']);
    expect(byEntry.get('huffpost')?.map((g) => g.article)).toEqual(['a']);
    expect(byEntry.get('vladimir-putin')?.[0]?.mentions.map((m) => m.place ?? 'text')).toEqual(['title', 'text']);
    expect(byEntry.has('georgia-country')).toBe(false);
  });

  it('groups each entry’s mentions by article, in the articles’ order, with each article’s title and address', () => {
    const { groups, all } = mentionGroupsByEntry(
      [
        article('new', 'Putin again', 'wire', ['vladimir-putin', 'ashgabat', 'vladimir-putin']),
        article('old', 'Putin in Ashgabat', 'wire'),
      ],
      glossary,
      [{ id: 'wire', data: { name: 'Wire' } }],
    );
    expect(all.map((a) => a.article)).toEqual(['new', 'old']);
    const putin = groups.get('vladimir-putin')!;
    expect(putin.map((g) => [g.article, g.title, g.url])).toEqual([
      ['new', 'Putin again', articleUrl('new')],
      ['old', 'Putin in Ashgabat', articleUrl('old')],
    ]);
    // The title's mention and both in the text of the newer; the title's alone in the older.
    expect(putin.map((g) => g.mentions.length)).toEqual([3, 1]);
    expect(mentionCount(putin)).toBe(4);
    expect(groups.get('ashgabat')?.map((g) => g.article)).toEqual(['new', 'old']);
    expect(groups.has('huffpost')).toBe(false);
  });
});
