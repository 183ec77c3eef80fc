/**
 * Reporting content problems from inside Markdown plugins, with positions in the file on disk.
 */
import { readFileSync } from 'node:fs';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import { ContentError, bodyLineOffset, frontmatterLocator, relativePath, type ContentProblem } from './problems';

const SOURCE = 'sourced';

interface ProblemInput {
  id?: string;
  message: string;
  fix: string;
  /** Where in the frontmatter the problem is, when it is not a node of the body. */
  frontmatterPath?: (string | number)[];
  /** A warning is reported without stopping the build. */
  severity?: 'error' | 'warning';
}

/**
 * Where a render's warnings travel to the loader, which reports them after the build's render
 * (src/loaders/checked-glob.ts): a key of the render's plugin frontmatter, as the facts use.
 */
export const WARNINGS_KEY = 'sourcedWarnings';

const offsets = new WeakMap<VFile, number>();

function offset(file: VFile): number {
  let n = offsets.get(file);
  if (n === undefined) {
    n = bodyLineOffset(file);
    offsets.set(file, n);
  }
  return n;
}

/** A line of the body (as the parser counts it) as a line of the file on disk. */
export const fileLine = (file: VFile, bodyLine: number): number => bodyLine + offset(file);

/** Records a problem on the file; `throwIfProblems` turns the set into one error. */
export function reportProblem(file: VFile, node: Node | undefined, input: ProblemInput): void {
  let line: number | undefined;
  let column: number | undefined;
  if (node?.position) {
    line = node.position.start.line + offset(file);
    column = node.position.start.column;
  } else if (input.frontmatterPath && file.path) {
    try {
      const at = frontmatterLocator(readFileSync(file.path, 'utf8')).locate(input.frontmatterPath);
      line = at?.line;
      column = at?.column;
    } catch {
      // The file is not on disk (a test string); report without a position.
    }
  }
  const message = file.message(input.message, {
    place: line ? { line, column: column ?? 1 } : undefined,
    ruleId: input.id ?? 'content',
    source: SOURCE,
  });
  const warning = input.severity === 'warning';
  message.fatal = !warning;
  message.note = input.fix;
  (message as unknown as { problem: ContentProblem }).problem = {
    file: file.path ? relativePath(file.path, file.cwd) : '<input>',
    line,
    column,
    id: input.id,
    message: input.message,
    fix: input.fix,
    ...(warning ? { severity: 'warning' as const } : {}),
  };
}

/** Problems recorded on a file by our plugins. */
export function problemsOf(file: VFile): ContentProblem[] {
  return file.messages
    .filter((m) => m.source === SOURCE && m.fatal)
    .map((m) => (m as unknown as { problem: ContentProblem }).problem);
}

/** Warnings recorded on a file by our plugins. */
export function warningsOf(file: VFile): ContentProblem[] {
  return file.messages
    .filter((m) => m.source === SOURCE && !m.fatal)
    .map((m) => (m as unknown as { problem: ContentProblem }).problem);
}

export function throwIfProblems(file: VFile): void {
  const problems = problemsOf(file);
  if (problems.length) throw new ContentError(problems);
}
