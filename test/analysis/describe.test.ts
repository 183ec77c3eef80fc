import { describe, expect, it } from 'vitest';
import {
  VERDICTS,
  badgeChip,
  badgeSentence,
  channelPhrase,
  markerLabel,
  noteLine,
  sourceTypeLabel,
  speakerName,
  verdictSentence,
} from '../../src/analysis/describe';
import { CLAIM_KINDS, CLAIM_STATUSES, type ClaimKind, type ClaimStatus } from '../../src/schemas/taxonomy';
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

describe('verdict wording', () => {
  const statuses = Object.keys(CLAIM_STATUSES) as ClaimStatus[];
  const kinds = Object.keys(CLAIM_KINDS) as ClaimKind[];

  it('reads a corroborated denial as the denial having been made, not as the denied claim being true', () => {
    const denial = { ...relayed, kind: 'denial' as const, status: 'corroborated' as const, via: [] };
    expect(verdictSentence(denial, lookup, 'Paper C')).toBe('Person A did deny it; the denial is on record.');
  });

  it('reads a corroborated quotation as said, and a corroborated statement of fact as true', () => {
    const quote = { ...relayed, status: 'corroborated' as const };
    expect(verdictSentence(quote, lookup, 'Paper C')).toMatch(/^Person A did say this/);
    const fact = { ...quote, kind: 'outlet-assertion' as const, speaker: 'outlet' };
    expect(verdictSentence(fact, lookup, 'Paper C')).toBe('This checks out against the record.');
  });

  it('starts a sentence about an unnamed speaker with a capital', () => {
    const unnamed = { ...relayed, speaker: 'unnamed', status: 'unsupported' as const };
    expect(verdictSentence(unnamed, lookup, 'Paper C')).toBe('Nothing we found has the unnamed source saying this.');
    const single = { ...relayed, kind: 'denial' as const, speaker: 'unnamed', status: 'unverified' as const };
    expect(verdictSentence(single, lookup, 'Paper C')).toBe('We could not find the unnamed source’s denial on record.');
  });

  it('has a different sentence for every status of the same kind, so no two verdicts read alike', () => {
    for (const kind of kinds) {
      const sentences = statuses.map((status) => verdictSentence({ ...relayed, kind, status }, lookup, 'Paper C'));
      expect(new Set(sentences).size, `${kind}: ${sentences.join(' | ')}`).toBe(statuses.length);
    }
  });

  it('says a claim not yet checked has no verdict, in words that do not repeat its label', () => {
    const sentence = VERDICTS.pending.fact();
    expect(sentence).toMatch(/no verdict/);
    expect(sentence).not.toBe(`${CLAIM_STATUSES.pending.label}.`);
  });
});

describe('marker and margin-note wording', () => {
  it('names the channel the words came from first on the marker, or the outlet for its own claims', () => {
    expect(markerLabel(relayed, lookup, 'Paper C')).toBe('Agency B');
    expect(markerLabel({ ...relayed, via: [], speaker: 'outlet' }, lookup, 'Paper C')).toBe('Paper C');
    expect(markerLabel({ ...relayed, via: [], speaker: 'unnamed' }, lookup, 'Paper C')).toBe('unnamed');
    expect(markerLabel({ ...relayed, via: [] }, lookup, 'Paper C')).toBe('no channel');
  });

  it('puts speaker, channel chain and kind on the margin note, leaving the status to its own line', () => {
    expect(noteLine(relayed, lookup, 'Paper C')).toBe('Person A · Agency B → Wire A · Quote');
  });
});

describe('marker names for long channel names', () => {
  const long = {
    sources: new Map([
      ['press', { id: 'press', name: 'Presidential press service of a country', type: 'official-statement' }],
      [
        'press-short',
        { id: 'press-short', name: 'Presidential press service', short: 'Presidency', type: 'official-statement' },
      ],
    ]),
    glossary: new Map(),
  };
  const via = (id: string) => ({ ...relayed, via: [id] });

  it('uses a source’s short name, and cuts a long name without one at a word so the marker stays small', () => {
    expect(markerLabel(via('press-short'), long, 'Paper C')).toBe('Presidency');
    const cut = markerLabel(via('press'), long, 'Paper C');
    expect(cut.length).toBeLessThanOrEqual(16);
    expect(cut).toMatch(/…$/);
  });
});
