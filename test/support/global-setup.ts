// Builds the site once, into a folder of its own, for every browser and output test.
// `npm test` therefore also proves that the site builds from a clean cache.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildEnv } from '../../scripts/lib/project-copy.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of the built site. */
    outDir: string;
  }
}

export const ROOT = path.resolve(import.meta.dirname, '../..');

const LOCK = path.join(tmpdir(), `sourced-build-lock-${Buffer.from(ROOT).toString('hex').slice(-24)}`);

/**
 * Astro writes intermediate build chunks inside the project even when outDir is elsewhere,
 * so two builds of one tree at once corrupt each other: builds take turns across processes.
 */
function withBuildLock<T>(run: () => T): T {
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock older than ten minutes was left by a killed run.
      const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 600_000) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() - started > 900_000) throw new Error(`Timed out waiting for the build lock ${LOCK}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
  try {
    return run();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

// Vitest sets BASE_URL, MODE, DEV, PROD and SSR in process.env; buildEnv() keeps them out of
// child builds, where an inherited BASE_URL=/ would silently undo BASE_PATH.
export { buildEnv };

export function buildSite(env: Record<string, string> = {}): string {
  const work = mkdtempSync(path.join(tmpdir(), 'sourced-build-'));
  const outDir = path.join(work, 'dist');
  withBuildLock(() =>
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...buildEnv(), SOURCED_OUT_DIR: outDir, SOURCED_CACHE_DIR: path.join(work, 'cache'), ...env },
    }),
  );
  return outDir;
}

export default function setup(project: TestProject): () => void {
  const outDir = buildSite();
  project.provide('outDir', outDir);
  return () => rmSync(path.dirname(outDir), { recursive: true, force: true });
}
