// The end-of-build scan: one pass over every page gives the integrity check its ids and links
// and the host headers their policy, and scanning across worker threads gives the same result
// as scanning in one thread.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  builtPages,
  EarlyScan,
  SCAN_WORKER as WORKER,
  scanBuiltSite,
} from '../../../src/integrations/finish-build/built-site';
import { scanPage, type PageScan } from '../../../src/integrations/finish-build/page-scan.mjs';
import { KeyedCache } from '../../../src/lib/keyed-cache';

const POLICY = "default-src 'self'; script-src 'self' 'sha256-abc='";
const page = (body: string, head = `<meta http-equiv="Content-Security-Policy" content="${POLICY}">`) =>
  `<!doctype html><html><head><title>t</title>${head}</head><body>${body}</body></html>`;

describe('scanPage', () => {
  it('reads the policy from the head, entities decoded, and ignores one in the body', () => {
    expect(scanPage(page('')).policy).toBe(POLICY);
    expect(scanPage(page('', `<meta http-equiv="content-security-policy" content="a &amp; b">`)).policy).toBe('a & b');
    expect(
      scanPage(page(`<meta http-equiv="Content-Security-Policy" content="${POLICY}">`, '')).policy,
    ).toBeUndefined();
  });

  it('keeps each link once, with its element and attribute, and every id and claim mark', () => {
    const scan = scanPage(
      page(
        `<a href="/x/" id="a">x</a><a href="/x/">again</a><img src="/i.png" srcset="/i.png 1x, /i2.png 2x" alt="">` +
          `<mark class="claim" id="claim-one">c</mark><mark class="claim">d</mark><a name="old">o</a>`,
      ),
    );
    expect(scan.ids).toEqual(['a', 'claim-one', 'old']);
    expect(scan.claimMarks).toEqual(['claim-one', '']);
    expect(scan.links.map((l) => `${l.element} ${l.attribute}=${l.value}`)).toEqual([
      'a href=/x/',
      'img src=/i.png',
      'img srcset=/i.png',
      'img srcset=/i2.png',
    ]);
  });
});

describe('scanBuiltSite', () => {
  let dir: string;
  const pages = 450;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sourced-scan-'));
    for (let i = 0; i < pages; i++) {
      mkdirSync(path.join(dir, `p${i}`));
      writeFileSync(
        path.join(dir, `p${i}`, 'index.html'),
        page(`<h1 id="top-${i}">${i}</h1><a href="/p${(i + 1) % pages}/#top-${(i + 1) % pages}">next</a>`),
      );
    }
    writeFileSync(path.join(dir, 'logo.svg'), '<svg/>');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same scans from worker threads as from one thread, in listing order', async () => {
    const inline = await scanBuiltSite(dir);
    const threaded = await scanBuiltSite(dir, { workerScript: WORKER, threads: 3 });
    expect(threaded.pages.size).toBe(pages);
    expect([...threaded.pages.keys()]).toEqual([...inline.pages.keys()]);
    expect([...threaded.pages]).toEqual([...inline.pages]);
    expect(threaded.files).toEqual(inline.files);
    expect(threaded.files.has('logo.svg')).toBe(true);
    const p7 = threaded.pages.get('p7/index.html')!;
    expect(p7.ids).toEqual(['top-7']);
    expect(p7.links.map((l) => l.value)).toEqual(['/p8/#top-8']);
    expect(p7.policy).toBe(POLICY);
  });

  it('with a cache, tokenises only pages whose bytes it has not seen, and gives the same scans as without', async () => {
    const file = path.join(dir, '..', `${path.basename(dir)}-scans.jsonl`);
    try {
      const first = await scanBuiltSite(dir, { cache: new KeyedCache<PageScan>(file, 'v') });
      expect(first.scanned).toBe(pages);
      // Reused only when the file was saved.
      expect((await scanBuiltSite(dir, { cache: new KeyedCache<PageScan>(file, 'v') })).scanned).toBe(pages);
      const cache = new KeyedCache<PageScan>(file, 'v');
      await scanBuiltSite(dir, { cache });
      cache.save();

      // A page edited to point at a page that does not exist is scanned again, link and all.
      const edited = path.join(dir, 'p3', 'index.html');
      const before = readFileSync(edited, 'utf8');
      writeFileSync(edited, page('<a href="/nowhere/#gone">broken</a>'));
      try {
        for (const threads of [1, 3]) {
          const warm = await scanBuiltSite(dir, {
            cache: new KeyedCache<PageScan>(file, 'v'),
            workerScript: WORKER,
            threads,
          });
          expect(warm.scanned).toBe(1);
          expect(warm.pages.get('p3/index.html')!.links.map((l) => l.value)).toEqual(['/nowhere/#gone']);
          expect([...warm.pages]).toEqual([...(await scanBuiltSite(dir)).pages]);
        }
        // Under another version of the code nothing is reused.
        expect((await scanBuiltSite(dir, { cache: new KeyedCache<PageScan>(file, 'v2') })).scanned).toBe(pages);
      } finally {
        writeFileSync(edited, before);
      }
    } finally {
      rmSync(file, { force: true });
    }
  });

  it('does not read a page whose key is vouched for and whose scan is cached, and reads one whose scan is not', async () => {
    const file = path.join(dir, '..', `${path.basename(dir)}-vouched.jsonl`);
    try {
      const cache = new KeyedCache<PageScan>(file, 'v');
      const cold = await scanBuiltSite(dir, { cache });
      cache.save();
      expect(cold.read).toBe(pages);
      expect(cold.keys.size).toBe(pages);
      // Vouched keys of half the pages: those are taken as they are, the rest read and hashed.
      const vouched = new Map([...cold.keys].filter((_, i) => i % 2 === 0));
      for (const threads of [1, 3]) {
        const warm = await scanBuiltSite(dir, {
          cache: new KeyedCache<PageScan>(file, 'v'),
          workerScript: WORKER,
          threads,
          vouched,
        });
        expect(warm.read).toBe(pages - vouched.size);
        expect(warm.scanned).toBe(0);
        expect(warm.keys).toEqual(cold.keys);
        expect([...warm.pages]).toEqual([...cold.pages]);
      }
      // A vouched key the cache has no scan for is no reason to skip the page: it is read.
      const unknown = await scanBuiltSite(dir, {
        cache: new KeyedCache<PageScan>(file, 'v'),
        vouched: new Map([['p3/index.html', 'a key no build saw']]),
      });
      expect(unknown.read).toBe(pages);
      expect(unknown.keys.get('p3/index.html')).toBe(cold.keys.get('p3/index.html'));
    } finally {
      rmSync(file, { force: true });
    }
  });

  it('rejects, rather than waiting for ever, when its workers cannot start', async () => {
    await expect(
      scanBuiltSite(dir, {
        workerScript: path.resolve('src/integrations/finish-build/no-such-worker.mjs'),
        threads: 2,
      }),
    ).rejects.toThrow();
  });
});

describe('EarlyScan', () => {
  let dir: string;
  const pages = 450;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sourced-early-'));
    for (let i = 0; i < pages; i++) {
      mkdirSync(path.join(dir, `p${i}`));
      writeFileSync(
        path.join(dir, `p${i}`, 'index.html'),
        page(`<h1 id="top-${i}">${i}</h1><a href="/p${(i + 1) % pages}/#top-${(i + 1) % pages}">next</a>`),
      );
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('scans pages handed over in small lots, and the check then reads every page but scans none', async () => {
    const early = new EarlyScan(dir, { workerScript: WORKER, threads: 2 });
    const all = builtPages(dir);
    // Lots far smaller than a worker's batch, as an article's claim pages come.
    for (let i = 0; i < all.length; i += 7) early.add(all.slice(i, i + 7));
    const scans = await early.scans();
    expect(scans.size).toBe(pages);
    const checked = await scanBuiltSite(dir, { workerScript: WORKER, threads: 2, early: scans });
    expect(checked.read).toBe(pages);
    expect(checked.scanned).toBe(0);
    expect(checked.scannedEarly).toBe(pages);
    expect([...checked.pages]).toEqual([...(await scanBuiltSite(dir)).pages]);
  });

  it('does not pass a page changed after its early scan on that scan: the check scans its new bytes', async () => {
    const early = new EarlyScan(dir, { workerScript: WORKER, threads: 2 });
    early.add(builtPages(dir));
    const scans = await early.scans();
    const edited = path.join(dir, 'p3', 'index.html');
    const before = readFileSync(edited, 'utf8');
    writeFileSync(edited, page('<a href="/nowhere/#gone">broken</a>'));
    try {
      for (const threads of [1, 2]) {
        const checked = await scanBuiltSite(dir, { workerScript: WORKER, threads, early: scans });
        expect(checked.scanned).toBe(1);
        expect(checked.scannedEarly).toBe(pages - 1);
        expect(checked.pages.get('p3/index.html')!.links.map((l) => l.value)).toEqual(['/nowhere/#gone']);
      }
    } finally {
      writeFileSync(edited, before);
    }
  });

  it('adds its scans to the cache for the next build, but not those of bytes no page has any more', async () => {
    const file = path.join(dir, '..', `${path.basename(dir)}-early.jsonl`);
    const edited = path.join(dir, 'p5', 'index.html');
    const before = readFileSync(edited, 'utf8');
    try {
      const early = new EarlyScan(dir, { workerScript: WORKER, threads: 2 });
      early.add(builtPages(dir));
      const scans = await early.scans();
      writeFileSync(edited, page('<p>new</p>'));
      const cache = new KeyedCache<PageScan>(file, 'v');
      await scanBuiltSite(dir, { workerScript: WORKER, threads: 2, early: scans, cache });
      cache.save();
      const saved = new KeyedCache<PageScan>(file, 'v');
      expect(saved.size).toBe(pages);
      expect((await scanBuiltSite(dir, { cache: saved })).scanned).toBe(0);
    } finally {
      writeFileSync(edited, before);
      rmSync(file, { force: true });
    }
  });

  it('leaves a page it could not read to the check, which reports the error itself', async () => {
    const early = new EarlyScan(dir, { workerScript: WORKER, threads: 2 });
    early.add(['p1/index.html', 'missing/index.html', 'p2/index.html']);
    // No rejection here: the missing page's batch gives no scans, and the check reads the site as it is.
    const scans = await early.scans();
    expect(scans.size).toBe(0);
    const checked = await scanBuiltSite(dir, { workerScript: WORKER, threads: 2, early: scans });
    expect(checked.scanned).toBe(pages);
  });

  it('scans nothing and keeps no worker once cancelled, and skips pages whose scans the cache holds', async () => {
    const cancelled = new EarlyScan(dir, { workerScript: WORKER, threads: 2 });
    cancelled.add(builtPages(dir));
    cancelled.cancel();
    expect((await cancelled.scans()).size).toBeLessThan(pages);
    const known = (await scanBuiltSite(dir)).pages.size;
    expect(known).toBe(pages);
    const keys = (await scanBuiltSite(dir, { cache: new KeyedCache<PageScan>(undefined, '') })).keys;
    const early = new EarlyScan(dir, { workerScript: WORKER, threads: 2, known: [...keys.values()].slice(0, 100) });
    early.add(builtPages(dir));
    expect((await early.scans()).size).toBe(pages - 100);
  });
});
