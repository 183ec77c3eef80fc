/**
 * What Pagefind reads of a built page, rewritten so its results read as the page does. The
 * served page is unchanged; only the copy handed to the indexer differs:
 *
 * - Pagefind runs the text of adjacent term/definition pairs, cells and summaries together
 *   ("KindOrganisation"); a space after each block keeps the words apart.
 * - Screen-reader-only text ("Mention of TASS:") and buttons are not words a reader sees in
 *   the text, so they stay out of excerpts. So do the addresses a bibliography links
 *   ("tass.com"): an excerpt of domains tells a searcher nothing; its headlines and outlets stay.
 * - Each claim starts a sub-result (an element with an id and data-pagefind-title does), so a
 *   match inside a claim links to the claim rather than to the top of the page. A claim's card
 *   (its note and evidence, a popover after the text) is indexed under the claim's id, so a
 *   match in the note also leads to the claim.
 *
 * One streaming pass with htmlparser2 and offset edits: no tree is built, which matters at
 * thousands of pages.
 */
import { Parser } from 'htmlparser2';
import { PROSE_BLOCKS } from '../../lib/html-blocks';
import { applyEdits, inPageOrder, type Edit } from '../../lib/html-edits';
import { clipText } from '../../lib/text';

/** Elements whose end separates words, beyond the prose blocks. */
const SEPARATED: ReadonlySet<string> = new Set([
  ...PROSE_BLOCKS,
  'summary',
  'caption',
  'legend',
  'label',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'nav',
  'details',
  'figure',
  'table',
  'tr',
  'dl',
  'ul',
  'ol',
]);

const VOID: ReadonlySet<string> = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/** Whether the element's class list holds `name`; found in place, as splitting every tag's list was a tenth of the step. */
function hasClass(attribs: Record<string, string>, name: string): boolean {
  const list = attribs['class'];
  if (list === undefined) return false;
  for (let at = list.indexOf(name); at !== -1; at = list.indexOf(name, at + 1)) {
    const end = at + name.length;
    if ((at === 0 || /\s/.test(list[at - 1]!)) && (end === list.length || /\s/.test(list[end]!))) return true;
  }
  return false;
}

/** A claim's mark in an article: class "claim" and the id "claim-<id>" that links point at. */
const claimOf = (attribs: Record<string, string>): string | undefined =>
  hasClass(attribs, 'claim') ? /^claim-(.+)$/.exec(attribs['id'] ?? '')?.[1] : undefined;

/** A claim's card: class "claim-card" and the id "card-<id>" its badge opens (claimCardId). */
const cardOf = (attribs: Record<string, string>): string | undefined =>
  hasClass(attribs, 'claim-card') ? /^card-(.+)$/.exec(attribs['id'] ?? '')?.[1] : undefined;

/** The sub-result title of a claim: its words, clipped. */
export const claimResultTitle = (words: string): string => `Claim: ${clipText(words, 90)}`;

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * Elements whose content htmlparser2 and Pagefind's parser (lol_html) may read differently (raw
 * text in one, markup in the other): a page with one is sent whole.
 */
const RAW_ELSEWHERE: ReadonlySet<string> = new Set(['iframe', 'noembed', 'noframes', 'noscript', 'plaintext', 'xmp']);

/** Attributes Pagefind reads of an element that has no data-pagefind-* attribute, beyond its id. */
const READ_ATTRIBUTES: Readonly<Record<string, ReadonlySet<string>>> = {
  html: new Set(['lang']),
  img: new Set(['src', 'alt']),
  script: new Set(['src']),
  link: new Set(['href']),
};

/** What Pagefind reads of a page: the whole page with its edits. */
export const searchableHtml = (html: string): string => applyEdits(html, searchableEdits(html));

/**
 * The same as searchableHtml for Pagefind, and smaller: what Pagefind ignores is left out, as
 * each page's copy is JSON-encoded and base64-encoded on this thread to reach Pagefind's process.
 * See searchableEdits with `lean`.
 */
export const searchablePage = (html: string): string => applyEdits(html, searchableEdits(html, { lean: true }));

/** No edits, shared (never added to). */
const NONE: Edit[] = [];

/** Edits in page order; an insertion comes before a deletion that starts where it is. */
const ordered = (edits: Edit[]): Edit[] =>
  edits.sort((a, b) => a.start - b.start || Number(a.end > a.start) - Number(b.end > b.start));

/**
 * The edits that make a page searchable, in page order. They depend on nothing but the page.
 *
 * With `lean`, they also cut what Pagefind's parser never uses, when the page has an element
 * marked data-pagefind-body (Pagefind then indexes only those), so Pagefind builds the same
 * index from the smaller copy (a test compares the two indexes file by file):
 *
 * - outside the marked elements, everything but the elements Pagefind reads there (`<html lang>`,
 *   `<title>` and `<h1>` for the title, `<img>` for the image, anything with a data-pagefind-*
 *   attribute, scripts and stylesheet links that name Pagefind) and the elements that hold those, with the
 *   text directly inside those, which Pagefind keeps once a marked element has closed;
 * - the content of elements marked data-pagefind-ignore="all", which Pagefind drops whole;
 * - attributes Pagefind does not read (class, href, aria-*, …) of elements with no
 *   data-pagefind-* attribute: it reads ids (sub-results), `lang`, an image's `src` and `alt`.
 *
 * A page whose tree htmlparser2 had to mend (an end tag left out, an end tag with no start, a
 * form in a form) or that holds an element the two parsers may read differently is sent whole.
 */
export function searchableEdits(html: string, { lean = false }: { lean?: boolean } = {}): Edit[] {
  const edits: Edit[] = [];
  const insert = (at: number, text: string) => edits.push({ start: at, end: at, text });
  /** Open claim marks: where their title goes, the depth they opened at and their words so far. */
  const open: { id: string; at: number; depth: number; words: string }[] = [];
  const words = new Map<string, string>();
  /** Cards seen before their claim's words were known (none in our pages, but order is not promised). */
  const cards: { id: string; at: number }[] = [];
  let depth = 0;
  /** The depth a bibliography opened at, while inside one. */
  let bibliography: number | undefined;

  // What `lean` cuts, in page order, and what it needs to know.
  const cuts: Edit[] = [];
  /** Everything before this offset is settled: kept or cut. */
  let settled = 0;
  const cutTo = (at: number) => {
    if (at > settled) cuts.push({ start: settled, end: at, text: '' });
    settled = Math.max(settled, at);
  };
  /** The open elements (not void ones), innermost last. */
  const stack: {
    name: string;
    /** Its start tag: kept if it holds something Pagefind reads, with its attribute cuts. */
    tag: { start: number; end: number; cuts: Edit[] };
    selfClosing: boolean;
    /** Kept: an element whose whole content is kept, or one that holds something kept. */
    kept: boolean;
    /** The root of a subtree kept whole. */
    whole: boolean;
    /** Marked data-pagefind-ignore="all": its content is cut. */
    excluded: boolean;
  }[] = [];
  /** The depth of the subtree kept whole (a marked element, or one Pagefind reads outside them). */
  let wholeDepth = 0;
  let excludedDepth = 0;
  let marked = false;
  /** Set when the page must go whole. */
  let sendWhole = !lean;
  // Of the start tag being read: the attributes Pagefind reads of it, where the last one ended,
  // whether it has a data-pagefind-* attribute, and its other attributes, each with its space.
  let readAttributes: ReadonlySet<string> | undefined;
  let attributeEnd = 0;
  let pagefindAttribute = false;
  let attributeCuts: Edit[] = NONE;
  /** Keeps the start tags of the kept element's ancestors not kept yet, outermost first. */
  const keepAncestors = () => {
    for (const e of stack) {
      if (e.kept) continue;
      e.kept = true;
      cutTo(e.tag.start);
      cuts.push(...e.tag.cuts);
      settled = e.tag.end;
    }
  };

  const parser: Parser = new Parser(
    {
      onopentagname(name) {
        if (sendWhole) return;
        readAttributes = READ_ATTRIBUTES[name];
        attributeEnd = parser.startIndex + 1 + name.length;
        pagefindAttribute = false;
        attributeCuts = NONE;
      },
      onattribute(name) {
        if (sendWhole) return;
        const from = attributeEnd;
        attributeEnd = parser.endIndex;
        if (name.startsWith('data-pagefind-')) pagefindAttribute = true;
        else if (name !== 'id' && !readAttributes?.has(name)) {
          const last = attributeCuts.at(-1);
          if (last?.end === from) last.end = attributeEnd;
          else if (attributeCuts === NONE) attributeCuts = [{ start: from, end: attributeEnd, text: '' }];
          else attributeCuts.push({ start: from, end: attributeEnd, text: '' });
        }
      },
      onopentag(name, attribs, implied) {
        // Right after the tag name, whatever attributes follow.
        const at = parser.startIndex + 1 + name.length;
        if (!sendWhole) leanOpen(name, attribs, implied);
        const ignored = attribs['data-pagefind-ignore'] !== undefined;
        const address = bibliography !== undefined && name === 'a' && /^https?:/i.test(attribs['href'] ?? '');
        if (!ignored && (name === 'button' || address || hasClass(attribs, 'sr-only')))
          insert(at, ' data-pagefind-ignore');
        if (VOID.has(name)) {
          if (name === 'br') insert(parser.endIndex + 1, ' ');
          return;
        }
        depth++;
        if (bibliography === undefined && hasClass(attribs, 'bibliography')) bibliography = depth;
        if (attribs['data-pagefind-title'] !== undefined) return;
        const claim = claimOf(attribs);
        if (claim) open.push({ id: claim, at, depth, words: '' });
        const card = cardOf(attribs);
        if (card) {
          // The card's id becomes its claim's, so the sub-result links to the claim in the text.
          const tag = html.slice(parser.startIndex, parser.endIndex + 1);
          const idAt = parser.startIndex + tag.search(/\sid\s*=\s*["']?card-/) + 1;
          const idEnd = idAt + /^id\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/.exec(html.slice(idAt))![0].length;
          edits.push({ start: idAt, end: idEnd, text: `id="claim-${escapeAttr(card)}"` });
          cards.push({ id: card, at });
        }
      },
      ontext(text) {
        for (const c of open) c.words += text;
        if (!sendWhole && wholeDepth === 0 && excludedDepth === 0 && stack.at(-1)?.kept) {
          // Text directly inside an element kept for what it holds: Pagefind keeps it once a
          // marked element inside has closed, so it stays.
          cutTo(parser.startIndex);
          settled = parser.endIndex + 1;
        }
      },
      onclosetag(name, implied) {
        if (!sendWhole) leanClose(name, implied);
        if (VOID.has(name)) return;
        const last = open.at(-1);
        if (last?.depth === depth) {
          open.pop();
          words.set(last.id, last.words);
          insert(last.at, ` data-pagefind-title="${escapeAttr(claimResultTitle(last.words))}"`);
        }
        if (bibliography === depth) bibliography = undefined;
        depth--;
        if (SEPARATED.has(name) && !implied) insert(parser.endIndex + 1, ' ');
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );

  /** What `lean` does at a start tag. */
  function leanOpen(name: string, attribs: Record<string, string>, implied: boolean) {
    // htmlparser2 drops a form inside a form, which Pagefind's parser keeps.
    if (implied || RAW_ELSEWHERE.has(name) || (name === 'form' && stack.some((e) => e.name === 'form'))) {
      sendWhole = true;
      return;
    }
    const start = parser.startIndex;
    const end = parser.endIndex + 1;
    // Attributes Pagefind does not read: all are kept where one is data-pagefind-*, as those
    // may name others (data-pagefind-index-attrs, "key[attribute]").
    const tagCuts = pagefindAttribute ? NONE : attributeCuts;
    const excluded = excludedDepth > 0;
    const isVoid = VOID.has(name);
    if (excluded) {
      // Inside content already cut.
    } else if (wholeDepth > 0) {
      for (const c of tagCuts) cuts.push(c);
    } else {
      const pagefindReads =
        pagefindAttribute ||
        name === 'html' ||
        name === 'title' ||
        name === 'h1' ||
        name === 'img' ||
        ((name === 'script' || name === 'link') && /pagefind/i.test(attribs['src'] ?? attribs['href'] ?? ''));
      if (pagefindReads) {
        keepAncestors();
        cutTo(start);
        cuts.push(...tagCuts);
        settled = end;
      }
      if (pagefindReads && !isVoid && name !== 'html') wholeDepth = stack.length + 1;
    }
    if (!excluded && pagefindAttribute && attribs['data-pagefind-body'] !== undefined) marked = true;
    if (isVoid) return;
    const excludes = !excluded && pagefindAttribute && attribs['data-pagefind-ignore']?.toLowerCase() === 'all';
    stack.push({
      name,
      tag: { start, end, cuts: tagCuts },
      selfClosing: html[end - 2] === '/',
      kept: excluded ? false : wholeDepth > 0 || name === 'html' || settled === end,
      whole: wholeDepth === stack.length + 1,
      excluded: excludes,
    });
    if (excludes) {
      excludedDepth = stack.length;
      settled = Math.max(settled, end);
    }
  }

  /** What `lean` does at an end tag (an element's, or a void one's, always implied). */
  function leanClose(name: string, implied: boolean) {
    if (VOID.has(name)) return;
    const e = stack.pop();
    if (!e || e.name !== name || (implied && !e.selfClosing)) {
      sendWhole = true;
      return;
    }
    const closeStart = implied ? e.tag.end : parser.startIndex;
    const closeEnd = implied ? e.tag.end : parser.endIndex + 1;
    if (e.excluded) {
      cutTo(closeStart);
      excludedDepth = 0;
    }
    if (excludedDepth > 0 || !e.kept) return;
    if (wholeDepth === 0) cutTo(closeStart);
    settled = Math.max(settled, closeEnd);
    if (e.whole) wholeDepth = 0;
  }

  parser.end(html);
  for (const c of cards)
    insert(c.at, ` data-pagefind-title="${escapeAttr(claimResultTitle(words.get(c.id) ?? c.id))}"`);
  if (sendWhole || !marked) return inPageOrder(edits);
  cutTo(html.length);
  return ordered([...outside(inPageOrder(edits), inPageOrder(cuts)), ...cuts]);
}

/**
 * The edits not inside a cut (both in page order, cuts not overlapping): an insertion where a
 * cut starts or ends stays, as it belongs to what is kept beside the cut.
 */
function outside(edits: Edit[], cuts: Edit[]): Edit[] {
  const kept: Edit[] = [];
  let i = 0;
  for (const e of edits) {
    while (i < cuts.length && cuts[i]!.end <= e.start) i++;
    const c = cuts[i];
    const inside =
      c !== undefined &&
      (e.end > e.start ? e.start >= c.start && e.end <= c.end : e.start > c.start && e.start < c.end);
    if (!inside) kept.push(e);
  }
  return kept;
}
