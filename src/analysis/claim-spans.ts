/**
 * Where each claim mark and its enclosing block sit in an article's text content.
 */
import type { Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { PROSE_BLOCKS } from '../lib/html-blocks';

export interface Span {
  start: number;
  end: number;
  blockStart: number;
  blockEnd: number;
}

/** textContent of the HTML, and where each claim mark and its enclosing block sit in it. */
export const textWithSpans = (html: string) => spansOf(fromHtml(html, { fragment: true }));

/** As textWithSpans, over a tree (the Markdown pipeline's, or a parsed page). */
export function spansOf(tree: Root): { text: string; spans: Map<string, Span> } {
  let text = '';
  const spans = new Map<string, Span>();
  const pending: { id: string; start: number; end: number; block: { start: number; end: number } | undefined }[] = [];
  const walk = (node: Root | RootContent, block: { start: number; end: number } | undefined) => {
    if (node.type === 'text') {
      text += node.value;
      return;
    }
    if (node.type !== 'root' && node.type !== 'element') return;
    const el = node.type === 'element' ? node : undefined;
    const own = el && PROSE_BLOCKS.has(el.tagName) ? { start: text.length, end: -1 } : undefined;
    const start = text.length;
    for (const child of node.children) walk(child, own ?? block);
    if (own) own.end = text.length;
    const id = el?.properties['id'];
    if (el?.tagName === 'mark' && typeof id === 'string' && id.startsWith('claim-')) {
      pending.push({ id, start, end: text.length, block });
    }
  };
  walk(tree, undefined);
  for (const p of pending) {
    spans.set(p.id, {
      start: p.start,
      end: p.end,
      blockStart: p.block?.start ?? 0,
      blockEnd: p.block && p.block.end >= 0 ? p.block.end : text.length,
    });
  }
  return { text, spans };
}
