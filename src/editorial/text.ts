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
 * Quotations in each paragraph, in curly (“…”) or straight ("…") marks. A quotation left open at
 * the end of a paragraph runs on into the next, where news style repeats the opening mark.
 */
export function findQuotations(paragraphs: readonly string[]): Quotation[][] {
  let open = false;
  return paragraphs.map((text) => {
    const out: Quotation[] = [];
    let start = 0;
    let continued = open;
    // A paragraph that repeats the opening mark starts a fresh part of the same quotation.
    if (open && (text.startsWith('“') || text.startsWith('"'))) open = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      const opens = c === '“' || (c === '"' && !open);
      const closes = c === '”' || (c === '"' && open);
      if (opens && !open) {
        open = true;
        start = i;
      } else if (closes && open) {
        out.push({ start, end: i + 1, continued, continues: false });
        open = false;
        continued = false;
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
