// `npm run review`: what stands between an article and publication. Each case edits a copy of
// the content, so the repository's own files are never touched.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { splitMarkdown } from '../../src/lib/problems';
import { loadYaml } from '../../src/lib/yaml';
import { runNew } from '../../src/editorial/new-command';
import { runReview } from '../../src/editorial/review-command';
import { wordDiff } from '../../src/editorial/review';
import { ROOT } from '../support/global-setup';
import { SEED_SLUG, seedText } from '../support/content';

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

/** A copy of the content folder, with the seed article passed through `edit`. */
function copy(edit: (article: string) => string = (a) => a): string {
  const root = mkdtempSync(path.join(tmpdir(), 'sourced-review-'));
  roots.push(root);
  cpSync(path.join(ROOT, 'content'), path.join(root, 'content'), { recursive: true });
  const file = path.join(root, 'content/articles', `${SEED_SLUG}.md`);
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return root;
}

const seedClaims = () =>
  (
    loadYaml(splitMarkdown(readFileSync(path.join(ROOT, 'content/articles', `${SEED_SLUG}.md`), 'utf8')).yaml!) as {
      claims: { id: string; kind: string; primaryWording?: string }[];
    }
  ).claims;

describe('npm run review', () => {
  it('passes every published article in the repository (CI runs this)', () => {
    const { code, output } = runReview(['--all'], ROOT);
    expect(code, output).toBe(0);
    expect(output).not.toMatch(/Error|at .*\(.*:\d+:\d+\)/);
  });

  it('shows each quotation that differs from its recorded primary wording as a word diff, without failing', () => {
    const recorded = seedClaims().filter((c) => c.kind === 'direct-quote' && c.primaryWording);
    expect(recorded.length).toBeGreaterThan(0);
    const { code, output } = runReview([SEED_SLUG], copy());
    expect(code).toBe(0);
    for (const c of recorded)
      expect(output).toMatch(new RegExp(`\\[${c.id}\\] quotes words that differ[^\\n]*(\\[-|\\{\\+)`));
  });

  it('fails a published article with a pending claim, a wrong weekday, an unlinked name and a missing bibliography key, listing each once', () => {
    const root = copy((a) =>
      a
        .replace('status: unverified', 'status: pending')
        .replace(/(:date\[on Friday\]\{value=)2024-10-11/, '$12024-10-12')
        .replace(/checked: \[([^\]]+)\]/, 'checked: [$1, nowhere-2024]')
        .replace(/\n$/, '\n\nSergei Lavrov agreed with Putin.\n'),
    );
    const { code, output } = runReview([SEED_SLUG], root);
    expect(code).toBe(1);
    expect(output).toMatch(/is pending: not checked yet/);
    expect(output).toMatch(/\[on Friday\] says friday but 2024-10-12 is a saturday/);
    expect(output).toMatch(/"Sergei Lavrov" matches no glossary entry/);
    expect(output).toMatch(/cites "nowhere-2024", which is not in the bibliography/);
    const lines = output.split('\n').filter((l) => /^\s+\d/.test(l));
    expect(new Set(lines).size).toBe(lines.length);
    expect(output.match(/^content\/articles\/.*\.md/gm)).toHaveLength(1);
  });

  it('reports a verdict with no findings', () => {
    const root = copy((a) => a.replace(/(status: corroborated\n(?: {4}.*\n)*?) {4}checked: \[[^\]]*\]\n/, '$1'));
    const { code, output } = runReview([SEED_SLUG], root);
    expect(code).toBe(1);
    expect(output).toMatch(/is marked "corroborated" but lists no findings/);
  });

  it('lists a fresh draft’s pending claims and guesses without failing, since a draft is not published', () => {
    const root = copy();
    writeFileSync(path.join(root, 'seed.txt'), seedText());
    const made = runNew(
      ['seed.txt', '--url', 'https://example.com/news/a-story-about-a-meeting', '--outlet', 'reuters'].concat([
        '--published',
        '2024-10-11',
        '--slug',
        'drafted',
      ]),
      root,
    );
    expect(made.code, made.output).toBe(0);
    const { code, output } = runReview(['drafted'], root);
    expect(code).toBe(0);
    expect(output).toMatch(/\(draft\): \d+ to resolve before publication/);
    expect(output).toMatch(/has a guessed speaker vladimir-putin not yet confirmed/);
  });

  it('names an unknown article and suggests a near one', () => {
    const { code, output } = runReview(['putin-pezeshkian'], ROOT);
    expect(code).toBe(2);
    expect(output).toContain(`Did you mean ${SEED_SLUG}?`);
    expect(output).toContain('Fix:');
  });
});

describe('word diff of a quotation against the primary record', () => {
  it('marks removed words [-…-] and added words {+…+}, ignoring quotation marks', () => {
    expect(
      wordDiff('“the total destruction of a civilian population”', 'total destruction of the civilian population'),
    ).toBe('{+the +}total destruction of [-the-]{+a+} civilian population');
  });

  it('finds no difference when only the quotation marks and final stop differ', () => {
    expect(wordDiff('“We are close.”', 'We are close')).toBeUndefined();
  });
});
