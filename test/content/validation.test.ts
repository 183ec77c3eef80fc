// Bad input: each folder in test/content/invalid/ overlays one mistake on a valid site and
// lists the problems the validator must report, with file, line and id.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/problems';
import { contentProblems } from '../../src/validation/validate';
import { FIXTURE_SITE } from '../support/pipeline';

const invalidDir = path.resolve(import.meta.dirname, 'invalid');
const cases = readdirSync(invalidDir).filter((c) => existsSync(path.join(invalidDir, c, 'expected.json')));
const temp = mkdtempSync(path.join(tmpdir(), 'sourced-invalid-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

interface Expected {
  file: string;
  line: number;
  id?: string;
  includes: string;
}

describe('content validation', () => {
  it('accepts the valid fixture site', async () => {
    expect(await contentProblems(FIXTURE_SITE)).toEqual([]);
  });

  it('accepts the real content of this repository', async () => {
    const problems = await contentProblems(path.resolve(import.meta.dirname, '../..'));
    expect(problems.map(formatProblem)).toEqual([]);
  });

  for (const name of cases) {
    it(`reports ${name.replaceAll('-', ' ')} with its file, line, id and a fix`, async () => {
      const root = path.join(temp, name);
      cpSync(FIXTURE_SITE, root, { recursive: true });
      cpSync(path.join(invalidDir, name, 'content'), path.join(root, 'content'), { recursive: true });
      const expected = JSON.parse(readFileSync(path.join(invalidDir, name, 'expected.json'), 'utf8')) as Expected[];
      const problems = await contentProblems(root);
      expect(problems).toHaveLength(expected.length);
      expected.forEach((e, i) => {
        const p = problems[i]!;
        expect(p.file).toBe(e.file);
        expect(p.line).toBe(e.line);
        if (e.id) expect(p.id).toBe(e.id);
        expect(p.message + p.fix).toContain(e.includes);
        expect(p.fix.length).toBeGreaterThan(10);
        const text = formatProblem(p);
        expect(text).toContain(`${e.file}:${e.line}`);
      });
    });
  }
});
