// Draws preview cards in a worker thread, so a build draws one per core while the main thread
// renders pages (src/publishing/og-image.ts renderPng sends the jobs; docs/performance.md).
// Plain JavaScript: a worker is started from a file, which must run without a build step.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import { Resvg, initWasm } from '@resvg/resvg-wasm';
import satori from 'satori';
import sharp from 'sharp';

// Every card is new, so libvips' cache of decoded images would only hold memory.
sharp.cache(false);

/** @type {{ name: string; weight: number; style: 'normal'; path: string }[]} */
const files = workerData.fonts;
// One array for the worker's life: satori caches parsed fonts per array.
const fonts = files.map(({ path, ...font }) => ({ ...font, data: readFileSync(path) }));

// resvg as WebAssembly, not the native resvg-js: its bitmaps live in this worker's wasm memory,
// freed after each card and all given back when the worker ends. The native one's were freed
// only by garbage collection, and glibc kept the memory of ended threads (docs/performance.md).
await initWasm(readFileSync(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm')));

parentPort?.on('message', async ({ id, tree, width, height }) => {
  try {
    const svg = await satori(tree, { width, height, fonts });
    // As UTF-8 bytes, which resvg copies into wasm memory at once; a string it encodes a
    // character at a time in JavaScript (wasm-bindgen's passStringToWasm0), ~150 KB a card.
    const resvg = new Resvg(Buffer.from(svg), { fitTo: { mode: 'original' } });
    const image = resvg.render();
    // A copy out of wasm memory, so the bitmap can be freed at once.
    const pixels = image.pixels;
    const size = { width: image.width, height: image.height };
    image.free();
    resvg.free();
    const png = await palettePng(pixels, size.width, size.height);
    parentPort?.postMessage({ id, png });
  } catch (e) {
    parentPort?.postMessage({ id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});

/**
 * The bitmap as a palette PNG: a card is a few flat colours and anti-aliased text, which
 * libimagequant (in sharp) maps to the fewest colours that reach quality 70, about 25, with
 * smooth text edges, at about a third of the bytes of resvg's full-colour PNG
 * (docs/performance.md, "Issue 17"). 16 colours is smaller still but roughens the red text's
 * edges. No dithering: it only adds noise to flat areas, and bytes.
 * @param {Uint8Array} pixels RGBA, as resvg renders them
 * @param {number} width
 * @param {number} height
 */
async function palettePng(pixels, width, height) {
  return sharp(pixels, { raw: { width, height, channels: 4 } })
    .png({ palette: true, quality: 70, dither: 0, effort: 1, compressionLevel: 9 })
    .toBuffer();
}
