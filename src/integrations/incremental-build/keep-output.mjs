// Keeping a build's output in the cache folder for the next build, as hard links (./index.ts).
// Plain JavaScript: keep-worker.mjs runs it on a worker thread, which loads it without a build
// step, while the main thread works out the manifest (docs/performance.md).
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { filesStamp, linkFile } from '../../lib/kept-files.mjs';

/**
 * Makes `to` a tree of the files under `from`, linked (linkFile).
 * @param {string} from
 * @param {string} to
 */
export function linkTree(from, to) {
  if (!statSync(from).isDirectory()) {
    linkFile(from, to);
    return;
  }
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const a = path.join(from, entry.name);
    const b = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(a, b);
    else if (entry.isFile()) linkFile(a, b);
    else cpSync(a, b);
  }
}

/**
 * An article's folder in the kept output, as its files' names, sizes and modification times
 * (whole milliseconds, which a copy that keeps times keeps too). Writing to a file changes its
 * time; since the output shares its files with the kept output, an edit made to the published
 * folder after a build shows here, and the next build renders that article again rather than
 * taking the edited files.
 * @param {string} dir
 * @returns {string}
 */
export function keptStamp(dir) {
  if (!existsSync(dir)) return 'absent';
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
  return filesStamp(dir, files);
}

/**
 * Makes `kept` hold what `outDir` holds, as hard links to the same files. After an incremental
 * build only what changed is linked: the unchanged articles' folders in `kept` are already
 * `outDir`'s files, since the merge linked them from there.
 * @param {string} outDir
 * @param {string} kept
 * @param {ReadonlySet<string> | undefined} unchanged Ids of the articles the build took from `kept`.
 */
export function keepOutput(outDir, kept, unchanged) {
  if (!unchanged || !existsSync(kept)) {
    const fresh = `${kept}.new`;
    rmSync(fresh, { recursive: true, force: true });
    linkTree(outDir, fresh);
    rmSync(kept, { recursive: true, force: true });
    renameSync(fresh, kept);
    return;
  }
  /** @param {string} dir */
  const list = (dir) => (existsSync(dir) ? readdirSync(dir) : []);
  for (const name of list(kept)) if (name !== 'articles') rmSync(path.join(kept, name), { recursive: true });
  for (const name of list(outDir)) if (name !== 'articles') linkTree(path.join(outDir, name), path.join(kept, name));
  const from = path.join(outDir, 'articles');
  const to = path.join(kept, 'articles');
  mkdirSync(to, { recursive: true });
  for (const id of list(to)) if (!unchanged.has(id)) rmSync(path.join(to, id), { recursive: true });
  for (const id of list(from)) if (!unchanged.has(id)) linkTree(path.join(from, id), path.join(to, id));
}

/**
 * keepOutput, then the stamps of the kept folders of the articles `stamped` names.
 * @param {{ outDir: string; kept: string; unchanged?: string[] | undefined; stamped: string[] }} job
 * @returns {Record<string, string>} Each stamped article's stamp, by id.
 */
export function keepAndStamp({ outDir, kept, unchanged, stamped }) {
  keepOutput(outDir, kept, unchanged && new Set(unchanged));
  /** @type {Record<string, string>} */
  const stamps = {};
  for (const id of stamped) stamps[id] = keptStamp(path.join(kept, 'articles', id));
  return stamps;
}
