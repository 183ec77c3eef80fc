/**
 * Keeps each claim's buttons with its words: the margin note with the claim's first word, the
 * marker with its last, each pair in a span the stylesheet does not let wrap. A line can then
 * neither start with a marker nor leave a note beside the line before the claim; punctuation
 * after the claim stays with the marker because nothing in the pair offers a break. The text
 * itself is unchanged: a word is only moved into a span.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import { visit } from '../lib/visit';

/** An element this long or longer is left to wrap rather than be held to one line. */
const MAX_HELD = 30;

const hasClass = (node: ElementContent | undefined, name: string): node is Element =>
  node?.type === 'element' &&
  Array.isArray(node.properties['className']) &&
  node.properties['className'].includes(name);

const span = (className: string, children: ElementContent[]): Element => ({
  type: 'element',
  tagName: 'span',
  properties: { className: [className] },
  children,
});

const text = (value: string): Text => ({ type: 'text', value });

/** The word at one end of a text node, and the rest; undefined when that end is a space. */
function splitWord(value: string, end: 'first' | 'last'): [rest: string, word: string] | undefined {
  const m = end === 'first' ? /^(\S+)([\s\S]*)$/.exec(value) : /^([\s\S]*?)(\S+)$/.exec(value);
  if (!m) return undefined;
  return end === 'first' ? [m[2]!, m[1]!] : [m[1]!, m[2]!];
}

/** The child beside the button, or undefined when it cannot be held on one line. */
function holdable(node: ElementContent | undefined): boolean {
  return node?.type === 'element' && toString(node).length < MAX_HELD;
}

function holdEnd(mark: Element): void {
  const badge = mark.children.at(-1);
  if (!hasClass(badge, 'badge')) return;
  const i = mark.children.length - 2;
  const before = mark.children[i];
  if (before?.type === 'text') {
    const split = splitWord(before.value, 'last');
    if (!split) return;
    const [rest, word] = split;
    const held = span('claim-end', [text(word), badge]);
    mark.children.splice(i, 2, ...(rest ? [text(rest)] : []), held);
  } else if (holdable(before)) {
    mark.children.splice(i, 2, span('claim-end', [before!, badge]));
  }
}

function holdStart(mark: Element): void {
  const note = mark.children[0];
  if (!hasClass(note, 'claim-note')) return;
  const after = mark.children[1];
  if (after?.type === 'text') {
    const split = splitWord(after.value, 'first');
    if (!split) return;
    const [rest, word] = split;
    mark.children.splice(0, 2, span('claim-start', [note, text(word)]), ...(rest ? [text(rest)] : []));
  } else if (holdable(after) || hasClass(after, 'claim-end')) {
    mark.children.splice(0, 2, span('claim-start', [note, after!]));
  }
}

export function rehypeClaimEnds() {
  return (tree: Root, _file: VFile): void => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'mark' || !hasClass(node, 'claim')) return;
      holdEnd(node);
      holdStart(node);
    });
  };
}
