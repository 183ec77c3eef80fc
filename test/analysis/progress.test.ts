import { describe, expect, it } from 'vitest';
import { progressLine, progressNotice, progressOf } from '../../src/analysis/progress';
import type { ClaimStatus } from '../../src/schemas/taxonomy';

const claims = (...statuses: ClaimStatus[]) => statuses.map((status) => ({ status }));

describe('how far the checking of an article has got', () => {
  it('counts every claim with a verdict as checked, and only pending claims as not', () => {
    expect(progressOf(claims('pending', 'corroborated', 'not-checkable', 'pending', 'unverified'))).toEqual({
      checked: 3,
      total: 5,
    });
  });

  it('says how many claims are checked out of how many', () => {
    expect(progressLine({ checked: 12, total: 17 })).toBe('Analysis in progress: 12 of 17 claims checked');
    expect(progressLine({ checked: 0, total: 1 })).toBe('Analysis in progress: 0 of 1 claim checked');
  });

  it('shows the notice while a claim is pending or the article declares itself in progress, and not after', () => {
    expect(progressNotice({ claims: claims('pending', 'corroborated') })).toBe(
      'Analysis in progress: 1 of 2 claims checked',
    );
    expect(progressNotice({ inProgress: true, claims: claims('corroborated') })).toBe(
      'Analysis in progress: 1 of 1 claim checked',
    );
    expect(progressNotice({ inProgress: false, claims: claims('corroborated', 'disputed') })).toBeUndefined();
  });
});
