import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ContentError, formatProblems, type ContentProblem } from '../../src/lib/problems';

const speaker: ContentProblem = {
  file: 'content/articles/b.md',
  line: 17,
  column: 14,
  id: 'quote-1',
  message: 'has the unknown speaker "persn-a". Did you mean "person-a"?',
  fix: 'Use a glossary id.',
};
const source: ContentProblem = {
  file: 'content/sources/s.yaml',
  line: 3,
  id: 'land-z',
  message: 'refers to the unknown glossary entry "land-z".',
  fix: 'Create it.',
};
const earlier: ContentProblem = { ...speaker, line: 4, column: 1, id: 'quote-0', message: 'is wrong too.' };
const html: ContentProblem = { ...speaker, line: 30, id: undefined, message: 'has raw HTML.', severity: 'warning' };

describe('the report an editor reads', () => {
  const report = formatProblems([speaker, source, earlier, speaker, html]);

  it('prints each problem once, even when two checks find it', () => {
    expect(report.split('persn-a').length - 1).toBe(1);
  });

  it('groups problems under their file, in position order, keeping file:line:column on each', () => {
    const lines = report.split('\n');
    expect(lines[0]).toBe('Content check failed: 3 problems and 1 warning in 2 files.');
    const b = lines.indexOf('content/articles/b.md');
    const s = lines.indexOf('content/sources/s.yaml');
    expect(b).toBeGreaterThan(0);
    expect(s).toBeGreaterThan(b);
    const at = (text: string) => lines.findIndex((l) => l.includes(text));
    expect(at('content/articles/b.md:4:1 [quote-0]')).toBeGreaterThan(b);
    expect(at('content/articles/b.md:17:14 [quote-1]')).toBeGreaterThan(at('content/articles/b.md:4:1'));
    expect(at('content/articles/b.md:30:14 warning: has raw HTML.')).toBeLessThan(s);
    expect(lines.filter((l) => /^\s+Fix: /.test(l))).toHaveLength(4);
  });

  it('makes an error whose message is the report, with no stack trace to bury it', () => {
    const error = new ContentError([speaker, speaker, source]);
    expect(error.message).toBe(formatProblems([speaker, source]));
    expect(error.problems).toEqual([speaker, source]);
    expect(error.stack).toBe('');
  });

  it('shows as one line when logged, since the loader prints the full report', () => {
    expect(inspect(new ContentError([speaker, source]))).toBe(
      'ContentError: 2 problems in content/articles/b.md, content/sources/s.yaml',
    );
  });
});
