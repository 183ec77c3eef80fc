// Files kept between builds in the cache folder and shared with the output by hard links
// (the incremental build's previous output, the search index's shards). Plain JavaScript: the
// worker thread that keeps the output loads it without a build step
// (incremental-build/keep-worker.mjs).
import { createHash } from 'node:crypto';
import { copyFileSync, linkSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Links `to` to `from`'s file; copies it where a link cannot be made (another device, say).
 * @param {string} from
 * @param {string} to
 */
export function linkFile(from, to) {
  try {
    linkSync(from, to);
  } catch (e) {
    const code = /** @type {NodeJS.ErrnoException} */ (e).code;
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EMLINK') throw e;
    copyFileSync(from, to);
  }
}

/**
 * A stamp of `files` (relative to `dir`): their names, sizes and modification times in whole
 * milliseconds, which a copy that keeps times keeps too. Writing to a file changes its time, so
 * an edit made in place to a kept or published file changes the stamp.
 * @param {string} dir
 * @param {readonly string[]} files
 * @returns {string}
 */
export function filesStamp(dir, files) {
  const h = createHash('sha256');
  for (const f of files) {
    const { size, mtimeMs } = statSync(path.join(dir, f));
    h.update(`${f}\0${size}\0${Math.trunc(mtimeMs)}\n`);
  }
  return h.digest('base64url');
}
