/** Replace html[start, end) by text; offsets are into the page as read. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * `html` between `from` and `to` with `edits` applied. The edits must lie inside that range, not
 * overlap, and come in page order (sort them by start first; a stable sort keeps insertions at
 * one offset in the order they were made).
 */
export function applyEdits(html: string, edits: readonly Edit[], from = 0, to = html.length): string {
  let out = '';
  let at = from;
  for (const e of edits) {
    out += html.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + html.slice(at, to);
}

/** Edits in page order. */
export const inPageOrder = (edits: Edit[]): Edit[] => edits.sort((a, b) => a.start - b.start);
