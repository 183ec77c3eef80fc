import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import {
  MIN_DEFERRED_PX,
  PLACEHOLDER_BANDS,
  deferredLayoutClass,
  estimateHeight,
  measureHtml,
  measureTree,
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

/** Text with what HTML escapes, entity look-alikes, kinds of space and characters outside the BMP. */
const textArb = fc
  .array(
    fc.constantFrom(
      'a',
      'é',
      '😀',
      ' ',
      '  ',
      '\n',
      '\t',
      '\u00a0',
      '\u2003',
      '<',
      '>',
      '&',
      ';',
      '#',
      'x1',
      'amp;',
      '&#8217;',
    ),
    {
      maxLength: 8,
    },
  )
  .map((parts) => parts.join(''));
const TAGS = [
  'div',
  'p',
  'li',
  'span',
  'i',
  'a',
  'h2',
  'section',
  'dt',
  'dd',
  'ul',
  'pre',
  'tr',
  'script',
  'style',
  'template',
];
interface Tree {
  type: string;
  [key: string]: unknown;
}
const treeArb = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    textArb.map((value) => ({ type: 'text', value })),
    fc.record({ type: fc.constant('comment'), value: textArb }),
    fc.record({
      type: fc.constant('element'),
      tagName: fc.constantFrom(...TAGS),
      properties: fc.record(
        { className: fc.array(fc.constantFrom('a', 'b-c', 'x>y')), href: textArb, title: textArb },
        { requiredKeys: [] },
      ),
      children: fc.array(tie('node'), { maxLength: 4 }),
    }),
  ),
}));

describe('measureTree', () => {
  it('measures a tree as measureHtml measures the tree’s HTML, whatever its text, tags and attributes', () => {
    fc.assert(
      fc.property(treeArb.node, (node) => {
        const root = { type: 'root', children: [node] };
        expect(measureTree(root as never, toHtml)).toEqual(measureHtml(toHtml(root as never)));
      }),
      { numRuns: 3000 },
    );
  });

  it('counts the element measured among the blocks', () => {
    const list = { type: 'element', tagName: 'div', properties: {}, children: [{ type: 'text', value: ' x ' }] };
    expect(measureTree(list, toHtml)).toEqual({ chars: 1, blocks: { item: 1, heading: 0, box: 0, row: 0 } });
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
