import { describe, expect, it } from 'vitest';
import { claimAddress, hasClaimPage } from '../../src/analysis/claim-pages';
import { claimSentences, factsFromHtml } from '../../src/analysis/article-facts';
import { CLAIM_STATUSES, VERDICT_STATUSES, type ClaimStatus } from '../../src/schemas/taxonomy';

const statuses = Object.keys(CLAIM_STATUSES) as ClaimStatus[];

describe('which claims have a page of their own', () => {
  it('gives every claim a page under "all" and none under "none"', () => {
    for (const s of statuses) {
      expect(hasClaimPage(s, 'all'), s).toBe(true);
      expect(hasClaimPage(s, 'none'), s).toBe(false);
    }
  });

  it('gives a page under "verdicts" only to inaccurate, unsupported and disputed claims', () => {
    expect(statuses.filter((s) => hasClaimPage(s, 'verdicts')).sort()).toEqual([
      'disputed',
      'inaccurate',
      'unsupported',
    ]);
    expect([...VERDICT_STATUSES].sort()).toEqual(['disputed', 'inaccurate', 'unsupported']);
  });

  it('addresses a claim by its page, or by its place in the article, under the base path', () => {
    const c = { id: 'c', status: 'corroborated' as const };
    expect(claimAddress('a', c, { setting: 'all', base: '/s/' })).toBe('/s/articles/a/claims/c/');
    expect(claimAddress('a', c, { setting: 'verdicts', base: '/s/' })).toBe('/s/articles/a/#claim-c');
  });
});

describe('the sentence a claim stands in', () => {
  const html =
    '<p>First sentence here. Officials said <mark id="claim-part">the talks went well</mark> on Monday. Last one.</p>' +
    '<p><mark id="claim-whole">A whole sentence.</mark> Another follows.</p>' +
    '<p>Before. <mark id="claim-two">One sentence. And a second</mark> ends here. After.</p>';
  const sentences = claimSentences(factsFromHtml(html));

  it('splits the sentence around the claim’s words, within its paragraph', () => {
    expect(sentences.get('part')).toEqual({
      before: 'Officials said ',
      words: 'the talks went well',
      after: ' on Monday.',
    });
  });

  it('has nothing around words that are a whole sentence', () => {
    expect(sentences.get('whole')).toEqual({ before: '', words: 'A whole sentence.', after: '' });
  });

  it('takes every sentence a claim spans', () => {
    expect(sentences.get('two')).toEqual({ before: '', words: 'One sentence. And a second', after: ' ends here.' });
  });
});
