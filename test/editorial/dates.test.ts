// Date expressions resolved against a publication day. The day here, Wednesday 5 March 2025, is
// not the seed's, so nothing can pass by knowing the seed.
import { describe, expect, it } from 'vitest';
import { resolveDates } from '../../src/editorial/dates';

const PUBLISHED = '2025-03-05';
const past = () => 'past' as const;
const future = () => 'future' as const;

const one = (sentence: string, tense?: () => 'past' | 'future') => {
  const found = resolveDates(sentence, PUBLISHED, tense);
  expect(found, sentence).toHaveLength(1);
  return found[0]!;
};

describe('resolving date expressions against the publication day', () => {
  it('reads “on Friday” in a past-tense sentence as the Friday before', () => {
    expect(one('They met on Friday in Ankara.', past)).toMatchObject({ text: 'on Friday', value: '2025-02-28' });
  });

  it('reads “on Friday” in a future-tense sentence as the Friday after', () => {
    expect(one('They will meet on Friday in Ankara.', future)).toMatchObject({ value: '2025-03-07' });
  });

  it('reads the publication day’s own weekday in the past tense as that day', () => {
    expect(one('They met on Wednesday.', past)).toMatchObject({ value: '2025-03-05' });
  });

  it('gives “last month” as a month', () => {
    expect(one('Talks stalled last month.', past)).toMatchObject({ text: 'last month', value: '2025-02' });
  });

  it('gives “in a few weeks” as an approximate span of one to four weeks ahead', () => {
    const sentence = 'A deal could follow in a few weeks.';
    const at = sentence.indexOf('in a few weeks');
    expect(one(sentence)).toEqual({
      start: at,
      end: at + 'in a few weeks'.length,
      text: 'in a few weeks',
      value: '2025-03-12',
      last: '2025-04-02',
      approximate: true,
    });
  });

  it('gives “almost three years ago” as between two and a half and three years before, keeping “almost” in the words', () => {
    expect(one('The war began almost three years ago.', past)).toMatchObject({
      text: 'almost three years ago',
      value: '2022-03',
      last: '2022-09',
      approximate: true,
    });
  });

  it('keeps “since” with “last year” and gives the year', () => {
    expect(one('They have fought since last year.')).toMatchObject({ text: 'since last year', value: '2024' });
  });

  it('reads “on the evening of October 5” as a day, not as this evening', () => {
    expect(one('The strike came on the evening of October 5.', past)).toMatchObject({
      text: 'on the evening of October 5',
      value: '2024-10-05',
    });
  });

  it('gives “February 2022” as that month', () => {
    expect(one('It crossed the border in February 2022.', past)).toMatchObject({ value: '2022-02' });
  });

  it('keeps “right now” but leaves a bare “now” alone', () => {
    expect(one('They are at war right now.')).toMatchObject({ text: 'right now', value: PUBLISHED });
    expect(resolveDates('He is now president.', PUBLISHED)).toEqual([]);
  });

  it('gives “in recent months” as an approximate span up to the publication month', () => {
    expect(one('Prices rose in recent months.')).toMatchObject({
      value: '2024-09',
      last: '2025-03',
      approximate: true,
    });
  });

  it('finds no date in a sentence without one', () => {
    expect(resolveDates('Relations are strengthened day by day.', PUBLISHED)).toEqual([]);
  });
});
