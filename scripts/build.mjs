// `npm run build`: runs `astro build` into a temporary sibling of the output folder and moves
// it into place only when the whole build, end-of-build checks included, succeeds. A failed
// or interrupted build therefore leaves the previous dist/ exactly as it was.
// Arguments pass through to astro (npm run build -- --verbose); SOURCED_OUT_DIR picks the folder.
// `--cold` (or SOURCED_COLD=1) ignores the previous output kept in the cache folder and renders
// every article (src/integrations/incremental-build).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildProcessEnv } from './lib/build-process.mjs';

const target = path.resolve(process.env.SOURCED_OUT_DIR ?? 'dist');
const parent = path.dirname(target);
const name = path.basename(target);
const staging = path.join(parent, `${name}.building-${process.pid}`);
const previous = path.join(parent, `${name}.previous-${process.pid}`);
const DELETE = "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true, maxRetries: 3 })";
const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
};

// Folders left by a build whose process was killed outright (kill -9, power loss).
const LEFTOVER = /^(.*)\.(?:building|previous)-(\d+)$/;
for (const entry of existsSync(parent) ? readdirSync(parent) : []) {
  const m = LEFTOVER.exec(entry);
  if (m && m[1] === name && !alive(Number(m[2])))
    rmSync(path.join(parent, entry), { recursive: true, force: true, maxRetries: 3 });
}

// Astro turns every environment variable into an import.meta.env define that wins over its own,
// so a BASE_URL or SITE left in the environment (CI, a test runner) would override the config.
const DROP = new Set(['BASE_URL', 'SITE', 'ASSETS_PREFIX']);
const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !DROP.has(k))),
  ...buildProcessEnv(process.env),
  SOURCED_OUT_DIR: staging,
};
const args = process.argv.slice(2).filter((a) => a !== '--cold');
if (args.length < process.argv.length - 2) env.SOURCED_COLD = '1';

const child = spawn(process.execPath, [astro, 'build', ...args], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));

child.on('exit', (code, signal) => {
  if (code !== 0) {
    rmSync(staging, { recursive: true, force: true });
    const kept = existsSync(target)
      ? `${path.relative(process.cwd(), target) || target} was left as it was`
      : 'nothing was written';
    console.error(`\nBuild failed (${signal ?? `exit code ${code}`}); ${kept}.`);
    process.exit(code ?? 1);
  }
  if (!existsSync(staging)) {
    console.error(
      `\nastro build succeeded but wrote nothing to ${staging}; is outDir still read from SOURCED_OUT_DIR?`,
    );
    process.exit(1);
  }
  // Two renames on one file system: the old output exists until the new one is complete.
  if (existsSync(target)) renameSync(target, previous);
  try {
    renameSync(staging, target);
  } catch (e) {
    if (existsSync(previous)) renameSync(previous, target);
    throw e;
  }
  // The old output (about 30 files an article) is deleted by a detached process, so the editor
  // does not wait for it; a folder it leaves (machine stopped) goes at the next build (LEFTOVER).
  spawn(process.execPath, ['-e', DELETE, previous], { detached: true, stdio: 'ignore' }).unref();
});
