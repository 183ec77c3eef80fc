import { describe, expect, it } from 'vitest';
import { articleImageAlt, channelLine, claimShare, hostLabel, quoted } from '../../src/publishing/sharing';
import { clipText } from '../../src/lib/text';
import { previewWords } from '../../src/publishing/article-preview';
import { RELAYED, fixtureRegistry } from '../support/claims';

const lookup = fixtureRegistry;
const claim = RELAYED;

describe('quoted words', () => {
  it('puts a claim’s words in one pair of curly quotes without doubling the quotation’s own', () => {
    expect(quoted('“We are close.”')).toBe('“We are close.”');
    expect(quoted('they posed for photos')).toBe('“they posed for photos”');
    // A quotation that runs on into the next paragraph has only its opening mark.
    expect(quoted('“Economically, we grow.')).toBe('“Economically, we grow.”');
  });

  it('clips long words at a word boundary with an ellipsis', () => {
    expect(clipText('one two three four five six', 14)).toBe('one two three…');
    expect(clipText('short', 14)).toBe('short');
    expect(quoted('“one two three four five six”', 14)).toBe('“one two three…”');
  });
});

describe('site addresses', () => {
  it('labels the site by host and base path for image footers', () => {
    expect(hostLabel('https://sourced.example/')).toBe('sourced.example');
    expect(hostLabel('https://news.example.org/sourced/')).toBe('news.example.org/sourced');
  });
});

describe('what a shared claim says', () => {
  it('names the channel chain, or whose voice it is when there is no channel', () => {
    expect(channelLine(claim, lookup, 'Paper C')).toBe(
      'via Agency B (Xish state news agency), relayed by Wire A (independent news wire)',
    );
    expect(channelLine({ ...claim, via: [], speaker: 'outlet' }, lookup, 'Paper C')).toBe(
      'Paper C’s own words; no source named',
    );
    expect(channelLine({ ...claim, via: [], speaker: 'unnamed' }, lookup, 'Paper C')).toBe(
      'reported by Paper C; no source named',
    );
  });

  it('puts the words and speaker in the preview title, and channel, kind, status and note in the description', () => {
    const share = claimShare(claim, '“We are closest.”', { lookup, outletName: 'Paper C' });
    expect(share.title).toBe('“We are closest.”: Person A');
    expect(share.description).toContain(
      'Person A, via Agency B (Xish state news agency), relayed by Wire A (independent news wire).',
    );
    expect(share.description).toContain('Direct quote; single source. Wire A relayed Agency B.');
  });

  it('describes an article’s preview image with the words it shows', () => {
    expect(
      articleImageAlt({
        title: 'T',
        outlet: 'Paper C',
        tally: '1 inaccurate of 2 claims',
        summary: '1 of 2 claims reach the reader only through state media.',
      }),
    ).toBe(
      'T. Analysis of a report by Paper C: 1 inaccurate of 2 claims. 1 of 2 claims reach the reader only through state media.',
    );
  });
});

describe('an article’s preview words', () => {
  it('carry the verdict tally computed from the article’s claims', () => {
    const words = previewWords(
      {
        title: 'T',
        original: { outlet: 'agency-b' },
        claims: [
          { ...claim, id: 'a', status: 'inaccurate' },
          { ...claim, id: 'b', status: 'disputed' },
          { ...claim, id: 'c', status: 'corroborated' },
        ],
      },
      lookup,
    );
    expect(words.tally).toBe('1 inaccurate · 1 disputed of 3 claims');
    expect(articleImageAlt(words)).toContain('1 inaccurate · 1 disputed of 3 claims');
    expect(words.outlet).toBe(lookup.sources.get('agency-b')!.name);
  });
});
