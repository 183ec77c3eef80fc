/**
 * Content problems: what an editor reads when the build refuses their file.
 * Every problem names the file, line, column and id, and says how to fix it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Document, type Node as YamlNode } from 'yaml';
import { visibleId } from './id-characters';

export interface ContentProblem {
  /** Path relative to the repository root. */
  file: string;
  line?: number | undefined;
  column?: number | undefined;
  /** The id concerned (claim, source, glossary entry, citation key). */
  id?: string | undefined;
  /** What is wrong. */
  message: string;
  /** What to do about it. */
  fix: string;
  /** A warning is reported but does not stop the build; absent means an error. */
  severity?: 'error' | 'warning' | undefined;
}

export const isWarning = (p: ContentProblem): boolean => p.severity === 'warning';

export function formatProblem(p: ContentProblem): string {
  const where = [p.file, p.line, p.line && p.column].filter(Boolean).join(':');
  // A bidi control in an id would reorder the rest of the line on the terminal.
  const id = p.id ? ` [${visibleId(p.id)}]` : '';
  const level = isWarning(p) ? ' warning:' : '';
  return `${where}${level}${id} ${p.message}\n    Fix: ${p.fix}`;
}

const keyOf = (p: ContentProblem) => [p.file, p.line, p.column, p.id, p.message].join('\u0000');

/**
 * Each problem once (two checks can find the same thing), grouped by file in the order files
 * were first named, and by position within a file.
 */
export function groupProblems(problems: readonly ContentProblem[]): [file: string, problems: ContentProblem[]][] {
  const seen = new Set<string>();
  const byFile = new Map<string, ContentProblem[]>();
  for (const p of problems) {
    const key = keyOf(p);
    if (seen.has(key)) continue;
    seen.add(key);
    const list = byFile.get(p.file) ?? [];
    list.push(p);
    byFile.set(p.file, list);
  }
  for (const list of byFile.values())
    list.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return [...byFile];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The report an editor reads: a count, then each file's problems under its name. */
export function formatProblems(problems: readonly ContentProblem[]): string {
  const groups = groupProblems(problems);
  const all = groups.flatMap(([, list]) => list);
  const errors = all.filter((p) => !isWarning(p)).length;
  const warnings = all.length - errors;
  const counts = [errors && plural(errors, 'problem'), warnings && plural(warnings, 'warning')].filter(Boolean);
  const head = `${errors ? ContentError.HEAD : 'Content check'}: ${counts.join(' and ')} in ${plural(groups.length, 'file')}.`;
  const body = groups.map(
    ([file, list]) => `${file}\n${list.map((p) => formatProblem(p).replace(/^/gm, '  ')).join('\n\n')}`,
  );
  return [head, ...body].join('\n\n');
}

export class ContentError extends Error {
  /** How a report with errors begins, so a log line carrying one can be recognised. */
  static readonly HEAD = 'Content check failed';
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    super(formatProblems(problems));
    this.name = 'ContentError';
    this.problems = groupProblems(problems).flatMap(([, list]) => list);
    // The message is the whole report. A stack trace would only bury it (Astro prints one when
    // there is a stack), and it points into our code, not at the editor's file.
    this.stack = '';
  }

  /**
   * How console.error shows it. Astro's Markdown renderer logs a failed render this way before
   * the loader reports it in full (src/loaders/checked-glob.ts), so here it is one line.
   */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    const files = [...new Set(this.problems.map((p) => p.file))];
    return `${this.name}: ${plural(this.problems.length, 'problem')} in ${files.join(', ')}`;
  }
}

export function relativePath(file: string, root = process.cwd()): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/**
 * Astro hands the pipeline the body without its frontmatter; this is how many lines precede
 * the body in the file on disk, so positions can be reported against the real file.
 */
export function bodyLineOffset(file: VFile): number {
  if (!file.path) return 0;
  let raw: string;
  try {
    raw = readFileSync(file.path, 'utf8');
  } catch {
    return 0;
  }
  const body = String(file.value);
  const at = body ? raw.indexOf(body) : -1;
  if (at <= 0) return 0;
  return raw.slice(0, at).split('\n').length - 1;
}

/** Locates YAML paths in one frontmatter or data file, as 1-based line and column. */
export class YamlLocator {
  private doc: Document.Parsed | undefined;
  private readonly lines = new LineCounter();

  /** `lineOffset` is the number of lines before the YAML text (1 for the opening `---`). */
  constructor(
    private readonly yamlText: string,
    private readonly lineOffset = 0,
  ) {}

  /** Position of the value at `keys`, or of its nearest existing ancestor. */
  locate(keys: readonly (string | number)[]): { line: number; column: number } | undefined {
    // Parsed with positions only when a problem needs one: valid content never pays for it.
    this.doc ??= parseDocument(this.yamlText, { lineCounter: this.lines, keepSourceTokens: false });
    let node: YamlNode | null | undefined = this.doc.contents;
    let found = node;
    for (const key of keys) {
      if (isMap(node)) {
        const pair: { key: unknown; value: unknown } | undefined = node.items.find(
          (it) => isScalar(it.key) && it.key.value === key,
        );
        node = (pair?.value as YamlNode | null | undefined) ?? (pair?.key as YamlNode | undefined);
      } else if (isSeq(node) && typeof key === 'number') {
        node = node.items[key] as YamlNode | undefined;
      } else {
        node = undefined;
      }
      if (!node) break;
      found = node;
    }
    const start = found?.range?.[0];
    if (start === undefined) return undefined;
    const pos = this.lines.linePos(start);
    return { line: pos.line + this.lineOffset, column: pos.col };
  }
}

/** A Markdown file's frontmatter block: `---`, the YAML, `---`. */
const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** A Markdown file's frontmatter YAML (undefined when it has none) and its body, trimmed. */
export function splitMarkdown(raw: string): { yaml: string | undefined; body: string } {
  const m = FRONTMATTER.exec(raw);
  return { yaml: m?.[1], body: (m ? raw.slice(m[0].length) : raw).trim() };
}

/** A locator for a Markdown file's frontmatter. */
export function frontmatterLocator(raw: string): YamlLocator {
  return new YamlLocator(splitMarkdown(raw).yaml ?? '', 1);
}
