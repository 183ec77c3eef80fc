// Patterns met when real news texts (docs/drafting.md, "Tried on real texts") went through
// `npm run new`. Each case is a short made-up text with the same shape, and a fictional glossary.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftArticle, type Draft } from '../../src/editorial/draft';
import { readMarks } from '../../src/editorial/marks';
import { headlineFromUrl, renderBody, summarise } from '../../src/editorial/render';
import { runNew } from '../../src/editorial/new-command';
import { findQuotations, splitParagraphs } from '../../src/editorial/text';
import { fictionalRegistry, glossaryEntry as entry, onlyClaim as only, withContentCopy } from '../support/drafting';

const registry = fictionalRegistry(
  entry('anna-lind', 'Anna Lind', 'person', ['Lind']),
  entry('karl-berg', 'Karl Berg', 'person', ['Berg']),
  entry('nordland', 'Nordland', 'country', ['Nordland']),
  entry('nordpress', 'NordPress', 'organisation', ['NordPress']),
  entry('port-authority', 'Port Authority', 'organisation', ['the Port Authority']),
);

/** 2025-03-04 is a Tuesday. */
const draft = (text: string, published = '2025-03-04'): Draft => draftArticle(text, registry, { published });

describe('quotations in single marks', () => {
  it('drafts a quotation in curly single marks as a direct quote, and reads an apostrophe as no mark', () => {
    const d = draft('Berg’s aides were silent. Berg said: ‘We will not pay for Lind’s port.’');
    expect(findQuotations(d.paragraphs)[0]).toHaveLength(1);
    expect(only(d, 'We will not pay')).toMatchObject({
      kind: 'direct-quote',
      speaker: 'karl-berg',
      text: '‘We will not pay for Lind’s port.’',
    });
  });

  it('drafts straight single marks too, each part of a quotation whose opening mark is repeated in the same paragraph', () => {
    const d = draft("The council's report added: 'The wounds are deep. 'They will take years to heal.' Lind agreed.");
    const quotes = d.claims.filter((c) => c.kind === 'direct-quote').map((c) => c.text);
    expect(quotes).toEqual(["'The wounds are deep.", "'They will take years to heal.'"]);
  });

  it('keeps a quotation in double marks whole when single marks are nested inside it', () => {
    const q = findQuotations(['Lind said: “They called it ‘a blockade’ at the time.” Berg left.']);
    expect(q[0]).toHaveLength(1);
    expect(q[0]![0]!.end).toBe('Lind said: “They called it ‘a blockade’ at the time.”'.length);
  });
});

describe('quotations and their frames', () => {
  it('keeps a few quoted words the sentence runs on after inside the reported claim', () => {
    const d = draft(
      'Berg denied any "secret or open" talks with Nordland. NordPress confirmed it has “paused” the port works.',
    );
    expect(only(d, 'secret or open')).toMatchObject({ kind: 'denial', speaker: 'karl-berg' });
    expect(only(d, 'secret or open').text).toContain('talks with Nordland');
    expect(only(d, 'paused')).toMatchObject({ kind: 'paraphrase', speaker: 'nordpress' });
    expect(only(d, 'paused').text).toBe('it has “paused” the port works');
  });

  it('gives a quotation after a colon to the subject before it, whatever the verb, and “It” to the body that spoke last', () => {
    const d = draft(
      'The Port Authority said the works would stop.\n\nThe statement read: “The works are paused.” It continued: “We will say more soon.”',
    );
    expect(only(d, 'The works are paused')).toMatchObject({ kind: 'direct-quote' });
    expect(only(d, 'The works are paused').note).toMatch(/“The statement”/);
    expect(only(d, 'We will say more soon')).toMatchObject({ kind: 'direct-quote', speaker: 'port-authority' });
  });

  it('reads “X was quoted as saying, according to Y” as X’s quotation through Y', () => {
    const d = draft('“We are ready,” Berg was quoted as saying, according to NordPress');
    expect(only(d, 'We are ready')).toMatchObject({ kind: 'direct-quote', speaker: 'karl-berg', via: ['nordpress'] });
    expect(d.claims).toHaveLength(1);
  });

  it('ends a sentence at a quotation’s closing mark, so the next sentence is a claim of its own', () => {
    const d = draft('Lind added: “The talks are over.” They will “report to parliament” next week.');
    expect(only(d, 'The talks are over')).toMatchObject({ kind: 'direct-quote', speaker: 'anna-lind' });
    expect(only(d, 'report to parliament').text).not.toContain('talks are over');
  });

  it('gives the sentence’s subject to a participle that opens it (“Dismissing the reports, X wrote:”)', () => {
    const d = draft('Dismissing the reports, Karl Berg, the port chief, wrote on his blog:\n\n“Nothing was agreed.”');
    expect(d.claims.find((c) => c.kind === 'denial')).toMatchObject({ speaker: 'karl-berg' });
    expect(only(d, 'Nothing was agreed')).toMatchObject({ kind: 'direct-quote', speaker: 'karl-berg' });
  });

  it('does not take the owner for the speaker (“Berg’s spokesman said”)', () => {
    const d = draft('Berg’s spokesman said the port would reopen.');
    expect(only(d, 'the port would reopen')).toMatchObject({ kind: 'paraphrase', speaker: 'unnamed' });
    expect(only(d, 'the port would reopen').note).toMatch(/Berg’s spokesman/);
  });

  it('reads a passive speech verb with no reported words as the outlet’s sentence (“were confirmed by”)', () => {
    const d = draft('Both ministers were confirmed by the parliament in April.');
    expect(only(d, 'were confirmed')).toMatchObject({ kind: 'outlet-assertion' });
  });

  it('drafts a clause under “according to” a source the glossary does not know as an attributed paraphrase', () => {
    const d = draft('And according to an independent review, the port works were rushed.');
    expect(only(d, 'the port works were rushed')).toMatchObject({ kind: 'paraphrase', speaker: 'unnamed' });
    expect(only(d, 'the port works were rushed').note).toMatch(/according to an independent review/);
  });
});

describe('statements without a comma between them', () => {
  it('cuts “… and said …” into two statements', () => {
    const d = draft('The Port Authority admitted long delays in the works and said lessons would be learned.');
    expect(only(d, 'admitted long delays').text).toBe('The Port Authority admitted long delays in the works');
    expect(only(d, 'lessons would be learned')).toMatchObject({ kind: 'paraphrase', speaker: 'port-authority' });
  });

  it('cuts before “after …ing” and “in what …”', () => {
    const d = draft('Nordland is waging a trade war after closing the port in what Berg has called a blockade.');
    expect(d.claims.map((c) => c.text)).toEqual([
      'Nordland is waging a trade war',
      'after closing the port',
      'in what Berg has called a blockade',
    ]);
  });
});

describe('datelines, names and dates', () => {
  it('leaves a dateline out of every claim, its place unlinked and not listed as missing', () => {
    const d = draft('NORDSTAD, March 3 (NordPress) - Lind met Berg at the port.');
    expect(d.claims.every((c) => c.start >= 'NORDSTAD, March 3 (NordPress) - '.length)).toBe(true);
    expect(d.missing.map((m) => m.name)).not.toContain('NORDSTAD');
    const body = renderBody(d);
    expect(body).toMatch(/^:term\[NORDSTAD\]\{\.nolink\}/);
    expect(readMarks(body)[0]!.text).toBe(d.paragraphs[0]);
  });

  it('lists a name joined by “of” or a hyphen once, without its possessive, and no capitalised function word', () => {
    const d = draft('In response, the House of Lords backed the Deputy Secretary-General’s plan.');
    expect(d.missing.map((m) => m.name).sort()).toEqual(['Deputy Secretary-General', 'House of Lords']);
  });

  it('does not read “Sun” in a newspaper’s name as Sunday', () => {
    expect(draft('The Sun newspaper printed the story on Monday.').dates.map((x) => x.text)).toEqual(['on Monday']);
  });

  it('reads a weekday after a to-infinitive hanging on a perfect verb as the coming one', () => {
    const d = draft('Plans have been made for Lind to visit the port on Wednesday.');
    expect(d.dates).toMatchObject([{ text: 'on Wednesday', value: '2025-03-05' }]);
  });

  it('reads it as the past one when the verb it hangs on is simple past', () => {
    const d = draft('Lind flew to the capital to meet Berg on Monday.');
    expect(d.dates).toMatchObject([{ text: 'on Monday', value: '2025-03-03' }]);
  });
});

describe('the headline, the summary and the body', () => {
  it('gives back the apostrophes and short numbers an address turned into hyphens', () => {
    expect(headlineFromUrl('https://example.com/world/2024/10/putin-s-war-won-t-end-before-2025-says-aide')).toBe(
      'Putin’s war won’t end before 2025 says aide',
    );
  });

  it('sums up the outlet’s own statements, whose kind is a guess, in one line', () => {
    const d = draft('The port opened in 2019.\n\nThe works cost twice the estimate.');
    expect(d.claims.every((c) => c.guess.includes('kind'))).toBe(true);
    expect(summarise(d, 'x.md', [])).toMatch(/^ {2}2 claims in the outlet’s own voice: kind to confirm/m);
  });

  it('keeps every paragraph word for word, whatever marks were drafted', () => {
    const text = [
      "KUALA, May 2 — Berg's aide said: 'It's over.' Lind denied any \"secret\" deal.",
      'The statement read: “Done.” It added: ‘Final.’',
    ].join('\n');
    const d = draft(text);
    expect(readMarks(renderBody(d)).map((p) => p.text)).toEqual(splitParagraphs(text));
  });
});

describe('patterns from three wire stories (tried 2026-12-01)', () => {
  it('reads a date before its verb by that verb, not by a “will” in the words reported', () => {
    // 2025-03-04 is a Tuesday: “on Monday … warned” is the day before, not the Monday after.
    const d = draft('Prime Minister Anna Lind on Monday warned that Nordland will not give way.');
    expect(d.dates.map((x) => [x.text, x.value])).toEqual([['on Monday', '2025-03-03']]);
  });

  it('reads a month name in lower case as the word it is (“an annual march”), and one with a capital as a month', () => {
    expect(draft('Berg praised the annual march through the port.').dates).toEqual([]);
    expect(draft('Berg opened the port in March.').dates.map((x) => x.value)).toEqual(['2025-03']);
  });

  it('resolves “this week” to the publication day’s own week, Monday to Sunday', () => {
    const d = draft('Leaders meet this week to discuss the port.');
    expect(d.dates).toMatchObject([{ text: 'this week', value: '2025-03-03', last: '2025-03-09' }]);
  });

  it('reads a dateline with two places and no space after its dash as the outlet’s, and cuts “… and Nordland vowed”', () => {
    const d = draft(
      'NORDBY/SUDBY (NordPress) -Berg opened the port early on Monday and Nordland vowed to keep it open.',
    );
    expect(only(d, 'Berg opened the port')).toMatchObject({ kind: 'outlet-assertion', speaker: 'outlet' });
    expect(only(d, 'to keep it open')).toMatchObject({ kind: 'paraphrase', speaker: 'nordland' });
    expect(d.claims.filter((c) => c.speaker === 'nordpress')).toEqual([]);
    expect(d.missing.map((m) => m.name)).not.toContain('NORDBY/SUDBY');
  });

  it('gives a quotation that goes on into a paragraph naming its speaker (“…,” Berg said.) to that speaker', () => {
    const d = draft(
      'Lind rejected the plan, saying that “The port was never for sale.\n\n“We are ready for talks,” Berg said.',
    );
    expect(only(d, 'We are ready')).toMatchObject({ kind: 'direct-quote', speaker: 'karl-berg' });
  });

  it('gives a quotation after “X did something, saying that …” to X, not to the object before the comma', () => {
    const d = draft('Lind rejected the plan, saying that “the port was never for sale.”');
    expect(only(d, 'never for sale')).toMatchObject({ kind: 'direct-quote', speaker: 'anna-lind' });
  });

  it('reads a person named after an organisation’s title (“NordPress chief John Harker declared”) as the speaker', () => {
    const d = draft('NordPress chief John Harker declared that the port would reopen.');
    expect(only(d, 'the port would reopen')).toMatchObject({ speaker: 'unnamed', missingSpeaker: 'John Harker' });
  });

  it('leaves a title out of a missing person’s name: “President John Harker” is John Harker', () => {
    const d = draft('The port reopened after President John Harker signed the law.');
    expect(d.missing.map((m) => m.name)).toEqual(['John Harker']);
  });

  it('keeps “, Berg said at a news conference in …” out of the paraphrase it attributes', () => {
    const d = draft('The government would address the complaints, Berg said at a news conference in the port city.');
    expect(only(d, 'address the complaints')).toMatchObject({
      kind: 'paraphrase',
      speaker: 'karl-berg',
      text: 'The government would address the complaints',
    });
  });

  it('drafts “Berg did not explain …” as the outlet’s own sentence, not as Berg’s statement', () => {
    const d = draft('Berg did not explain the reasons behind his optimism.');
    expect(only(d, 'did not explain')).toMatchObject({ kind: 'outlet-assertion', speaker: 'outlet' });
  });

  it('takes a byline paragraph as the author, and names a draft whose address has no headline after its first claim', () =>
    withContentCopy((root) => {
      const args = [
        '--url',
        'https://example.com/article/idXYZ123',
        '--outlet',
        'reuters',
        '--published',
        '2025-03-04',
      ];
      writeFileSync(
        path.join(root, 'a.txt'),
        'By Ola Nord and Per Sud\n\nThe port reopened on Monday after a long strike.\n',
      );
      writeFileSync(path.join(root, 'b.txt'), 'Ferries returned to the harbour on Monday.\n');
      const a = runNew(['a.txt', ...args], root);
      expect(a.code, a.output).toBe(0);
      expect(a.output).toContain('Byline “Ola Nord and Per Sud” read as the author, and left out of the text.');
      expect(a.output).toContain('No headline in the address: give it with --headline');
      const file = /^Wrote (content\/articles\/[\w-]+\.md)/.exec(a.output)![1]!;
      const text = readFileSync(path.join(root, file), 'utf8');
      expect(text).toContain("author: 'Ola Nord and Per Sud'");
      expect(text).not.toContain('By Ola Nord');
      expect(missingNames(a.output)).not.toContain('Ola Nord');
      // A second such text gets a file of its own, rather than "already exists".
      const b = runNew(['b.txt', ...args], root);
      expect(b.code, b.output).toBe(0);
      expect(/^Wrote (\S+)/.exec(b.output)![1]).not.toBe(file);
    }));
});

/** The names listed under "Entries missing" in npm run new's summary. */
const missingNames = (output: string) =>
  output
    .split('Entries missing:')[1]!
    .split('\n')
    .slice(1)
    .filter((l) => l.startsWith('  ') && l.includes('('))
    .map((l) => l.trim().replace(/ \(.*$/, ''));

describe('npm run new on bad input', () => {
  it('names a text file with no text, a folder given as the text, a bad date and an unknown outlet, all at once with a Fix', () =>
    withContentCopy((root) => {
      writeFileSync(path.join(root, 'blank.txt'), '  \n\n \n');
      const blank = runNew(
        ['blank.txt', '--url', 'https://example.com/a', '--outlet', 'reuter', '--published', '2024-02-30'],
        root,
      );
      expect(blank.code).toBe(2);
      expect(blank.output).toContain('The text file "blank.txt" has no text.');
      expect(blank.output).toContain('--published "2024-02-30" is not a date.');
      expect(blank.output).toContain('Did you mean reuters?');
      expect(blank.output.match(/Fix:/g)).toHaveLength(3);
      const folder = runNew(
        ['content', '--url', 'https://example.com/a', '--outlet', 'reuters', '--published', '2024-02-03'],
        root,
      );
      expect(folder).toMatchObject({ code: 2 });
      expect(folder.output).toContain('"content" is not a file.');
      expect(existsSync(path.join(root, 'content/articles/draft.md'))).toBe(false);
    }));
});

describe('frames met in wire stories (tried 2026-12-01, second pass)', () => {
  it('reads “Asked about …, X said:” as the frame of X’s quotation, not as a claim of the outlet', () => {
    const d = draft('Asked about the strike at the port, Berg said: “We will not pay.”');
    expect(d.claims).toHaveLength(1);
    expect(only(d, 'We will not pay')).toMatchObject({ kind: 'direct-quote', speaker: 'karl-berg' });
    expect(only(d, 'We will not pay').note).toMatch(/“Asked about the strike at the port” frames the quotation/);
  });

  it('reads “X, asked about …, said:” the same way', () => {
    const d = draft('Berg, asked about the strike, said: “We will not pay.”');
    expect(d.claims).toHaveLength(1);
    expect(only(d, 'We will not pay')).toMatchObject({ kind: 'direct-quote', speaker: 'karl-berg' });
    // A clause whose own subject comes first is still a claim.
    const clause = draft('Lind closed the port, Berg said: “We will not pay.”');
    expect(only(clause, 'Lind closed the port')).toMatchObject({ kind: 'outlet-assertion' });
  });
});

describe('a title standing for a person', () => {
  it('gives “The minister added: “…”” to the person named earlier with that title', () => {
    const d = draft(
      'Foreign Minister Anna Lind said the talks would go on.\n\nThe minister added: “We will not give up the port.”',
    );
    expect(only(d, 'give up the port')).toMatchObject({ kind: 'direct-quote', speaker: 'anna-lind' });
    expect(only(d, 'give up the port').note).toMatch(/“The minister” as the person last named with that title/);
  });

  it('reads the title from an apposition too (“Anna Lind, the foreign minister,”)', () => {
    const d = draft(
      'Anna Lind, the foreign minister, said the talks would go on.\n\nThe minister added: “We will not give up.”',
    );
    expect(only(d, 'We will not give up')).toMatchObject({ kind: 'direct-quote', speaker: 'anna-lind' });
  });
});

describe('a circumstance inside a frame', () => {
  it('keeps “X said on Monday after speaking to Y that …” one paraphrase, not an “after …” claim of the outlet', () => {
    const d = draft('Lind said on Monday after speaking to Berg that the port would reopen.');
    expect(d.claims).toHaveLength(1);
    expect(only(d, 'the port would reopen')).toMatchObject({
      kind: 'paraphrase',
      speaker: 'anna-lind',
      text: 'the port would reopen',
    });
  });

  it('gives the quotation after “X said after meeting Y:” to X', () => {
    const d = draft('Berg said after meeting Lind: “The port stays shut.”');
    expect(d.claims).toHaveLength(1);
    expect(only(d, 'stays shut')).toMatchObject({ kind: 'direct-quote', speaker: 'karl-berg' });
  });
});

describe('a speaker named after “with”', () => {
  it('gives “Y did something, with its leader, X, saying: “…”” to X, and keeps “with …” out of Y’s claim', () => {
    const d = draft('The Port Authority stood firm, with its chief, Karl Berg, saying: “We will not go back.”');
    expect(only(d, 'We will not go back')).toMatchObject({ kind: 'direct-quote', speaker: 'karl-berg' });
    expect(only(d, 'stood firm').text).toBe('The Port Authority stood firm');
  });

  it('does not give the words reported after “with its chief saying” to the body before it', () => {
    const d = draft('The Port Authority stood firm, with its chief saying the strike would end soon.');
    expect(only(d, 'the strike would end soon')).toMatchObject({ kind: 'paraphrase', speaker: 'unnamed' });
    expect(only(d, 'the strike would end soon').note).toMatch(/“its chief”/);
  });
});

describe('a pronoun after an owner', () => {
  it('reads “X’s office said he told …” as X’s words, not those of the person who spoke last', () => {
    const d = draft(
      'Berg said the talks went well.\n\nLind’s office said he told the port chief: “We will decide alone.”',
    );
    expect(only(d, 'decide alone')).toMatchObject({ kind: 'direct-quote', speaker: 'anna-lind' });
    expect(only(d, 'decide alone').note).toMatch(/“he” as the person whose office or aide speaks \(Anna Lind\)/);
    const later = draft(
      'Lind’s office said he told the port chief: “We will decide alone.”\n\nHe added: “Nothing is agreed.”',
    );
    expect(only(later, 'Nothing is agreed')).toMatchObject({ speaker: 'anna-lind' });
    expect(only(later, 'Nothing is agreed').note).toMatch(/as the person last quoted or named/);
  });

  it('does so for an owner with no glossary entry too', () => {
    const d = draft(
      'Berg said the talks went well.\n\nPrime Minister Ola Strand’s office said he told Berg: “We will decide alone.”',
    );
    expect(only(d, 'decide alone')).toMatchObject({ kind: 'direct-quote', missingSpeaker: 'Ola Strand' });
  });
});
