/**
 * Plain-text helpers shared by link previews and preview images.
 */

/** `s` on one line, cut at a word boundary to at most `max` characters, with an ellipsis. */
export const clipText = (s: string, max: number): string => {
  const t = s.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
};

/** A value from content as it reads in a message: a string as it is, nothing as '', anything else as JSON. */
export const shown = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : JSON.stringify(v));
