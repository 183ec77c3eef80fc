// Elements made directly are the nodes hastscript's h makes from the same tag and hast-form
// properties, so the cards built with them write the same HTML.
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { Properties } from 'hast';
import { describe, expect, it } from 'vitest';
import { hastElement, plainHtml } from '../../src/lib/hast-element';

describe('hastElement', () => {
  it('makes the node h makes for each kind of property the cards use', () => {
    const cases: [string, Properties][] = [
      [
        'div',
        {
          id: 'card-a',
          popover: 'auto',
          role: 'dialog',
          ariaLabel: 'About',
          className: ['claim-card'],
          dataStatus: 'x',
        },
      ],
      ['a', { href: '#claim-a', dataShare: '' }],
      ['button', { popoverTarget: 'card-a' }],
      ['time', { dateTime: '2024-05-01' }],
      ['ol', { ariaLabel: 'Timeline of the report' }],
      ['p', {}],
    ];
    for (const [tag, properties] of cases) {
      const made = hastElement(tag, { ...properties }, ['Text & <more>', h('strong', 'in'), '']);
      const expected = h(tag, { ...properties }, ['Text & <more>', h('strong', 'in'), '']);
      expect(made).toStrictEqual(expected);
      expect(toHtml(made)).toBe(toHtml(expected));
    }
  });

  it('takes one child or none as h does, a string becoming a text node and null or undefined nothing', () => {
    expect(hastElement('dd', {}, 'Words')).toStrictEqual(h('dd', 'Words'));
    expect(hastElement('dd', {}, h('a', { href: '/x' }, 'x'))).toStrictEqual(h('dd', h('a', { href: '/x' }, 'x')));
    expect(hastElement('dd')).toStrictEqual(h('dd'));
    expect(hastElement('li', {}, [null, 'a', undefined])).toStrictEqual(h('li', [null, 'a', undefined]));
  });

  it('gives each element its own properties object', () => {
    const a = hastElement('p');
    const b = hastElement('p');
    a.properties['id'] = 'a';
    expect(b.properties).toStrictEqual({});
  });
});

describe('plainHtml', () => {
  // Characters hast-util-to-html escapes in text or in attribute values, and some it leaves.
  const tricky = 'a < b & c > d "e" \'f\' `g` \0 h\u00a0i 🇽🇽 &amp; =';

  it('writes what hast-util-to-html writes, for every property it writes itself and tricky text', () => {
    const tree = h('div', { id: tricky, className: ['one', tricky, ''], role: 'dialog', popover: 'auto' }, [
      tricky,
      h('a', { href: `https://x.example/?q=${tricky}`, title: tricky, dataShare: '' }, tricky),
      h('button', { popoverTarget: tricky, ariaLabel: tricky, ariaLabelledBy: 'x' }, 'Close'),
      h('time', { dateTime: '2024-05-01', dataStatus: tricky }, '1 May 2024'),
      h('p', { className: [] }, []),
      h('span', { id: undefined, title: null }, ''),
    ]);
    expect(plainHtml(tree)).toBe(toHtml(tree));
    expect(plainHtml({ type: 'root', children: [tree, { type: 'text', value: tricky }] })).toBe(
      toHtml({ type: 'root', children: [tree, { type: 'text', value: tricky }] }),
    );
  });

  it('writes each property it knows under the attribute name hast-util-to-html gives it', () => {
    const keys = [
      'id',
      'className',
      'href',
      'role',
      'popover',
      'popoverTarget',
      'ariaLabel',
      'ariaLabelledBy',
      'dataStatus',
      'dataShare',
      'dateTime',
      'title',
    ];
    for (const key of keys) {
      const element = hastElement('span', { [key]: key === 'className' ? ['a', tricky] : tricky }, tricky);
      expect(plainHtml(element), key).toBe(toHtml(element));
      expect(plainHtml(element), key).not.toBe(toHtml(hastElement('span', {}, tricky)));
    }
  });

  it('leaves to hast-util-to-html what it does not write itself: other properties, voids, raw text, comments', () => {
    const tree = h('div', [
      h('img', { src: '/x.svg', alt: '', width: 20, loading: 'lazy' }),
      h('input', { type: 'checkbox', checked: true, disabled: false }),
      h('p', { hidden: true, tabIndex: -1, dataCount: 3 }, 'x'),
      h('script', 'if (a < b && c) {}'),
      h('style', 'a > b { content: "&" }'),
      h('svg', { viewBox: '0 0 1 1' }, [h('path', { d: 'M0 0' })]),
      h('td', { headers: ['a', 'b'] }, 'cell'),
      { type: 'comment', value: ' note ' },
      h('p', { className: ['ok'] }, [h('span', { lang: 'fr' }, 'oui')]),
    ]);
    expect(plainHtml(tree)).toBe(toHtml(tree));
  });
});
