import { describe, expect, it } from 'vitest';
import { badgeChip, badgeSentence, channelPhrase, sourceTypeLabel, speakerName } from '../../src/analysis/describe';
import { loadRegistry } from '../../src/collections/registry';
import { FIXTURE_SITE } from '../support/pipeline';

const lookup = loadRegistry(FIXTURE_SITE);
const relayed = {
  id: 'q',
  kind: 'direct-quote' as const,
  status: 'single-source' as const,
  speaker: 'person-a',
  via: ['agency-b', { id: 'wire-a' }],
};

describe('badge wording', () => {
  it('names a state agency with its country’s demonym and an independent wire without one', () => {
    expect(sourceTypeLabel('agency-b', lookup)).toBe('Xish state news agency');
    expect(sourceTypeLabel('wire-a', lookup)).toBe('independent news wire');
  });

  it('shows a relay chain with the origin first', () => {
    expect(channelPhrase(relayed, lookup)).toBe(
      'Agency B (Xish state news agency), relayed by Wire A (independent news wire)',
    );
  });

  it('resolves the outlet and unnamed speakers', () => {
    expect(speakerName({ ...relayed, speaker: 'outlet' }, lookup, 'Paper C')).toBe('Paper C');
    expect(speakerName({ ...relayed, speaker: 'unnamed' }, lookup, 'Paper C')).toBe('Unnamed source');
  });

  it('puts who, channel, kind and status in the at-a-glance chip and the full sentence', () => {
    expect(badgeChip(relayed, lookup, 'Paper C')).toBe(
      'Person A · Agency B, Xish state agency → Wire A, wire · Quote · Single source',
    );
    expect(badgeSentence(relayed, lookup, 'Paper C')).toBe(
      'Person A, via Agency B (Xish state news agency), relayed by Wire A (independent news wire); direct quote; single source',
    );
  });
});
