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
}

export function formatProblem(p: ContentProblem): string {
  const where = [p.file, p.line, p.line && p.column].filter(Boolean).join(':');
  // A bidi control in an id would reorder the rest of the line on the terminal.
  const id = p.id ? ` [${visibleId(p.id)}]` : '';
  return `${where}${id} ${p.message}\n    Fix: ${p.fix}`;
}

export class ContentError extends Error {
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    const n = problems.length;
    super(
      `Content check failed with ${n} problem${n === 1 ? '' : 's'}:\n\n` + problems.map(formatProblem).join('\n\n'),
    );
    this.name = 'ContentError';
    this.problems = problems;
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
