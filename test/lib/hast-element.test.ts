// Elements made directly are the nodes hastscript's h makes from the same tag and hast-form
// properties, so the cards built with them write the same HTML.
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { Properties } from 'hast';
import { describe, expect, it } from 'vitest';
import { hastElement } from '../../src/lib/hast-element';

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
