// Mentions read back from rendered HTML, as entry pages read them.
import { describe, expect, it } from 'vitest';
import {
  mentionsByEntry,
  mentionsFromHtml,
  mentionsOf,
  relatedByEntry,
  relatedEntries,
  sentenceAt,
  sentenceOf,
} from '../../src/glossary/mentions';
import { renderMarkdown } from '../support/pipeline';
import { claimQuotes, factsFromHtml } from '../../src/analysis/article-facts';

describe('sentenceAt', () => {
  it('finds the sentence around an offset, keeping quotations and abbreviations whole', () => {
    const text = 'First one. He said: “We agree. Fully.” Then left. Washington, D.C. is far.';
    expect(sentenceAt(text, text.indexOf('agree'))).toBe('He said: “We agree.');
    expect(sentenceAt(text, text.indexOf('Then'))).toBe('Then left.');
    expect(sentenceAt(text, 0)).toBe('First one.');
    expect(sentenceAt(text, text.indexOf('D.C.'))).toBe('Washington, D.C. is far.');
  });
});

describe('mentionsFromHtml', () => {
  it('lists linked and repeated mentions with their ids, words and sentences, not card contents', async () => {
    const { html } = await renderMarkdown(
      [
        '---',
        'original:',
        '  outlet: paper-c',
        'claims:',
        '  - id: met',
        '    kind: background-fact',
        '    speaker: outlet',
        '    status: corroborated',
        "    note: 'Yes.'",
        '---',
        '',
        'Person A met the Land X Assembly. :claim[Later President A flew to Xville]{#met} alone.',
        '',
        '- In a list, Land X again.',
      ].join('\n'),
    );
    const mentions = mentionsFromHtml(html);
    expect(mentions.map((m) => [m.entry, m.elementId, m.text, m.linked, m.block])).toEqual([
      ['person-a', 'mention-person-a-1', 'Person A', true, 0],
      ['land-x-assembly', 'mention-land-x-assembly-1', 'Land X Assembly', true, 0],
      ['person-a', 'mention-person-a-2', 'President A', false, 0],
      ['land-x', 'mention-land-x-1', 'Xville', true, 0],
      ['land-x', 'mention-land-x-2', 'Land X', false, 1],
    ]);
    expect(sentenceOf(mentions[2]!)).toBe('Later President A flew to Xville alone.');
    expect(mentions[2]!.before).toBe('Later ');
    expect(mentions[2]!.after).toBe(' flew to Xville alone.');
    expect(sentenceOf(mentions[4]!)).toBe('In a list, Land X again.');
    // The claim's words are read from its mark, links and all.
    expect(claimQuotes(factsFromHtml(html)).get('met')).toBe('Later President A flew to Xville');
  });
});

describe('mentionsOf, relatedEntries and their every-entry forms', () => {
  const m = (entry: string, block: number, sentence: string) => ({
    entry,
    elementId: `mention-${entry}-x`,
    text: '',
    before: sentence,
    after: '',
    linked: false,
    block,
  });
  const all = [
    {
      article: 'one',
      mentions: [
        m('iran', 0, 'S1'),
        m('russia', 0, 'S1'),
        m('iran', 1, 'S2'),
        m('russia', 1, 'S2'),
        m('tass', 1, 'S2'),
      ],
    },
    { article: 'two', mentions: [m('iran', 0, 'S1'), m('hamas', 0, 'S1'), m('russia', 0, 'S9')] },
    { article: 'three', mentions: [m('tass', 0, 'S1')] },
  ];

  it('keeps only the articles and mentions of one entry', () => {
    expect(mentionsOf('iran', all).map((a) => [a.article, a.mentions.length])).toEqual([
      ['one', 2],
      ['two', 1],
    ]);
    expect(mentionsOf('nobody', all)).toEqual([]);
  });

  it('ranks entries by the sentences they share', () => {
    expect(relatedEntries('iran', all)).toEqual([
      { entry: 'russia', count: 2 },
      { entry: 'hamas', count: 1 },
      { entry: 'tass', count: 1 },
    ]);
    expect(relatedEntries('iran', all, 1)).toEqual([{ entry: 'russia', count: 2 }]);
  });

  it('answers for every entry at once, with an entry that shares no sentence left out', () => {
    const byEntry = mentionsByEntry(all);
    expect([...byEntry.keys()].sort()).toEqual(['hamas', 'iran', 'russia', 'tass']);
    expect(byEntry.get('tass')!.map((a) => [a.article, a.mentions.length])).toEqual([
      ['one', 1],
      ['three', 1],
    ]);
    const related = relatedByEntry(all);
    expect(related.get('tass')).toEqual([
      { entry: 'iran', count: 1 },
      { entry: 'russia', count: 1 },
    ]);
    expect(related.get('hamas')).toEqual([{ entry: 'iran', count: 1 }]);
    expect(related.has('nobody')).toBe(false);
  });
});
