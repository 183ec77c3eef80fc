import { describe, expect, it } from 'vitest';
import { verdictTally } from '../../src/analysis/verdicts';
import { CLAIM_STATUSES, PROBLEM_STATUSES, type ClaimStatus } from '../../src/schemas/taxonomy';

const claims = (counts: Partial<Record<ClaimStatus, number>>) =>
  Object.entries(counts).flatMap(([status, n]) => Array.from({ length: n }, () => ({ status: status as ClaimStatus })));

describe('the verdict tally', () => {
  it('counts the claims that did not hold up, worst first, out of all claims', () => {
    const tally = verdictTally(claims({ corroborated: 19, disputed: 2, unsupported: 1, inaccurate: 1, unverified: 9 }));
    expect(tally.text).toBe('1 inaccurate · 1 unsupported · 2 disputed of 32 claims');
    expect(tally.total).toBe(32);
    expect(tally.problems.map((p) => [p.status, p.count])).toEqual([
      ['inaccurate', 1],
      ['unsupported', 1],
      ['disputed', 2],
    ]);
  });

  it('leaves out problem statuses no claim has', () => {
    expect(verdictTally(claims({ disputed: 3, corroborated: 1 })).text).toBe('3 disputed of 4 claims');
  });

  it('says so when every claim held up', () => {
    expect(verdictTally(claims({ corroborated: 1 })).text).toBe(
      'None of 1 claim found inaccurate, unsupported or disputed',
    );
  });

  it('takes its words from the taxonomy’s status labels', () => {
    for (const status of PROBLEM_STATUSES) {
      const text = verdictTally(claims({ [status]: 1 })).text;
      expect(text).toBe(`1 ${CLAIM_STATUSES[status].label.toLowerCase()} of 1 claim`);
    }
  });
});
