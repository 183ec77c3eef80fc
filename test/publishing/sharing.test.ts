import { describe, expect, it } from 'vitest';
import type { ClaimLike } from '../../src/analysis/describe';
import { loadRegistry } from '../../src/collections/registry';
import { articleImageAlt, channelLine, claimShare, hostLabel, quoted } from '../../src/publishing/sharing';
import { clipText } from '../../src/lib/text';
import { FIXTURE_SITE } from '../support/pipeline';

const lookup = loadRegistry(FIXTURE_SITE);
const claim: ClaimLike & { note: string } = {
  id: 'relayed',
  kind: 'direct-quote',
  speaker: 'person-a',
  via: ['agency-b', 'wire-a'],
  status: 'single-source',
  note: 'Wire A relayed Agency B.',
};

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
        summary: '1 of 2 claims reach the reader only through state media.',
      }),
    ).toBe('T. Analysis of a report by Paper C. 1 of 2 claims reach the reader only through state media.');
  });
});
