import { describe, expect, it } from 'vitest';
import { corroborates, itemOutlet, summariseEvidence, type EvidenceContext } from '../../src/analysis/evidence';
import type { CslItem, RegistrySource } from '../../src/collections/registry';

const source = (id: string, type: string, url: string): [string, RegistrySource] => [id, { id, name: id, type, url }];
const item = (id: string, outlet: string, url: string, extra: Partial<CslItem> = {}): [string, CslItem] => [
  id,
  { id, 'container-title': outlet, URL: url, ...extra },
];

const context: EvidenceContext = {
  sources: new Map([
    source('gov', 'official-statement', 'https://gov.example'),
    source('paper', 'newspaper', 'https://paper.example'),
    source('agency', 'state-news-agency', 'https://agency.example'),
  ]),
  bibliography: new Map([
    item('wire-1', 'Wire A', 'https://wire.example/1'),
    item('wire-copy', 'Wire A (copy on mirror.example)', 'https://mirror.example/1'),
    item('paper-relay', 'Paper C', 'https://paper.example/2', { note: 'original-publisher: Wire A' }),
    item('paper-own', 'Paper C', 'https://paper.example/3'),
    item('gov-record', 'Land X Government', 'https://www.press.gov.example/record'),
    item('agency-1', 'Agency B', 'https://agency.example/1'),
  ]),
};

const claim = (keys: string[], primary?: string) => ({ primary, checked: keys.map((source) => ({ source })) });

describe('evidence', () => {
  it('reads an item’s outlet without case or a bracketed remark', () => {
    expect(itemOutlet(context.bibliography.get('wire-copy')!)).toBe('wire a');
  });

  it('counts a relay marked with original-publisher as the outlet it relays', () => {
    expect(itemOutlet(context.bibliography.get('paper-relay')!)).toBe('wire a');
    expect(corroborates(summariseEvidence(claim(['wire-1', 'paper-relay']), context))).toBe(false);
  });

  it('accepts findings from two outlets that are not relays of each other', () => {
    const e = summariseEvidence(claim(['wire-1', 'paper-own']), context);
    expect(e.outlets).toEqual(['wire a', 'paper c']);
    expect(corroborates(e)).toBe(true);
  });

  it('does not count two copies of one outlet’s report as two channels', () => {
    expect(corroborates(summariseEvidence(claim(['wire-1', 'wire-copy']), context))).toBe(false);
  });

  it('accepts one finding from a document on the site of a primary-record source, subdomains included', () => {
    const e = summariseEvidence(claim(['gov-record']), context);
    expect(e.primary).toEqual(['gov-record']);
    expect(corroborates(e)).toBe(true);
  });

  it('treats the claim’s own primary source as a primary record whatever its type', () => {
    expect(corroborates(summariseEvidence(claim(['agency-1']), context))).toBe(false);
    expect(corroborates(summariseEvidence(claim(['agency-1'], 'agency'), context))).toBe(true);
  });
});
