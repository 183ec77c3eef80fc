// The glossary plugin through the whole pipeline: what gets linked, what is left alone, and
// the errors a writer sees, with their lines.
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { ContentError } from '../../src/lib/problems';
import { loadRegistry } from '../../src/collections/registry';
import { renderMarkdown } from '../support/pipeline';

const real = loadRegistry(path.resolve(import.meta.dirname, '../..'));

async function mentions(markdown: string, registry = real) {
  const { html, file } = await renderMarkdown(markdown, { registry });
  const tree = fromHtml(html, { fragment: true });
  return {
    html,
    data: file.data.mentions ?? [],
    links: selectAll('a[data-glossary]', tree).map((a) => [toString(a), a.properties['dataGlossary']]),
    spans: selectAll('span[data-glossary]', tree).map((a) => [toString(a), a.properties['dataGlossary']]),
  };
}

async function problems(
  markdown: string,
  registry = loadRegistry(path.resolve(import.meta.dirname, '../fixtures/site')),
) {
  try {
    await renderMarkdown(markdown, { registry });
  } catch (e) {
    if (e instanceof ContentError)
      return e.problems.map((p) => ({ line: p.line, id: p.id, message: p.message, fix: p.fix }));
    throw e;
  }
  return [];
}

describe('role phrases, by the date of the original', () => {
  const fixture = loadRegistry(path.resolve(import.meta.dirname, '../fixtures/site'));
  const dated = (date: string) =>
    mentions(
      ['---', 'original:', '  outlet: paper-c', `  date: ${date}`, '---', '', 'Then the Xish chancellor spoke.'].join(
        '\n',
      ),
      fixture,
    );

  it('link the same words to the holder of the role on the article’s date', async () => {
    expect((await dated('2019-06-01')).links).toEqual([['the Xish chancellor', 'person-d']]);
    expect((await dated('2019-12-31')).links).toEqual([['the Xish chancellor', 'person-d']]);
    expect((await dated('2020-01-01')).links).toEqual([['the Xish chancellor', 'person-a']]);
    expect((await dated('2024-10-11')).links).toEqual([['the Xish chancellor', 'person-a']]);
  });

  it('leave the words plain when the original’s date is unknown', async () => {
    expect((await dated('unknown')).links).toEqual([]);
  });
});

describe('linking mentions with the real glossary', () => {
  it('links role phrases, titles and metonyms that the seed does not use', async () => {
    const m = await mentions(
      'Iranian President Masoud Pezeshkian met Russian President Vladimir Putin. Mr Putin said Moscow and Tehran agree; President Pezeshkian nodded.',
    );
    expect(m.links).toEqual([
      ['Iranian President Masoud Pezeshkian', 'masoud-pezeshkian'],
      ['Russian President Vladimir Putin', 'vladimir-putin'],
      ['Moscow', 'russia'],
      ['Tehran', 'iran'],
    ]);
    expect(m.spans).toEqual([
      ['Mr Putin', 'vladimir-putin'],
      ['President Pezeshkian', 'masoud-pezeshkian'],
    ]);
  });

  it('leaves quoted words alone, unless the writer marks them', async () => {
    const m = await mentions(
      'Putin said: “Russia and Iran are close.” He added “the West :term[Moscow]{#russia} knows”.',
    );
    expect(m.links).toEqual([
      ['Putin', 'vladimir-putin'],
      ['Moscow', 'russia'],
    ]);
  });

  it('links what the writer names with :term, and nothing that is marked .nolink', async () => {
    const m = await mentions(
      'The Kremlin is not an alias, so :term[the Kremlin]{#russia} is marked; :term[Iran]{.nolink} stays plain, then Iran links.',
    );
    expect(m.links).toEqual([
      ['the Kremlin', 'russia'],
      ['Iran', 'iran'],
    ]);
    expect(m.data.map((x) => x.elementId)).toEqual(['mention-russia-1', 'mention-iran-1']);
  });

  it('keeps the exact words of a claim in its mark when they hold a link', async () => {
    const { html } = await renderMarkdown(
      [
        '---',
        'original:',
        '  outlet: huffpost-uk',
        'claims:',
        '  - id: x',
        '    kind: background-fact',
        '    speaker: outlet',
        '    status: corroborated',
        "    note: 'n'",
        '---',
        '',
        ':claim[Putin met Pezeshkian in Turkmenistan]{#x}.',
      ].join('\n'),
      { registry: real },
    );
    const tree = fromHtml(html, { fragment: true });
    const mark = selectAll('mark#claim-x', tree)[0]!;
    expect(toString(mark)).toBe('Putin met Pezeshkian in Turkmenistan');
    expect(selectAll('a[data-glossary]', mark)).toHaveLength(3);
  });
});

describe('errors a writer sees', () => {
  it('reports an ambiguous alias at its line, with the syntax to resolve it', async () => {
    const p = await problems('First line.\n\nSecond line with\nthe League in it.');
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ line: 4, id: 'the League' });
    expect(p[0]!.message).toContain('league-of-ys');
    expect(p[0]!.message).toContain('xish-league');
    expect(p[0]!.fix).toContain(':term[the League]{#');
  });

  it('does not report an ambiguous alias inside a quotation, which is never linked', async () => {
    expect(await problems('He said “the League will win”.')).toEqual([]);
  });

  it('reports an unknown id, words that are no alias, an empty term, an unknown option and a contradiction', async () => {
    const p = await problems(
      [
        ':term[Land Z]{#land-z}',
        ':term[Mayor Q]',
        ':term[]{#land-x}',
        ':term[Xville]{.no-link}',
        ':term[Xville]{#land-x .nolink}',
      ].join('\n\n'),
    );
    expect(p.map((x) => [x.line, x.id])).toEqual([
      [1, 'land-z'],
      [3, 'Mayor Q'],
      [5, ':term'],
      [7, 'Xville'],
      [9, 'land-x'],
    ]);
    for (const x of p) expect(x.fix.length).toBeGreaterThan(10);
  });
});
