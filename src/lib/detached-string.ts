/**
 * A copy of a string that holds no reference to the text it was cut from.
 *
 * V8 represents a slice of a longer string as a view into it, so a short id or link read from a
 * page keeps the whole page's HTML in memory for as long as the slice lives. The end-of-build
 * checks keep a few strings from each of tens of thousands of pages; held as views, they kept
 * every page (over a gigabyte at 1,000 articles; docs/performance.md).
 */
export function detached(s: string): string {
  // V8 copies slices shorter than 13 characters anyway; structuredClone always makes a new string.
  return s.length < 13 ? s : structuredClone(s);
}
