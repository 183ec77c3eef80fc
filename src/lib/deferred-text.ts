/**
 * The article's text in runs of paragraphs that narrow screens lay out only
 * when they near the screen (`.defer-text`, src/styles/global.css). On a phone the text starts
 * well below the first screen, and its marks and markers were most of the load's style and layout
 * work (docs/performance.md, session 10). Wide screens lay it out at once: their margin notes
 * float out of the text column, which the containment of `content-visibility` would clip.
 *
 * The HTML is cut only between top-level blocks and otherwise passed through byte for byte.
 */
import { fromHtml } from 'hast-util-from-html';
import { Parser } from 'htmlparser2';
import { deferredLayoutClass, measureHtml, textChars, type TextMeasure } from './deferred-layout';

/** A run is closed once it has this many characters, so each lays out separately as it nears. */
export const RUN_CHARS = 900;
/** Blocks a run may hold: paragraphs, so their margins are the same at every cut. */
const RUN_TAGS = new Set(['p']);

/**
 * Width the text's words do not count, drawn by CSS on narrow screens: each marker's words
 * (`data-chip` on `button.badge`; the margin notes are hidden there) with its icon, and each added
 * date (`data-resolved`). A marker never wraps and holds the claim's last word, so the line before
 * it may end early: that slack is counted too.
 */
const ICON_CHARS = 4;
const HELD_SLACK_CHARS = 12;
function drawnChars(html: string): number {
  let chars = 0;
  for (const m of html.matchAll(/<button class="badge"[^>]*?\sdata-chip="([^"]*)"/g))
    chars += m[1]!.length + ICON_CHARS + HELD_SLACK_CHARS;
  for (const m of html.matchAll(/\sdata-resolved="([^"]*)"/g)) chars += m[1]!.length + ICON_CHARS;
  return chars;
}

/** The measure of a run: its text, and what CSS draws in it. */
function runMeasure(html: string): TextMeasure {
  const text = measureHtml(html);
  return { ...text, chars: text.chars + drawnChars(html) };
}

/** A top-level element of the HTML: its tag and where it starts and ends. */
interface Block {
  tagName: string;
  start: number;
  end: number;
}

/**
 * The top-level elements, found with htmlparser2's tokenizer: this runs once per article page,
 * where a parse5 tree of the whole text cost three to four times as much (docs/performance.md,
 * session 10). Undefined when the offsets do not check out (a tag closed implicitly, a stray end
 * tag), so the caller parses properly.
 */
function tokenizedBlocks(html: string): Block[] | undefined {
  const blocks: Block[] = [];
  let depth = 0;
  let open: Block | undefined;
  let sound = true;
  const parser = new Parser({
    onopentag(name) {
      if (depth++ === 0) open = { tagName: name, start: parser.startIndex, end: -1 };
    },
    onclosetag(name, implied) {
      if (--depth < 0) sound = false;
      if (depth !== 0 || !open) return;
      open.end = parser.endIndex + 1;
      const closing = html.slice(open.end - name.length - 3, open.end).toLowerCase();
      if (implied || closing !== `</${name}>`) sound = false;
      blocks.push(open);
      open = undefined;
    },
  });
  parser.end(html);
  return sound && depth === 0 ? blocks : undefined;
}

/** The top-level elements as parse5 finds them; undefined when one has no position. */
function parsedBlocks(html: string): Block[] | undefined {
  const blocks: Block[] = [];
  for (const child of fromHtml(html, { fragment: true }).children) {
    if (child.type !== 'element') continue;
    const { start, end } = child.position ?? {};
    if (start?.offset === undefined || end?.offset === undefined) return undefined;
    blocks.push({ tagName: child.tagName, start: start.offset, end: end.offset });
  }
  return blocks;
}

/** Paragraphs in runs of about RUN_CHARS; a short tail joins the run before it. */
function runsOf(series: { block: Block; chars: number }[]): Block[][] {
  const runs: { blocks: Block[]; chars: number }[] = [];
  let run = { blocks: [] as Block[], chars: 0 };
  for (const { block, chars } of series) {
    run.blocks.push(block);
    run.chars += chars;
    if (run.chars >= RUN_CHARS) {
      runs.push(run);
      run = { blocks: [], chars: 0 };
    }
  }
  const previous = runs.at(-1);
  if (run.blocks.length && previous && run.chars < RUN_CHARS / 2) previous.blocks.push(...run.blocks);
  else if (run.blocks.length) runs.push(run);
  return runs.map((r) => r.blocks);
}

/**
 * `html` (the article's rendered body) with its runs of paragraphs each wrapped in
 * `<div class="defer-text defer-h-…">`. Anything else at the top level (a heading, a list, the
 * bibliography) ends a run and stays as it is; a run too short to be worth it stays unwrapped.
 */
export function deferText(html: string): string {
  const blocks = tokenizedBlocks(html) ?? parsedBlocks(html);
  if (!blocks) return html;
  const start = (block: Block) => block.start;
  const end = (block: Block) => block.end;
  // Series of consecutive paragraphs.
  const series: { block: Block; chars: number }[][] = [[]];
  for (const block of blocks) {
    if (RUN_TAGS.has(block.tagName))
      // The characters alone: a paragraph's block counts are not needed (runMeasure counts the run's).
      series.at(-1)!.push({ block, chars: textChars(html.slice(start(block), end(block))) });
    else series.push([]);
  }
  let out = '';
  let at = 0;
  for (const run of series.flatMap(runsOf)) {
    const first = run[0]!;
    const last = run.at(-1)!;
    const inner = html.slice(start(first), end(last));
    const classes = deferredLayoutClass(runMeasure(inner), 'defer-text');
    if (!classes) continue;
    out += `${html.slice(at, start(first))}<div class="${classes}">${inner}</div>`;
    at = end(last);
  }
  return out + html.slice(at);
}
