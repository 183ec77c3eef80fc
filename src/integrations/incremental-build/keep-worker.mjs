// Keeps the output for the next build on a worker thread (keep-output.mjs keepAndStamp): linking
// tens of thousands of files is system calls, which run here while the main thread reads the
// articles for the manifest (./index.ts; docs/performance.md).
import { parentPort, workerData } from 'node:worker_threads';
import { keepAndStamp } from './keep-output.mjs';

try {
  parentPort?.postMessage({ stamps: keepAndStamp(workerData) });
} catch (e) {
  parentPort?.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
}
