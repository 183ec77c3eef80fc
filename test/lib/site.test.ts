import { describe, expect, it } from 'vitest';
import { claimPagesSetting } from '../../src/lib/site';

describe('the claimPages site setting', () => {
  it('reads all, verdicts and none, in any case, and means all when unset', () => {
    expect(claimPagesSetting('all')).toBe('all');
    expect(claimPagesSetting('Verdicts')).toBe('verdicts');
    expect(claimPagesSetting(' none ')).toBe('none');
    expect(claimPagesSetting(undefined)).toBe('all');
    expect(claimPagesSetting('')).toBe('all');
  });

  it('refuses any other value, naming the variable, the allowed values and the nearest one', () => {
    expect(() => claimPagesSetting('verdict-only')).toThrow(
      /SOURCED_CLAIM_PAGES="verdict-only" is not a claim-pages setting\.\nFix: set SOURCED_CLAIM_PAGES to all, verdicts, none .*did you mean "verdicts"\?/,
    );
    expect(() => claimPagesSetting('some')).toThrow(/Fix: set SOURCED_CLAIM_PAGES to all, verdicts, none/);
  });
});
