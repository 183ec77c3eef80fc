/**
 * "Did you mean …?" for ids and keys typed by hand: the closest known one by edit distance
 * (fastest-levenshtein), when it is close enough to be a typo rather than another name.
 */
import { closest, distance } from 'fastest-levenshtein';

/** The known value `word` was most likely meant to be, or undefined when none is close. */
export function didYouMean(word: string, known: Iterable<string>): string | undefined {
  const candidates = [...known].filter((k) => k !== word);
  if (!word || candidates.length === 0) return undefined;
  const best = closest(word, candidates);
  // A typo changes a few characters: up to a third of the word, and at least two.
  const allowed = Math.max(2, Math.floor(Math.max(word.length, best.length) / 3));
  return distance(word, best) <= allowed ? best : undefined;
}

/** ` Did you mean "x"?`, or nothing; for the end of a message. */
export function suggestion(word: string, known: Iterable<string>): string {
  const best = didYouMean(word, known);
  return best === undefined ? '' : ` Did you mean "${best}"?`;
}
