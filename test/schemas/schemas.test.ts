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

describe('schemas', () => {
  it('accept kebab-case ids and reject spaces, capitals and invisible characters', () => {
    expect(id.safeParse('putin-on-gaza').success).toBe(true);
    for (const bad of ['Putin', 'a b', 'a--b', '-a', 'a\u200bb', 'a\u202eb'])
      expect(id.safeParse(bad).success).toBe(false);
  });

  it('accept real calendar days, normalise YAML dates to strings and reject impossible days', () => {
    expect(isoDate.parse('2024-02-29')).toBe('2024-02-29');
    expect(isoDate.parse(new Date(Date.UTC(2024, 9, 11)))).toBe('2024-10-11');
    expect(isoDate.safeParse('2023-02-29').success).toBe(false);
    expect(isoDate.safeParse('11 October 2024').success).toBe(false);
  });

  it('accept only http(s) addresses', () => {
    expect(webUrl.safeParse('https://tass.com').success).toBe(true);
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'ftp://a.example', '/relative']) {
      expect(webUrl.safeParse(bad).success).toBe(false);
    }
  });

  it('accept a claim and reject a kind or status outside the taxonomy', () => {
    const schema = claimSchema(ref);
    expect(schema.parse(claim)).toMatchObject({ checked: [], via: ['agency-b'] });
    expect(schema.safeParse({ ...claim, kind: 'rumour' }).success).toBe(false);
    expect(schema.safeParse({ ...claim, status: 'probably' }).success).toBe(false);
    expect(schema.safeParse({ ...claim, speaker: '' }).success).toBe(false);
  });

  it('reject unknown fields, so a typo in a field name is not silently ignored', () => {
    expect(claimSchema(ref).safeParse({ ...claim, staus: 'corroborated' }).success).toBe(false);
  });

  it('require an article to have claims and sources, and allow an unknown original date', () => {
    const article = {
      title: 'T',
      dek: 'D',
      original: { outlet: 'paper-c', headline: 'H', url: 'https://p.example', date: 'unknown', author: 'unknown' },
      published: '2024-10-12',
      updated: '2024-10-12',
      claims: [claim],
      sources: ['paper-c'],
    };
    expect(articleSchema(ref).safeParse(article).success).toBe(true);
    expect(articleSchema(ref).safeParse({ ...article, claims: [] }).success).toBe(false);
    expect(articleSchema(ref).safeParse({ ...article, sources: [] }).success).toBe(false);
  });

  it('require a glossary entry to link to at least one reference and a source to have a type', () => {
    const entry = { name: 'X', kind: 'country', description: 'D', links: [] };
    expect(glossarySchema().safeParse(entry).success).toBe(false);
    expect(glossarySchema().safeParse({ ...entry, links: [{ label: 'W', url: 'https://w.example' }] }).success).toBe(
      true,
    );
    expect(
      sourceSchema(ref).safeParse({ name: 'S', ownership: 'O', url: 'https://s.example', description: 'D' }).success,
    ).toBe(false);
  });

  it('accept a claim that is not yet checked, with the status “pending”', () => {
    expect(claimSchema(ref).parse({ ...claim, status: 'pending' }).status).toBe('pending');
  });

  it('read an article without "status" as published and not in progress, and accept a draft', () => {
    const article = {
      title: 'T',
      dek: 'D',
      original: { outlet: 'paper-c', headline: 'H', url: 'https://p.example', date: 'unknown', author: 'unknown' },
      published: '2024-10-12',
      updated: '2024-10-12',
      claims: [claim],
      sources: ['paper-c'],
    };
    expect(articleSchema(ref).parse(article)).toMatchObject({ status: 'published', inProgress: false });
    expect(articleSchema(ref).parse({ ...article, status: 'draft', inProgress: true })).toMatchObject({
      status: 'draft',
      inProgress: true,
    });
    expect(articleSchema(ref).safeParse({ ...article, status: 'finished' }).success).toBe(false);
  });

  it('accept a source whose type and ownership are not yet known', () => {
    const source = { name: 'S', type: 'unknown', ownership: 'unknown', url: 'https://s.example', description: 'D' };
    expect(sourceSchema(ref).parse(source)).toMatchObject({ type: 'unknown', ownership: 'unknown' });
  });

  it('accept a role held since a year, a month or a day, and nothing vaguer', () => {
    expect(partialDate.parse(2012)).toBe('2012');
    expect(partialDate.parse('2012-05')).toBe('2012-05');
    expect(partialDate.parse(new Date(Date.UTC(2012, 4, 7)))).toBe('2012-05-07');
    for (const bad of ['2012-13', '2012-5', 'May 2012', '12']) expect(partialDate.safeParse(bad).success).toBe(false);
    const entry = { name: 'X', kind: 'person', description: 'D', links: [{ label: 'W', url: 'https://w.example' }] };
    for (const since of ['2012', '2012-05', '2012-05-07'])
      expect(glossarySchema().safeParse({ ...entry, role: { title: 'T', since } }).success).toBe(true);
  });

  it('accept role phrases with a date range and reject a range with no bound or ending before it starts', () => {
    const entry = { name: 'X', kind: 'person', description: 'D', links: [{ label: 'W', url: 'https://w.example' }] };
    const parse = (roleAliases: unknown) => glossarySchema().safeParse({ ...entry, roleAliases });
    expect(parse([{ phrases: ['the chair'], from: '2024-07-28' }]).success).toBe(true);
    expect(parse([{ phrases: ['the chair'], from: '2020-01-01', until: '2024-07-28' }]).success).toBe(true);
    expect(parse([{ phrases: ['the chair'] }]).success).toBe(false);
    expect(parse([{ phrases: ['the chair'], from: '2024-07-28', until: '2024-07-28' }]).success).toBe(false);
    expect(parse([{ phrases: [], from: '2024-07-28' }]).success).toBe(false);
  });
});
