// A throwaway copy of the project for tests that must build altered content or watch dist/:
// the sources are copied, node_modules is symlinked, and the developer's tree is never touched.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildEnv, copyProjectTo } from '../../scripts/lib/project-copy.mjs';
import { ROOT } from './global-setup';

export interface ProjectCopy {
  /** The copy's root. */
  dir: string;
  /** Runs `astro build` (or another command line) in the copy with a private cache. */
  run(command: string, args: string[], env?: Record<string, string>): SpawnSyncReturns<string>;
  remove(): void;
}

/** Copies the project; `content`, when given, replaces the copy's content/ folder. */
export function copyProject(options: { content?: string } = {}): ProjectCopy {
  const work = mkdtempSync(path.join(tmpdir(), 'sourced-project-'));
  const dir = path.join(work, 'project');
  copyProjectTo(ROOT, dir, options);
  return {
    dir,
    run(command, args, env = {}) {
      // The default cache lives in node_modules, which is the developer's own through the link.
      const full: NodeJS.ProcessEnv = { ...buildEnv(), SOURCED_CACHE_DIR: path.join(work, 'cache'), ...env };
      if (!('SOURCED_OUT_DIR' in env)) delete full['SOURCED_OUT_DIR'];
      return spawnSync(command, args, { cwd: dir, encoding: 'utf8', env: full, maxBuffer: 64 * 1024 * 1024 });
    },
    remove() {
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** `astro build` in a copy, with the same Node as the tests. */
export const ASTRO_BIN = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');
