// The build's start-up check, as Astro calls it: a warm build (results kept in the cache
// folder) must stop on exactly the problems a cold build stops on, reported once.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentError } from '../../../src/lib/problems';
import { CHECKS_FILE, validateContent } from '../../../src/integrations/validate-content';
import { FIXTURE_SITE } from '../../support/pipeline';

const temp = mkdtempSync(path.join(tmpdir(), 'sourced-validate-content-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const invalid = path.resolve(import.meta.dirname, '../../content/invalid');

/** Runs the hook as `astro build` would; returns the error it threw and what it logged. */
async function build(root: string, cacheDir: string) {
  const logged: string[] = [];
  const log = (message: string) => logged.push(message);
  const hook = validateContent().hooks['astro:config:setup'] as unknown as (o: unknown) => Promise<void>;
  try {
    await hook({
      command: 'build',
      config: { root: pathToFileURL(`${root}/`), cacheDir: pathToFileURL(`${cacheDir}/`) },
      logger: { info: log, warn: log, error: log, debug: log },
    });
    return { error: undefined, logged };
  } catch (e) {
    return { error: e as Error, logged };
  }
}

describe('the start-up check in a build with the cache kept', () => {
  it('stops a warm build on an error introduced after a clean build, as a cold build stops', async () => {
    const root = path.join(temp, 'introduced');
    cpSync(FIXTURE_SITE, root, { recursive: true });
    const cache = path.join(temp, 'introduced-cache');
    expect((await build(root, cache)).error).toBeUndefined();
    expect(existsSync(path.join(cache, CHECKS_FILE))).toBe(true);

    cpSync(path.join(invalid, 'unknown-source/content'), path.join(root, 'content'), { recursive: true });
    const warm = await build(root, cache);
    const cold = await build(root, path.join(temp, 'introduced-cold-cache'));
    expect(warm.error).toBeInstanceOf(ContentError);
    expect(warm.error?.message).toContain('wire-z');
    expect(warm.error?.message).toBe(cold.error?.message);
    // Thrown, not also logged: Astro prints it once.
    expect(warm.logged).toEqual([]);
  });

  it('stops the next build on the same error when the check comes from the cache', async () => {
    const root = path.join(temp, 'kept');
    cpSync(FIXTURE_SITE, root, { recursive: true });
    cpSync(path.join(invalid, 'unknown-source/content'), path.join(root, 'content'), { recursive: true });
    const cache = path.join(temp, 'kept-cache');
    const first = await build(root, cache);
    const second = await build(root, cache);
    expect(first.error).toBeInstanceOf(ContentError);
    expect(second.error?.message).toContain('wire-z');
    expect(second.error?.message).toBe(first.error?.message);
  });
});
