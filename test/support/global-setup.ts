// Builds the site once for every browser and output test. `npm test` therefore also proves
// that the site builds. SOURCED_SKIP_BUILD=1 reuses an existing dist/ while iterating on unit tests.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '../..');
  if (process.env['SOURCED_SKIP_BUILD'] && existsSync(path.join(root, 'dist/index.html'))) return;
  execFileSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], {
    cwd: root,
    stdio: 'inherit',
  });
}
