// A broken article must stop the real `astro build` before anything is written, with messages an
// editor can act on: the file, the line, the id concerned and a "Fix:" for each problem.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_SLUG } from '../support/content';
import { ROOT } from '../support/global-setup';

const ARTICLE = `content/articles/${SEED_SLUG}.md`;
const UNKNOWN_SOURCE = 'no-such-agency';
const BAD_KIND = 'hearsay';

const work = mkdtempSync(path.join(tmpdir(), 'sourced-broken-'));
const project = path.join(work, 'project');
const outDir = path.join(work, 'dist');

/** 1-based line of the first line of `text` that is exactly `line`. */
const lineOf = (text: string, line: string) => text.split('\n').indexOf(line) + 1;

let result: { code: number | null; output: string };
let viaLine: number;
let kindLine: number;
let kindClaim: string;
let original: string;

/** Runs `astro build` in the copied project and returns its exit code and output, colours stripped. */
function build(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(project, 'node_modules/astro/bin/astro.mjs'), 'build'],
      {
        cwd: project,
        env: {
          ...process.env,
          SOURCED_OUT_DIR: outDir,
          SOURCED_CACHE_DIR: path.join(work, 'cache'),
          FORCE_COLOR: '0',
          NO_COLOR: '1',
        },
        maxBuffer: 16 * 1024 * 1024,
        timeout: 240_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        // Strip any colour codes so the assertions read plain text (the escape byte is the point).
        // eslint-disable-next-line no-control-regex
        resolve({ code, output: `${stdout}\n${stderr}`.replace(/\u001b\[[0-9;]*m/g, '') });
      },
    );
  });
}

/** Replaces the first frontmatter line matching `pattern` and returns the id of the claim it belongs to. */
function breakFirst(text: string, pattern: RegExp, replacement: string): { text: string; claim: string } {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => pattern.test(l));
  if (i === -1) throw new Error(`${ARTICLE} has no line matching ${pattern}`);
  lines[i] = lines[i]!.replace(pattern, replacement);
  const idLine = lines.slice(0, i).findLast((l) => /^ {2}- id: /.test(l));
  if (!idLine) throw new Error(`line ${i + 1} of ${ARTICLE} is not inside a claim`);
  return { text: lines.join('\n'), claim: idLine.replace(/^ {2}- id: /, '').trim() };
}

beforeAll(async () => {
  for (const entry of ['src', 'content', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(path.join(ROOT, entry), path.join(project, entry), { recursive: true });
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'), 'dir');

  const file = path.join(project, ARTICLE);
  original = readFileSync(file, 'utf8');
  // Two mistakes at once: a channel that is not in content/sources, and a kind outside the taxonomy.
  const a = breakFirst(original, /^( {4}via: \[)[a-z0-9-]+/, `$1${UNKNOWN_SOURCE}`);
  const b = breakFirst(a.text, /^( {4}kind: )[a-z-]+$/, `$1${BAD_KIND}`);
  writeFileSync(file, b.text);
  kindClaim = b.claim;
  viaLine = lineOf(
    b.text,
    b.text.split('\n').find((l) => l.includes(`[${UNKNOWN_SOURCE}`))!,
  );
  kindLine = lineOf(b.text, `    kind: ${BAD_KIND}`);

  result = await build();
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('astro build with a broken article', () => {
  it('exits with a non-zero status', () => {
    // A number: the build ended by itself (not killed by the timeout) and reported failure.
    expect(result.code, result.output).toBeTypeOf('number');
    expect(result.code, result.output).toBeGreaterThan(0);
  });

  it('names the unknown source with the article path and the line where it is used', () => {
    expect(viaLine).toBeGreaterThan(1);
    expect(result.output, result.output).toMatch(
      new RegExp(`${ARTICLE.replaceAll('.', '\\.')}:${viaLine}(:\\d+)?\\b[^\\n]*${UNKNOWN_SOURCE}`),
    );
  });

  it('names the claim whose kind is outside the taxonomy with the article path and the line of the kind', () => {
    expect(kindLine).toBeGreaterThan(1);
    expect(result.output, result.output).toMatch(
      new RegExp(`${ARTICLE.replaceAll('.', '\\.')}:${kindLine}(:\\d+)?\\b[^\\n]*${kindClaim}`),
    );
  });

  it('tells the editor how to fix each problem on a "Fix:" line', () => {
    const fixes = result.output.split('\n').filter((l) => /^\s*Fix: \S/.test(l));
    expect(fixes.length, result.output).toBeGreaterThanOrEqual(2);
    expect(
      fixes.some((l) => l.includes(UNKNOWN_SOURCE)),
      fixes.join('\n'),
    ).toBe(true);
  });

  it('writes no pages', () => {
    expect(existsSync(path.join(outDir, 'index.html'))).toBe(false);
    expect(existsSync(path.join(project, 'dist/index.html'))).toBe(false);
  });

  it('prints each problem once, under its file, with no stack trace and no "content is valid" before it', () => {
    const unknown = result.output.split('\n').filter((l) => l.includes(`unknown source "${UNKNOWN_SOURCE}"`));
    expect(unknown, result.output).toHaveLength(1);
    expect(result.output).toMatch(new RegExp(`^${ARTICLE.replaceAll('.', '\\.')}$`, 'm'));
    expect(result.output).not.toMatch(/Stack trace|^\s+at /m);
    expect(result.output).not.toContain('content is valid');
  });
});

describe('astro build with a mark that names no claim in the body', () => {
  let body: { code: number | null; output: string };
  const TYPO = 'no-such-claim';

  beforeAll(async () => {
    const file = path.join(project, ARTICLE);
    // Restore the frontmatter, then break one mark in the body: only the render can find it.
    const i = original.split('\n').findIndex((l) => /\]\{#[a-z0-9-]+\}/.test(l) && !l.startsWith(' '));
    const broken = original.split('\n');
    broken[i] = broken[i]!.replace(/\]\{#[a-z0-9-]+\}/, `]{#${TYPO}}`);
    writeFileSync(file, broken.join('\n'));
    body = await build();
  }, 300_000);

  it('fails, naming the mark once with its line, and prints no stack trace', () => {
    expect(body.code, body.output).toBeGreaterThan(0);
    const named = body.output.split('\n').filter((l) => l.includes(`{#${TYPO}}`));
    expect(named, body.output).toHaveLength(1);
    expect(named[0]).toMatch(new RegExp(`${ARTICLE.replaceAll('.', '\\.')}:\\d+:\\d+ \\[${TYPO}\\]`));
    expect(body.output).not.toMatch(/Stack trace|^\s+at /m);
    expect(body.output).not.toContain('content is valid');
  });
});
