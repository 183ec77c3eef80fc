/**
 * The raw text of a news article, as paragraphs and quotations with their offsets. Nothing here
 * changes a word: drafting only ever wraps spans of these strings in marks.
 */

/** A span of one paragraph, by offsets into its text (end exclusive). */
export interface Span {
  start: number;
  end: number;
}

/** A quotation inside one paragraph. */
export interface Quotation extends Span {
  /** True when it goes on from the previous paragraph (the opening mark repeated, or none). */
  continued: boolean;
  /** True when it goes on into the next paragraph. */
  continues: boolean;
}

/**
 * Paragraphs of a plain-text article. Text with blank lines is split there (a wrapped line
 * inside a paragraph becomes a space); text without blank lines has one paragraph a line.
 */
export function splitParagraphs(raw: string): string[] {
  const text = raw.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const blocks = /\n[ \t]*\n/.test(text)
    ? text.split(/\n[ \t]*\n/).map((b) => b.replace(/\s*\n\s*/g, ' '))
    : text.split('\n');
  return blocks.map((b) => b.replace(/[ \t]+/g, ' ').trim()).filter(Boolean);
}

/**
 * A byline standing as the first paragraph ("By Jane Doe and John Roe"): who wrote the article,
 * not its text. Returned apart, with the paragraphs after it.
 */
export function splitByline(paragraphs: readonly string[]): { byline: string | undefined; paragraphs: string[] } {
  const m = /^By\s+(\p{Lu}[^.!?:;"“”]{1,100})$/u.exec(paragraphs[0] ?? '');
  return m && m[1]!.split(/\s+/).length <= 12
    ? { byline: m[1]!.trim(), paragraphs: paragraphs.slice(1) }
    : { byline: undefined, paragraphs: [...paragraphs] };
}

type Style = 'double' | 'single';
type Role = 'open' | 'close' | 'either';

const letter = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
/** What may stand before an opening mark: the paragraph's start, a space, a bracket or a dash. */
const beforeOpening = (ch: string | undefined) => ch === undefined || /[\s([{\u2013\u2014-]/.test(ch);

/**
 * What a quotation mark at `i` can be. A single mark is also the apostrophe, so it counts only
 * by its neighbours: one that opens stands after a space and before a word (‘Yes, '90s are…),
 * one that closes stands after the words and before a space, punctuation or the end; inside a
 * word (council's, Prime Minister’s) it is an apostrophe.
 */
function markAt(text: string, i: number): { style: Style; role: Role } | undefined {
  const c = text[i];
  const prev = text[i - 1];
  const next = text[i + 1];
  if (c === '“') return { style: 'double', role: 'open' };
  if (c === '”') return { style: 'double', role: 'close' };
  if (c === '"') return { style: 'double', role: 'either' };
  if (c !== '‘' && c !== '’' && c !== "'") return undefined;
  if (letter(prev) && letter(next)) return undefined;
  if (beforeOpening(prev) && next !== undefined && !/\s/.test(next))
    return c === '’' && /\d/.test(next) ? undefined : { style: 'single', role: 'open' };
  if (c !== '‘' && prev !== undefined && !/\s/.test(prev) && !letter(next)) return { style: 'single', role: 'close' };
  return undefined;
}

/**
 * Quotations in each paragraph, in double (“…”, "…") or single (‘…’, '…') marks; marks of the
 * other style inside a quotation are nested and belong to it. A quotation left open at the end
 * of a paragraph runs on into the next, where news style repeats the opening mark; the same
 * repeated mark inside a paragraph (paragraphs run together) starts a fresh part of it.
 */
export function findQuotations(paragraphs: readonly string[]): Quotation[][] {
  let open: Style | undefined;
  return paragraphs.map((text) => {
    const out: Quotation[] = [];
    let start = 0;
    let continued = open !== undefined;
    // A paragraph that repeats the opening mark starts a fresh part of the same quotation.
    const first = markAt(text, 0);
    if (open && first?.style === open && first.role !== 'close') open = undefined;
    for (let i = 0; i < text.length; i++) {
      const m = markAt(text, i);
      if (!m) continue;
      if (!open) {
        if (m.role !== 'close') {
          open = m.style;
          start = i;
        }
      } else if (m.style === open) {
        if (m.role === 'open' && m.style === 'single' && i > start + 1) {
          // 'One. 'Two.' — the opening mark again: the first part ends before it.
          out.push({ start, end: text.slice(0, i).trimEnd().length, continued, continues: true });
          start = i;
          continued = true;
        } else if (m.role !== 'open' || (m.style === 'double' && text[i] === '"')) {
          out.push({ start, end: i + 1, continued, continues: false });
          open = undefined;
          continued = false;
        }
      }
    }
    if (open) out.push({ start, end: text.length, continued, continues: true });
    return out;
  });
}

/** True when `at` lies inside one of the spans. */
export const inside = (spans: readonly Span[], at: number): boolean => spans.some((s) => at >= s.start && at < s.end);

/**
 * Escapes what Markdown (with directives and GFM) would read as syntax, so the page shows the
 * characters as written: emphasis, links, code, raw HTML, entities, `:name` marks, and block
 * starts such as `# `, `> `, `- ` or `1984. ` at the start of a paragraph.
 */
export function escapeMarkdown(text: string, atBlockStart = false): string {
  let out = text
    .replace(/([\\`*_[\]<>|~])/g, '\\$1')
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/:(?=[\p{L}\p{N}])/gu, '\\:')
    .replace(/!(?=\\\[)/g, '\\!');
  if (atBlockStart) out = out.replace(/^([#+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
  return out;
}
