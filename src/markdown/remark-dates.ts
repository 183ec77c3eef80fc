/**
 * Resolves relative time expressions: `:date[on Friday]{value=2024-10-11}` becomes
 * `<time datetime="2024-10-11">on Friday</time>` with the absolute date shown to the reader.
 */
import type { Root } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
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
      node.data = {
        hName: 'time',
        hProperties: {
          dateTime: value,
          title: end ? shown : (approximate ? 'about ' : '') + formatDate(value, 'long'),
          className: ['resolved-date'],
          // Shown by CSS after the words, so the quoted sentence itself stays verbatim.
          dataResolved: shown,
        },
      };
    });
    throwIfProblems(file);
    file.data.dates = dates;
  };
}
