import { describe, expect, it } from 'vitest';
import { RUN_CHARS, deferText } from '../../src/lib/deferred-text';

/** A paragraph of `chars` letters, with a claim's marker when `marker` is given. */
const para = (chars: number, marker?: string) =>
  `<p>${'x'.repeat(chars)}${marker ? `<button class="badge" popovertarget="c" data-chip="${marker}"></button>` : ''}</p>`;
const unwrap = (html: string) => html.replace(/<div class="defer-text defer-h-\d+">|<\/div>/g, '');
const runs = (html: string) => [...html.matchAll(/<div class="(defer-text defer-h-\d+)">/g)].map((m) => m[1]);

describe('deferText', () => {
  it('wraps runs of paragraphs and changes nothing else, byte for byte', () => {
    const html = Array.from({ length: 12 }, () => para(300)).join('\n');
    const out = deferText(html);
    expect(runs(out).length).toBeGreaterThan(1);
    expect(unwrap(out)).toBe(html);
  });

  it('closes a run once it holds RUN_CHARS characters, and joins a short tail to the run before it', () => {
    const per = RUN_CHARS / 3;
    const html = Array.from({ length: 7 }, () => para(per)).join('');
    const out = deferText(html);
    // Six paragraphs make two full runs; the seventh is under half a run, so it joins the second.
    expect(out.match(/<div class="defer-text/g)).toHaveLength(2);
    const second = out.slice(out.lastIndexOf('<div class="defer-text'));
    expect(second.match(/<p>/g)).toHaveLength(4);
  });

  it('never puts a heading, a list or the bibliography in a run', () => {
    const html = [
      para(1000),
      '<h2>Later</h2>',
      para(1000),
      '<section class="bibliography"><p>Entry</p></section>',
    ].join('');
    const out = deferText(html);
    expect(runs(out)).toHaveLength(2);
    expect(out).toContain('</div><h2>Later</h2><div');
    expect(out).toContain('</div><section class="bibliography"><p>Entry</p></section>');
  });

  it('leaves a run too short to be worth deferring as it is', () => {
    const html = para(200);
    expect(deferText(html)).toBe(html);
  });

  it('counts a marker’s words, drawn by CSS, in the placeholder', () => {
    const plain = runs(deferText(para(1000)))[0]!;
    const marked = runs(deferText(para(1000, 'A long channel name · Quote ▾'.repeat(20))))[0]!;
    const px = (c: string) => Number(/defer-h-(\d+)/.exec(c)![1]);
    expect(px(marked)).toBeGreaterThan(px(plain));
  });

  it('wraps whole blocks when the HTML has void elements, comments and a > inside an attribute', () => {
    const html = [
      para(700),
      '<!-- a note --><p><img src="a.png" alt="a > b"><br>' + 'y'.repeat(700) + '</p>',
      para(700),
    ].join('\n');
    const out = deferText(html);
    expect(runs(out).length).toBeGreaterThan(0);
    expect(unwrap(out)).toBe(html);
    for (const run of out.split('<div class="defer-text').slice(1)) expect(run).toMatch(/^[^]*<\/p><\/div>/);
  });

  it('finds the blocks by parsing when a paragraph is closed only by the next one', () => {
    const html = `<p>${'x'.repeat(1000)}<p>${'y'.repeat(1000)}`;
    const out = deferText(html);
    expect(runs(out).length).toBeGreaterThan(0);
    expect(unwrap(out)).toBe(html);
  });
});
