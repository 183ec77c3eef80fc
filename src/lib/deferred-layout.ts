/**
 * Long lists below an article's text (bibliography, Sources, corrections) are laid out only when
 * they near the screen (`content-visibility: auto`), which takes most of the page's layout off the
 * first load. Until then the browser sizes each by a placeholder, so the placeholder must be at
 * least the list's real height: a shorter one lets the unlaid content overlap what follows (in
 * geometry, which accessibility checkers read). The estimate is an upper bound for the narrowest
 * screen the site supports (320 px), rounded up to a band; global.css holds one rule per band
 * (`.defer-h-<px>`), because the CSP allows no style attributes.
 */

/** Placeholder heights in px, about 1.2× apart; one `.defer-h-<px>` rule each in src/styles/global.css. */
export const PLACEHOLDER_BANDS = [
  1000, 1200, 1400, 1700, 2000, 2400, 2900, 3500, 4200, 5000, 6000, 7200, 8600, 10000, 12000, 14000, 17000, 20000,
  24000, 29000, 35000,
] as const;

// At 320 px the column is 288 px wide. The largest text below the article is 18 px serif on
// 32 px lines (prose-lg), about 35 characters a line; 28 leaves room for words and links that
// do not break. Each block adds its own height beyond its characters: an item or paragraph its
// last, partial line and margin; a heading more; a list or box its padding, borders and margin;
// a dt or dd one more row of a grid.
const LINE_PX = 32;
const CHARS_PER_LINE = 28;
const BLOCK_PX = { item: 48, heading: 64, box: 24, row: 16 } as const;

export interface TextMeasure {
  /** Characters of text. */
  chars: number;
  /** Block elements of each kind. */
  blocks: Record<keyof typeof BLOCK_PX, number>;
}

/** An upper bound on the height in px of this much text at 320 px. */
export function estimateHeight({ chars, blocks }: TextMeasure): number {
  const kinds = Object.keys(BLOCK_PX) as (keyof typeof BLOCK_PX)[];
  return Math.ceil(chars / CHARS_PER_LINE) * LINE_PX + kinds.reduce((sum, k) => sum + blocks[k] * BLOCK_PX[k], 0);
}

/** Lists estimated shorter than this are laid out as usual: too little work to be worth a placeholder. */
export const MIN_DEFERRED_PX = 800;

/**
 * The classes that defer a list's layout, or undefined when it is short (under MIN_DEFERRED_PX)
 * or taller than the largest band (a placeholder that is too short would be worse than none).
 */
export function deferredLayoutClass(measure: TextMeasure, kind = 'defer-layout'): string | undefined {
  const height = estimateHeight(measure);
  if (height < MIN_DEFERRED_PX) return undefined;
  const band = PLACEHOLDER_BANDS.find((b) => b >= height);
  return band === undefined ? undefined : `${kind} defer-h-${band}`;
}

const BLOCK_TAGS: Record<keyof typeof BLOCK_PX, RegExp> = {
  item: /<(?:li|p|div|tr|blockquote|figure)[\s>]/gi,
  heading: /<h[1-6][\s>]/gi,
  box: /<(?:section|aside|ul|ol|dl|details)[\s>]/gi,
  row: /<(?:dt|dd)[\s>]/gi,
};

/** How many characters of text rendered HTML shows: tags and comments left out, whitespace collapsed. */
export function textChars(html: string): number {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)[\s>][\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:#\d+|#x[\da-f]+|\w+);/gi, 'x')
    .replace(/\s+/g, ' ')
    .trim().length;
}

/** Text and block count of rendered HTML, tags and comments left out. */
export function measureHtml(html: string): TextMeasure {
  const count = (re: RegExp) => html.match(re)?.length ?? 0;
  return {
    chars: textChars(html),
    blocks: {
      item: count(BLOCK_TAGS.item),
      heading: count(BLOCK_TAGS.heading),
      box: count(BLOCK_TAGS.box),
      row: count(BLOCK_TAGS.row),
    },
  };
}

/** Block kind of each tag BLOCK_TAGS counts. */
const BLOCK_OF = new Map<string, keyof typeof BLOCK_PX>(
  Object.entries({
    item: ['li', 'p', 'div', 'tr', 'blockquote', 'figure'],
    heading: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
    box: ['section', 'aside', 'ul', 'ol', 'dl', 'details'],
    row: ['dt', 'dd'],
  }).flatMap(([kind, tags]) => tags.map((tag) => [tag, kind as keyof typeof BLOCK_PX] as const)),
);
/** Elements whose text hast-util-to-html writes unescaped or from elsewhere: measured from HTML. */
const HTML_ONLY = new Set(['script', 'style', 'template']);
/** An attribute value with these could look like a tag to measureHtml. */
const TAG_LIKE = /[<>]/;

/** A hast node, as far as measureTree reads it. */
interface HastLike {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastLike[];
}

/**
 * `measureHtml(toHtml(node))` without writing the HTML: hast-util-to-html escapes only `<` and `&`
 * in text, each to one reference, which measureHtml counts as one character, so the characters
 * are the text's own; the blocks are the elements of BLOCK_TAGS' names, `node` included. A tree
 * this cannot read so (comments, raw HTML, scripts, an attribute holding `<` or `>`) is measured
 * from its HTML, by `toHtml`.
 */
export function measureTree(node: HastLike, toHtml: (node: never) => string): TextMeasure {
  const blocks: TextMeasure['blocks'] = { item: 0, heading: 0, box: 0, row: 0 };
  const texts: string[] = [];
  const read = (n: HastLike): boolean => {
    if (n.type === 'text') {
      texts.push(n.value ?? '');
      return true;
    }
    if (n.type === 'element') {
      const tag = (n.tagName ?? '').toLowerCase();
      if (HTML_ONLY.has(tag)) return false;
      for (const value of Object.values(n.properties ?? {})) {
        if (
          typeof value === 'string'
            ? TAG_LIKE.test(value)
            : Array.isArray(value) && value.some((v) => TAG_LIKE.test(String(v)))
        )
          return false;
      }
      const kind = BLOCK_OF.get(tag);
      if (kind) blocks[kind]++;
    } else if (n.type !== 'root') return false;
    for (const child of n.children ?? []) if (!read(child)) return false;
    return true;
  };
  if (!read(node)) return measureHtml(toHtml(node as never));
  return { chars: texts.join('').replace(/\s+/g, ' ').trim().length, blocks };
}
