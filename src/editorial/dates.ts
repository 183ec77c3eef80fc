/**
 * Date expressions in one sentence, resolved against the publication day. `chrono-node` finds
 * and reads them; this file adds what a news text needs on top:
 * - a bare weekday or a day without a year is read by the sentence's tense ("met on Friday"
 *   is the last Friday up to the publication day, "will meet on Friday" the next one);
 * - vague amounts become approximate spans: "a few" is more than one and up to four,
 *   "several" three to seven, "a couple of" two; "almost" three years ago is between two and a
 *   half and three years ago, "about" half a unit either way, "more than" up to one unit more;
 * - "last week" / "this week" / "next week" are Monday to Sunday;
 * - "in recent days / weeks / months / years", which chrono does not read, is the week, six
 *   weeks, six months or five years up to the publication day;
 * - the words around the expression that belong to it ("since", "right" now, "on the evening
 *   of") are kept in the mark.
 */
// English only: the package's main entry loads a dozen other languages' parsers too.
import * as chrono from 'chrono-node/en';
import type { Span } from './text';

export interface DraftDate extends Span {
  /** The words, as in the text. */
  text: string;
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  value: string;
  /** Last day (month, year) of a span: the mark's `end=`. */
  last?: string;
  approximate: boolean;
}

type Components = chrono.ParsedResult['start'];

const WEEK_RE = /\b(last|this|next|past|previous|coming) week\b/i;
const LOWER_CASE_CALENDAR_WORD =
  /\b(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/;
type Unit = 'day' | 'week' | 'month' | 'year';
type Precision = 'day' | 'month' | 'year';

/** A calendar day in UTC; all arithmetic is on whole days so no time zone can shift it. */
const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

export function parseDay(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return day(y!, m!, d!);
}

function add(date: Date, unit: Unit, n: number): Date {
  const out = new Date(date);
  if (unit === 'day') out.setUTCDate(out.getUTCDate() + Math.round(n));
  else if (unit === 'week') out.setUTCDate(out.getUTCDate() + Math.round(n * 7));
  else if (unit === 'month') {
    const whole = Math.trunc(n);
    out.setUTCMonth(out.getUTCMonth() + whole);
    if (n !== whole) out.setUTCDate(out.getUTCDate() + Math.round((n - whole) * 30));
  } else {
    const whole = Math.trunc(n);
    out.setUTCFullYear(out.getUTCFullYear() + whole);
    if (n !== whole) out.setUTCMonth(out.getUTCMonth() + Math.round((n - whole) * 12));
  }
  return out;
}

export function format(date: Date, precision: Precision): string {
  const iso = date.toISOString().slice(0, 10);
  return precision === 'day' ? iso : precision === 'month' ? iso.slice(0, 7) : iso.slice(0, 4);
}

const UNIT = '(day|week|month|year)s?';
/** How many a vague amount can mean: [least, most]. */
const VAGUE: Record<string, [number, number]> = {
  'a couple of': [2, 2],
  'a few': [1, 4],
  few: [1, 4],
  several: [3, 7],
  some: [2, 7],
  'a number of': [2, 7],
};
const VAGUE_RE = new RegExp(
  `^(?:in\\s+)?(${Object.keys(VAGUE).join('|')})\\s+${UNIT}(\\s+ago|\\s+later|\\s+from now)?$`,
  'i',
);
const COUNT_RE = new RegExp(`^(?:in\\s+)?(?:\\S+)\\s+${UNIT}(\\s+ago)?$`, 'i');
const HEDGE_RE =
  /(?:^|\s)(almost|nearly|about|around|roughly|some|just over|just under|more than|over|less than|under)\s+$/i;
/** Words before an expression that belong to it. */
const LEAD_RE =
  /(?:^|\s)((?:ever\s+)?since|right|(?:on\s+)?the\s+(?:early\s+|late\s+)?(?:morning|afternoon|evening|night)\s+of)\s+$/i;
const RECENT_RE = /\b(?:in|over|during)\s+(?:the\s+)?recent\s+(days|weeks|months|years)\b/gi;
const RECENT: Record<string, [Unit, number, Precision]> = {
  days: ['day', 7, 'day'],
  weeks: ['week', 6, 'day'],
  months: ['month', 6, 'month'],
  years: ['year', 5, 'year'],
};

/** chrono without its time-of-day parser: "evening of October 5" is a date here, not 7 pm today. */
const parser = (() => {
  const c = chrono.casual.clone();
  c.parsers = c.parsers.filter((p) => p.constructor.name !== 'ENCasualTimeParser');
  return c;
})();

function precisionOf(c: Components): Precision | undefined {
  if (c.isCertain('day') || c.isCertain('weekday')) return 'day';
  if (c.isCertain('month')) return 'month';
  if (c.isCertain('year')) return 'year';
  return undefined;
}

function componentsDate(c: Components): Date {
  return day(c.get('year')!, c.get('month')!, c.get('day')!);
}

/** A bare weekday or a date without its year, placed by tense around the reference day. */
function placeByTense(c: Components, text: string, ref: Date, tense: 'past' | 'future' | undefined): Date {
  let date = componentsDate(c);
  if (!tense || /\b(last|next|this|coming|past|previous)\b/i.test(text)) return date;
  if (c.isCertain('weekday') && !c.isCertain('day')) {
    const want = c.get('weekday')!;
    const back = (ref.getUTCDay() - want + 7) % 7;
    return add(ref, 'day', tense === 'past' ? -back : (7 - back) % 7);
  }
  if (!c.isCertain('year') && c.isCertain('month')) {
    date = day(ref.getUTCFullYear(), c.get('month')!, c.isCertain('day') ? c.get('day')! : 1);
    if (tense === 'past' && date > ref) date = add(date, 'year', -1);
    if (tense === 'future' && date < ref && !(date.getUTCMonth() === ref.getUTCMonth() && !c.isCertain('day')))
      date = add(date, 'year', 1);
  }
  return date;
}

function weekSpan(date: Date): [Date, Date] {
  const monday = add(date, 'day', -((date.getUTCDay() + 6) % 7));
  return [monday, add(monday, 'day', 6)];
}

/**
 * Date expressions in `sentence` (offsets relative to it), resolved against `published`
 * (YYYY-MM-DD); `tenseAt` says whether the verb governing an offset is past or future.
 */
export function resolveDates(
  sentence: string,
  published: string,
  tenseAt: (offset: number) => 'past' | 'future' | undefined = () => undefined,
): DraftDate[] {
  const ref = parseDay(published);
  const instant = new Date(ref.getTime() + 12 * 3600 * 1000);
  const out: DraftDate[] = [];
  for (const r of parser.parse(sentence, { instant, timezone: 0 })) {
    let start = r.index;
    let text = r.text;
    // chrono keeps a trailing comma or "and" of a list it tried to merge; the mark does not.
    text = text.replace(/[\s,]+$/, '');
    // "The Sun newspaper", "Sat down": a weekday's short form alone is a word, not a date.
    if (/^(sun|mon|tue|tues|wed|thu|thur|thurs|fri|sat)\.?$/i.test(text)) continue;
    // "an annual march", "a may": a month or weekday is written with a capital; in lower case it is another word.
    if (LOWER_CASE_CALENDAR_WORD.test(text)) continue;
    const c = r.start;
    const precision = precisionOf(c);
    const casualNow = r.tags().has('casualReference/now');
    const week = WEEK_RE.test(text);
    // A time of day alone is not a date; chrono says no part of "this week" is certain.
    if (!precision && !casualNow && !week) continue;
    const before = sentence.slice(0, start);
    if (casualNow && !/(?:^|\s)right\s+$/i.test(before)) continue; // "now" alone is an adverb
    let value: string;
    let end: string | undefined;
    let approximate = false;
    // chrono sometimes takes the hedge ("about two months ago") into its own words.
    const own = /^(almost|nearly|about|around|roughly|just over|just under|more than|over|less than|under)\s+/i.exec(
      text,
    );
    const hedgeBefore = own ? undefined : HEDGE_RE.exec(before);
    // The hedge word, and where it starts when it stands before chrono's words.
    const hedge = own
      ? { word: own[1]!, at: start }
      : hedgeBefore
        ? { word: hedgeBefore[1]!, at: hedgeBefore.index + (hedgeBefore[0].length - hedgeBefore[0].trimStart().length) }
        : undefined;
    const bare = own ? text.slice(own[0].length) : text;
    const vague = VAGUE_RE.exec(bare);
    const counted = COUNT_RE.exec(bare);
    if (vague) {
      const [lo, hi] = VAGUE[vague[1]!.toLowerCase()]!;
      const unit = vague[2]!.toLowerCase() as Unit;
      const past = /ago$/i.test(text);
      const p: Precision = unit === 'month' ? 'month' : unit === 'year' ? 'year' : 'day';
      const [a, b] = past ? [add(ref, unit, -hi), add(ref, unit, -lo)] : [add(ref, unit, lo), add(ref, unit, hi)];
      value = format(a, p);
      end = format(b, p);
      approximate = true;
    } else if (counted && hedge) {
      const unit = counted[1]!.toLowerCase() as Unit;
      const ago = Boolean(counted[2]);
      const when = c.date();
      const base = day(when.getUTCFullYear(), when.getUTCMonth() + 1, when.getUTCDate());
      const word = hedge.word.toLowerCase();
      // How far the true time can be from "N units" in each direction, in units.
      const [less, more] =
        word === 'almost' || word === 'nearly' || word === 'just under' || word === 'less than' || word === 'under'
          ? [word === 'less than' || word === 'under' ? 1 : 0.5, 0]
          : word === 'more than' || word === 'over' || word === 'just over'
            ? [0, word === 'just over' ? 0.5 : 1]
            : [0.5, 0.5];
      // "Less ago" is later; "more in the future" is later.
      const [a, b] = ago
        ? [add(base, unit, -more), add(base, unit, less)]
        : [add(base, unit, -less), add(base, unit, more)];
      const p: Precision = unit === 'year' ? 'month' : 'day';
      value = format(a, p);
      end = format(b, p);
      approximate = true;
      if (!own) {
        text = sentence.slice(hedge.at, start + text.length);
        start = hedge.at;
      }
    } else if (week) {
      // Counted from the publication day, Monday to Sunday: chrono puts "this week" on the Sunday before.
      const which = WEEK_RE.exec(text)![1]!.toLowerCase();
      const shift = which === 'this' ? 0 : which === 'next' || which === 'coming' ? 7 : -7;
      const [a, b] = weekSpan(add(ref, 'day', shift));
      value = format(a, 'day');
      end = format(b, 'day');
    } else if (casualNow) {
      value = format(ref, 'day');
    } else {
      value = format(placeByTense(c, text, ref, tenseAt(start)), precision!);
      if (r.end) {
        const ep = precisionOf(r.end);
        if (ep) end = format(componentsDate(r.end), ep);
      }
    }
    const lead = LEAD_RE.exec(sentence.slice(0, start));
    if (lead) {
      const at = lead.index + (lead[0].length - lead[0].trimStart().length);
      text = sentence.slice(at, start + text.length);
      start = at;
    }
    out.push({
      start,
      end: start + text.length,
      text,
      value,
      ...(end && end !== value ? { last: end } : {}),
      approximate,
    });
  }
  for (const m of sentence.matchAll(RECENT_RE)) {
    if (out.some((d) => m.index < d.end && m.index + m[0].length > d.start)) continue;
    const [unit, n, p] = RECENT[m[1]!.toLowerCase()]!;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      value: format(add(ref, unit, -n), p),
      last: format(ref, p),
      approximate: true,
    });
  }
  return out.sort((a, b) => a.start - b.start);
}
