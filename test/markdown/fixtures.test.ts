// Fixture pairs: test/markdown/fixtures/<case>/input.md renders to output.html.
// Set UPDATE_FIXTURES=1 to rewrite the expected output after a deliberate change, then review the diff.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../support/pipeline';

const dir = path.resolve(import.meta.dirname, 'fixtures');
const cases = readdirSync(dir).filter((c) => existsSync(path.join(dir, c, 'input.md')));

describe('the Markdown pipeline renders each fixture to its expected HTML', () => {
  it('has fixtures to run', () => {
    expect(cases.length).toBeGreaterThan(5);
  });
  for (const name of cases) {
    it(`renders ${name.replaceAll('-', ' ')}`, async () => {
      const input = readFileSync(path.join(dir, name, 'input.md'), 'utf8');
      const { html } = await renderMarkdown(input);
      const expectedPath = path.join(dir, name, 'output.html');
      if (process.env['UPDATE_FIXTURES'] || !existsSync(expectedPath)) writeFileSync(expectedPath, `${html}\n`);
      expect(`${html}\n`).toBe(readFileSync(expectedPath, 'utf8'));
    });
  }
});
