import { describe, expect, it } from 'vitest';
import { dayToDate, formatDate, formatSpan, isoDay, precisionOf } from '../../src/lib/dates';

describe('dates', () => {
  it('recognises days, months and years and rejects impossible days', () => {
    expect(precisionOf('2024-10-11')).toBe('day');
    expect(precisionOf('2024-09')).toBe('month');
    expect(precisionOf('2023')).toBe('year');
    expect(precisionOf('2024-02-30')).toBeUndefined();
    expect(precisionOf('2024-13')).toBeUndefined();
    expect(precisionOf('11/10/2024')).toBeUndefined();
  });

  it('formats in UTC so a day never shifts with the time zone', () => {
    expect(formatDate('2024-10-11', 'long')).toBe('Friday, 11 October 2024');
    expect(formatDate('2024-09')).toBe('September 2024');
    expect(formatDate('2022-02-24', 'short')).toBe('24 Feb 2022');
  });

  it('writes a date asked for again, in another style or after other dates, as it wrote it the first time', () => {
    const values = ['2024-10-11', '2024-09', '2023', '2024-02-30', 'not a date', '2022-02-24'];
    const styles = ['long', 'medium', 'short'] as const;
    const first = values.flatMap((v) => styles.map((s) => formatDate(v, s)));
    // Asked again in the opposite order: an answer kept under the wrong key would show here.
    const again = [...values].reverse().flatMap((v) => [...styles].reverse().map((s) => formatDate(v, s)));
    expect(again).toEqual([...first].reverse());
    expect(formatDate('2024-10-11', 'long')).toBe('Friday, 11 October 2024');
    expect(formatDate('2024-10-11', 'short')).toBe('11 Oct 2024');
    expect(formatDate('2024-02-30')).toBe('2024-02-30');
  });

  it('writes a span within one month compactly and other spans in full', () => {
    expect(formatSpan('2024-10-22', '2024-10-24')).toBe('22–24 October 2024');
    expect(formatSpan('2024-01', '2024-09')).toBe('January 2024 – September 2024');
  });
});

describe('days as data', () => {
  it('writes a day as YYYY-MM-DD whether it came as a Date (unquoted YAML, UTC) or as the string', () => {
    expect(isoDay(new Date(Date.UTC(2024, 9, 11)))).toBe('2024-10-11');
    expect(isoDay('2024-10-11')).toBe('2024-10-11');
  });

  it('gives midnight UTC of a day, the same instant on any machine', () => {
    expect(dayToDate('2024-10-11').toISOString()).toBe('2024-10-11T00:00:00.000Z');
  });
});
