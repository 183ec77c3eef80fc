/**
 * Calendar dates as the site writes them. All formatting is in UTC so a day never shifts.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar day written as YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * A day as YYYY-MM-DD, whether a loader handed us a Date (an unquoted YAML day) or the string.
 * Taken in UTC, where YAML puts an unquoted day, so it never shifts with the time zone.
 */
export const isoDay = (d: Date | string): string => (d instanceof Date ? d.toISOString().slice(0, 10) : d);

/** Midnight UTC of a YYYY-MM-DD day, for feeds' timestamps: the same instant on every build machine. */
export const dayToDate = (day: string): Date => new Date(`${day}T00:00:00Z`);

/** A day (YYYY-MM-DD), a month (YYYY-MM) or a year (YYYY), as `<time datetime>` accepts them. */
export type Precision = 'day' | 'month' | 'year';

export function precisionOf(value: string): Precision | undefined {
  if (/^\d{4}$/.test(value)) return 'year';
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) return 'month';
  if (isCalendarDate(value)) return 'day';
  return undefined;
}

function utc(value: string): Date {
  const [y, m = '1', d = '1'] = value.split('-');
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
}

const fmt = (opts: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', ...opts });
const LONG_DAY = fmt({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const DAY = fmt({ day: 'numeric', month: 'long', year: 'numeric' });
const SHORT_DAY = fmt({ day: 'numeric', month: 'short', year: 'numeric' });
const MONTH = fmt({ month: 'long', year: 'numeric' });

/**
 * Dates already written, by style and value. A build writes the same few thousand dates again
 * and again (every citation and card of every page), and each Intl format with the checks before
 * it cost about 1.4 s at 1,000 articles (docs/performance.md, "Cold build, seventh pass").
 * Emptied past WRITTEN_MAX, so a long-running dev server never grows it without end.
 */
const written = new Map<string, string>();
const WRITTEN_MAX = 20_000;

/** "11 October 2024", "September 2024", "2023"; `long` adds the weekday to days. */
export function formatDate(value: string, style: 'long' | 'medium' | 'short' = 'medium'): string {
  const key = `${style} ${value}`;
  let out = written.get(key);
  if (out === undefined) {
    out = writeDate(value, style);
    if (written.size >= WRITTEN_MAX) written.clear();
    written.set(key, out);
  }
  return out;
}

function writeDate(value: string, style: 'long' | 'medium' | 'short'): string {
  const p = precisionOf(value);
  if (p === 'year') return value;
  if (p === 'month') return MONTH.format(utc(value));
  if (p === 'day') return (style === 'long' ? LONG_DAY : style === 'short' ? SHORT_DAY : DAY).format(utc(value));
  return value;
}

/** "22–24 October 2024" for a span inside one month, else two full dates. */
export function formatSpan(start: string, end: string | undefined): string {
  if (!end || end === start) return formatDate(start);
  const [sy, sm] = start.split('-');
  const [ey, em] = end.split('-');
  if (precisionOf(start) === 'day' && precisionOf(end) === 'day' && sy === ey && sm === em) {
    return `${utc(start).getUTCDate()}–${formatDate(end)}`;
  }
  return `${formatDate(start)} – ${formatDate(end)}`;
}
