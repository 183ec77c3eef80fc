/**
 * Makes raw HTML in articles inert: it is shown as text, never parsed, so content can never
 * inject script, styles, frames or forms. HTML comments are editors' notes and are removed.
 * Each piece of raw HTML is reported as a warning with its line: the page shows it as text,
 * which is seldom what the editor meant.
 */
import type { Root, Text } from 'mdast';
import { visit } from '../lib/visit';
import type { VFile } from 'vfile';
import { reportProblem } from '../lib/vfile-problems';

const WHOLE_COMMENT = /^<!--(?:(?!-->)[\s\S])*-->$/;

export function remarkEscapeHtml() {
  return (tree: Root, file: VFile): void => {
    // "<b>word</b>" is two nodes; the editor needs one warning for the line.
    const warned = new Set<number | undefined>();
    visit(tree, 'html', (node, index, parent) => {
      if (!parent || index === undefined) return;
      if (WHOLE_COMMENT.test(node.value.trim())) {
        parent.children.splice(index, 1);
        return index;
      }
      const shown = node.value.trim().split('\n')[0]!.slice(0, 60);
      const line = node.position?.start.line;
      if (!warned.has(line))
        reportProblem(file, node, {
          severity: 'warning',
          message: `has raw HTML, which the page shows as text: ${shown}`,
          fix: 'Write it in Markdown (links, emphasis, lists), or remove it; to show a tag as text on purpose, put it in `backticks`.',
        });
      warned.add(line);
      const text: Text = { type: 'text', value: node.value };
      if (node.position) text.position = node.position;
      // A block of HTML becomes a paragraph of text; inline HTML stays inline.
      parent.children[index] = (
        parent.type === 'root' || parent.type === 'blockquote' || parent.type === 'listItem'
          ? { type: 'paragraph', children: [text] }
          : text
      ) as never;
      return undefined;
    });
  };
}
