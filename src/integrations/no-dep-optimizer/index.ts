/**
 * Keeps Vite's dependency optimiser from running in a build.
 *
 * `astro build` syncs content through a temporary Vite dev server, and Astro has that server's
 * client environment pre-bundle the dev toolbar. A build never serves the toolbar, yet the
 * pre-bundling runs Rolldown, whose native allocator (mimalloc) kept about 180 MiB for the rest
 * of the build: a fixed share of every build's peak memory (docs/performance.md, "Memory,
 * fourth pass"). With discovery off and nothing to include, Vite starts no optimiser. `astro dev`
 * is left as it is.
 */
import type { AstroIntegration } from 'astro';

/** Environment options as Vite's configEnvironment hook hands them over (the part used here). */
interface EnvironmentOptions {
  optimizeDeps?: { noDiscovery?: boolean; include?: string[] };
}

/** Turns the optimiser off in one environment's options, in place. */
export function withoutDepOptimizer(options: EnvironmentOptions): void {
  options.optimizeDeps = { ...options.optimizeDeps, noDiscovery: true, include: [] };
}

export function noDepOptimizer(): AstroIntegration {
  return {
    name: 'sourced:no-dep-optimizer',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'build') return;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'sourced:no-dep-optimizer',
                // After Astro's own hook, which adds the toolbar to the list; merging would only
                // add to that list, so the options are changed in place.
                configEnvironment: {
                  order: 'post',
                  handler(_name: string, options: EnvironmentOptions) {
                    withoutDepOptimizer(options);
                  },
                },
              },
            ],
          },
        });
      },
    },
  };
}
