// `npm run new` and `npm run review` run from a bundle of src/editorial (scripts/editorial.mjs),
// which must never be stale: a changed source file makes it again on the next run.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorialBundle, removeBundle } from '../../scripts/lib/editorial-bundle.mjs';
import { copyProject, type ProjectCopy } from '../support/project-copy';

let project: ProjectCopy;
const review = (...args: string[]) =>
  project.run(process.execPath, [path.join(project.dir, 'scripts/editorial.mjs'), 'review', ...args]);

beforeAll(() => {
  project = copyProject();
});

afterAll(() => {
  // The bundle lives in the linked node_modules/.cache, under the copy's own folder name.
  if (project) removeBundle(project.dir);
  project?.remove();
});

describe('the editorial commands’ bundle', () => {
  it('runs the review, then is used again as it is while no source file changes', async () => {
    const first = review('--all');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/\(published\): nothing stands in the way\./);
    expect(await editorialBundle(project.dir)).toMatchObject({ built: false });
  }, 120_000);

  it('is made again when a file it was made from changes, so a command never runs stale code', async () => {
    const file = path.join(project.dir, 'src/editorial/review.ts');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('nothing stands in the way.', 'nothing in the way (edited).'),
    );
    const after = review('--all');
    expect(after.status).toBe(0);
    expect(after.stdout).toMatch(/\(published\): nothing in the way \(edited\)\./);
    expect(await editorialBundle(project.dir)).toMatchObject({ built: false });
  }, 120_000);

  it('names an unknown command once, with a fix, and exits 2', () => {
    const r = project.run(process.execPath, [path.join(project.dir, 'scripts/editorial.mjs'), 'reveiw']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('Unknown editorial command "reveiw".\n    Fix: Use npm run new or npm run review.');
  });

  it('reports a source file it cannot bundle by file and line, without a stack trace', () => {
    const file = path.join(project.dir, 'src/editorial/review.ts');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nexport const broken = ;\n`);
    const r = review('--all');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^The editorial commands could not be bundled: /);
    expect(r.stderr).toMatch(/src\/editorial\/review\.ts:\d+:\d+/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});
