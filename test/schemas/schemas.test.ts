import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { articleSchema } from '../../src/schemas/article';
import { claimSchema } from '../../src/schemas/claim';
import { id, isoDate, partialDate, webUrl } from '../../src/schemas/common';
import { glossarySchema } from '../../src/schemas/glossary';
import { sourceSchema } from '../../src/schemas/source';

// As the validator does: outside Astro a reference is a non-empty id.
const ref = () => z.string().min(1);
const claim = {
  id: 'c-1',
  kind: 'direct-quote',
  speaker: 'person-a',
  via: ['agency-b'],
  status: 'corroborated',
  note: 'Checked.',
};
const article = {
  title: 'T',
  dek: 'D',
  original: { outlet: 'paper-c', headline: 'H', url: 'https://p.example', date: 'unknown', author: 'unknown' },
  published: '2024-10-12',
  updated: '2024-10-12',
  claims: [claim],
  sources: ['paper-c'],
};
const person = { name: 'X', kind: 'person', description: 'D', links: [{ label: 'W', url: 'https://w.example' }] };
const source = { name: 'S', type: 'unknown', ownership: 'unknown', url: 'https://s.example', description: 'D' };
const roles = (roleAliases: unknown) => ({ ...person, roleAliases });

// Each row: what is checked, the schema, and the value.
type Row = [string, z.ZodType, unknown];

const accepted: Row[] = [
  ['a kebab-case id', id, 'putin-on-gaza'],
  ['an https address', webUrl, 'https://tass.com'],
  ['an article with claims, sources and an unknown original date', articleSchema(ref), article],
  ['a glossary entry linking to a reference', glossarySchema(), { ...person, kind: 'country' }],
  ...['2012', '2012-05', '2012-05-07'].map((since): Row => [
    `a role held since ${since}`,
    glossarySchema(),
    { ...person, role: { title: 'T', since } },
  ]),
  ['role phrases from a day on', glossarySchema(), roles([{ phrases: ['the chair'], from: '2024-07-28' }])],
  [
    'role phrases between two days',
    glossarySchema(),
    roles([{ phrases: ['the chair'], from: '2020-01-01', until: '2024-07-28' }]),
  ],
];

const rejected: Row[] = [
  ...['Putin', 'a b', 'a--b', '-a', 'a\u200bb', 'a\u202eb'].map((bad): Row => [
    `the id ${JSON.stringify(bad)}`,
    id,
    bad,
  ]),
  ['an impossible day', isoDate, '2023-02-29'],
  ['a day in words', isoDate, '11 October 2024'],
  ...['javascript:alert(1)', 'data:text/html,x', 'ftp://a.example', '/relative'].map((bad): Row => [
    `the address ${bad}`,
    webUrl,
    bad,
  ]),
  ['a claim kind outside the taxonomy', claimSchema(ref), { ...claim, kind: 'rumour' }],
  ['a claim status outside the taxonomy', claimSchema(ref), { ...claim, status: 'probably' }],
  ['a claim with an empty speaker', claimSchema(ref), { ...claim, speaker: '' }],
  ['a misspelt field name, not silently ignored', claimSchema(ref), { ...claim, staus: 'corroborated' }],
  ['an article with no claims', articleSchema(ref), { ...article, claims: [] }],
  ['an article with no sources', articleSchema(ref), { ...article, sources: [] }],
  ['an article status outside the taxonomy', articleSchema(ref), { ...article, status: 'finished' }],
  ['a glossary entry with no reference', glossarySchema(), { ...person, kind: 'country', links: [] }],
  [
    'a source with no type',
    sourceSchema(ref),
    { name: 'S', ownership: 'O', url: 'https://s.example', description: 'D' },
  ],
  ...['2012-13', '2012-5', 'May 2012', '12'].map((bad): Row => [`the partial date ${bad}`, partialDate, bad]),
  ['role phrases with no bound', glossarySchema(), roles([{ phrases: ['the chair'] }])],
  [
    'role phrases ending as they start',
    glossarySchema(),
    roles([{ phrases: ['the chair'], from: '2024-07-28', until: '2024-07-28' }]),
  ],
  ['a role range with no phrases', glossarySchema(), roles([{ phrases: [], from: '2024-07-28' }])],
];

describe('schemas', () => {
  it.each(accepted)('accept %s', (_, schema, value) => {
    expect(schema.safeParse(value).success).toBe(true);
  });

  it.each(rejected)('reject %s', (_, schema, value) => {
    expect(schema.safeParse(value).success).toBe(false);
  });

  it('normalise YAML dates to strings', () => {
    expect(isoDate.parse('2024-02-29')).toBe('2024-02-29');
    expect(isoDate.parse(new Date(Date.UTC(2024, 9, 11)))).toBe('2024-10-11');
  });

  it('fill in a claim’s defaults, and keep the status “pending” for a claim not yet checked', () => {
    expect(claimSchema(ref).parse(claim)).toMatchObject({ checked: [], via: ['agency-b'] });
    expect(claimSchema(ref).parse({ ...claim, status: 'pending' }).status).toBe('pending');
  });

  it('read an article without "status" as published and not in progress, and accept a draft', () => {
    expect(articleSchema(ref).parse(article)).toMatchObject({ status: 'published', inProgress: false });
    expect(articleSchema(ref).parse({ ...article, status: 'draft', inProgress: true })).toMatchObject({
      status: 'draft',
      inProgress: true,
    });
  });

  it('accept a source whose type and ownership are not yet known', () => {
    expect(sourceSchema(ref).parse(source)).toMatchObject({ type: 'unknown', ownership: 'unknown' });
  });

  it('read a role’s year, month or day as a string', () => {
    expect(partialDate.parse(2012)).toBe('2012');
    expect(partialDate.parse('2012-05')).toBe('2012-05');
    expect(partialDate.parse(new Date(Date.UTC(2012, 4, 7)))).toBe('2012-05-07');
  });
});
