// Drafting claims from a fictional news text with a fictional glossary, so each rule is seen
// working on words the seed does not have.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftArticle, type DraftClaim } from '../../src/editorial/draft';
import { readMarks } from '../../src/editorial/marks';
import { runNew } from '../../src/editorial/new-command';
import { loadYaml } from '../../src/lib/yaml';
import { contentProblems } from '../../src/validation/validate';
import { renderBody } from '../../src/editorial/render';
import { escapeMarkdown, findQuotations, splitParagraphs } from '../../src/editorial/text';
import { fictionalRegistry, glossaryEntry as entry, withContentCopy } from '../support/drafting';

const registry = fictionalRegistry(
  entry('anna-lind', 'Anna Lind', 'person', ['Lind', 'the foreign minister']),
  entry('karl-berg', 'Karl Berg', 'person', ['Berg']),
  entry('nordland', 'Nordland', 'country', ['Nordland']),
  entry('nordpress', 'NordPress', 'organisation', ['NordPress']),
);

const TEXT = [
  'Anna Lind met Karl Berg on Monday in the capital, according to state agency NordPress.',
  'According to NordPress, Lind said: “We have agreed on a timetable.',
  '“It will be published next week.”',
  'She added that the talks had been difficult.',
  'Nordland has reportedly paid for the new port, although Berg denies it.',
  'Berg told reporters: “Nothing was paid.”',
  'The port opened in 2019 and cost *twice* the estimate [sic].',
].join('\n');

const draft = draftArticle(TEXT, registry, { published: '2025-03-05' });
const claimIn = (p: number, words: string): DraftClaim => {
  const c = draft.claims.find((x) => x.paragraph === p && x.text.includes(words));
  expect(c, `a claim holding “${words}”`).toBeDefined();
  return c!;
};

describe('drafting claims from a news text', () => {
  it('gives a clause under “according to X” to X as a paraphrase, with X’s source as the channel', () => {
    const c = claimIn(0, 'Anna Lind met Karl Berg');
    expect(c.text).toBe('Anna Lind met Karl Berg on Monday in the capital');
    expect(c).toMatchObject({ kind: 'paraphrase', speaker: 'nordpress', via: ['nordpress'] });
  });

  it('drafts a quotation introduced by “X said:” as a direct quote by X through the named channel, flagged as guessed', () => {
    const c = claimIn(1, 'We have agreed');
    expect(c).toMatchObject({ kind: 'direct-quote', speaker: 'anna-lind', via: ['nordpress'] });
    expect(c.guess).toEqual(['speaker', 'via']);
  });

  it('drafts the second paragraph of a quotation, whose opening mark is repeated, with the same speaker', () => {
    const c = claimIn(2, 'It will be published');
    expect(c.text).toBe('“It will be published next week.”');
    expect(c).toMatchObject({ kind: 'direct-quote', speaker: 'anna-lind', via: ['nordpress'] });
  });

  it('reads “She added that …” as a paraphrase by the person last quoted', () => {
    const c = claimIn(3, 'the talks had been difficult');
    expect(c.text).toBe('the talks had been difficult');
    expect(c).toMatchObject({ kind: 'paraphrase', speaker: 'anna-lind' });
    expect(c.note).toMatch(/“She”/);
  });

  it('drafts “reportedly” as unnamed sources and “denies” as a denial by its subject', () => {
    expect(claimIn(4, 'reportedly paid')).toMatchObject({ kind: 'unnamed-sources', speaker: 'unnamed' });
    expect(claimIn(4, 'denies')).toMatchObject({
      kind: 'denial',
      speaker: 'karl-berg',
      text: 'although Berg denies it',
    });
  });

  it('gives a quotation after “X told reporters:” to X, not to the listeners', () => {
    expect(claimIn(5, 'Nothing was paid')).toMatchObject({ kind: 'direct-quote', speaker: 'karl-berg' });
  });

  it('drafts a sentence with no attribution as the outlet’s own assertion, its kind flagged as a guess', () => {
    expect(claimIn(6, 'The port opened')).toMatchObject({
      kind: 'outlet-assertion',
      speaker: 'outlet',
      guess: ['kind'],
    });
  });

  it('gives every claim a unique readable id', () => {
    const ids = draft.claims.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(claimIn(1, 'We have agreed').id).toMatch(/^lind-/);
  });

  it('resolves “on Monday” and “next week” against the publication day', () => {
    expect(draft.dates.map((d) => [d.text, d.value])).toContainEqual(['on Monday', '2025-03-03']);
    expect(draft.dates.find((d) => d.text === 'next week')).toMatchObject({ value: '2025-03-10', last: '2025-03-16' });
  });

  it('writes a body whose marks hold the text word for word, Markdown characters included', () => {
    const read = readMarks(renderBody(draft));
    expect(read.map((p) => p.text)).toEqual(splitParagraphs(TEXT));
    const claimMarks = read.flatMap((p, i) => p.marks.filter((m) => m.name === 'claim').map((m) => [i, m.text]));
    expect(claimMarks).toEqual(draft.claims.map((c) => [c.paragraph, c.text]));
  });
});

describe('the text helpers', () => {
  it('finds a quotation that runs over two paragraphs with its opening mark repeated', () => {
    const q = findQuotations(['He said: “One.', '“Two.”', 'After.']);
    expect(q[0]).toEqual([{ start: 9, end: 14, continued: false, continues: true }]);
    expect(q[1]).toEqual([{ start: 0, end: 6, continued: true, continues: false }]);
    expect(q[2]).toEqual([]);
  });

  it('escapes what Markdown would read as syntax, so it reads back as the same words', () => {
    const text = '1984. A *b* _c_ [d] <e> :f & g | h ~i~ `j`';
    expect(readMarks(escapeMarkdown(text, true))[0]!.text).toBe(text);
  });
});

describe('npm run new --create-stubs', () => {
  it('writes one valid stub glossary entry per missing name, a surname joined to the full name, and names the speaker by it', () =>
    withContentCopy(async (root) => {
      writeFileSync(
        path.join(root, 'story.txt'),
        'Sergei Lavrov told reporters on Monday that talks would go on.\n\n“We are ready,” Lavrov said.\n',
      );
      const args = ['story.txt', '--url', 'https://example.com/world/lavrov-talks-go-on', '--outlet', 'reuters'];
      const { code, output } = runNew(
        [...args, '--published', '2024-10-11', '--slug', 'lavrov', '--create-stubs'],
        root,
      );
      expect(code, output).toBe(0);
      expect(output).toMatch(/Sergei Lavrov \(person, 2 mentions\) → stub content\/glossary\/sergei-lavrov\.yaml/);
      const stub = loadYaml(readFileSync(path.join(root, 'content/glossary/sergei-lavrov.yaml'), 'utf8'));
      expect(stub).toMatchObject({ name: 'Sergei Lavrov', kind: 'person', aliases: ['Sergei Lavrov', 'Lavrov'] });
      const article = readFileSync(path.join(root, 'content/articles/lavrov.md'), 'utf8');
      expect(article.match(/speaker: sergei-lavrov/g)).toHaveLength(2);
      const problems = await contentProblems(root);
      expect(problems.filter((p) => p.file.startsWith('content/glossary/'))).toEqual([]);
    }));
});
