import { describe, expect, it } from 'vitest';
import { didYouMean, suggestion } from '../../src/lib/suggest';

describe('did-you-mean suggestions', () => {
  it('suggest the known id one letter away from a typo', () => {
    expect(didYouMean('sergey-lavrov', ['sergei-lavrov', 'vladimir-putin'])).toBe('sergei-lavrov');
    expect(suggestion('agency-c', ['agency-b', 'wire-a'])).toBe(' Did you mean "agency-b"?');
  });

  it('suggest nothing when no known id is close enough to be a typo', () => {
    expect(didYouMean('person-z', ['vladimir-putin', 'land-x-assembly'])).toBeUndefined();
    expect(suggestion('zzz', [])).toBe('');
  });

  it('never suggest the word itself', () => {
    expect(didYouMean('iran', ['iran'])).toBeUndefined();
  });
});
