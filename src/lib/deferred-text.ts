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
import type { Element } from 'hast';
import { deferredLayoutClass, measureHtml, type TextMeasure } from './deferred-layout';

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

/** Paragraphs in runs of about RUN_CHARS; a short tail joins the run before it. */
function runsOf(series: { block: Element; chars: number }[]): Element[][] {
  const runs: { blocks: Element[]; chars: number }[] = [];
  let run = { blocks: [] as Element[], chars: 0 };
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
  const tree = fromHtml(html, { fragment: true });
  const blocks = tree.children.filter((c): c is Element => c.type === 'element');
  if (blocks.some((b) => !b.position)) return html;
  const start = (el: Element) => el.position!.start.offset!;
  const end = (el: Element) => el.position!.end.offset!;
  // Series of consecutive paragraphs.
  const series: { block: Element; chars: number }[][] = [[]];
  for (const block of blocks) {
    if (RUN_TAGS.has(block.tagName))
      series.at(-1)!.push({ block, chars: measureHtml(html.slice(start(block), end(block))).chars });
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
