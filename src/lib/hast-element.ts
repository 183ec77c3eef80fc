/**
 * A hast element made directly, the same node hastscript's `h` makes from a plain tag name and
 * properties already in hast form (camel-case names, `className` as an array). `h` parses the tag
 * as a selector and looks every property up in the HTML schema; on the article pages, which build
 * about 25 elements a claim card and a card per claim, that was most of the cards' time
 * (docs/performance.md, "Cold build, eighth pass").
 */
import type { Element, ElementContent, Properties, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';

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

/**
 * The attribute each property the cards use is written as: hast-util-to-html looks every
 * property up in the HTML schema (property-information), which was most of its time on the cards.
 * An element with any other property, or a value not a string (or, for className, a list of
 * strings), is written by hast-util-to-html itself.
 */
const ATTRIBUTES: Readonly<Record<string, string>> = {
  id: 'id',
  className: 'class',
  href: 'href',
  role: 'role',
  popover: 'popover',
  popoverTarget: 'popovertarget',
  ariaLabel: 'aria-label',
  ariaLabelledBy: 'aria-labelledby',
  dataStatus: 'data-status',
  dataShare: 'data-share',
  dateTime: 'datetime',
  title: 'title',
};

/** Elements hast-util-to-html writes in ways of their own (raw text, other namespaces, voids). */
const OWN_WAYS = new Set([
  'script',
  'style',
  'template',
  'svg',
  'math',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'plaintext',
  'noscript',
]);

/** Escapes as hast-util-to-html does by default: hexadecimal references, upper case. */
const reference = (c: string) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`;
const escapeText = (value: string) => value.replace(/[<&]/g, reference);
const escapeAttribute = (value: string) => value.replace(/[\0"&'`]/g, reference);

function attributes(properties: Properties): string | undefined {
  let out = '';
  for (const key in properties) {
    const value = properties[key];
    if (value === null || value === undefined) continue;
    const name = ATTRIBUTES[key];
    if (name === undefined) return undefined;
    let text: string;
    if (typeof value === 'string') text = value;
    else if (key === 'className' && Array.isArray(value) && value.every((v) => typeof v === 'string'))
      text = value.join(' ').trim();
    else return undefined;
    out += `${out ? ' ' : ''}${name}="${escapeAttribute(text)}"`;
  }
  return out;
}

/**
 * The HTML hast-util-to-html writes for `tree` with its default options, written directly for the
 * plain elements and text the cards are made of, and by hast-util-to-html for anything else.
 */
export function plainHtml(tree: Root | Element): string {
  let out = '';
  const write = (node: Root | ElementContent): void => {
    if (node.type === 'text') {
      out += escapeText(node.value);
      return;
    }
    if (node.type === 'root') {
      for (const child of node.children) write(child as ElementContent);
      return;
    }
    if (node.type !== 'element' || OWN_WAYS.has(node.tagName) || VOIDS.has(node.tagName)) {
      out += toHtml(node);
      return;
    }
    const attrs = attributes(node.properties);
    if (attrs === undefined) {
      out += toHtml(node);
      return;
    }
    out += `<${node.tagName}${attrs ? ` ${attrs}` : ''}>`;
    for (const child of node.children) write(child);
    out += `</${node.tagName}>`;
  };
  write(tree);
  return out;
}

/** Elements without an end tag, which hast-util-to-html writes itself. */
const VOIDS = new Set([
  'area',
  'base',
  'basefont',
  'bgsound',
  'br',
  'col',
  'embed',
  'frame',
  'hr',
  'image',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
