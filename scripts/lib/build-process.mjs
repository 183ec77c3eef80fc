// How `npm run build` starts the Astro process, shared with the benchmark so that it measures
// the same process a user's build (and the deploy workflows, which run `npm run build`) runs.

/**
 * V8's young generation for the main thread, in MiB a semi-space. On a machine with plenty of
 * memory V8 lets it grow to 128 MiB in all; the build's garbage is short-lived, so a smaller one
 * costs little collection time and keeps that much less resident (docs/performance.md,
 * "Memory, fourth pass").
 */
const SEMI_SPACE_MB = 16;

/**
 * Environment for the Astro process. glibc gives threads their own malloc arenas (up to eight
 * per core) and keeps their pages; the build runs card workers, scan workers, libuv's pool and
 * libvips' threads, so two arenas lower its peak memory (docs/performance.md, "Memory").
 * NODE_OPTIONS gets the young-generation size unless the caller chose one. A value the caller
 * set wins.
 * @param {NodeJS.ProcessEnv} env the caller's environment
 * @returns {Record<string, string>}
 */
export function buildProcessEnv(env = process.env) {
  const options = env['NODE_OPTIONS'] ?? '';
  return {
    MALLOC_ARENA_MAX: env['MALLOC_ARENA_MAX'] ?? '2',
    NODE_OPTIONS: /--max-semi-space-size\b/.test(options)
      ? options
      : `${options} --max-semi-space-size=${SEMI_SPACE_MB}`.trim(),
  };
}
