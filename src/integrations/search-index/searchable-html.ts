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

const classes = (attribs: Record<string, string>) => (attribs['class'] ?? '').split(/\s+/);

/** A claim's mark in an article: class "claim" and the id "claim-<id>" that links point at. */
const claimOf = (attribs: Record<string, string>): string | undefined =>
  classes(attribs).includes('claim') ? /^claim-(.+)$/.exec(attribs['id'] ?? '')?.[1] : undefined;

/** A claim's card: class "claim-card" and the id "card-<id>" its badge opens (claimCardId). */
const cardOf = (attribs: Record<string, string>): string | undefined =>
  classes(attribs).includes('claim-card') ? /^card-(.+)$/.exec(attribs['id'] ?? '')?.[1] : undefined;

/** The sub-result title of a claim: its words, clipped. */
export const claimResultTitle = (words: string): string => `Claim: ${clipText(words, 90)}`;

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** What Pagefind reads of a page: the page with its edits. */
export const searchableHtml = (html: string): string => applyEdits(html, searchableEdits(html));

/**
 * The edits that make a page searchable, in page order. They depend on nothing but the page, so
 * a build may keep them for a page whose bytes do not change (../search-index).
 */
export function searchableEdits(html: string): Edit[] {
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
  const parser: Parser = new Parser(
    {
      onopentag(name, attribs) {
        // Right after the tag name, whatever attributes follow.
        const at = parser.startIndex + 1 + name.length;
        const ignored = attribs['data-pagefind-ignore'] !== undefined;
        const address = bibliography !== undefined && name === 'a' && /^https?:/i.test(attribs['href'] ?? '');
        if (!ignored && (name === 'button' || address || classes(attribs).includes('sr-only')))
          insert(at, ' data-pagefind-ignore');
        if (VOID.has(name)) {
          if (name === 'br') insert(parser.endIndex + 1, ' ');
          return;
        }
        depth++;
        if (bibliography === undefined && classes(attribs).includes('bibliography')) bibliography = depth;
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
      },
      onclosetag(name, implied) {
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
  parser.end(html);
  for (const c of cards)
    insert(c.at, ` data-pagefind-title="${escapeAttr(claimResultTitle(words.get(c.id) ?? c.id))}"`);
  return inPageOrder(edits);
}
