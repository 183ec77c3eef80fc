/**
 * A full garbage collection, for the build's phase boundaries (the content sync's store let go,
 * every page rendered). V8 sizes its next heap limit from what it finds live, and left alone it
 * lets a phase's garbage grow the heap far past what the next phase holds: a 1,000-article
 * build's resident memory stayed at its sync-time height through rendering (docs/performance.md,
 * "Memory, fourth pass"). Collecting where a phase's data has just been dropped lets V8 give
 * those pages back and start the next phase from what is live. Costs a fraction of a second.
 *
 * V8 exposes `gc` only behind a flag; like Jest's --logHeapUsage, this sets the flag at run time
 * and takes the function from a fresh context, so the build needs no command-line option.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;

export function collectGarbage(): void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}
