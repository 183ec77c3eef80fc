// Reads and scans built pages in a worker thread, so the end-of-build scan uses every core
// (built-site.ts scanBuiltSite sends batches of files; docs/performance.md).
// Plain JavaScript: a worker is started from a file, which must run without a build step.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { scanPage } from './page-scan.mjs';

/** @type {string} */
const outDir = workerData.outDir;

parentPort?.on('message', (/** @type {{ id: number; files: string[] }} */ { id, files }) => {
  try {
    const scans = files.map((file) => scanPage(readFileSync(path.join(outDir, file), 'utf8')));
    parentPort?.postMessage({ id, scans });
  } catch (e) {
    parentPort?.postMessage({ id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
