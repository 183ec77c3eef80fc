import { describe, expect, it } from 'vitest';
import { shortCitation } from '../../src/analysis/citations';
import type { CslItem } from '../../src/collections/registry';

const bib = new Map<string, CslItem>([
  [
    'dated',
    {
      id: 'dated',
      title: 'A report',
      'container-title': 'Wire A',
      issued: { 'date-parts': [[2025, 1, 17]] },
      URL: 'https://a.example/1',
    },
  ],
  ['undated', { id: 'undated', title: 'Treaty text', URL: 'https://b.example' }],
  ['unknown-date', { id: 'unknown-date', 'container-title': 'Wire A', note: 'unknown: issued\nNo date shown.' }],
]);

describe('shortCitation', () => {
  it('names the publication and the exact day when the item is dated', () => {
    expect(shortCitation('dated', bib)).toEqual({
      key: 'dated',
      label: 'Wire A, 17 January 2025',
      url: 'https://a.example/1',
    });
  });
  it('falls back to the title when there is no publication or date', () => {
    expect(shortCitation('undated', bib).label).toBe('Treaty text');
  });
  it('says "date unknown" where the item marks its date unknown', () => {
    expect(shortCitation('unknown-date', bib).label).toBe('Wire A, date unknown');
  });
  it('returns the bare key, without a link, for a key missing from the bibliography', () => {
    expect(shortCitation('nope', bib)).toEqual({ key: 'nope', label: 'nope', url: undefined });
  });
});
