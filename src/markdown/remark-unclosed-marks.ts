/**
 * A mark must open and close within one paragraph: Markdown ends a paragraph at a blank line,
 * so `:claim[“first paragraph … ¶ … second”]{#id}` is no mark at all, and the later checks
 * would report a claim "not marked" and a mark "with no id". This finds a mark left open at the
 * end of its paragraph and says so, with the line where it opens and the line where it closes.
 */
import type { Root } from 'mdast';
import type { Node } from 'unist';
import { visit } from '../lib/visit';
import type { VFile } from 'vfile';
import { fileLine, reportProblem, throwIfProblems } from '../lib/vfile-problems';

export interface RemarkUnclosedMarksOptions {
  /** Directive names whose marks are checked, e.g. ["claim", "date", "term"]. */
  names: string[];
}

/** Blocks that end a mark: Markdown never carries inline text from one into the next. */
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/** The block's source with inline code blanked out, so code that shows the syntax is not read. */
const withoutCode = (src: string) => src.replace(/(`+)[\s\S]*?\1/g, (m) => ' '.repeat(m.length));

/** Offset of the first mark opened and not closed by the end of `src`, with its name. */
function unclosed(src: string, opener: RegExp): { at: number; name: string } | undefined {
  for (const m of src.matchAll(opener)) {
    let depth = 0;
    let closed = false;
    for (let i = m.index + m[0].length - 1; i < src.length; i++) {
      if (src[i] === '\\') i++;
      else if (src[i] === '[') depth++;
      else if (src[i] === ']' && --depth === 0) {
        closed = true;
        break;
      }
    }
    if (!closed) return { at: m.index, name: m[1]! };
  }
  return undefined;
}

/** Offset and id of a `]{…}` that closes a bracket this block never opened. */
function strayCloser(src: string): { at: number; id: string | undefined } | undefined {
  let depth = 0;
  for (let i = 0; i < src.length; i++) {
    if (src[i] === '\\') i++;
    else if (src[i] === '[') depth++;
    else if (src[i] === ']') {
      if (depth > 0) depth--;
      else if (src[i + 1] === '{') return { at: i, id: /^\]\{[^}]*?#([^\s}.]+)/.exec(src.slice(i))?.[1] };
    }
  }
  return undefined;
}

function pointAt(value: string, offset: number): Node {
  const before = value.slice(0, offset).split('\n');
  const point = { line: before.length, column: before.at(-1)!.length + 1 };
  return { type: 'text', position: { start: point, end: point } };
}

export function remarkUnclosedMarks(options: RemarkUnclosedMarksOptions) {
  const opener = new RegExp(`:(${options.names.join('|')})\\[`, 'g');
  return (tree: Root, file: VFile): void => {
    const value = String(file.value);
    const blocks: { start: number; src: string }[] = [];
    visit(tree, (node) => {
      if (!BLOCKS.has(node.type)) return;
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      blocks.push({ start, src: withoutCode(value.slice(start, end)) });
    });
    blocks.forEach((block, i) => {
      const open = unclosed(block.src, opener);
      if (!open) return;
      const where = pointAt(value, block.start + open.at);
      const line = fileLine(file, where.position!.start.line);
      const next = blocks.slice(i + 1).find((b) => strayCloser(b.src));
      const close = next && strayCloser(next.src);
      const closeLine =
        next && close ? fileLine(file, pointAt(value, next.start + close.at).position!.start.line) : undefined;
      const id = close?.id;
      const mark = `:${open.name}[…]${id ? `{#${id}}` : ''}`;
      reportProblem(file, where, {
        ...(id ? { id } : {}),
        message: closeLine
          ? `The mark ${mark} opens in one paragraph (line ${line}) and closes in another (line ${closeLine}); a mark cannot span paragraphs.`
          : `The mark :${open.name}[ opened here is not closed before the paragraph ends.`,
        fix:
          open.name === 'claim'
            ? 'Close the mark within its paragraph. For a quotation that runs over paragraphs, mark each paragraph’s part as a claim of its own, with its own id and frontmatter entry.'
            : `Close the mark within its paragraph: :${open.name}[words]{…}.`,
      });
    });
    throwIfProblems(file);
  };
}
