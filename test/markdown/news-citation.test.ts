// The site's citation style (src/markdown/news-citation.csl), run by rehype-citation as the build runs it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { afterAll, describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { rehypeBibliography } from '../../src/markdown/rehype-bibliography';
import { rehypeCitations } from '../../src/markdown/rehype-citations';

const dir = mkdtempSync(path.join(tmpdir(), 'sourced-csl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const csl = fileURLToPath(new URL('../../src/markdown/news-citation.csl', import.meta.url));

const items = [
  {
    id: 'dated',
    type: 'article-newspaper',
    title: 'Leaders meet',
    'container-title': 'Wire A',
    issued: { 'date-parts': [[2024, 10, 11]] },
    URL: 'https://www.wire-a.example/2024/10/11/leaders-meet?ref=x',
  },
  {
    id: 'undated',
    type: 'article-newspaper',
    title: 'Talks go on',
    'container-title': 'Paper C',
    URL: 'https://paper-c.example/talks',
    note: 'unknown: issued',
  },
  {
    id: 'untitled',
    type: 'article-newspaper',
    'container-title': 'Agency B',
    issued: { 'date-parts': [[2024, 10, 11]] },
    URL: 'https://agency-b.example/1',
    note: 'unknown: title',
  },
  {
    id: 'same-day',
    type: 'article-newspaper',
    title: 'Second report',
    'container-title': 'Agency B',
    issued: { 'date-parts': [[2024, 10, 11]] },
    URL: 'https://agency-b.example/2',
  },
];

async function render(keys: string[]): Promise<string> {
  const bibliography = path.join(dir, 'bibliography.json');
  writeFileSync(bibliography, JSON.stringify(items));
  const tree: Root = {
    type: 'root',
    children: keys.map((k) => ({
      type: 'element',
      tagName: 'p',
      properties: {},
      children: [{ type: 'text', value: `[@${k}]` }],
    })),
  };
  await rehypeCitations({ bibliography, csl })(tree, new VFile());
  rehypeBibliography()(tree);
  return toHtml(tree);
}

describe('the news citation style', () => {
  it('cites by outlet and full date, and lists headline, outlet, date and a short domain link', async () => {
    const html = await render(['dated']);
    expect(html).toContain('<a href="#bib-dated">Wire A, 11 October 2024</a>');
    expect(html).toContain(
      '“Leaders meet.” <i>Wire A</i>, 11 October 2024. <a href="https://www.wire-a.example/2024/10/11/leaders-meet?ref=x">wire-a.example</a>',
    );
  });

  it('prints "date unknown", never "n.d.", for an item whose date is marked unknown', async () => {
    const html = await render(['undated']);
    expect(html).toContain('Paper C, date unknown</a>');
    expect(html).toContain('“Talks go on.” <i>Paper C</i>, date unknown.');
    expect(html).not.toContain('n.d.');
  });

  it('says the headline is unknown instead of inventing one, and tells same-day reports of one outlet apart', async () => {
    const html = await render(['untitled', 'same-day']);
    expect(html).toContain('>Headline unknown. <i>Agency B</i>, 11 October 2024.');
    expect(html).toContain('Agency B, 11 October 2024, “Second report”</a>');
    expect(html).toContain('<a href="#bib-untitled">Agency B, 11 October 2024</a>');
  });
});
