// The host check over synthetic output folders: empty files for the file-count limits, sparse
// files (a size on paper, no disk used) for the byte limits.
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { checkOutput, hostTarget } from '../../../src/integrations/host-limits';
import {
  HOST_LIMITS,
  checkHost,
  deployTarget,
  describeOutput,
  measureOutput,
  type OutputSize,
} from '../../../src/integrations/host-limits/limits';

const work = mkdtempSync(path.join(tmpdir(), 'sourced-host-limits-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Adds empty files under dir/articles/a<n>/claims/c<m>/index.html until the output holds `total` files. */
function fillWithClaimPages(dir: string, from: number, total: number) {
  for (let i = from; i < total; i++) {
    const folder = path.join(dir, 'articles', `a${Math.floor(i / 25)}`, 'claims', `c${i % 25}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'index.html'), '');
  }
}

function sparse(file: string, bytes: number) {
  closeSync(openSync(file, 'w'));
  truncateSync(file, bytes);
}

interface Logged {
  info: string[];
  warn: string[];
}

/** Runs the post-build step over `dir` with DEPLOY_TARGET set, and keeps what it logs. */
function runHook(dir: string, target: string): Logged {
  const logged: Logged = { info: [], warn: [] };
  const before = process.env['DEPLOY_TARGET'];
  process.env['DEPLOY_TARGET'] = target;
  try {
    const logger = { info: (m: string) => logged.info.push(m), warn: (m: string) => logged.warn.push(m) };
    checkOutput(dir, hostTarget(), logger);
  } finally {
    if (before === undefined) delete process.env['DEPLOY_TARGET'];
    else process.env['DEPLOY_TARGET'] = before;
  }
  return logged;
}

describe('measuring the output', () => {
  it('counts files and bytes, and finds the largest file, the fullest folder and the claim pages', () => {
    const dir = path.join(work, 'measure');
    mkdirSync(path.join(dir, 'articles/a/claims/one'), { recursive: true });
    mkdirSync(path.join(dir, 'pagefind'), { recursive: true });
    writeFileSync(path.join(dir, 'index.html'), 'x'.repeat(100));
    writeFileSync(path.join(dir, 'articles/a/index.html'), 'x'.repeat(300));
    writeFileSync(path.join(dir, 'articles/a/claims/one/index.html'), 'x'.repeat(40));
    for (let i = 0; i < 5; i++) writeFileSync(path.join(dir, 'pagefind', `f${i}`), 'x');
    const o = measureOutput(dir);
    expect(o).toEqual({
      files: 8,
      bytes: 445,
      largest: { file: 'articles/a/index.html', bytes: 300 },
      fullest: { folder: 'pagefind', entries: 5 },
      claimPages: { files: 1, bytes: 40 },
    });
    expect(describeOutput(o)).toBe('output: 8 files, 0.0 MiB; 1 of the files (0.0 MiB) are claim pages');
  });
});

describe('a deploy target', () => {
  afterEach(() => delete process.env['DEPLOY_TARGET']);

  it('is one of the hosts we know, or unset; anything else fails with the list and a near name', () => {
    expect(deployTarget(undefined)).toBeUndefined();
    expect(deployTarget('Cloudflare-Free')).toBe('cloudflare-free');
    expect(() => deployTarget('cloudflare')).toThrow(
      /DEPLOY_TARGET="cloudflare" is not a host this build knows\.\nFix: set DEPLOY_TARGET to one of cloudflare-free, cloudflare-paid, github-pages, netlify, or leave it unset; did you mean "cloudflare-free" or "cloudflare-paid"\?/,
    );
    expect(hostTarget()).toBeUndefined();
    process.env['DEPLOY_TARGET'] = 'gh-pages';
    expect(() => hostTarget()).toThrow(/is not a host this build knows/);
  });
});

// Writing 20,000 files takes seconds, more on a busy machine.
describe('an output growing past Cloudflare Pages’ free plan (20,000 files)', { timeout: 180_000 }, () => {
  const dir = path.join(work, 'cloudflare');

  it('is within the limits well below it, and says how many files it wrote', () => {
    fillWithClaimPages(dir, 0, 10_000);
    const logged = runHook(dir, 'cloudflare-free');
    expect(logged.info[0]).toBe('output: 10,000 files, 0.0 MiB; 10,000 of the files (0.0 MiB) are claim pages');
    expect(logged.warn).toEqual([]);
    expect(logged.info).toContain('within the limits of cloudflare-free');
  });

  it('warns from 80% of the limit, naming the claimPages setting and the paid plan', () => {
    fillWithClaimPages(dir, 10_000, 16_500);
    const logged = runHook(dir, 'cloudflare-free');
    expect(logged.warn).toHaveLength(1);
    expect(logged.warn[0]).toMatch(
      /^Near a limit of Cloudflare Pages \(free plan\) \(DEPLOY_TARGET=cloudflare-free\): it allows 20,000 files, and this build wrote 16,500 \(83% of the limit\)\.\nFix: set SOURCED_CLAIM_PAGES=verdicts \(claim pages are 16,500 files/,
    );
    expect(logged.warn[0]).toContain('or move to a paid plan (DEPLOY_TARGET=cloudflare-paid)');
  });

  it('fails the build past the limit, with the same fix, and passes the paid plan', () => {
    fillWithClaimPages(dir, 16_500, 20_001);
    expect(() => runHook(dir, 'cloudflare-free')).toThrow(
      /^Past a limit of Cloudflare Pages \(free plan\) \(DEPLOY_TARGET=cloudflare-free\): it allows 20,000 files, and this build wrote 20,001 \(100% of the limit\)\.\nFix: set SOURCED_CLAIM_PAGES=verdicts/,
    );
    expect(runHook(dir, 'cloudflare-paid').warn).toEqual([]);
  });
});

describe('an output growing past GitHub Pages’ 1 GB', () => {
  const dir = path.join(work, 'github');

  it('warns from 80% and fails past 1 GB, pointing to hosts that count files instead', () => {
    mkdirSync(dir, { recursive: true });
    sparse(path.join(dir, 'big.bin'), 850_000_000);
    const near = runHook(dir, 'github-pages');
    expect(near.warn).toHaveLength(1);
    expect(near.warn[0]).toMatch(
      /^Near a limit of GitHub Pages .*it allows 1\.00 GB in all, and this build wrote 810\.6 MiB \(85% of the limit\)/,
    );
    sparse(path.join(dir, 'more.bin'), 200_000_000);
    expect(() => runHook(dir, 'github-pages')).toThrow(
      /^Past a limit of GitHub Pages \(DEPLOY_TARGET=github-pages\): it allows 1\.00 GB in all, and this build wrote 1\.05 GB \(105% of the limit\)\.\nFix: deploy to Cloudflare Pages or Netlify/,
    );
  });

  it('fails a Cloudflare build on one file over 25 MiB, naming the file', () => {
    expect(() => runHook(dir, 'cloudflare-paid')).toThrow(/it allows 25\.0 MiB a file, and big\.bin is 810\.6 MiB/);
  });
});

describe('Netlify’s limit of 54,000 entries in one folder', () => {
  const output = (entries: number): OutputSize => ({
    files: entries,
    bytes: 0,
    largest: { file: 'index.html', bytes: 0 },
    fullest: { folder: 'articles', entries },
    claimPages: { files: 0, bytes: 0 },
  });

  it('warns from 80% and fails past it, naming the folder', () => {
    expect(checkHost(output(40_000), 'netlify', 'none')).toEqual([]);
    const near = checkHost(output(44_000), 'netlify', 'none');
    expect(near.map((f) => f.level)).toEqual(['warning']);
    expect(near[0]!.message).toContain('it allows 54,000 entries in one folder, and articles/ has 44,000');
    expect(checkHost(output(54_001), 'netlify', 'none').map((f) => f.level)).toEqual(['error']);
  });

  it('has a limit for every host it names', () => {
    for (const [target, limits] of Object.entries(HOST_LIMITS))
      expect(Object.keys(limits).length, target).toBeGreaterThan(1);
  });
});
