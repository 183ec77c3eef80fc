import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MIN_DEFERRED_PX,
  PLACEHOLDER_BANDS,
  deferredLayoutClass,
  estimateHeight,
  measureHtml,
  textChars,
  type TextMeasure,
} from '../../src/lib/deferred-layout';

const none = { item: 0, heading: 0, box: 0, row: 0 };
const measure = (chars: number, blocks: Partial<TextMeasure['blocks']> = {}): TextMeasure => ({
  chars,
  blocks: { ...none, ...blocks },
});

describe('measureHtml', () => {
  it('counts the characters a reader sees, not tags, comments, scripts or styles', () => {
    const m = measureHtml(
      '<section><h2>Sources</h2><!-- note --><script>let x = 1;</script><style>p{color:red}</style><p>Two  words</p></section>',
    );
    expect(m.chars).toBe('SourcesTwo words'.length);
  });

  it('counts an entity as one character', () => {
    expect(measureHtml('<p>a&amp;b&#8217;c</p>').chars).toBe(5);
  });

  it('counts the same characters as textChars, which deferText asks of each paragraph', () => {
    const html = '<p>One <mark>two</mark>&amp; <!-- x --> three\n four</p><ul><li>Five</li></ul>';
    expect(textChars(html)).toBe('One two& three fourFive'.length);
    expect(measureHtml(html).chars).toBe(textChars(html));
  });

  it('counts blocks by kind: items, headings, boxes and grid rows', () => {
    const m = measureHtml(
      '<section><h2>x</h2><ul><li>a</li><li>b</li></ul><dl><dt>k</dt><dd>v</dd></dl><p>c</p></section>',
    );
    expect(m.blocks).toEqual({ item: 3, heading: 1, box: 3, row: 2 });
  });
});

describe('estimateHeight', () => {
  it('grows with the text and with each block', () => {
    const base = estimateHeight(measure(1000, { item: 10 }));
    expect(estimateHeight(measure(2000, { item: 10 }))).toBeGreaterThan(base);
    expect(estimateHeight(measure(1000, { item: 11 }))).toBeGreaterThan(base);
    expect(estimateHeight(measure(1000, { item: 10, heading: 1 }))).toBeGreaterThan(base);
  });
});

describe('deferredLayoutClass', () => {
  it('picks the smallest band at least as tall as the estimate', () => {
    const m = measure(2621, { item: 30, heading: 8, box: 15, row: 56 });
    const height = estimateHeight(m);
    const band = PLACEHOLDER_BANDS.find((b) => b >= height);
    expect(deferredLayoutClass(m)).toBe(`defer-layout defer-h-${band}`);
    const below = PLACEHOLDER_BANDS[PLACEHOLDER_BANDS.indexOf(band!) - 1]!;
    expect(below).toBeLessThan(height);
  });

  it('leaves a short list to be laid out as usual', () => {
    expect(estimateHeight(measure(100, { item: 1 }))).toBeLessThan(MIN_DEFERRED_PX);
    expect(deferredLayoutClass(measure(100, { item: 1 }))).toBeUndefined();
  });

  it('leaves a list taller than the largest band to be laid out as usual', () => {
    expect(deferredLayoutClass(measure(10_000_000))).toBeUndefined();
  });
});

describe('the placeholder bands', () => {
  const css = readFileSync(path.resolve(import.meta.dirname, '../../src/styles/global.css'), 'utf8');
  const rules = new Map(
    [...css.matchAll(/\.defer-h-(\d+)\s*\{\s*contain-intrinsic-block-size:\s*auto\s+(\d+)px;\s*\}/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]),
  );

  it('each have a rule in global.css giving that height', () => {
    for (const band of PLACEHOLDER_BANDS) expect(rules.get(band), `.defer-h-${band}`).toBe(band);
  });

  it('have no rule in global.css that no band uses', () => {
    expect([...rules.keys()].filter((b) => !(PLACEHOLDER_BANDS as readonly number[]).includes(b))).toEqual([]);
  });

  it('rise in order', () => {
    expect([...PLACEHOLDER_BANDS].sort((a, b) => a - b)).toEqual([...PLACEHOLDER_BANDS]);
  });
});
