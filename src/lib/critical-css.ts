/**
 * Critical CSS: the part of the site's stylesheet a page needs for what it lays out at load, to
 * inline in its <head> while the whole stylesheet loads without blocking the first paint
 * (docs/performance.md, "Session 9").
 *
 * The subset is made of rules of the stylesheet, in its order and layers, so once the whole
 * stylesheet applies the cascade is the same as with it alone. A selector stays if it names only
 * classes, ids, attributes and elements the page has outside what is not laid out at load
 * (closed popovers, deferred lists, <noscript>, <template>); of a list inside :is(), :where() or
 * :has() one selector must pass, and what :not() names is not required. The test errs towards
 * keeping a selector (a class present anywhere passes), never towards dropping one.
 *
 * The subset leaves out what the Nu HTML Checker rejects inside <style> although it is valid CSS
 * (@property, anchor positioning, margin-trim, container-type): print styles, and rules only
 * the popovers use. Tailwind's @property rules become the plain custom properties Tailwind
 * itself gives browsers without @property, so utilities that read them work from the first paint.
 */
import { Parser } from 'htmlparser2';
import postcss, { type AtRule, type ChildNode, type Container, type Root } from 'postcss';

/** What a page has, outside what is not laid out at load. */
export interface PageTokens {
  readonly classes: ReadonlySet<string>;
  readonly ids: ReadonlySet<string>;
  readonly attributes: ReadonlySet<string>;
  readonly elements: ReadonlySet<string>;
  /** Everything in the page, laid out or not: what :has() looks at. */
  readonly all?: PageTokens;
}

/** Elements whose content is not laid out at load; the element itself is. */
const NOT_LAID_OUT = (name: string, attributes: Record<string, string>): boolean =>
  name === 'noscript' ||
  name === 'template' ||
  'popover' in attributes ||
  (attributes['class'] ?? '').split(/\s+/).includes('defer-layout');

/** Elements with no end tag, which never hold content. */
const VOID = new Set(
  'area base br col embed hr img input link meta source track wbr'.split(' ').map((n) => n.toLowerCase()),
);

/** Classes, ids, attributes and elements of an HTML page, leaving out content not laid out at load. */
export function pageTokens(html: string): PageTokens {
  const tokens = () => ({
    classes: new Set<string>(),
    ids: new Set<string>(),
    attributes: new Set<string>(),
    elements: new Set<string>(),
  });
  const laidOut = tokens();
  const all = tokens();
  const add = (to: ReturnType<typeof tokens>, name: string, attrs: Record<string, string>) => {
    to.elements.add(name);
    for (const [key, value] of Object.entries(attrs)) {
      to.attributes.add(key);
      if (key === 'class') for (const c of value.split(/\s+/)) if (c) to.classes.add(c);
      if (key === 'id') to.ids.add(value);
    }
  };
  // For each open element: whether its content is left out.
  const open: boolean[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const outside = open.at(-1) ?? false;
        add(all, name, attrs);
        if (!outside) add(laidOut, name, attrs);
        if (!VOID.has(name)) open.push(outside || NOT_LAID_OUT(name, attrs));
      },
      onclosetag(name) {
        if (!VOID.has(name)) open.pop();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return { ...laidOut, all };
}

/** A CSS identifier with its escapes undone (`md\:flex` → `md:flex`, `\31 0` → `10`). */
function unescape(ident: string): string {
  return ident
    .replace(/\\([0-9a-fA-F]{1,6})\s?/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/\\(.)/g, '$1');
}

const IDENT =
  /^-?(?:[_a-zA-Z\u00a0-\uffff]|\\[0-9a-fA-F]{1,6}\s?|\\.)(?:[-_a-zA-Z0-9\u00a0-\uffff]|\\[0-9a-fA-F]{1,6}\s?|\\.)*/;

/** Whether a selector (one of a list) can match something among the page's tokens. */
export function selectorMayMatch(selector: string, page: PageTokens): boolean {
  let i = 0;
  let depth = 0;
  // At the start of a compound selector, where a type selector may stand.
  let compoundStart = true;
  while (i < selector.length) {
    const ch = selector[i]!;
    const rest = selector.slice(i + 1);
    if (ch === '(') {
      depth++;
      i++;
      continue;
    }
    if (ch === ')') {
      depth--;
      i++;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const end = selector.indexOf(ch, i + 1);
      i = end < 0 ? selector.length : end + 1;
      continue;
    }
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (depth > 0) {
      i++;
      continue;
    }
    if (ch === '.' || ch === '#') {
      const m = IDENT.exec(rest);
      if (!m) return true;
      const name = unescape(m[0]);
      if (ch === '.' && !page.classes.has(name)) return false;
      if (ch === '#' && !page.ids.has(name)) return false;
      i += 1 + m[0].length;
      compoundStart = false;
      continue;
    }
    if (ch === '[') {
      const m = /^\s*([-\w:]+)/.exec(rest);
      if (m && !page.attributes.has(m[1]!.toLowerCase())) return false;
      const end = selector.indexOf(']', i);
      i = end < 0 ? selector.length : end + 1;
      compoundStart = false;
      continue;
    }
    if (ch === ':') {
      // A pseudo-class or pseudo-element: its name is no requirement. The selectors inside :is(),
      // :where() and :has() are, one of them at least; what :not() names is not.
      const m = /^:?[-\w]+/.exec(rest);
      const name = m ? m[0] : '';
      i += 1 + name.length;
      compoundStart = false;
      if (selector[i] === '(' && /^(?:is|where|has|matches)$/.test(name)) {
        const end = closingParen(selector, i);
        const inner = splitList(selector.slice(i + 1, end));
        // :has() looks at the whole document, laid out or not (a closed card's content too).
        const within = name === 'has' ? (page.all ?? page) : page;
        if (!inner.some((s) => selectorMayMatch(s.replace(/^\s*[>+~]/, ''), within))) return false;
        i = end + 1;
      }
      continue;
    }
    if (/[\s>+~]/.test(ch)) {
      compoundStart = true;
      i++;
      continue;
    }
    if (compoundStart && ch !== '*' && ch !== '&') {
      const m = IDENT.exec(selector.slice(i));
      if (m) {
        if (!page.elements.has(unescape(m[0]).toLowerCase())) return false;
        i += m[0].length;
        compoundStart = false;
        continue;
      }
    }
    compoundStart = false;
    i++;
  }
  return true;
}

/** The index of the parenthesis that closes the one at `open`. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  return text.length;
}

/** A selector list split at its top-level commas. */
function splitList(list: string): string[] {
  return postcss.list.comma(list);
}

/** Properties the Nu HTML Checker rejects inside <style> (valid CSS it does not know). */
const UNKNOWN_TO_NU =
  /^(?:position-anchor|position-area|position-try(?:-fallbacks)?|anchor-name|margin-trim|container-type)$/;

/** Whether an at-rule's condition names what the Nu HTML Checker rejects. */
const NU_CONDITION = /position-area|position-anchor|anchor-name|margin-trim|container-type|anchor-center/;

function keepIn(container: Container, page: PageTokens): void {
  for (const node of [...(container.nodes ?? [])] as ChildNode[]) {
    if (node.type === 'rule') {
      const rule = node;
      // Keyframe steps (from, to, 50%) are not selectors.
      if ((rule.parent as AtRule | undefined)?.name?.endsWith('keyframes')) continue;
      const selectors = rule.selectors.filter((s) => selectorMayMatch(s, page));
      if (selectors.length === 0) {
        rule.remove();
        continue;
      }
      // Each selector of a list acts as a rule of its own in the same place, so one that matches
      // nothing laid out can go; the whole stylesheet brings it back in the same order.
      if (selectors.length < rule.selectors.length) rule.selector = selectors.join();
      rule.walkDecls((d) => {
        if (UNKNOWN_TO_NU.test(d.prop) || /anchor-center|anchor\(/.test(d.value)) d.remove();
      });
      if (rule.nodes.length === 0) rule.remove();
    } else if (node.type === 'atrule') {
      const at = node;
      if (at.name === 'property') {
        at.remove();
      } else if (at.name === 'media' && /\bprint\b/.test(at.params) && !/\bscreen\b|\ball\b/.test(at.params)) {
        at.remove();
      } else if (at.name === 'supports' && NU_CONDITION.test(at.params)) {
        // Tailwind's fallback for browsers without @property: state it unconditionally instead.
        if (at.parent?.type === 'atrule' && (at.parent as AtRule).params === 'properties')
          at.replaceWith(at.nodes ?? []);
        else at.remove();
      } else if (at.nodes) {
        keepIn(at, page);
        if (at.nodes.length === 0 && at.name !== 'layer') at.remove();
      }
    }
  }
}

/** The rules of `css` that `html` needs for what it lays out at load, free of what Nu rejects. */
export function criticalCss(css: string, html: string): string {
  const root: Root = postcss.parse(css);
  keepIn(root, pageTokens(html));
  return root.toString();
}
