// Copies the project's sources to another folder, with node_modules linked rather than copied,
// so tests and the benchmark can build other content without touching the developer's tree.
import { cpSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';

/** Top-level entries that are build output, caches or tooling state, never project sources. */
const SKIP = new Set(['node_modules', '.git', '.astro', 'dist', 'test-results', '.scratch', '.bench']);

/** Copies `root` to `dir`; `content`, when given, is copied in place of the copy's content/ folder. */
export function copyProjectTo(root, dir, { content } = {}) {
  cpSync(root, dir, {
    recursive: true,
    filter: (src) => {
      const top = path.relative(root, src).split(path.sep)[0] ?? '';
      return !SKIP.has(top) && !/^dist[.-]/.test(top);
    },
  });
  if (content) {
    rmSync(path.join(dir, 'content'), { recursive: true, force: true });
    cpSync(content, path.join(dir, 'content'), { recursive: true });
  }
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
}

/**
 * The environment for a child `astro build` or `astro dev`. Astro turns every environment variable into an
 * import.meta.env define that wins over its own config, so these must not leak in from CI or a
 * test runner.
 */
export function buildEnv(extra = {}) {
  const drop = new Set(['BASE_URL', 'SITE', 'ASSETS_PREFIX', 'MODE', 'DEV', 'PROD', 'SSR']);
  // Under VITEST=true (set by the test runner) `astro dev` installs no page handler, so every page is a 404.
  const keep = ([k]) => !drop.has(k) && !/^VITEST(_|$)/.test(k);
  return { ...Object.fromEntries(Object.entries(process.env).filter(keep)), ...extra };
}
