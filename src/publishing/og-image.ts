/**
 * Link-preview images (1200×630 PNG), made at build time from HTML/CSS-like trees with satori
 * and rasterised with resvg. Fonts come from @fontsource packages and are read from disk once,
 * so no network is needed and each image costs one layout and one rasterisation.
 *
 * The card builders (`articleCard`, `siteCard`) are pure: they take plain strings
 * and return the tree satori lays out, so the words on an image are easy to test.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import satori from 'satori';
import { clipText as clip } from '../lib/text';
import { WORKER_RESOURCE_LIMITS } from '../lib/worker-limits';

/**
 * The card worker, beside this module. In a build this module is bundled into a chunk elsewhere,
 * so the og-image-cache integration, which is not bundled, passes this same path on in
 * SOURCED_OG_WORKER.
 */
export const OG_WORKER = fileURLToPath(new URL('./og-worker.mjs', import.meta.url));

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

/** The element tree satori accepts: React-element-shaped objects, no JSX needed. */
export interface OgNode {
  type: string;
  props: { style?: Record<string, string | number>; children?: OgChild | OgChild[] };
}
type OgChild = OgNode | string;

const el = (type: string, style: Record<string, string | number>, children?: OgChild | OgChild[]): OgNode => ({
  type,
  props: children === undefined ? { style } : { style, children },
});

const PAPER = '#fbfaf7';
const INK = '#1c1917';
const MUTED = '#44403c';
const ACCENT = '#1d4ed8';
/** The tally of failed claims: the site's "bad" red, 6:1 on the paper colour. */
const VERDICT = '#b91c1c';
const SANS = 'Source Sans 3';
const SERIF = 'Source Serif 4';

/** The accent bar down the card's left edge. */
const BAR = 24;

/**
 * The card: the accent bar, then the kicker, the body and the footer. The bar is a box of its
 * own, not a CSS left border: satori draws a border as a stroke inside three clip paths, which
 * resvg fills as canvas-sized masks, a few milliseconds a card; a box gives the same pixels
 * (docs/performance.md, "Cold build, seventh pass").
 */
function frame(kicker: string, host: string, body: OgChild[]): OgNode {
  return el(
    'div',
    { width: OG_WIDTH, height: OG_HEIGHT, display: 'flex', backgroundColor: PAPER, color: INK, fontFamily: SANS },
    [
      el('div', { display: 'flex', width: BAR, height: OG_HEIGHT, flexShrink: 0, backgroundColor: ACCENT }),
      el('div', { display: 'flex', flexDirection: 'column', flexGrow: 1, padding: '56px 72px 48px 64px' }, [
        el(
          'div',
          { display: 'flex', fontSize: 26, fontWeight: 700, letterSpacing: 3, color: ACCENT },
          kicker.toUpperCase(),
        ),
        el('div', { display: 'flex', flexDirection: 'column', flexGrow: 1, justifyContent: 'center' }, body),
        el('div', { display: 'flex', justifyContent: 'space-between', fontSize: 24, color: MUTED }, [
          el('div', { display: 'flex', fontWeight: 700, color: INK }, 'Sourced'),
          el('div', { display: 'flex' }, host),
        ]),
      ]),
    ],
  );
}

export interface ArticleCardInput {
  title: string;
  /** The original outlet's name, e.g. "HuffPost UK". */
  outlet: string;
  /** How the claims fared: "1 inaccurate · 2 disputed of 32 claims" (verdictTally). */
  tally: string;
  /** The "who is speaking" summary. */
  summary: string;
  /** Host shown in the footer, e.g. "sourced.example". */
  host: string;
}

/** An analysis: its title, the outlet analysed, how its claims fared and who is speaking in it. */
export function articleCard({ title, outlet, tally, summary, host }: ArticleCardInput): OgNode {
  const t = clip(title, 110);
  return frame('Analysis', host, [
    el(
      'div',
      { display: 'flex', fontFamily: SERIF, fontWeight: 700, fontSize: t.length > 60 ? 56 : 64, lineHeight: 1.12 },
      t,
    ),
    el('div', { display: 'flex', marginTop: 24, fontSize: 30, color: MUTED }, `Original: ${clip(outlet, 60)}`),
    el('div', { display: 'flex', marginTop: 22, fontSize: 36, fontWeight: 700, color: VERDICT }, clip(tally, 70)),
    el(
      'div',
      {
        display: 'flex',
        marginTop: 22,
        padding: '16px 22px',
        fontSize: 28,
        lineHeight: 1.3,
        backgroundColor: '#fff3c4',
        borderRadius: 10,
      },
      clip(summary, 170),
    ),
  ]);
}

export interface SiteCardInput {
  name: string;
  tagline: string;
  host: string;
}

/** The generic image for pages that have none of their own. */
export function siteCard({ name, tagline, host }: SiteCardInput): OgNode {
  return frame('News, sourced', host, [
    el('div', { display: 'flex', fontFamily: SERIF, fontWeight: 700, fontSize: 96 }, name),
    el('div', { display: 'flex', marginTop: 20, fontSize: 38, lineHeight: 1.3, color: MUTED }, clip(tagline, 160)),
  ]);
}

type FontWeight = 400 | 600 | 700;
interface Font {
  name: string;
  data: Buffer;
  weight: FontWeight;
  style: 'normal';
}

const SUBSETS = ['latin', 'latin-ext', 'cyrillic'] as const;
const FACES: { pkg: string; file: string; name: string; weights: FontWeight[] }[] = [
  { pkg: '@fontsource/source-sans-3', file: 'source-sans-3', name: SANS, weights: [400, 600, 700] },
  { pkg: '@fontsource/source-serif-4', file: 'source-serif-4', name: SERIF, weights: [600, 700] },
];

interface FontFile extends Omit<Font, 'data'> {
  path: string;
}

/** The WOFF files, resolved from the project root: built chunks may live elsewhere. */
function fontFiles(): FontFile[] {
  const require = createRequire(path.join(process.cwd(), 'package.json'));
  return FACES.flatMap(({ pkg, file, name, weights }) =>
    weights.flatMap((weight) =>
      SUBSETS.map((subset) => ({
        name,
        weight,
        style: 'normal' as const,
        path: require.resolve(`${pkg}/files/${file}-${subset}-${weight}-normal.woff`),
      })),
    ),
  );
}

let fonts: Font[] | undefined;

/** Reads the WOFF files once. */
function loadFonts(): Font[] {
  fonts ??= fontFiles().map(({ path: file, ...font }) => ({ ...font, data: readFileSync(file) }));
  return fonts;
}

/** Lays out the tree as SVG, text drawn as paths. */
export function renderSvg(tree: OgNode): Promise<string> {
  // satori caches parsed fonts per array, so passing the same array keeps later images cheap.
  return satori(tree, { width: OG_WIDTH, height: OG_HEIGHT, fonts: loadFonts() });
}

interface Job {
  id: number;
  tree: OgNode;
  resolve: (png: Uint8Array<ArrayBuffer>) => void;
  reject: (e: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  /** The job it is drawing; one at a time. */
  job: Job | undefined;
  /** Ends the worker once it has been idle for IDLE_MS. */
  retire?: ReturnType<typeof setTimeout> | undefined;
}

/**
 * How long a worker may wait for its next card before it ends. A build queues all its cards at
 * once (drawAhead), so its workers end soon after the last card, and their memory (an isolate,
 * resvg's wasm memory, fonts) is given back before the end-of-build steps, where the build's
 * memory peaks (docs/performance.md, "Memory").
 */
const IDLE_MS = 1000;

/**
 * Workers live while there are cards to draw. The native resvg-js kept each rendered bitmap
 * (3 MB at 1200×630) until garbage collection, so workers were replaced every 40 cards to give
 * that memory back; replacing threads itself cost memory (glibc keeps the arenas of ended
 * threads). The worker now draws with resvg-wasm and frees each bitmap, so its memory stays flat
 * while it draws (docs/performance.md, "Issue 17").
 */
let pool: PoolWorker[] | undefined;
let nextJob = 0;
const queue: Job[] = [];

function startWorker(): PoolWorker {
  const script = process.env['SOURCED_OG_WORKER'] ?? OG_WORKER;
  const entry: PoolWorker = {
    worker: new Worker(script, { workerData: { fonts: fontFiles() }, resourceLimits: WORKER_RESOURCE_LIMITS }),
    job: undefined,
  };
  // An idle worker must not keep the build process alive.
  entry.worker.unref();
  entry.worker.on('message', ({ id, png, error }: { id: number; png?: Uint8Array; error?: string }) => {
    const job = entry.job;
    if (job?.id !== id) return;
    entry.job = undefined;
    entry.worker.unref();
    // A copy on a plain ArrayBuffer, which Response accepts as a body.
    if (png) job.resolve(new Uint8Array(png));
    else job.reject(new Error(`Drawing a preview card failed: ${error}`));
    pump();
  });
  entry.worker.on('error', (e: Error) => {
    entry.job?.reject(e);
    entry.job = undefined;
    if (pool) pool = pool.filter((w) => w !== entry);
    pump();
  });
  return entry;
}

/** Gives queued cards to idle workers, starting workers up to the pool's size. */
function pump(): void {
  const size = Math.max(1, Math.min(4, availableParallelism()));
  pool ??= [];
  let idle = pool.filter((entry) => !entry.job).length;
  while (pool.length < size && queue.length > idle) {
    pool.push(startWorker());
    idle++;
  }
  for (const entry of pool) {
    if (entry.job) continue;
    const job = queue.shift();
    if (!job) {
      retireLater(entry);
      continue;
    }
    clearTimeout(entry.retire);
    entry.retire = undefined;
    entry.job = job;
    entry.worker.ref();
    entry.worker.postMessage({ id: job.id, tree: job.tree, width: OG_WIDTH, height: OG_HEIGHT });
  }
}

/** Ends an idle worker after IDLE_MS, unless it is given a card meanwhile. */
function retireLater(entry: PoolWorker): void {
  entry.retire ??= setTimeout(() => {
    if (entry.job) return;
    pool = pool?.filter((w) => w !== entry);
    void entry.worker.terminate();
  }, IDLE_MS);
  // A waiting timer must not keep the process alive either.
  entry.retire.unref();
}

/** How many card workers are running: for tests. */
export const cardWorkers = (): number => pool?.length ?? 0;

/**
 * Lays out the tree and rasterises it to a 1200×630 PNG in a worker thread (og-worker.mjs), one
 * per core up to four. Drawing takes tens of milliseconds a card and Astro renders pages on one
 * thread; with workers, and Astro building a few pages at once (build.concurrency), the cards are
 * drawn on the other cores meanwhile.
 */
export function renderPng(tree: OgNode): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    queue.push({ id: nextJob++, tree, resolve, reject });
    pump();
  });
}

/** Bump when the look of the cards changes in a way their trees do not show (e.g. new fonts). */
const RENDER_VERSION = '2';

/**
 * Cards being drawn, by cache file, so a card asked for again meanwhile is drawn once. A card
 * leaves the map once its file is written: later requests read the file, and the build does not
 * hold every card it drew in memory.
 */
const drawing = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();

/** The cache file for a tree, keyed by the tree, the fonts and the renderer versions. */
function cacheFile(dir: string, tree: OgNode): string {
  const hash = createHash('sha256').update(RENDER_VERSION).update(rendererVersions());
  for (const f of loadFonts()) hash.update(`${f.name}/${f.weight}/${f.data.length}`);
  return path.join(dir, `${hash.update(JSON.stringify(tree)).digest('hex').slice(0, 40)}.png`);
}

/** Draws the tree into its cache file, or joins the drawing already under way. */
function drawInto(file: string, tree: OgNode): Promise<Uint8Array<ArrayBuffer>> {
  let job = drawing.get(file);
  if (!job) {
    job = renderPng(tree)
      .then((png) => {
        mkdirSync(path.dirname(file), { recursive: true });
        // Written whole, then renamed: another build sharing the cache never reads half a card.
        const partial = `${file}.${process.pid}.${randomUUID()}.partial`;
        writeFileSync(partial, png);
        renameSync(partial, file);
        return png;
      })
      .finally(() => drawing.delete(file));
    drawing.set(file, job);
  }
  return job;
}

/**
 * renderPng with a disk cache keyed by the tree, the fonts and the renderer versions, in the
 * directory the og-image-cache integration names; without it, this just renders.
 */
export async function cachedPng(tree: OgNode): Promise<Uint8Array<ArrayBuffer>> {
  const dir = process.env['SOURCED_OG_CACHE_DIR'];
  if (!dir) return renderPng(tree);
  const file = cacheFile(dir, tree);
  try {
    return new Uint8Array(readFileSync(file));
  } catch {
    // Not drawn yet, or being drawn (the file is written only when the card is done).
    return drawInto(file, tree);
  }
}

/**
 * Starts drawing every card that is not in the cache yet, in the order given, and returns at
 * once; the endpoints then find each card drawn, or join its drawing. Only in a build, where the
 * og-image-cache integration sets SOURCED_OG_DRAW_AHEAD and renders the image routes last, so
 * the workers draw while the main thread renders every other page (docs/performance.md).
 */
export function drawAhead(trees: Iterable<OgNode>): void {
  const dir = process.env['SOURCED_OG_CACHE_DIR'];
  if (process.env['SOURCED_OG_DRAW_AHEAD'] !== '1' || !dir) return;
  for (const tree of trees) {
    const file = cacheFile(dir, tree);
    // A failed card is drawn again when its page asks for it, and that reports the error.
    if (!existsSync(file)) drawInto(file, tree).catch(() => undefined);
  }
}

let versions: string | undefined;
function rendererVersions(): string {
  versions ??= ['satori', '@resvg/resvg-wasm', 'sharp']
    .map((pkg) => {
      try {
        return (
          JSON.parse(readFileSync(path.join(process.cwd(), 'node_modules', pkg, 'package.json'), 'utf8')) as {
            version: string;
          }
        ).version;
      } catch {
        return '?';
      }
    })
    .join('/');
  return versions;
}

/** A PNG response for an Astro endpoint. */
export async function pngResponse(tree: OgNode): Promise<Response> {
  return new Response(await cachedPng(tree), { headers: { 'Content-Type': 'image/png' } });
}
