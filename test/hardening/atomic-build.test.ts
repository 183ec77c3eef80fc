// `npm run build` never leaves a half-written dist/: in a copy of the project, a good build
// fills dist/, then two broken builds fail (one refused before any page is written, one that
// writes every page and then fails its end-of-build integrity check), and each time the
// previous dist/ is still there byte for byte, with no staging folder left behind; a last good
// build replaces it, and the old output is deleted after the command returns.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SEED_SLUG } from '../support/content';
import { copyProject, type ProjectCopy } from '../support/project-copy';

let project: ProjectCopy;
let before: Map<string, string>;

/** Every file under `dir` with the SHA-256 of its bytes. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.set(path.relative(dir, file), createHash('sha256').update(readFileSync(file)).digest('hex'));
  }
  return out;
}

// A stray BASE_URL would override the base in every link (Astro defines import.meta.env from the
// environment); the script must drop it, or the integrity check fails the good build.
const build = () =>
  project.run('npm', ['run', 'build', '--silent'], { FORCE_COLOR: '0', NO_COLOR: '1', BASE_URL: '/wrong/' });
const siblings = () =>
  readdirSync(project.dir)
    .filter((f) => f.startsWith('dist'))
    .sort();

beforeAll(() => {
  project = copyProject();
  const result = build();
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  before = snapshot(path.join(project.dir, 'dist'));
}, 600_000);

afterAll(() => project?.remove());

describe('npm run build', () => {
  it('puts a successful build in dist/ and leaves no staging folder', () => {
    expect(before.has('index.html')).toBe(true);
    expect(before.has(`articles/${SEED_SLUG}/index.html`)).toBe(true);
    expect(siblings()).toEqual(['dist']);
  });

  it('keeps the previous dist/ intact when the content check refuses the build', () => {
    writeFileSync(
      path.join(project.dir, 'content/articles', `${SEED_SLUG}.md`),
      `${readFileSync(path.join(project.dir, 'content/articles', `${SEED_SLUG}.md`), 'utf8')}\nA :claim[mark]{#no-such-claim} with no entry.\n`,
    );
    const result = build();
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status, output).not.toBe(0);
    expect(output).toContain(`content/articles/${SEED_SLUG}.md`);
    expect(output).toContain('no-such-claim');
    expect(output).toContain('dist was left as it was');
    expect(snapshot(path.join(project.dir, 'dist'))).toEqual(before);
    expect(siblings()).toEqual(['dist']);
  }, 600_000);

  it('keeps the previous dist/ intact when the build fails after writing every page', () => {
    // Restore the article, then add one that passes the content check but links to its
    // original over plain http:, which only the end-of-build integrity check refuses.
    const seed = path.join(project.dir, 'content/articles', `${SEED_SLUG}.md`);
    const text = readFileSync(seed, 'utf8').replace(/\nA :claim\[mark\]\{#no-such-claim\} with no entry\.\n$/, '');
    writeFileSync(seed, text);
    const copy = text.replace(/^( {2}url: )'https:\/\//m, "$1'http://");
    expect(copy).not.toBe(text);
    writeFileSync(path.join(project.dir, 'content/articles/http-original.md'), copy);

    const result = build();
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status, output).not.toBe(0);
    expect(output).toContain('Integrity check of the built site failed');
    expect(output).toContain('articles/http-original/index.html');
    expect(output).toContain('uses plain http:');
    expect(snapshot(path.join(project.dir, 'dist'))).toEqual(before);
    expect(siblings()).toEqual(['dist']);
  }, 600_000);

  it('replaces dist/ after a later good build and deletes the old output after the command returns', async () => {
    rmSync(path.join(project.dir, 'content/articles/http-original.md'));
    const result = build();
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(existsSync(path.join(project.dir, 'dist', 'index.html'))).toBe(true);
    // The old output (dist.previous-<pid>) is deleted by a detached process, not on the editor's wait.
    await vi.waitFor(() => expect(siblings()).toEqual(['dist']), { timeout: 60_000, interval: 250 });
  }, 600_000);
});
