/**
 * Resolves relative time expressions: `:date[on Friday]{value=2024-10-11}` becomes
 * `<time datetime="2024-10-11">on Friday</time>` with the absolute date shown to the reader.
 * A weekday in the words must fall on the date: "on Friday" resolved to a Saturday is an error.
 */
import type { Root } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { visit } from '../lib/visit';
import type { VFile } from 'vfile';
import { formatDate, formatSpan, precisionOf } from '../lib/dates';
import { reportProblem, throwIfProblems } from '../lib/vfile-problems';

export interface ResolvedDate {
  /** The words in the text, e.g. "last month". */
  text: string;
  /** Machine-readable value: YYYY-MM-DD, YYYY-MM or YYYY. */
  value: string;
  /** Last day, for spans such as a three-day summit. */
  end?: string;
  /** True when the expression is approximate ("almost three years ago"). */
  approximate: boolean;
}

declare module 'vfile' {
  interface DataMap {
    /** Relative dates resolved in the body, in document order. */
    dates: ResolvedDate[];
  }
}

const WEEKDAY = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const weekdayOf = (day: string): string => WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()]!;

/** The latest `weekday` on or before the first day of `value` (a day, month or year). */
function nearestWeekday(value: string, weekday: string): string {
  const [y, m = '01', d = '01'] = value.split('-');
  const date = new Date(`${y}-${m}-${d}T00:00:00Z`);
  const back = (date.getUTCDay() - WEEKDAYS.indexOf(weekday) + 7) % 7;
  date.setUTCDate(date.getUTCDate() - back);
  return date.toISOString().slice(0, 10);
}

export function remarkDates() {
  return (tree: Root, file: VFile): void => {
    const dates: ResolvedDate[] = [];
    visit(tree, 'textDirective', (node: TextDirective) => {
      if (node.name !== 'date') return;
      const text = toString(node);
      const value = node.attributes?.value ?? '';
      const end = node.attributes?.end ?? undefined;
      const approximate = node.attributes ? 'approx' in node.attributes : false;
      const bad = [value, end].find((v) => v !== undefined && !precisionOf(v));
      if (!value || bad !== undefined) {
        reportProblem(file, node, {
          id: text,
          message: `The date mark :date[${text}] has ${value ? `an invalid date "${bad}"` : 'no value'}.`,
          fix: 'Write the resolved date as value=YYYY-MM-DD (or YYYY-MM, or YYYY), e.g. :date[on Friday]{value=2024-10-11}; add end=YYYY-MM-DD for a span.',
        });
        return;
      }
      const weekday = WEEKDAY.exec(text)?.[1]?.toLowerCase();
      if (weekday) {
        const [start, last] = [value, end ?? value];
        const actual = precisionOf(start) === 'day' ? weekdayOf(start) : undefined;
        const fits = actual !== undefined && start === last && actual === weekday;
        if (!fits) {
          reportProblem(file, node, {
            id: text,
            message:
              actual === undefined || start !== last
                ? `The date mark :date[${text}] names a ${cap(weekday)} but resolves to ${start === last ? 'more than a day' : 'a span'} (${end ? `${start} to ${end}` : start}).`
                : `The date mark :date[${text}] names a ${cap(weekday)}, but ${formatDate(start)} was a ${cap(actual)}.`,
            fix: `Set value= to the ${cap(weekday)} meant, e.g. ${nearestWeekday(start, weekday)} (the ${cap(weekday)} on or before ${start.length === 10 ? start : `the start of ${start}`}), or correct the words if the date is right.`,
          });
          return;
        }
      }
      if (end && end < value) {
        reportProblem(file, node, {
          id: text,
          message: `The date mark :date[${text}] ends (${end}) before it starts (${value}).`,
          fix: 'Put the first day in value= and the last day in end=.',
        });
        return;
      }
      const shown = (approximate ? 'about ' : '') + (end ? formatSpan(value, end) : formatDate(value));
      dates.push({ text, value, ...(end ? { end } : {}), approximate });
      // Words that name the year ("February 2022") already say the date; repeating it adds nothing.
      const absolute = text.includes(value.slice(0, 4));
      node.data = {
        hName: 'time',
        hProperties: {
          dateTime: value,
          title: end ? shown : (approximate ? 'about ' : '') + formatDate(value, 'long'),
          className: [absolute ? 'absolute-date' : 'resolved-date'],
          // Shown by CSS after the words, so the quoted sentence itself stays verbatim.
          ...(absolute ? {} : { dataResolved: shown }),
        },
      };
    });
    throwIfProblems(file);
    file.data.dates = dates;
  };
}
