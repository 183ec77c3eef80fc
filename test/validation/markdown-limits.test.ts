// The limits checked before parsing: real articles pass, and each limit fails just past it
// with the line where the trouble starts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS, checkMarkdownLimits, nestingOf } from '../../src/validation/markdown-limits';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('limits on a raw article before it is parsed', () => {
  it('accepts the real seed article and the fixture article', () => {
    for (const f of [
      'content/articles/putin-pezeshkian-ashgabat.md',
      'test/fixtures/site/content/articles/sample.md',
    ]) {
      expect(checkMarkdownLimits(readFileSync(path.join(ROOT, f), 'utf8'), f)).toEqual([]);
    }
  });

  it('refuses a file one byte over the size limit, and accepts one at it', () => {
    expect(checkMarkdownLimits('a'.repeat(LIMITS.bytes), 'x.md')).toEqual([]);
    const [p] = checkMarkdownLimits('a'.repeat(LIMITS.bytes + 1), 'x.md');
    expect(p).toMatchObject({ file: 'x.md', line: 1 });
    expect(p!.message).toContain('limited to 512 KB');
  });

  it('counts size in bytes, so multi-byte text cannot slip past', () => {
    expect(checkMarkdownLimits('é'.repeat(LIMITS.bytes / 2 + 1), 'x.md')).toHaveLength(1);
  });

  it('measures nesting from quote markers, list markers and indentation', () => {
    expect(nestingOf('plain text')).toBe(0);
    expect(nestingOf('- item')).toBe(1);
    expect(nestingOf('  - item')).toBe(2);
    expect(nestingOf('> > quote')).toBe(2);
    expect(nestingOf('- - - x')).toBe(3);
    expect(nestingOf('1. > - x')).toBe(3);
    expect(nestingOf('\t\t- x')).toBe(5);
    expect(nestingOf('-notalist')).toBe(0);
  });

  it('refuses the first line nested past the limit, by its line number, and at most three lines', () => {
    const lines = [
      '---',
      'title: x',
      '---',
      '',
      ...Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- item ${i}`),
    ];
    const problems = checkMarkdownLimits(lines.join('\n'), 'x.md');
    expect(problems).toHaveLength(3);
    // Depth is indentation/2 + 1 marker: item 16 on line 21 is the first at 17 levels.
    expect(problems[0]).toMatchObject({ file: 'x.md', line: 21 });
    expect(problems[0]!.message).toContain('nested 17 levels deep');
  });

  it('refuses a paragraph with too many emphasis or bracket characters, naming its first line', () => {
    const under = `${'*a* '.repeat(LIMITS.delimitersPerParagraph / 2)}`;
    expect(checkMarkdownLimits(`intro\n\n${under}`, 'x.md')).toEqual([]);
    const over = `intro\n\nfirst line\n${'[a'.repeat(LIMITS.delimitersPerParagraph + 1)}\n\nnext`;
    const problems = checkMarkdownLimits(over, 'x.md');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'x.md', line: 3 });
    expect(problems[0]!.message).toContain(`${LIMITS.delimitersPerParagraph + 1} "[" characters`);
  });

  it('counts each paragraph on its own, so a long article of ordinary paragraphs passes', () => {
    const para = `${'*a* [@ref] '.repeat(40)}\n\n`;
    expect(checkMarkdownLimits(para.repeat(200), 'x.md')).toEqual([]);
  });
});
