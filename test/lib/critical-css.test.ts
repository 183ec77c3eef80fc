import { describe, expect, it } from 'vitest';
import { criticalCss, pageTokens, selectorMayMatch } from '../../src/lib/critical-css';

const PAGE = `<html><head></head><body class="page">
  <header id="top"><a class="md:flex max-w-[65ch]" href="/">Home</a></header>
  <p data-status="bad">Text <button popovertarget="c1">i</button></p>
  <div id="c1" popover class="card"><span class="inside-card">closed</span></div>
  <div class="defer-layout defer-h-1000"><ol class="biblio"><li>Entry</li></ol></div>
  <noscript><p class="no-js-only">x</p></noscript>
  <img class="flag" src="a.svg" alt=""><span class="after-void">y</span>
</body></html>`;

describe('the page tokens', () => {
  const tokens = pageTokens(PAGE);

  it('collects the classes, ids, attributes and elements of what is laid out at load', () => {
    for (const c of ['page', 'md:flex', 'max-w-[65ch]', 'flag', 'after-void']) expect(tokens.classes).toContain(c);
    expect(tokens.ids).toContain('top');
    expect(tokens.attributes).toContain('data-status');
    expect(tokens.elements).toContain('button');
  });

  it('keeps a closed popover and a deferred list themselves but leaves out what they hold', () => {
    expect(tokens.classes).toContain('card');
    expect(tokens.classes).toContain('defer-h-1000');
    expect(tokens.classes).not.toContain('inside-card');
    expect(tokens.classes).not.toContain('biblio');
    expect(tokens.elements).not.toContain('li');
  });

  it('leaves out what <noscript> holds', () => {
    expect(tokens.classes).not.toContain('no-js-only');
  });
});

describe('whether a selector may match', () => {
  const tokens = pageTokens(PAGE);

  it('needs every class, id, attribute and element it names', () => {
    expect(selectorMayMatch('.md\\:flex', tokens)).toBe(true);
    expect(selectorMayMatch('.max-w-\\[65ch\\]', tokens)).toBe(true);
    expect(selectorMayMatch('header a.md\\:flex:hover', tokens)).toBe(true);
    expect(selectorMayMatch('#top > a', tokens)).toBe(true);
    expect(selectorMayMatch('[data-status=bad]', tokens)).toBe(true);
    expect(selectorMayMatch('.page .inside-card', tokens)).toBe(false);
    expect(selectorMayMatch('li', tokens)).toBe(false);
    expect(selectorMayMatch('#c2', tokens)).toBe(false);
    expect(selectorMayMatch('[data-claim]', tokens)).toBe(false);
  });

  it('reads escaped identifiers, so a class starting with a digit matches', () => {
    const digits = pageTokens('<p class="2xl:mt-4"></p>');
    expect(selectorMayMatch('.\\32 xl\\:mt-4', digits)).toBe(true);
    expect(selectorMayMatch('.\\33 xl\\:mt-4', digits)).toBe(false);
  });

  it('does not require what :not() names', () => {
    expect(selectorMayMatch('p:not(.absent)', tokens)).toBe(true);
    expect(selectorMayMatch('.page :where(p):not(:where([class~=absent], [class~=absent] *))', tokens)).toBe(true);
  });

  it('requires one selector of the list inside :is(), :where() or :has()', () => {
    expect(selectorMayMatch(':where(.absent, .page)', tokens)).toBe(true);
    expect(selectorMayMatch('.page :where(table):not(:where(.x))', tokens)).toBe(false);
    expect(selectorMayMatch(':is(.absent, li)', tokens)).toBe(false);
    expect(selectorMayMatch('p:has(> button)', tokens)).toBe(true);
    expect(selectorMayMatch('p:has(> .absent)', tokens)).toBe(false);
  });

  it('looks for what :has() names in the whole page, closed popovers too, as the browser does', () => {
    expect(selectorMayMatch('.inside-card', tokens)).toBe(false);
    expect(selectorMayMatch('.page:has(.inside-card)', tokens)).toBe(true);
  });

  it('takes pseudo-classes, pseudo-elements and the universal selector as no requirement', () => {
    expect(selectorMayMatch('*, ::before, ::after', tokens)).toBe(true);
    expect(selectorMayMatch(':root', tokens)).toBe(true);
    expect(selectorMayMatch('.flag::after', tokens)).toBe(true);
  });
});

describe('the critical CSS', () => {
  const css = [
    '@layer properties{@supports ((-webkit-hyphens:none) and (not (margin-trim:inline))){*,:before,:after{--tw-border-style:solid}}}',
    '@layer theme{:root{--color-ink:#1c1917}}',
    '@layer utilities{.page{color:red}.inside-card{color:blue}.\\@container{container-type:inline-size}}',
    '@property --tw-border-style{syntax:"*";inherits:false;initial-value:solid}',
    '@media (prefers-color-scheme:dark){.page{color:pink}.biblio{color:green}}',
    '@media print{.page{color:black}}',
    '@supports (position-area:block-end){.card{position-area:block-end;position-anchor:--a}}',
    '.card{display:none;position-try-fallbacks:flip-block}',
    'header a,.inside-card a,.page>p{margin:0}',
    '@keyframes spin{to{rotate:1turn}}',
  ].join('');
  const out = criticalCss(css, PAGE + '<p class="@container"></p>');

  it('keeps the rules for what the page lays out at load, in their layers and order', () => {
    expect(out).toContain('@layer theme{:root{--color-ink:#1c1917}}');
    expect(out).toContain('.page{color:red}');
    expect(out).toContain('@media (prefers-color-scheme:dark){.page{color:pink}}');
    expect(out.indexOf('.page{color:red}')).toBeLessThan(out.indexOf('color:pink'));
    expect(out).toContain('@keyframes spin{to{rotate:1turn}}');
  });

  it('leaves out rules for what the page does not lay out at load, and print styles', () => {
    expect(out).not.toContain('inside-card');
    expect(out).not.toContain('biblio');
    expect(out).not.toContain('@media print');
  });

  it('keeps only the selectors of a list that may match', () => {
    expect(out).toContain('header a,.page>p{margin:0}');
  });

  it('states Tailwind’s fallback for custom properties unconditionally in place of @property', () => {
    expect(out).not.toContain('@property');
    expect(out).toContain('@layer properties{*,:before,:after{--tw-border-style:solid}}');
  });

  it('leaves out what the Nu HTML Checker rejects: anchor positioning, margin-trim, container-type', () => {
    for (const word of ['position-area', 'position-anchor', 'position-try', 'margin-trim', 'container-type']) {
      expect(out).not.toContain(word);
    }
    // The rule stays with its other declarations; one left with none goes.
    expect(out).toContain('.card{display:none}');
    expect(out).not.toContain('.\\@container');
  });
});
