/**
 * Renders a build's articles in worker threads as well as on the main thread, when
 * SOURCED_RENDER_WORKERS asks for it (src/loaders/checked-glob.ts). The glob loader renders up
 * to ten articles at once, each awaited, so a render function that sends some of them to a
 * worker lets two cores render: in-process, the Markdown stage held the main thread for most of
 * the content sync while the second core idled. The main thread renders the others itself,
 * while the worker loads the pipeline and whenever it has articles waiting, since with one
 * worker alone the main thread had almost nothing left to do (docs/performance.md, "Cold build,
 * seventh pass").
 *
 * The pipeline is TypeScript and a worker runs plain JavaScript, so render-job.ts is bundled
 * with esbuild (its packages left as imports) into node_modules/.cache, named by its content.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Rendered } from '../collections/article-parts';
import { contentKey } from '../lib/content-key.mjs';
import { WORKER_RESOURCE_LIMITS } from '../lib/worker-limits';
import type { RenderArticle, RenderEntry, RenderSetup } from './render-job';

export const RENDER_WORKER = fileURLToPath(new URL('./render-worker.mjs', import.meta.url));
const RENDER_JOB = fileURLToPath(new URL('./render-job.ts', import.meta.url));
/** The project's node_modules, where the bundle's imports of packages are found. */
const BUNDLES = fileURLToPath(new URL('../../node_modules/.cache/sourced-render/', import.meta.url));
/** A bundle not used for this long is deleted when another is made. */
const BUNDLE_KEPT_MS = 24 * 60 * 60 * 1000;

/** render-job.ts bundled, written once under a name made from its content; returns its path. */
export async function renderBundle(): Promise<string> {
  // Loaded only when articles are rendered in workers.
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [RENDER_JOB],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    // The Node that runs it: for an older target esbuild rewrites some regular expressions.
    target: 'esnext',
    write: false,
    logLevel: 'silent',
  });
  const text = result.outputFiles[0]!.text;
  const file = path.join(BUNDLES, `${contentKey(text)}.mjs`);
  if (existsSync(file)) return file;
  mkdirSync(BUNDLES, { recursive: true });
  // Renamed into place, so a build started meanwhile never loads half a file.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
  const old = Date.now() - BUNDLE_KEPT_MS;
  for (const name of readdirSync(BUNDLES)) {
    if (!name.endsWith('.mjs')) continue; // the compile cache's folder stays
    const other = path.join(BUNDLES, name);
    if (other !== file && (statSync(other, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < old)
      rmSync(other, { force: true });
  }
  return file;
}

/**
 * The workers themselves failed (the bundle could not be made or loaded, a thread died), not the
 * article: the caller can render it on the main thread instead.
 */
export class RenderWorkerError extends Error {
  override readonly name = 'RenderWorkerError';
}

interface Job {
  resolve: (rendered: Rendered) => void;
  reject: (error: Error) => void;
}

/** How many articles a worker may have waiting, beyond the one it renders, before the main thread renders one. */
const QUEUE = 2;

interface PoolWorker {
  worker: Worker;
  /** It has loaded the pipeline. */
  ready: boolean;
  /** The jobs sent to it and not yet answered, by id. */
  jobs: Map<number, Job>;
  exited: Promise<void>;
}

/** Articles rendered by `threads` workers, each rendering one at a time. */
export interface RenderPool {
  render: RenderArticle;
  /** Starts the workers now, so they load the pipeline while the main thread renders. */
  start(): void;
  /**
   * True when a worker has loaded the pipeline and has fewer than QUEUE articles waiting: the
   * caller renders the article itself otherwise, so both cores render and neither waits.
   */
  canTake(): boolean;
  /** Ends the workers once they have answered every job sent; a render after this is refused. */
  close(): Promise<void>;
}

export function renderPool(setup: RenderSetup, threads = 1, bundle: Promise<string> = renderBundle()): RenderPool {
  let workers: PoolWorker[] | undefined;
  let closed = false;
  let next = 0;

  const start = (script: string): PoolWorker => {
    const worker = new Worker(RENDER_WORKER, {
      workerData: { bundle: script, setup },
      resourceLimits: WORKER_RESOURCE_LIMITS,
    });
    const entry: PoolWorker = {
      worker,
      ready: false,
      jobs: new Map(),
      exited: new Promise((resolve) => worker.once('exit', () => resolve())),
    };
    worker.on('message', (message: { ready?: true; id: number; rendered?: Rendered; error?: string }) => {
      const { id, rendered, error } = message;
      if (message.ready) {
        entry.ready = true;
        return;
      }
      const job = entry.jobs.get(id);
      entry.jobs.delete(id);
      if (rendered) job?.resolve(rendered);
      else job?.reject(new Error(error ?? 'the render worker sent no result'));
    });
    // A worker that fails (it could not load the pipeline, or ran out of memory) fails the
    // articles it held with its error, which the glob loader logs under each article's name.
    const fail = (error: Error) => {
      for (const job of entry.jobs.values()) job.reject(new RenderWorkerError(error.message, { cause: error }));
      entry.jobs.clear();
      workers = workers?.filter((w) => w !== entry);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (entry.jobs.size) fail(new Error(`The render worker stopped (exit code ${code}) before answering.`));
    });
    return entry;
  };

  let started: Promise<PoolWorker[]> | undefined;
  const pool = (): Promise<PoolWorker[]> =>
    (started ??= bundle.then(
      (script) => (workers = Array.from({ length: threads }, () => start(script))),
      (error: unknown) => {
        throw new RenderWorkerError(`The render workers' bundle could not be made: ${String(error)}`, { cause: error });
      },
    ));

  return {
    start() {
      if (!closed) pool().catch(() => {}); // a failure is reported by the next render
    },
    canTake() {
      return !closed && (workers ?? []).some((w) => w.ready && w.jobs.size < QUEUE);
    },
    async render(entry: RenderEntry) {
      if (closed) throw new RenderWorkerError('The render workers were closed.');
      await pool();
      // The least busy worker, a ready one first: the glob loader keeps ten articles in flight.
      const worker = workers?.reduce((a, b) =>
        b.ready !== a.ready ? (b.ready ? b : a) : b.jobs.size < a.jobs.size ? b : a,
      );
      if (!worker) throw new RenderWorkerError('No render worker is running: each one failed.');
      const id = next++;
      return new Promise<Rendered>((resolve, reject) => {
        worker.jobs.set(id, { resolve, reject });
        worker.worker.postMessage({ id, entry });
      });
    },
    async close() {
      closed = true;
      if (!started) return;
      const running = await started.catch(() => []);
      for (const { worker } of running) worker.postMessage({ id: -1 });
      await Promise.all(running.map((w) => w.exited));
    },
  };
}
