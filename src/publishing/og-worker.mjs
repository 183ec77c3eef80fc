// Draws preview cards in a worker thread, so a build draws one per core while the main thread
// renders pages (src/publishing/og-image.ts renderPng sends the jobs; docs/performance.md).
// Plain JavaScript: a worker is started from a file, which must run without a build step.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';

/** @type {{ name: string; weight: number; style: 'normal'; path: string }[]} */
const files = workerData.fonts;
// One array for the worker's life: satori caches parsed fonts per array.
const fonts = files.map(({ path, ...font }) => ({ ...font, data: readFileSync(path) }));

parentPort?.on('message', async ({ id, tree, width, height }) => {
  try {
    const svg = await satori(tree, { width, height, fonts });
    const png = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng();
    parentPort?.postMessage({ id, png });
  } catch (e) {
    parentPort?.postMessage({ id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
