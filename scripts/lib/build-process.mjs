// How `npm run build` starts the Astro process, shared with the benchmark so that it measures
// the same process a user's build (and the deploy workflows, which run `npm run build`) runs.

/**
 * Environment for the Astro process. glibc gives threads their own malloc arenas (up to eight
 * per core) and keeps their pages; the build runs card workers, scan workers, libuv's pool and
 * libvips' threads, so two arenas lower its peak memory (docs/performance.md, "Memory").
 * A value the caller set wins.
 * @param {NodeJS.ProcessEnv} env the caller's environment
 * @returns {Record<string, string>}
 */
export function buildProcessEnv(env = process.env) {
  return { MALLOC_ARENA_MAX: env['MALLOC_ARENA_MAX'] ?? '2' };
}
