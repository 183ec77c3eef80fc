import { describe, expect, it } from 'vitest';
import type { ClaimLike } from '../../src/analysis/describe';
import { loadRegistry } from '../../src/collections/registry';
import { byChannel, byKind, carriedBy, channelClass, sourcingSummary } from '../../src/analysis/sourcing';
import { FIXTURE_SITE } from '../support/pipeline';

const lookup = loadRegistry(FIXTURE_SITE);
const claim = (id: string, over: Partial<ClaimLike>): ClaimLike => ({
  id,
  kind: 'direct-quote',
  status: 'corroborated',
  speaker: 'person-a',
  ...over,
});

const claims = [
  claim('a', { via: ['agency-b'] }),
  claim('b', { via: ['agency-b', 'wire-a'] }),
  claim('c', { via: ['wire-a'] }),
  claim('d', { speaker: 'outlet', kind: 'outlet-assertion' }),
  claim('e', { speaker: 'unnamed', kind: 'unnamed-sources' }),
  claim('f', {}),
  claim('g', { via: ['paper-c'], kind: 'paraphrase' }),
];

describe('who is speaking', () => {
  it('classifies a claim by its first channel, so a wire relaying state media still counts as state media', () => {
    expect(channelClass(claims[1]!, lookup)).toEqual({ kind: 'state', country: 'land-x' });
    expect(channelClass(claims[2]!, lookup).kind).toBe('wire');
  });

  it('separates the outlet’s own voice, unnamed sources and named speakers without a channel', () => {
    expect(channelClass(claims[3]!, lookup).kind).toBe('outlet');
    expect(channelClass(claims[4]!, lookup).kind).toBe('unnamed');
    expect(channelClass(claims[5]!, lookup).kind).toBe('unattributed');
    expect(channelClass(claims[6]!, lookup).kind).toBe('media');
  });

  it('counts state media per country, labelled with the demonym, and accounts for every claim', () => {
    const buckets = byChannel(claims, lookup);
    expect(buckets[0]).toMatchObject({ key: 'state:land-x', label: 'Xish state media', count: 2, claims: ['a', 'b'] });
    expect(buckets.reduce((n, b) => n + b.count, 0)).toBe(claims.length);
  });

  it('counts claims by kind and leaves out kinds with no claims', () => {
    expect(byKind(claims)).toEqual([
      { kind: 'direct-quote', label: 'Direct quote', count: 4 },
      { kind: 'paraphrase', label: 'Paraphrase', count: 1 },
      { kind: 'unnamed-sources', label: 'Reported, unnamed sources', count: 1 },
      { kind: 'outlet-assertion', label: 'Outlet’s own assertion', count: 1 },
    ]);
  });

  it('summarises the share of claims that reach the reader only through state media', () => {
    expect(sourcingSummary(claims, lookup)).toBe(
      '2 of 7 claims reach the reader only through state media; 1 is the outlet’s own, with no source named.',
    );
  });

  it('counts a claim whose first channel is of unknown type as unclassified, never as a guess', () => {
    const withUnknown = {
      ...lookup,
      sources: new Map([
        ...lookup.sources,
        ['outlet-d', { id: 'outlet-d', name: 'Outlet D', type: 'unknown', ownership: 'unknown' }],
      ]),
    };
    const mixed = [claim('x', { via: ['outlet-d'] }), claim('y', { via: ['outlet-d', 'agency-b'] }), claims[0]!];
    expect(channelClass(mixed[0]!, withUnknown).kind).toBe('unclassified');
    expect(byChannel(mixed, withUnknown).map((b) => [b.key, b.label, b.count])).toEqual([
      ['state:land-x', 'Xish state media', 1],
      ['unclassified', 'Unclassified channel', 2],
    ]);
    expect(sourcingSummary(mixed, withUnknown)).toBe(
      '1 of 3 claims reach the reader only through state media; 0 are the outlet’s own, with no source named; 2 come through channels not yet classified.',
    );
  });
});

describe('the claims a source carried', () => {
  it('counts a source as a channel a claim came through, or as its primary record, and nothing else', () => {
    expect(carriedBy({ via: ['tass', 'reuters'] }, 'reuters')).toBe(true);
    expect(carriedBy({ via: [{ id: 'tass' }] }, 'tass')).toBe(true);
    expect(carriedBy({ via: ['tass'], primary: 'kremlin' }, 'kremlin')).toBe(true);
    expect(carriedBy({ via: ['tass'] }, 'irna')).toBe(false);
    expect(carriedBy({}, 'tass')).toBe(false);
  });
});
