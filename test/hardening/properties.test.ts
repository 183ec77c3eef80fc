// Property-based tests of the validator and the annotation plugins. Generated articles, with
// random claims, marks, ids, aliases, dates and citations (some deliberately wrong), either
// validate and render every declared claim exactly once, or fail with problems that name the
// file; and no text, however strange, makes a plugin throw anything but a ContentError.
// FC_RUNS=10000 npx vitest run test/hardening/properties.test.ts runs more; FC_SEED replays.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentError, formatProblem, relativePath } from '../../src/lib/problems';
import { loadRegistry } from '../../src/collections/registry';
import { contentProblems } from '../../src/validation/validate';
import { CLAIM_KINDS, CLAIM_STATUSES } from '../../src/schemas/taxonomy';
import { FIXTURE_SITE, renderMarkdown } from '../support/pipeline';
import { unsafeHtml } from '../support/unsafe-html';

const RUNS = Number(process.env['FC_RUNS'] ?? 1000);
const SEED = process.env['FC_SEED'] ? Number(process.env['FC_SEED']) : undefined;
const options = (numRuns: number) => ({ numRuns, ...(SEED === undefined ? {} : { seed: SEED }) });

const root = mkdtempSync(path.join(tmpdir(), 'sourced-properties-'));
cpSync(FIXTURE_SITE, root, { recursive: true });
// Only the generated article is validated, so each run costs one article.
rmSync(path.join(root, 'content/articles/sample.md'));
const FILE = 'content/articles/generated.md';
const ABS = path.join(root, FILE);
const registry = loadRegistry(root);
afterAll(() => rmSync(root, { recursive: true, force: true }));

// ---- Generators -------------------------------------------------------------------------

const WORDS = [
  'talks',
  'went',
  'well',
  'we',
  'are',
  'close',
  'the',
  'deal',
  'was',
  'signed',
  'on',
  'time',
  'sources',
  'said',
  'no',
];
/** Glossary names and aliases in the fixture site; "the League" names two entries. */
const ALIASES = ['Person A', 'President A', 'Land X', 'Xville', 'Land X Assembly', 'League of Ys', 'Xish League'];
const AMBIGUOUS = 'the League';

const validId = fc.stringMatching(/^[a-z0-9]{1,6}(?:-[a-z0-9]{1,6}){0,2}$/);
/** Ids that break the rule, including invisible characters that look fine on screen. */
const invalidId = fc.oneof(
  fc.constantFrom('Leader', 'a_b', 'a--b', '-a', 'b-', 'ünï', 'a\u202eb', 'a\u200bb', 'x\u2066y', 'a\ufeff', 'a.b'),
  fc
    .tuple(validId, fc.constantFrom('\u202e', '\u200b', '\u200d', '\u2069', 'A', '_', ' '), validId)
    .map(([a, c, b]) => `${a}${c}${b}`),
);
const words = fc.array(fc.constantFrom(...WORDS, ...ALIASES), { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));

interface GenClaim {
  id: string;
  idValid: boolean;
  kind: string;
  status: string;
  speaker: string;
  via: string[];
  /** How many times the body marks it: 1 is right, 0 and 2 are mistakes. */
  marks: number;
  words: string;
  quoted: boolean;
}

const claim = fc
  .record({
    valid: fc.oneof({ weight: 39, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    vid: validId,
    iid: invalidId,
    kind: fc.constantFrom(...Object.keys(CLAIM_KINDS)),
    status: fc.constantFrom(...Object.keys(CLAIM_STATUSES)),
    speaker: fc.oneof(
      { weight: 39, arbitrary: fc.constantFrom('person-a', 'outlet', 'unnamed', 'land-x') },
      { weight: 1, arbitrary: fc.constant('nobody') },
    ),
    via: fc.subarray(['agency-b', 'wire-a']),
    marks: fc.oneof(
      { weight: 38, arbitrary: fc.constant(1) },
      { weight: 1, arbitrary: fc.constant(0) },
      { weight: 1, arbitrary: fc.constant(2) },
    ),
    words,
    quoted: fc.boolean(),
  })
  .map(({ valid, vid, iid, ...rest }): GenClaim => ({ ...rest, id: valid ? vid : iid, idValid: valid }));

/** A piece of body text besides the claims, and the mistake it carries, if any. */
interface Filler {
  text: string;
  /** Problem id a validator must report for it; "" when the mistake has no id to name. */
  mistake?: string;
  /** Outcome not predicted here: the glossary rules on this text are tested elsewhere. */
  uncertain?: boolean;
}

const cleanFiller: fc.Arbitrary<Filler> = fc.oneof(
  { weight: 5, arbitrary: words.map((text) => ({ text })) },
  { weight: 1, arbitrary: fc.constantFrom(...ALIASES).map((a) => ({ text: a })) },
  { weight: 1, arbitrary: fc.constant({ text: ':date[on Friday]{value=2024-10-11}' }) },
  { weight: 1, arbitrary: fc.constantFrom('[@ref-one]', '[@ref-two]').map((text) => ({ text })) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(':term[Person A]{#person-a}', ':term[Moscow]{.nolink}', ':term[President A]')
      .map((text) => ({ text })),
  },
);

const mistakeFiller: fc.Arbitrary<Filler> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ text: '[@ref-nine]', mistake: 'ref-nine' }) },
  { weight: 1, arbitrary: fc.constant({ text: ':date[on Someday]{value=2024-13-45}', mistake: 'on Someday' }) },
  { weight: 1, arbitrary: fc.constant({ text: ':term[Person A]{#nobody}', mistake: 'nobody' }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('ghost', 'ghost-2').map((id) => ({ text: `:claim[ghost words]{#${id}}`, mistake: id })),
  },
  { weight: 1, arbitrary: fc.constant({ text: ':claim[unnamed words]', mistake: '' }) },
  { weight: 1, arbitrary: fc.constant({ text: AMBIGUOUS, uncertain: true }) },
);

interface GenArticle {
  claims: GenClaim[];
  fillers: Filler[];
  /** Sort keys that shuffle the body's pieces, and where paragraphs break. */
  order: number[];
  breaks: boolean[];
}

const article: fc.Arbitrary<GenArticle> = fc.record({
  claims: fc.uniqueArray(claim, { minLength: 1, maxLength: 5, selector: (c) => c.id }),
  // Half the articles are planted with no mistake in the body text, so both outcomes are common.
  fillers: fc
    .tuple(
      fc.array(cleanFiller, { maxLength: 12 }),
      fc.oneof(fc.constant([]), fc.array(mistakeFiller, { minLength: 1, maxLength: 3 })),
    )
    .map(([clean, bad]) => [...clean, ...bad]),
  order: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 40, maxLength: 40 }),
  breaks: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
});

const yamlString = (s: string) => JSON.stringify(s);

function toMarkdown(a: GenArticle): string {
  const fm = [
    '---',
    "title: 'Generated'",
    "dek: 'A generated article.'",
    'original:',
    '  outlet: paper-c',
    "  headline: 'Generated'",
    "  url: 'https://paper-c.example/generated'",
    '  date: 2024-10-11',
    '  author: unknown',
    'published: 2024-10-12',
    'updated: 2024-10-12',
    'sources: [paper-c, agency-b, wire-a]',
    'claims:',
    ...a.claims.flatMap((c) => [
      `  - id: ${yamlString(c.id)}`,
      `    kind: ${c.kind}`,
      `    speaker: ${c.speaker}`,
      `    via: [${c.via.join(', ')}]`,
      `    status: ${c.status}`,
      "    note: 'Generated.'",
    ]),
    '---',
  ];
  const pieces = [
    ...a.claims.flatMap((c) =>
      Array.from({ length: c.marks }, () => `:claim[${c.quoted ? `“${c.words}”` : c.words}]{#${c.id}}`),
    ),
    ...a.fillers.map((f) => f.text),
  ];
  const keyed = pieces.map((p, i) => ({ p, k: a.order[i % a.order.length]! + i * 1e-9 })).sort((x, y) => x.k - y.k);
  let body = '';
  keyed.forEach(({ p }, i) => {
    body += p + (a.breaks[i % a.breaks.length] ? '.\n\n' : ' ');
  });
  return `${fm.join('\n')}\n\n${body.trim()}\n`;
}

/** What the validator must say, as far as this generator can predict it. */
function predict(a: GenArticle, raw: string) {
  const frontmatterBad = a.claims.some((c) => !c.idValid || c.speaker === 'nobody');
  const bodyMistakes = [
    ...a.claims.filter((c) => c.marks !== 1).map((c) => c.id),
    ...a.fillers.filter((f) => f.mistake !== undefined).map((f) => f.mistake!),
  ];
  // Words can also meet to form the ambiguous alias, e.g. "the" before "League of Ys".
  const uncertain = a.fillers.some((f) => f.uncertain) || raw.includes(AMBIGUOUS);
  return { frontmatterBad, bodyMistakes, uncertain, valid: !frontmatterBad && bodyMistakes.length === 0 };
}

// ---- Properties -------------------------------------------------------------------------

describe('generated articles', () => {
  it(`validate and mark every claim exactly once, or fail naming the file (${RUNS} runs)`, async () => {
    const outcomes = { rendered: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(article, async (a) => {
        const raw = toMarkdown(a);
        writeFileSync(ABS, raw);
        const problems = await contentProblems(root);
        const expected = predict(a, raw);
        const report = problems.map(formatProblem).join('\n');

        for (const p of problems) {
          expect(p.file, report).toBe(FILE);
          expect(p.message.length, report).toBeGreaterThan(5);
          expect(p.fix.length, report).toBeGreaterThan(10);
        }
        if (!expected.uncertain)
          expect(problems.length === 0, `expected ${expected.valid ? 'valid' : 'invalid'}:\n${raw}\n${report}`).toBe(
            expected.valid,
          );
        if (expected.frontmatterBad)
          expect(
            problems.some((p) => p.line !== undefined),
            report,
          ).toBe(true);
        else if (!expected.uncertain && problems.length > 0) {
          // Plugins run in stages and the first stage with problems stops the body check, so
          // not every planted mistake is reported; but every report is one of them, by its id.
          const planted = new Set(expected.bodyMistakes.map((id) => id || undefined));
          for (const p of problems) expect(planted.has(p.id), `unplanted problem:\n${raw}\n${report}`).toBe(true);
        }

        if (problems.length === 0) {
          const { html } = await renderMarkdown(raw, { registry, filePath: ABS });
          const tree = fromHtml(html, { fragment: true });
          const marks = selectAll('mark.claim', tree);
          expect(marks.map((m) => String(m.properties['id'])).sort()).toEqual(
            a.claims.map((c) => `claim-${c.id}`).sort(),
          );
          for (const c of a.claims) {
            const mark = marks.find((m) => m.properties['id'] === `claim-${c.id}`)!;
            expect(toString(mark)).toBe(c.quoted ? `“${c.words}”` : c.words);
          }
          expect(unsafeHtml(html)).toEqual([]);
          outcomes.rendered++;
        } else if (!expected.frontmatterBad) {
          // The build's own pipeline refuses the same body, with the same kind of error.
          const rendering = renderMarkdown(raw, { registry, filePath: ABS });
          await expect(rendering).rejects.toBeInstanceOf(ContentError);
          const error = (await rendering.catch((e: unknown) => e)) as ContentError;
          for (const p of error.problems) expect(p.file).toBe(relativePath(ABS));
        }
        if (problems.length) outcomes.refused++;
      }),
      options(RUNS),
    );
    // Both branches must be exercised well, or the property proves little.
    expect(outcomes.rendered).toBeGreaterThan(RUNS / 5);
    expect(outcomes.refused).toBeGreaterThan(RUNS / 5);
  }, 600_000);
});

/** Characters that mean something to Markdown, directives, HTML or the bidi algorithm. */
const TRICKY = [
  ':',
  '[',
  ']',
  '{',
  '}',
  '#',
  '.',
  '=',
  '"',
  "'",
  '*',
  '_',
  '`',
  '~',
  '<',
  '>',
  '/',
  '\\',
  '!',
  '(',
  ')',
  '@',
  ';',
  '-',
  '|',
  '&',
  ' ',
  '\n',
  '\n\n',
  '\t',
  'a',
  'Z',
  '1',
  'é',
  '“',
  '”',
  '😀',
  '\u202e',
  '\u2066',
  '\u200b',
  '\u200d',
  '\ufeff',
  '\u0000',
  ':claim',
  ':date',
  ':term',
  ':claim[',
  ']{#',
  'leader-quote',
  'value=',
  '[@',
  'ref-one',
  'http://',
  'https://x.example',
  'javascript:',
  '<script>',
  '<!--',
  '-->',
  '&lt;',
  '&#',
  'Person A',
  'the League',
  '- ',
  '> ',
  '1. ',
  '```',
];
const trickyText = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
    ),
    { maxLength: 40 },
  )
  .map((p) => p.join(''));

describe('arbitrary text around a valid claim', () => {
  const runs = RUNS;
  const FRONTMATTER = `---
claims:
  - id: leader-quote
    kind: direct-quote
    speaker: person-a
    via: [agency-b]
    status: single-source
    note: 'Generated.'
---
`;
  const filePath = path.join(FIXTURE_SITE, 'content/articles/generated.md');

  it(`renders to inert HTML or fails with a ContentError naming the file, never anything else (${runs} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(trickyText, trickyText, async (before, after) => {
        const raw = `${FRONTMATTER}\n${before} :claim[we are close]{#leader-quote} ${after}\n`;
        let html: string;
        try {
          ({ html } = await renderMarkdown(raw, { registry, filePath }));
        } catch (e) {
          expect(e, `unexplained ${(e as Error)?.stack}`).toBeInstanceOf(ContentError);
          const problems = (e as ContentError).problems;
          expect(problems.length).toBeGreaterThan(0);
          for (const p of problems) {
            expect(p.file).toBe(relativePath(filePath));
            expect(p.fix.length).toBeGreaterThan(10);
          }
          return;
        }
        expect(unsafeHtml(html), html).toEqual([]);
      }),
      options(runs),
    );
  }, 600_000);
});
