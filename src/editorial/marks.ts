/**
 * The marks of an article body, read back: each paragraph's plain text (the original's words)
 * with the claim, date and term marks as offsets into it. Used by the review and the tests.
 */
import type { Node, Parent, Text } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Span } from './text';

export interface ReadMark extends Span {
  name: string;
  attributes: Record<string, string | null | undefined>;
  text: string;
  line: number | undefined;
  column: number | undefined;
}

export interface ReadParagraph {
  text: string;
  line: number | undefined;
  marks: ReadMark[];
}

const processor = unified().use(remarkParse).use(remarkDirective);

export function readMarks(body: string): ReadParagraph[] {
  const tree = processor.parse(body);
  const out: ReadParagraph[] = [];
  const walkBlock = (node: Node) => {
    if (node.type === 'paragraph') {
      const para: ReadParagraph = { text: '', line: node.position?.start.line, marks: [] };
      const walk = (n: Node) => {
        if (n.type === 'text' || n.type === 'inlineCode') {
          para.text += (n as Text).value;
          return;
        }
        if (n.type === 'break') {
          para.text += '\n';
          return;
        }
        const start = para.text.length;
        for (const c of (n as Parent).children ?? []) walk(c);
        if (n.type === 'textDirective') {
          const d = n as TextDirective;
          para.marks.push({
            name: d.name,
            attributes: d.attributes ?? {},
            start,
            end: para.text.length,
            text: para.text.slice(start),
            line: d.position?.start.line,
            column: d.position?.start.column,
          });
        }
      };
      for (const c of (node as Parent).children) walk(c);
      out.push(para);
      return;
    }
    for (const c of (node as Parent).children ?? []) walkBlock(c);
  };
  walkBlock(tree);
  return out;
}
