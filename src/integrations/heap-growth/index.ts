/**
 * Fixes V8's heap growing factor for `astro build` (lib/heap-growth.ts says why), from the
 * first hook, so the content sync, the pages and the end-of-build steps all run with it.
 * `astro dev` is left as it is.
 */
import type { AstroIntegration } from 'astro';
import { limitHeapGrowth } from '../../lib/heap-growth';

export function heapGrowth(): AstroIntegration {
  return {
    name: 'sourced:heap-growth',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command === 'build') limitHeapGrowth();
      },
    },
  };
}
