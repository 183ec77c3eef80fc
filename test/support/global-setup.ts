// Builds the site once, into a folder of its own, for every browser and output test.
// `npm test` therefore also proves that the site builds from a clean cache.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of the built site. */
    outDir: string;
  }
}

export const ROOT = path.resolve(import.meta.dirname, '../..');

export function buildSite(env: Record<string, string> = {}): string {
  const work = mkdtempSync(path.join(tmpdir(), 'sourced-build-'));
  const outDir = path.join(work, 'dist');
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, SOURCED_OUT_DIR: outDir, SOURCED_CACHE_DIR: path.join(work, 'cache'), ...env },
  });
  return outDir;
}

export default function setup(project: TestProject): () => void {
  const outDir = buildSite();
  project.provide('outDir', outDir);
  return () => rmSync(path.dirname(outDir), { recursive: true, force: true });
}
