// Finds what could run script or load an outside resource in rendered HTML, with a real HTML
// parser (so it sees what a browser would build, not what a regular expression guesses).
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

/** Elements that run script, load or embed documents, restyle the page or submit data. */
const FORBIDDEN = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'style',
  'link',
  'meta',
  'base',
  'form',
  'input',
  'textarea',
  'select',
  'svg',
  'math',
  'template',
  'noscript',
  'portal',
]);
const URL_PROPERTIES = [
  'href',
  'src',
  'action',
  'formAction',
  'xLinkHref',
  'poster',
  'data',
  'background',
  'cite',
  'longDesc',
  'ping',
];
/** Properties the browser fetches without a click. */
const RESOURCE_PROPERTIES = new Set(['src', 'srcSet', 'poster', 'data', 'background']);
const UNSAFE_SCHEME = /^(?:javascript|data|vbscript):/i;
/** As a browser reads a URL: tabs and newlines dropped, leading controls and spaces trimmed. */
function normalise(url: string): string {
  const s = url.replace(/[\t\n\r]/g, '');
  let from = 0;
  while (from < s.length && s.charCodeAt(from) <= 0x20) from++;
  return s.slice(from);
}

export interface Finding {
  element: string;
  what: string;
}

/** Everything unsafe in `html`; an empty list means the fragment is inert and self-contained. */
export function unsafeHtml(html: string): Finding[] {
  const tree: Root = fromHtml(html, { fragment: true });
  const findings: Finding[] = [];
  visit(tree, 'element', (node: Element) => {
    const el = node.tagName;
    // GFM task lists render disabled checkboxes; any other input is a form control.
    const taskBox = el === 'input' && node.properties['type'] === 'checkbox' && node.properties['disabled'] === true;
    if (FORBIDDEN.has(el) && !taskBox) findings.push({ element: el, what: `<${el}> element` });
    for (const [name, value] of Object.entries(node.properties)) {
      if (/^on/i.test(name)) findings.push({ element: el, what: `event handler ${name}` });
      if (name === 'style') findings.push({ element: el, what: 'inline style attribute' });
      const values = (Array.isArray(value) ? value : [value]).map(String);
      for (const v of values) {
        const url = normalise(v);
        if (URL_PROPERTIES.includes(name) && UNSAFE_SCHEME.test(url))
          findings.push({ element: el, what: `${name}="${v.slice(0, 60)}"` });
        if (RESOURCE_PROPERTIES.has(name)) {
          for (const candidate of name === 'srcSet'
            ? url.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '')
            : [url]) {
            if (/^[a-z][a-z0-9+.-]*:/i.test(candidate) || /^[\\/]{2}/.test(candidate)) {
              findings.push({ element: el, what: `outside resource ${name}="${candidate.slice(0, 60)}"` });
            }
          }
        }
      }
    }
  });
  // Belt and braces: whatever the parser made of it, the markup itself has no script tag.
  if (/<script/i.test(html)) findings.push({ element: '(text)', what: 'the characters "<script" in markup' });
  return findings;
}
