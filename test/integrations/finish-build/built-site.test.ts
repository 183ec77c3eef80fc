// The end-of-build scan: one pass over every page gives the integrity check its ids and links
// and the host headers their policy, and scanning across worker threads gives the same result
// as scanning in one thread.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCAN_WORKER as WORKER, scanBuiltSite } from '../../../src/integrations/finish-build/built-site';
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
