/**
 * How far V8 lets the build's heap grow past what it found live at its last full collection.
 * Left to itself V8 picks the factor from how fast the program allocates against how fast it
 * collects, between 1.1 and 4, so the same 1,000-article build peaked anywhere from 1.3 to
 * 1.8 GiB depending on timing (docs/performance.md, "Memory, sixth pass"). A fixed factor makes
 * the peak follow what is live. The flag cannot go in NODE_OPTIONS (Node refuses it there), so
 * the build sets it at run time; it is process-wide, so worker threads started later have it too.
 */
import { setFlagsFromString } from 'node:v8';

/** The heap may grow to 1.5 times what was live: garbage is collected sooner, never held long. */
export const HEAP_GROWING_PERCENT = 50;

export function limitHeapGrowth(percent: number = HEAP_GROWING_PERCENT): void {
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}
