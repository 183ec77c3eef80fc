/**
 * Makes raw HTML in articles inert: it is shown as text, never parsed, so content can never
 * inject script, styles, frames or forms. HTML comments are editors' notes and are removed.
 */
import type { Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';

const WHOLE_COMMENT = /^<!--(?:(?!-->)[\s\S])*-->$/;

export function remarkEscapeHtml() {
  return (tree: Root): void => {
    visit(tree, 'html', (node, index, parent) => {
      if (!parent || index === undefined) return;
      if (WHOLE_COMMENT.test(node.value.trim())) {
        parent.children.splice(index, 1);
        return index;
      }
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
