/**
 * Reads what the end-of-build steps need from disk: the built site, one scan of every page, and
 * the claims each article declares. The steps themselves (integrity.ts, host-config.ts) stay
 * pure and testable with small strings.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { scanFile, type PageScan } from './page-scan.mjs';
import type { KeyedCache } from '../../lib/keyed-cache';
import { loadYaml as parseYaml } from '../../lib/yaml';
import type { ArticleClaims } from './integrity';
import { splitMarkdown } from '../../lib/problems';
import { CONTENT_DIRS } from '../../collections/registry';
import { isDraft } from '../../collections/drafts';
import { WORKER_RESOURCE_LIMITS } from '../../lib/worker-limits';

/** The HTML pages of a build, each read from disk only when iterated to. */
export interface BuiltPages extends Iterable<[string, string]> {
  /** How many pages there are. */
  size: number;
}

export interface BuiltSite {
  pages: BuiltPages;
  files: Set<string>;
}

function listBuiltSite(outDir: string): { files: Set<string>; html: string[] } {
  const files = new Set<string>();
  const html: string[] = [];
  for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const rel = path.relative(outDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    files.add(rel);
    if (rel.endsWith('.html')) html.push(rel);
  }
  // In path order, not the file system's: _headers unions the pages' policies in this order, and
  // an incremental build writes the same files in another order than a cold one.
  html.sort();
  return { files, html };
}

/** The HTML pages of a built site, in path order, relative to it with "/" separators. */
export const builtPages = (outDir: string): string[] => listBuiltSite(outDir).html;

/**
 * Lists a built site. Pages are read as they are iterated, not held together: at 2,000
 * articles the HTML alone is over a gigabyte (docs/performance.md).
 */
export function readBuiltSite(outDir: string): BuiltSite {
  const { files, html } = listBuiltSite(outDir);
  const pages: BuiltPages = {
    size: html.length,
    *[Symbol.iterator]() {
      for (const rel of html) yield [rel, readFileSync(path.join(outDir, rel), 'utf8')];
    },
  };
  return { pages, files };
}

/** Claim ids in each article's frontmatter, read independently of the Markdown pipeline. */
export function readArticleClaims(root: string): ArticleClaims[] {
  const dir = path.join(root, CONTENT_DIRS.articles);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const raw = readFileSync(path.join(dir, f), 'utf8');
      const { yaml } = splitMarkdown(raw);
      const fm = (yaml !== undefined ? parseYaml(yaml) : {}) as {
        claims?: { id?: unknown }[];
        status?: unknown;
      } | null;
      const claimIds = (fm?.claims ?? []).map((c) => c?.id).filter((id): id is string => typeof id === 'string');
      return {
        slug: f.replace(/\.md$/, '').split(path.sep).join('/'),
        file: `${CONTENT_DIRS.articles}/${f.split(path.sep).join('/')}`,
        claimIds,
        draft: isDraft(fm),
      };
    });
}

export interface ScannedSite {
  /** Each HTML page's scan, by file path relative to the output folder, in listing order. */
  pages: Map<string, PageScan>;
  /** Every built file (HTML or not), relative to the output folder, with "/" separators. */
  files: Set<string>;
  /** How many pages were tokenised now (the others' scans came from `early` or the cache). */
  scanned: number;
  /** How many pages took a scan made earlier in this build (ScanOptions.early). */
  scannedEarly: number;
  /** How many pages were read from disk (the others' keys were vouched for). */
  read: number;
  /** Each page's content key, by file path. */
  keys: Map<string, string>;
}

/** The scan's worker script, found beside this module wherever the project is. */
export const SCAN_WORKER = fileURLToPath(new URL('./scan-worker.mjs', import.meta.url));

export interface ScanOptions {
  /** The scan-worker.mjs to start; without it, or with one thread, pages are scanned here. */
  workerScript?: string;
  /** Worker threads to use; defaults to one per core. */
  threads?: number;
  /**
   * Scans kept from earlier builds, by the page's content key: a page with the same bytes is
   * read and hashed but not scanned again. New scans are added to it; the caller saves it.
   */
  cache?: KeyedCache<PageScan>;
  /**
   * Content keys of pages known without reading them (an incremental build's unchanged
   * articles, whose files' names, sizes and times were checked against the last build's): a
   * page listed here whose scan the cache holds is not read.
   */
  vouched?: ReadonlyMap<string, string> | undefined;
  /**
   * Scans made earlier in this build, by the content key of the bytes scanned (EarlyScan): a
   * page is read and hashed, and takes one of these only if its bytes are still those.
   */
  early?: ReadonlyMap<string, PageScan> | undefined;
}

/**
 * Makes a scan's link strings one shared string each across the scans it is given: a link seen
 * on many pages (navigation, methodology, glossary) is otherwise a copy per page, as every scan
 * comes from a worker as its own copy.
 */
function linkSharer(): (scan: PageScan) => void {
  const intern = new Map<string, string>();
  const shared = (s: string): string => {
    const known = intern.get(s);
    if (known !== undefined) return known;
    intern.set(s, s);
    return s;
  };
  return (scan) => {
    for (const l of scan.links) {
      l.element = shared(l.element);
      l.attribute = shared(l.attribute);
      l.value = shared(l.value);
    }
  };
}

/** Pages a worker reads and scans per message: large enough that messaging costs little. */
const BATCH = 200;

/** A page's content key, and its scan unless the cache had one for that key. */
type Scanned = { key: string; scan?: PageScan };

/**
 * Reads and scans every page of a built site once, for both the integrity check and the
 * host headers. On a large build the pages are split across worker threads, one per core, since
 * reading and tokenising tens of thousands of pages is the bulk of both (docs/performance.md).
 * With a cache, only pages whose bytes no earlier build scanned are tokenised: a warm build
 * scans the pages that changed. Every page is read and hashed, except those `vouched` lists
 * with a cached scan, and every page is checked.
 * Scans come back as copies, never views into a page's HTML, and a link address seen on many
 * pages (navigation, methodology, glossary) is kept as one shared string.
 */
export async function scanBuiltSite(outDir: string, options: ScanOptions = {}): Promise<ScannedSite> {
  const { files, html } = listBuiltSite(outDir);
  const cache = options.cache;
  const early = options.early ?? new Map<string, PageScan>();
  const known = new Set([...(cache?.keys() ?? []), ...early.keys()]);
  const vouched = (file: string) => {
    const key = options.vouched?.get(file);
    return key !== undefined && known.has(key) ? key : undefined;
  };
  const toRead = html.filter((file) => vouched(file) === undefined);
  const threads = Math.min(options.threads ?? availableParallelism(), Math.ceil(toRead.length / BATCH));
  const read: Scanned[] =
    options.workerScript && threads > 1
      ? await scanInWorkers(outDir, toRead, options.workerScript, threads, known)
      : toRead.map((file) => {
          const { key, scan } = scanFile(path.join(outDir, file), known);
          return scan ? { key, scan: structuredClone(scan) } : { key };
        });
  let next = 0;
  const results: Scanned[] = html.map((file) => {
    const key = vouched(file);
    return key === undefined ? read[next++]! : { key };
  });
  const shareLinks = linkSharer();
  const pages = new Map<string, PageScan>();
  const keys = new Map<string, string>();
  let scanned = 0;
  let scannedEarly = 0;
  html.forEach((file, i) => {
    const { key, scan: fresh } = results[i]!;
    keys.set(file, key);
    const made = fresh ?? early.get(key);
    const scan = made ?? cache?.get(key);
    if (!scan) throw new Error(`The end-of-build scan has no result for ${file}.`);
    if (made) {
      if (fresh) scanned++;
      else scannedEarly++;
      cache?.set(key, made);
    }
    shareLinks(scan);
    pages.set(file, scan);
  });
  return { pages, files, scanned, scannedEarly, read: toRead.length, keys };
}

/**
 * Worker threads that read and scan pages handed to them in any number of lots, in batches, and
 * stop once the last lot is done (close). Results come in the order the files were added.
 */
class ScanPool {
  private readonly files: string[] = [];
  private readonly scans: Scanned[] = [];
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private next = 0;
  private pending = 0;
  private closed = false;
  private settled = false;
  private resolve!: (scans: Scanned[]) => void;
  private reject!: (error: Error) => void;
  /** Every added file's result, once the pool is closed and every batch is back. */
  readonly done: Promise<Scanned[]>;

  constructor(
    outDir: string,
    script: string,
    threads: number,
    known: ReadonlySet<string>,
    /** Called with each scan as it arrives. */
    private readonly received?: (scan: PageScan) => void,
  ) {
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(script, {
        workerData: { outDir, known: [...known] },
        resourceLimits: WORKER_RESOURCE_LIMITS,
      });
      this.workers.push(worker);
      worker.on('message', ({ id, scans: batch, error }: { id: number; scans?: Scanned[]; error?: string }) => {
        this.pending--;
        if (error !== undefined || !batch) {
          this.finish(new Error(`Scanning ${this.files[id]} and the pages after it failed:\n${error ?? 'no result'}`));
          return;
        }
        batch.forEach((scan, j) => {
          if (scan.scan) this.received?.(scan.scan);
          this.scans[id + j] = scan;
        });
        this.give(worker);
      });
      worker.on('error', (e: Error) => this.finish(e));
      this.give(worker);
    }
  }

  /** More pages to scan, by path relative to the output folder. */
  add(files: readonly string[]): void {
    if (this.closed) throw new Error('The page scan was closed before all its pages were added.');
    for (const file of files) this.files.push(file);
    this.wake();
  }

  /** No more pages: the workers end once the pages added are scanned. */
  close(): void {
    this.closed = true;
    this.wake();
  }

  /** The results of the batches that came back (the others' places are empty). */
  scansSoFar(): readonly (Scanned | undefined)[] {
    return this.scans;
  }

  /** Stops the workers; `done` rejects if it had not settled. */
  cancel(): void {
    this.finish(new Error('The page scan was cancelled.'));
  }

  private wake(): void {
    while (this.idle.length && !this.settled) {
      const before = this.next;
      this.give(this.idle.pop()!);
      if (this.next === before) break;
    }
  }

  private finish(error?: Error): void {
    if (this.settled) return;
    this.settled = true;
    for (const w of this.workers) void w.terminate();
    if (error) this.reject(error);
    else this.resolve(this.scans);
  }

  private give(worker: Worker): void {
    if (this.settled) return;
    const waiting = this.files.length - this.next;
    // A batch is sent full while more pages may come; the last ones go as they are.
    if (waiting === 0 || (waiting < BATCH && !this.closed)) {
      if (!this.idle.includes(worker)) this.idle.push(worker);
      if (this.closed && this.pending === 0 && waiting === 0) this.finish();
      return;
    }
    const start = this.next;
    this.next = Math.min(this.files.length, this.next + BATCH);
    this.pending++;
    worker.postMessage({ id: start, files: this.files.slice(start, this.next) });
  }
}

/**
 * The end-of-build scan started early: pages are handed to worker threads as soon as they are
 * final (all of Astro's pages, then each article's claim pages as they are cut) and scanned
 * while the main thread goes on with the build (the claim pages, the search index). The result
 * is only a head start: the check still reads and hashes every page (scanBuiltSite, `early`),
 * and a page whose bytes changed after its early scan is scanned again, so no page is passed
 * on a scan of other bytes than those it ends the build with (docs/performance.md).
 */
export class EarlyScan {
  private readonly pool: ScanPool | undefined;

  /** Without a worker script, nothing is scanned early: the check scans every page. */
  constructor(
    outDir: string,
    { workerScript, threads, known }: { workerScript?: string; threads?: number; known?: Iterable<string> } = {},
  ) {
    if (!workerScript) return;
    // Held until the check, while the search index is built: each link string kept once.
    this.pool = new ScanPool(outDir, workerScript, threads ?? availableParallelism(), new Set(known), linkSharer());
    // A failure is handled where the scans are awaited (scans), not as an unhandled rejection.
    this.pool.done.catch(() => undefined);
  }

  /** Pages that are final from now on, by path relative to the output folder. */
  add(files: readonly string[]): void {
    this.pool?.add(files);
  }

  /** Every page that will be scanned early has been added. */
  close(): void {
    this.pool?.close();
  }

  /** Stops the workers, when the build fails before the check. */
  cancel(): void {
    this.pool?.cancel();
  }

  /**
   * The scans made, by the content key of the bytes scanned. A batch that failed (a page that
   * could not be read or scanned) gives none: the check scans those pages itself, and reports
   * the error if it happens again, once, as it would without an early scan.
   */
  async scans(): Promise<Map<string, PageScan>> {
    const scans = new Map<string, PageScan>();
    if (!this.pool) return scans;
    this.pool.close();
    const results = await this.pool.done.catch(() => this.pool!.scansSoFar());
    for (const result of results) if (result?.scan) scans.set(result.key, result.scan);
    return scans;
  }
}

function scanInWorkers(
  outDir: string,
  html: string[],
  script: string,
  threads: number,
  known: Set<string>,
): Promise<Scanned[]> {
  const pool = new ScanPool(outDir, script, threads, known);
  pool.add(html);
  pool.close();
  return pool.done;
}
