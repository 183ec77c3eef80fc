/**
 * The review of one article: what stands between it and publication. Pending claims, verdicts
 * with no findings, guesses not yet confirmed, a weekday that is not its date's, names with no
 * glossary entry, and bibliography gaps block publication; a quotation whose words differ from
 * the recorded primary wording is shown as a word diff for the editor to weigh.
 *
 * Fast by design (`review` over 1,000 articles is budgeted at 10 s): no NLP model here, only
 * the alias matcher, a Markdown parse and plain string checks.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { diffWords } from 'diff';
import { CONTENT_DIRS, type Registry } from '../collections/registry';
import { buildAliasIndex, findAliases, type AliasIndex } from '../glossary/aliases';
import { frontmatterLocator, splitMarkdown, type ContentProblem } from '../lib/problems';
import { loadYaml } from '../lib/yaml';
import { readMarks, type ReadParagraph } from './marks';
import { STUB_MARK } from './render';
import { findQuotations, inside } from './text';
import { shown } from '../lib/text';

export interface ReviewProblem extends ContentProblem {
  /** True when it stops a published article from passing. */
  blocking: boolean;
}

export interface ArticleReview {
  file: string;
  slug: string;
  /** False for `status: draft`. */
  published: boolean;
  problems: ReviewProblem[];
}

interface RawClaim {
  id?: string;
  kind?: string;
  status?: string;
  speaker?: string;
  via?: string[];
  guess?: string[];
  /** Findings: what each checked document shows (`source` is its bibliography key). */
  checked?: { source?: string }[];
  primaryWording?: string;
  timeline?: { cite?: string[] }[];
}
interface RawArticle {
  status?: string;
  claims?: RawClaim[];
  since?: { cite?: string[] }[];
}

/** Verdicts that stand without a source checked: the claim was not, or cannot be, confirmed. */
const NO_FINDINGS_NEEDED = new Set(['pending', 'unverified', 'not-checkable']);
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY_RES = WEEKDAYS.map((d) => new RegExp(`\\b${d}\\b`, 'i'));
/** Whether a glossary file is a stub, read once per review however many articles speak through it. */
const stubCache = new WeakMap<Registry, Map<string, boolean>>();
const isStub = (registry: Registry, file: string) => {
  const stubs = stubCache.get(registry) ?? new Map<string, boolean>();
  stubCache.set(registry, stubs);
  let stub = stubs.get(file);
  if (stub === undefined)
    stubs.set(file, (stub = existsSync(file) && readFileSync(file, 'utf8').startsWith(STUB_MARK)));
  return stub;
};
const MONTHS = new Set(
  'January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday'.split(
    ' ',
  ),
);
/** A capitalised word where a word starts: no letter before it, apostrophes and full stops between. */
const CAPITALISED_WORD = /(?<!\p{L}[’'.]*)\p{Lu}[\p{L}’'.]*/gu;
/** Capitalised words that are not names: sentence openers, pronouns, titles standing alone. */
const NOT_NAMES = new Set(
  'I A An The This That These Those He She It We They You His Her Its Our Their Mr Mrs Ms Dr'.split(' '),
);

/**
 * Where a claim's field is in block-style frontmatter (`claims:`, `  - id: …`, `    status: …`),
 * found by its indentation: parsing the YAML again with positions costs more than the rest of the
 * review, and an article with problems would pay it. Anything else (flow style, a deeper path)
 * returns undefined, and the YAML parser's locator answers.
 */
export function blockLocate(
  lines: readonly string[],
  keys: readonly (string | number)[],
): { line: number; column: number } | undefined {
  const [list, index, field, item] = keys;
  if (typeof list !== 'string' || typeof index !== 'number' || typeof field !== 'string') return undefined;
  let i = lines.indexOf(`${list}:`, 1);
  if (i < 0 || (item !== undefined && typeof item !== 'number') || keys.length > 4) return undefined;
  let n = -1;
  for (i++; i < lines.length && !/^(---|\S)/.test(lines[i]!); i++) {
    const entry = /^(\s*)- /.exec(lines[i]!);
    if (entry && entry[1]!.length <= 2) n++;
    if (n < index) continue;
    if (n > index) return undefined;
    const m = new RegExp(`^(\\s*(?:- )?)${field}:(\\s*)`).exec(lines[i]!);
    if (!m) continue;
    // The line, 1-based (the opening --- is line 1), and the value's column; an item of a flow
    // list ("[a, b]") is located by its text.
    let column = m[0].length + 1;
    if (typeof item === 'number' && lines[i]!.slice(m[0].length).trim() === '') {
      // A block list: its items are the "- " lines at the first item's indentation.
      let itemIndent = -1;
      let k = -1;
      for (let j = i + 1; j < lines.length; j++) {
        const line = lines[j]!;
        if (line.trim() === '') continue;
        const indent = /^\s*/.exec(line)![0].length;
        const isItem = line.slice(indent).startsWith('- ');
        if (itemIndent === -1) {
          if (!isItem || indent < m[1]!.length) return undefined;
          itemIndent = indent;
        }
        if (indent < itemIndent || (indent === itemIndent && !isItem)) break;
        if (indent === itemIndent && ++k === item) return { line: j + 1, column: indent + 3 };
      }
      return undefined;
    }
    if (typeof item === 'number') {
      const flow = /^\[(.*)\]\s*$/.exec(lines[i]!.slice(m[0].length));
      const parts = flow?.[1]!.split(',');
      if (!parts || item >= parts.length) return undefined;
      column += 1 + parts.slice(0, item).join(',').length + (item ? 1 : 0) + /^\s*/.exec(parts[item]!)![0].length;
    }
    return { line: i + 1, column };
  }
  return undefined;
}

/** "[-a-]{+the+}": the article's words against the primary record's, word by word. */
export function wordDiff(article: string, primary: string): string | undefined {
  const strip = (s: string) => s.replace(/^[\s“”"‘’'.,;:…]+|[\s“”"‘’'.,;:…]+$/g, '');
  const parts = diffWords(strip(primary), strip(article), { ignoreCase: true });
  if (!parts.some((p) => p.added || p.removed)) return undefined;
  return parts.map((p) => (p.added ? `{+${p.value}+}` : p.removed ? `[-${p.value}-]` : p.value)).join('');
}

/** Capitalised words outside quotations that no alias links and no `:term` or `:date` mark covers. */
export function unlinkedNames(paragraphs: readonly ReadParagraph[], index: AliasIndex, demonyms: ReadonlySet<string>) {
  const out: { name: string; line: number | undefined }[] = [];
  const quotes = findQuotations(paragraphs.map((p) => p.text));
  paragraphs.forEach((p, i) => {
    const covered = [...findAliases(p.text, index), ...p.marks.filter((m) => m.name === 'term' || m.name === 'date')];
    let run: string[] = [];
    // A sentence's first word is capitalised whatever it is; it is part of a name only when
    // the next word is one too ("Boris Johnson met …").
    let opener: string | undefined;
    const flush = () => {
      if (run.length) out.push({ name: run.join(' '), line: p.line });
      run = [];
      opener = undefined;
    };
    let last = 0;
    // Only capitalised words, each where a word starts (no letter before it but an apostrophe or
    // full stop): a lower-case word between two names shows as more than one space between them.
    for (const m of p.text.matchAll(CAPITALISED_WORD)) {
      const start = m.index;
      const end = start + m[0].length;
      const word = m[0].replace(/[’']s$/, '').replace(/\.+$/, '');
      const gap = p.text.slice(last, start);
      last = end;
      if (gap !== ' ') flush();
      // Only the few characters before the word decide (the whole prefix made this quadratic).
      const first = start === 0 || /(?:[.!?:]["”’]?\s+|[“"]\s*)$/.test(p.text.slice(Math.max(0, start - 8), start));
      const plural = word.endsWith('s') && demonyms.has(word.slice(0, -1));
      const skip =
        inside(quotes[i]!, start) ||
        covered.some((c) => start < c.end && end > c.start) ||
        NOT_NAMES.has(word) ||
        MONTHS.has(word) ||
        demonyms.has(word) ||
        plural;
      if (skip) flush();
      else if (first) {
        flush();
        opener = word;
      } else {
        if (opener && !run.length && gap === ' ') run.push(opener);
        opener = undefined;
        run.push(word);
      }
    }
    flush();
  });
  return out;
}

export function reviewArticle(
  abs: string,
  registry: Registry,
  index = buildAliasIndex(registry.glossary.values()),
): ArticleReview {
  const file = path.relative(registry.root, abs).split(path.sep).join('/');
  const slug = path.basename(abs, '.md');
  const raw = readFileSync(abs, 'utf8');
  const { yaml, body } = splitMarkdown(raw);
  const fm = (loadYaml(yaml ?? '') ?? {}) as RawArticle;
  const locator = frontmatterLocator(raw);
  const bodyLine = raw.slice(0, raw.indexOf(body)).split('\n').length - 1;
  const problems: ReviewProblem[] = [];
  const add = (p: Omit<ReviewProblem, 'file'>) => problems.push({ file, ...p });
  const lines = raw.split('\n');
  const at = (keys: (string | number)[]) =>
    blockLocate(lines, keys) ?? locator.locate(keys) ?? { line: undefined, column: undefined };

  const claims = fm.claims ?? [];
  const paragraphs = readMarks(body);
  const marks = paragraphs.flatMap((p) =>
    p.marks.map((m) => ({ ...m, line: m.line === undefined ? undefined : m.line + bodyLine })),
  );

  claims.forEach((c, i) => {
    const id = c.id ?? `claims[${i}]`;
    if (c.status === 'pending') {
      add({
        ...at(['claims', i, 'status']),
        id,
        blocking: true,
        message: 'is pending: not checked yet.',
        fix: 'Check it against a source, then set its status and note (and "checked").',
      });
    } else if (c.status && !NO_FINDINGS_NEEDED.has(c.status) && !(c.checked ?? []).length) {
      add({
        ...at(['claims', i, 'status']),
        id,
        blocking: true,
        message: `is marked "${c.status}" but lists no findings ("checked" is empty).`,
        fix: 'Add what each source checked shows under "checked" (source, finding, accessed), or make the status "unverified".',
      });
    }
    if (c.guess?.length) {
      const what = c.guess.map((g) =>
        g === 'via'
          ? `channel ${(c.via ?? []).join(', ') || '(none)'}`
          : `${g} ${shown((c as Record<string, unknown>)[g])}`,
      );
      add({
        ...at(['claims', i, 'guess']),
        id,
        blocking: true,
        message: `has a guessed ${what.join(' and ')} not yet confirmed.`,
        fix: 'Confirm or correct it against the text, then delete the "guess" line.',
      });
    }
    if (c.kind === 'direct-quote' && c.primaryWording) {
      const mark = marks.find((m) => m.name === 'claim' && m.attributes['id'] === c.id);
      const diff = mark && wordDiff(mark.text, c.primaryWording);
      if (diff)
        add({
          line: mark.line,
          column: mark.column,
          id,
          blocking: false,
          message: `quotes words that differ from the primary record: ${diff}`,
          fix: 'Make sure the note says how the quotation differs ([-record-] {+article+}).',
        });
    }
  });

  for (const m of marks.filter((x) => x.name === 'date')) {
    const value = m.attributes['value'] ?? '';
    const said = WEEKDAY_RES.findIndex((re) => re.test(m.text));
    if (said < 0 || !/^\d{4}-\d{2}-\d{2}$/.test(value)) continue;
    const real = new Date(`${value}T00:00:00Z`).getUTCDay();
    if (real !== said)
      add({
        line: m.line,
        column: m.column,
        id: m.text,
        blocking: true,
        message: `says ${WEEKDAYS[said]} but ${value} is a ${WEEKDAYS[real]}.`,
        fix: 'Correct the value= date, or note in the claim that the article has the wrong day.',
      });
  }

  const demonyms = new Set(
    [...registry.glossary.values()].map((e) => e.demonym).filter((d): d is string => Boolean(d)),
  );
  const seen = new Set<string>();
  for (const n of unlinkedNames(paragraphs, index, demonyms)) {
    if (seen.has(n.name)) continue;
    seen.add(n.name);
    add({
      line: n.line === undefined ? undefined : n.line + bodyLine,
      id: n.name,
      blocking: true,
      message: `"${n.name}" matches no glossary entry, so it is not linked.`,
      fix: `Add it as an alias of its entry, create content/glossary/<id>.yaml, or mark it :term[${n.name}]{.nolink}.`,
    });
  }

  // Bibliography: every key cited must be there; every entry used must be more than a stub.
  const cite = (keys: string[] | undefined, where: (string | number)[], tail: (string | number)[] = []) =>
    (keys ?? []).forEach((k, j) => {
      if (!registry.bibliography.has(k))
        add({
          ...at([...where, j, ...tail]),
          id: k,
          blocking: true,
          message: `cites "${k}", which is not in the bibliography.`,
          fix: `Add an item with "id": "${k}" to content/bibliography.json.`,
        });
    });
  claims.forEach((c, i) => {
    cite(
      (c.checked ?? []).map((f) => f?.source ?? ''),
      ['claims', i, 'checked'],
      ['source'],
    );
    (c.timeline ?? []).forEach((e, j) => cite(e.cite, ['claims', i, 'timeline', j, 'cite']));
  });
  (fm.since ?? []).forEach((s, i) => cite(s.cite, ['since', i, 'cite']));
  const entries = new Set(
    claims.map((c) => c.speaker).filter((s): s is string => Boolean(s && registry.glossary.has(s))),
  );
  for (const e of entries) {
    const f = path.join(registry.root, CONTENT_DIRS.glossary, `${e}.yaml`);
    if (isStub(registry, f))
      add({
        id: e,
        blocking: true,
        message: `speaks through the glossary entry "${e}", which is still a stub.`,
        fix: `Write its description and links in ${CONTENT_DIRS.glossary}/${e}.yaml and delete the stub line.`,
      });
  }

  return { file, slug, published: fm.status !== 'draft', problems };
}

/** The report for a set of articles, grouped by file, each problem once. */
export function formatReview(reviews: readonly ArticleReview[]): string {
  const out: string[] = [];
  for (const r of reviews) {
    const blocking = r.problems.filter((p) => p.blocking);
    const notes = r.problems.filter((p) => !p.blocking);
    const state = r.published ? 'published' : 'draft';
    if (!r.problems.length) {
      out.push(`${r.file} (${state}): nothing stands in the way.`);
      continue;
    }
    out.push(`${r.file} (${state}): ${blocking.length} to resolve before publication, ${notes.length} to look at.`);
    const line = (p: ReviewProblem) => {
      const where = [p.line, p.line && p.column].filter(Boolean).join(':');
      return `  ${where ? `${where} ` : ''}${p.id ? `[${p.id}] ` : ''}${p.message}\n      Fix: ${p.fix}`;
    };
    if (blocking.length) out.push(' Before publication:', ...blocking.map(line));
    if (notes.length) out.push(' To look at:', ...notes.map(line));
  }
  return out.join('\n');
}
