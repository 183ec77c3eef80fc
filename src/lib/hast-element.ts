/**
 * A hast element made directly, the same node hastscript's `h` makes from a plain tag name and
 * properties already in hast form (camel-case names, `className` as an array). `h` parses the tag
 * as a selector and looks every property up in the HTML schema; on the article pages, which build
 * about 25 elements a claim card and a card per claim, that was most of the cards' time
 * (docs/performance.md, "Cold build, eighth pass").
 */
import type { Element, ElementContent, Properties } from 'hast';

/** A child as `h` takes it: a node, or a string for a text node; null and undefined add nothing. */
export type HastChild = ElementContent | string | null | undefined;

const node = (child: ElementContent | string): ElementContent =>
  typeof child === 'string' ? { type: 'text', value: child } : child;

export function hastElement(
  tagName: string,
  properties: Properties = {},
  children: HastChild | readonly HastChild[] = [],
): Element {
  const out: ElementContent[] = [];
  if (Array.isArray(children)) {
    for (const child of children as readonly HastChild[])
      if (child !== null && child !== undefined) out.push(node(child));
  } else if (children !== null && children !== undefined) out.push(node(children as ElementContent | string));
  return { type: 'element', tagName, properties, children: out };
}
