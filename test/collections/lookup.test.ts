import { describe, expect, it } from 'vitest';
import { lookupFrom, outletOf, UNNAMED_OUTLET } from '../../src/collections/lookup';

const lookup = lookupFrom(
  [{ id: 'wire-a', data: { name: 'Wire A', type: 'independent-wire', url: 'https://wire-a.example' } as never }],
  [],
);

describe('an article’s outlet', () => {
  it('is named from the sources, with its address', () => {
    expect(outletOf(lookup, 'wire-a')).toEqual({ name: 'Wire A', url: 'https://wire-a.example' });
  });

  it('falls back to one wording when the source is unknown or not given', () => {
    expect(outletOf(lookup, 'no-such-source')).toEqual({ name: UNNAMED_OUTLET, url: undefined });
    expect(outletOf(lookup, undefined)).toEqual({ name: UNNAMED_OUTLET, url: undefined });
  });
});
