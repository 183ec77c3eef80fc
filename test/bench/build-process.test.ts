import { describe, expect, it } from 'vitest';
import { buildProcessEnv } from '../../scripts/lib/build-process.mjs';

describe('the environment npm run build gives the Astro process', () => {
  it('limits glibc to two malloc arenas when the caller has not chosen', () => {
    expect(buildProcessEnv({})).toEqual({ MALLOC_ARENA_MAX: '2' });
  });

  it('keeps the caller’s own arena limit', () => {
    expect(buildProcessEnv({ MALLOC_ARENA_MAX: '8' })).toEqual({ MALLOC_ARENA_MAX: '8' });
  });
});
