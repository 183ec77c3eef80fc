import { describe, expect, it } from 'vitest';
import { buildProcessEnv } from '../../scripts/lib/build-process.mjs';

describe('the environment npm run build gives the Astro process', () => {
  it('limits glibc to two malloc arenas when the caller has not chosen', () => {
    expect(buildProcessEnv({}).MALLOC_ARENA_MAX).toBe('2');
  });

  it('keeps the caller’s own arena limit', () => {
    expect(buildProcessEnv({ MALLOC_ARENA_MAX: '8' }).MALLOC_ARENA_MAX).toBe('8');
  });

  it('gives V8 a 16 MiB semi-space when the caller has not chosen one', () => {
    expect(buildProcessEnv({}).NODE_OPTIONS).toBe('--max-semi-space-size=16');
  });

  it('adds the semi-space to the caller’s other Node options', () => {
    expect(buildProcessEnv({ NODE_OPTIONS: '--enable-source-maps' }).NODE_OPTIONS).toBe(
      '--enable-source-maps --max-semi-space-size=16',
    );
  });

  it('keeps the caller’s own semi-space size', () => {
    expect(buildProcessEnv({ NODE_OPTIONS: '--max-semi-space-size=64' }).NODE_OPTIONS).toBe('--max-semi-space-size=64');
  });
});
