// The editorial commands (`npm run new`, `npm run review`) run from one JavaScript file that
// esbuild bundles from src/editorial and its dependencies, made again whenever a file it was
// made from has changed. Loading one prebuilt file costs a fraction of compiling the TypeScript
// and resolving hundreds of modules on every run, as jiti did (docs/drafting.md, "Speed"), and
// V8's compile cache spares parsing it again.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The repository whose src/editorial is bundled. */
export const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * The bundle's entry points: one per command, so `review` never loads the drafting's NLP
 * libraries, and the two modules the benchmark times in process. Shared code goes to chunks.
 */
const ENTRIES = {
  new: 'src/editorial/new-command.ts',
  review: 'src/editorial/review-command.ts',
  draft: 'src/editorial/draft.ts',
  registry: 'src/collections/registry.ts',
};

/** Where a checkout's bundle is kept: node_modules may be shared by several worktrees, hence one folder per root. */
export function bundleDir(root = ROOT) {
  return path.join(
    root,
    'node_modules/.cache/sourced-editorial',
    createHash('sha256').update(root).digest('hex').slice(0, 16),
  );
}

/** The current build's folder, when every file it was made from is as it was then (same modification time and size). */
function current(dir) {
  let state;
  try {
    state = JSON.parse(readFileSync(path.join(dir, 'current.json'), 'utf8'));
  } catch {
    return undefined;
  }
  const same = state.inputs.every(([file, mtimeMs, size]) => {
    const s = statSync(file, { throwIfNoEntry: false });
    return s?.mtimeMs === mtimeMs && s.size === size;
  });
  return same ? path.join(dir, state.build) : undefined;
}

/**
 * The folder of the current bundle, made first when missing or out of date, and whether it was
 * made now (the benchmark tells a first run from the others).
 */
export async function editorialBundle(root = ROOT) {
  const dir = bundleDir(root);
  const found = current(dir);
  if (found) return { dir: found, built: false };
  // Loaded only to build: most runs never need it.
  const { build } = await import('esbuild');
  // Each build in a folder of its own, named in current.json once complete: a command started
  // meanwhile loads the old build or the new one, never half of one.
  const id = `build-${Date.now()}-${process.pid}`;
  const out = path.join(dir, id);
  const result = await build({
    entryPoints: Object.entries(ENTRIES).map(([name, file]) => ({ out: name, in: file })),
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    // The Node that runs it: for an older target esbuild rewrites some regular expressions as slower new RegExp() calls.
    target: 'esnext',
    outdir: out,
    outExtension: { '.js': '.mjs' },
    metafile: true,
    logLevel: 'silent',
    // CommonJS dependencies inside an ES module still call require() for Node's own modules.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
  const inputs = Object.keys(result.metafile.inputs).map((f) => {
    const abs = path.resolve(root, f);
    const s = statSync(abs);
    return [abs, s.mtimeMs, s.size];
  });
  const tmp = path.join(dir, `${id}.json`);
  writeFileSync(tmp, JSON.stringify({ build: id, inputs }));
  renameSync(tmp, path.join(dir, 'current.json'));
  // Older builds go; one still loading is already read by then.
  for (const old of readdirSync(dir))
    if (old.startsWith('build-') && old !== id) rmSync(path.join(dir, old), { recursive: true, force: true });
  return { dir: out, built: true };
}

/** One entry point's exports (the bundle made first if need be), with V8's compile cache on. */
export async function loadEditorial(entry, root = ROOT) {
  const { dir } = await editorialBundle(root);
  enableCompileCache(path.join(bundleDir(root), 'v8'));
  return import(pathToFileURL(path.join(dir, `${entry}.mjs`)).href);
}

/** Removes a checkout's bundle, so the next command makes it again. */
export function removeBundle(root = ROOT) {
  rmSync(bundleDir(root), { recursive: true, force: true });
}
