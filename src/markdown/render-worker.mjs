// Renders articles in a worker thread, so a build's content sync renders on another core while
// the main thread reads, checks and stores the next articles (render-workers.ts sends the jobs;
// docs/performance.md, "Cold build, seventh pass").
// Plain JavaScript: a worker is started from a file, which must run without a build step. The
// pipeline is TypeScript, so it comes from the bundle render-workers.ts made (render-job.ts).
import { enableCompileCache } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

/** @type {{ bundle: string; setup: import('./render-job').RenderSetup }} */
const { bundle, setup } = workerData;
// The main thread has loaded the pipeline's modules once already and printed their deprecation
// warnings; this thread would print them again.
process.noDeprecation = true;
// Loading the pipeline's few hundred modules took 3 s a build; V8's compile cache, kept beside
// the bundle, spares most of it (as the editorial commands do, scripts/lib/editorial-bundle.mjs).
enableCompileCache(path.join(path.dirname(bundle), 'v8'));
/** @type {typeof import('./render-job')} */
const job = await import(pathToFileURL(bundle).href);
const render = await job.articleRenderer(setup);
// Until now the main thread rendered alone (render-workers.ts `canTake`).
parentPort?.postMessage({ ready: true });

// One article at a time, in the order sent: each render is mostly synchronous work, and two
// interleaved would only hold two parse trees at once.
let queue = Promise.resolve();
parentPort?.on('message', (/** @type {{ id: number; entry?: import('./render-job').RenderEntry }} */ message) => {
  const { id, entry } = message;
  // No entry: the pool is closing. The worker ends once its last reply is sent, with its log
  // lines (Astro's renderer logs a failed render) flushed first, which terminate() would not wait for.
  if (!entry) {
    queue = queue.then(() => parentPort?.close());
    return;
  }
  queue = queue.then(async () => {
    try {
      parentPort?.postMessage({ id, rendered: await render(entry) });
    } catch (e) {
      // The message is what the glob loader logs and the articles' loader reads (ContentError.HEAD).
      parentPort?.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
    }
  });
});
