/**
 * Finds the date expressions an editor did not mark, with chrono-node. An absolute one, which
 * names its year ("February 2022", "24 February 2022", "in 2014"), needs no judgement: it becomes
 * a date mark here, so remarkDates turns it into `<time datetime>` like any other. A relative one
 * ("last month", "on Friday") must be resolved by the editor: it is reported with the mark to
 * write, its value worked out against the original's date for the editor to confirm.
 */
import { shown } from '../lib/text';
import * as chrono from 'chrono-node';
import type { Parent, PhrasingContent, Root, Text } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { visitParents } from '../lib/visit';
import type { VFile } from 'vfile';
import { precisionOf } from '../lib/dates';
import { reportProblem, throwIfProblems } from '../lib/vfile-problems';

/**
 * A year after a preposition: "in 2014", "since 1991". chrono-node leaves bare years alone, and a
 * bare number may be a count, so only these are taken.
 */
const PREPOSITION_YEAR =
  /\b(?:in|since|until|till|by|from|before|after|during|early|late|mid-)\s*((?:1[89]|20)\d{2})\b/gi;
const YEAR = /\b(?:1[89]|20)\d{2}\b/;
/** Relative expressions the editor must resolve; chrono finds more (times of day, bare "now"). */
const RELATIVE =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|tonight|ago|(?:last|next|this|past|coming)\s+(?:week|month|year|weekend|spring|summer|autumn|winter|monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b/i;

/**
 * Whether chrono can find anything here that this plugin uses: an absolute date has a year, so
 * digits, and a relative one has one of RELATIVE's words (tested without its word boundaries, so
 * a word inside any part of the text is caught). Most text has neither, and chrono is the
 * Markdown stage's costliest step per text node.
 */
const MAY_HOLD_DATE =
  /\d|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|tonight|ago|(?:last|next|this|past|coming)\s+(?:week|month|year|weekend|spring|summer|autumn|winter)/i;

/** An absolute date found in a text node: where, its words, and its value (and last day). */
interface Found {
  index: number;
  text: string;
  value: string;
  end?: string | undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The value as precise as the words are: a day, a month or a year. */
function valueOf(c: chrono.ParsedComponents): string {
  const y = String(c.get('year'));
  if (c.isCertain('day')) return `${y}-${pad(c.get('month')!)}-${pad(c.get('day')!)}`;
  if (c.isCertain('month')) return `${y}-${pad(c.get('month')!)}`;
  return y;
}

/** Skipped: words already marked as dates, code, and addresses shown as their own link text. */
function skip(ancestors: readonly Parent[]): boolean {
  return ancestors.some(
    (a) =>
      (a.type === 'textDirective' && (a as TextDirective).name === 'date') ||
      a.type === 'inlineCode' ||
      a.type === 'link',
  );
}

export interface RemarkDateExpressionsOptions {
  /** The day relative expressions are resolved against when the frontmatter gives none. */
  reference?: string;
}

export function remarkDateExpressions(options: RemarkDateExpressionsOptions = {}) {
  return (tree: Root, file: VFile): void => {
    const fm = (file.data as { astro?: { frontmatter?: { original?: { date?: unknown } } } }).astro?.frontmatter;
    const raw = fm?.original?.date;
    const day = raw instanceof Date ? raw.toISOString().slice(0, 10) : shown(raw ?? options.reference);
    const reference = precisionOf(day) === 'day' ? new Date(`${day}T12:00:00Z`) : undefined;

    const edits: { parent: Parent; node: Text; found: Found[] }[] = [];
    visitParents(tree, 'text', (node: Text, ancestors) => {
      if (skip(ancestors) || !MAY_HOLD_DATE.test(node.value)) return;
      const results = chrono.en.GB.parse(node.value, reference ?? new Date(0), { forwardDate: false });
      const absolute: Found[] = [];
      for (const r of results) {
        if (YEAR.test(r.text) && r.start.isCertain('year')) {
          const value = valueOf(r.start);
          const end = r.end ? valueOf(r.end) : undefined;
          absolute.push({ index: r.index, text: r.text, value, end: end !== value ? end : undefined });
          continue;
        }
        const words = RELATIVE.exec(r.text);
        if (!words) continue;
        const value = reference ? valueOf(r.start) : 'YYYY-MM-DD';
        reportProblem(file, node, {
          id: r.text,
          message: `The date expression “${r.text}” is not marked, so readers get no date for it.`,
          fix: `Write :date[${r.text}]{value=${value}}${reference ? `, checking the date (worked out from the original's date, ${day})` : ''}; add "approx" if the words are vague.`,
        });
      }
      const taken = results.map((r) => [r.index, r.index + r.text.length] as const);
      for (const m of node.value.matchAll(PREPOSITION_YEAR)) {
        const year = m[1]!;
        // The mark covers the year alone, not its preposition.
        const index = m.index + m[0].length - year.length;
        if (taken.some(([a, b]) => index < b && index + year.length > a)) continue;
        absolute.push({ index, text: year, value: year });
      }
      absolute.sort((a, b) => a.index - b.index);
      if (absolute.length) edits.push({ parent: ancestors.at(-1)!, node, found: absolute });
    });
    throwIfProblems(file);

    for (const { parent, node, found } of edits) {
      const parts: PhrasingContent[] = [];
      let last = 0;
      for (const r of found) {
        if (r.index < last) continue;
        if (r.index > last) parts.push({ type: 'text', value: node.value.slice(last, r.index) });
        parts.push({
          type: 'textDirective',
          name: 'date',
          attributes: { value: r.value, ...(r.end ? { end: r.end } : {}) },
          children: [{ type: 'text', value: r.text }],
          ...(node.position ? { position: node.position } : {}),
        });
        last = r.index + r.text.length;
      }
      if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
      const at = parent.children.indexOf(node);
      parent.children.splice(at, 1, ...(parts as never[]));
    }
  };
}
