/**
 * Gives rehype-citation's bibliography a heading and a landmark, and turns the addresses
 * in its entries into links, so readers can open every document the analysis cites. A link
 * shows its short domain ("tass.com"), which a reader can judge, not the whole address.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { visit } from '../lib/visit';
import { deferredLayoutClass, measureTree } from '../lib/deferred-layout';

export interface RehypeBibliographyOptions {
  /** Heading text. */
  heading?: string;
}

const URL_RE = /https?:\/\/[^\s<>"]+[^\s<>".,;:)]/g;

/** "https://www.example.com/a/b" → "example.com". */
export function shortDomain(address: string): string {
  try {
    return new URL(address).hostname.replace(/^www\./, '');
  } catch {
    return address;
  }
}

function linkify(entry: Element): void {
  visit(entry, 'text', (node: Text, index, parent) => {
    if (!parent || index === undefined || parent.tagName === 'a') return;
    const parts: ElementContent[] = [];
    let last = 0;
    for (const m of node.value.matchAll(URL_RE)) {
      if (m.index > last) parts.push({ type: 'text', value: node.value.slice(last, m.index) });
      parts.push(h('a', { href: m[0] }, shortDomain(m[0])));
      last = m.index + m[0].length;
    }
    if (parts.length === 0) return;
    if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
    parent.children.splice(index, 1, ...parts);
    return index + parts.length;
  });
}

const classesOf = (node: Element): string[] => {
  const c = node.properties['className'];
  return Array.isArray(c) ? c.map(String) : [];
};

export function rehypeBibliography(options: RehypeBibliographyOptions = {}) {
  return (tree: Root): void => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.properties['id'] !== 'refs' || !parent || index === undefined) return;
      for (const child of node.children) if (child.type === 'element') linkify(child);
      // The list is laid out when it nears the screen (src/lib/deferred-layout.ts): it is below
      // the text. The list, not the section, so the heading's margin still collapses as before.
      const deferred = deferredLayoutClass(measureTree(node, toHtml));
      if (deferred) node.properties['className'] = [...classesOf(node), ...deferred.split(' ')];
      parent.children[index] = h('section', { className: ['bibliography'], ariaLabelledBy: 'bibliography-heading' }, [
        h('h2', { id: 'bibliography-heading' }, options.heading ?? 'Bibliography'),
        node,
      ]);
      return 'skip';
    });
  };
}
