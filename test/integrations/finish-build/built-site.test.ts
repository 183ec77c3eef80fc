// The end-of-build scan: one pass over every page gives the integrity check its ids and links
// and the host headers their policy, and scanning across worker threads gives the same result
// as scanning in one thread.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCAN_WORKER as WORKER, scanBuiltSite } from '../../../src/integrations/finish-build/built-site';
import { scanPage } from '../../../src/integrations/finish-build/page-scan.mjs';

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

  it('rejects, rather than waiting for ever, when its workers cannot start', async () => {
    await expect(
      scanBuiltSite(dir, {
        workerScript: path.resolve('src/integrations/finish-build/no-such-worker.mjs'),
        threads: 2,
      }),
    ).rejects.toThrow();
  });
});
