// Reads and scans built pages in a worker thread, so the end-of-build scan uses every core
// (built-site.ts scanBuiltSite sends batches of files; docs/performance.md).
// Plain JavaScript: a worker is started from a file, which must run without a build step.
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { scanFile } from './page-scan.mjs';

/** @type {string} */
const outDir = workerData.outDir;
/** Keys of pages whose scans the build already holds (page-scan.mjs scanFile). @type {Set<string>} */
const known = new Set(workerData.known);

parentPort?.on('message', (/** @type {{ id: number; files: string[] }} */ { id, files }) => {
  try {
    const scans = files.map((file) => scanFile(path.join(outDir, file), known));
    parentPort?.postMessage({ id, scans });
  } catch (e) {
    parentPort?.postMessage({ id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
