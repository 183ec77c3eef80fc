/**
 * How far V8 lets the build's heap grow past what it found live at its last full collection.
 * Left to itself V8 picks the factor from how fast the program allocates against how fast it
 * collects, between 1.1 and 4, so the same 1,000-article build peaked anywhere from 1.3 to
 * 1.8 GiB depending on timing (docs/performance.md, "Memory, sixth pass"). A fixed factor makes
 * the peak follow what is live. The flag cannot go in NODE_OPTIONS (Node refuses it there), so
 * the build sets it at run time; it is process-wide, so worker threads started later have it too.
 */
import { setFlagsFromString } from 'node:v8';

/**
 * The heap may grow to twice what was live. In the quiet benchmark at 1,000 articles, 50 held the
 * peak at 1.2 GiB but made the cold build 8 s slower; 100 held it at 1.34 GiB in two runs with no
 * slowdown (docs/performance.md, "The benchmark at 1,000 articles after the sixth merge").
 */
export const HEAP_GROWING_PERCENT = 100;

export function limitHeapGrowth(percent: number = HEAP_GROWING_PERCENT): void {
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}
