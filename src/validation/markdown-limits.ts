/**
 * Limits checked on the raw file before any Markdown parser sees it. The parser's cost grows
 * faster than the input for deep nesting and for many emphasis or bracket characters in one
 * paragraph (ten thousand "*" take minutes, then overflow the stack), so such files fail fast
 * with a line number instead of stalling or crashing the build. Real articles are far below.
 */
import type { ContentProblem } from '../lib/problems';

export const LIMITS = {
  /** Whole file, in bytes: many times the longest article we expect (~20 KB). */
  bytes: 512 * 1024,
  /** Container depth of one line: block quotes, list markers and indentation. */
  nesting: 16,
  /** Characters of one kind among * _ [ ] in one paragraph (text between blank lines). */
  delimitersPerParagraph: 500,
} as const;

const DELIMITERS = ['*', '_', '[', ']'] as const;
/** Leading block-quote and list markers, e.g. "> - 1. ". */
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))+/;

/** How deeply a line nests: one per quote or list marker, one per two columns of indentation. */
export function nestingOf(line: string): number {
  let depth = 0;
  let columns = 0;
  for (const ch of line) {
    if (ch === ' ') columns += 1;
    else if (ch === '\t') columns += 4 - (columns % 4);
    else break;
  }
  depth += Math.floor(columns / 2);
  const prefix = CONTAINER_PREFIX.exec(line)?.[0] ?? '';
  depth += (prefix.match(/>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)/g) ?? []).length;
  // Indentation inside the prefix (after a marker) nests further, as under a list item.
  const inner = prefix.replace(/^[ \t]*/, '').match(/[ \t]{2,}/g) ?? [];
  for (const run of inner) depth += Math.floor(run.length / 2) - 1;
  return depth;
}

const kb = (n: number) => `${Math.round(n / 1024)} KB`;
const size = (n: number) => (n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : kb(n));

/** Problems with the raw file `raw` (frontmatter included), reported against `file`. */
export function checkMarkdownLimits(raw: string, file: string): ContentProblem[] {
  const bytes = Buffer.byteLength(raw, 'utf8');
  if (bytes > LIMITS.bytes) {
    return [
      {
        file,
        line: 1,
        message: `is ${size(bytes)}; articles are limited to ${kb(LIMITS.bytes)} so that builds stay fast and pages stay readable.`,
        fix: 'Split the text into several articles, or remove pasted material that is not part of the article.',
      },
    ];
  }
  const problems: ContentProblem[] = [];
  const lines = raw.split(/\r?\n/);
  let paragraphStart = 1;
  let counts = new Map<string, number>();
  let deep = 0;
  const endParagraph = () => {
    for (const d of DELIMITERS) {
      const n = counts.get(d) ?? 0;
      if (n > LIMITS.delimitersPerParagraph) {
        problems.push({
          file,
          line: paragraphStart,
          message: `has a paragraph with ${n} "${d}" characters; the limit is ${LIMITS.delimitersPerParagraph} per paragraph, because the Markdown parser slows down sharply beyond it.`,
          fix: `Split the paragraph, or write a literal "${d}" as \\${d} where it is not formatting.`,
        });
      }
    }
    counts = new Map();
  };
  lines.forEach((line, i) => {
    if (line.trim() === '') {
      endParagraph();
      paragraphStart = i + 2;
      return;
    }
    for (const ch of line)
      if ((DELIMITERS as readonly string[]).includes(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    const depth = nestingOf(line);
    // Three lines are enough to show the editor where; a deep list would repeat it on every line.
    if (depth > LIMITS.nesting && ++deep <= 3) {
      problems.push({
        file,
        line: i + 1,
        message: `is nested ${depth} levels deep (lists, block quotes or indentation); the limit is ${LIMITS.nesting}.`,
        fix: 'Flatten the lists or quotes; an article never needs more than a few levels.',
      });
    }
  });
  endParagraph();
  return problems;
}
