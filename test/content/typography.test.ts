// The site's own words in the glossary and the source notes are set with typographic
// apostrophes (Iran’s, not Iran's). Aliases are exempt: they match text as written, and the
// matcher treats both apostrophes alike.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIELDS = ['name', 'fullName', 'description', 'ownership'];

function ownWords(dir: string): { file: string; field: string; text: string }[] {
  const abs = path.join(ROOT, 'content', dir);
  return readdirSync(abs)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => {
      const data = load(readFileSync(path.join(abs, f), 'utf8')) as Record<string, unknown>;
      return FIELDS.filter((k) => typeof data[k] === 'string').map((k) => ({
        file: `${dir}/${f}`,
        field: k,
        text: data[k] as string,
      }));
    });
}

describe('typography of the site’s own words', () => {
  for (const dir of ['glossary', 'sources']) {
    it(`uses typographic apostrophes in every ${dir} entry`, () => {
      const words = ownWords(dir);
      expect(words.length).toBeGreaterThan(5);
      const straight = words.filter((w) => /\p{L}'\p{L}/u.test(w.text)).map((w) => `${w.file} ${w.field}: ${w.text}`);
      expect(straight, straight.join('\n')).toEqual([]);
    });
  }
});
