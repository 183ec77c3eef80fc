/**
 * Writes a `Draft` as an article file (frontmatter and marked body), the stub glossary files
 * it may offer, and the summary `npm run new` prints.
 */
import { CLAIM_KINDS } from '../schemas/taxonomy';
import type { Draft, DraftClaim, PlacedDate } from './draft';
import { idWords } from './ids';
import { escapeMarkdown, type Span } from './text';

export interface ArticleMeta {
  outlet: string;
  url: string;
  /** Publication day of the original, YYYY-MM-DD. */
  date: string;
  headline: string;
  /** True when the headline was read from the address, not given. */
  headlineGuessed: boolean;
  author: string;
  /** Today, YYYY-MM-DD: the draft's `published` and `updated`. */
  today: string;
  /** Name of the outlet, for the dek. */
  outletName: string;
}

/** A YAML string in single quotes, where only the quote itself needs doubling. */
const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const list = (xs: readonly string[]) => `[${xs.join(', ')}]`;

/** A headline read from an address: the last path segment's words ("putin-uses-compliments-…"). */
export function headlineFromUrl(url: string): string {
  const seg =
    new URL(url).pathname
      .split('/')
      .filter(Boolean)
      .find((s) => s.split(/[-_]/).length >= 4) ?? '';
  // Many sites end the slug with an opaque id ("…_uk_67090568e4b0"); those parts are dropped.
  // An apostrophe became a hyphen in the address ("putin-s-war", "don-t"): it comes back.
  const words = seg
    .replace(/\.html?$/i, '')
    .split(/[-_]/)
    .filter((w) => (/^[a-z]+$/i.test(w) || /^\d{1,4}$/.test(w)) && !/^(uk|us|n|html?)$/i.test(w))
    .join(' ')
    .replace(/(\p{L}) (s|t|re|ll|ve|d|m)\b(?= |$)/gu, '$1’$2');
  return words ? words[0]!.toUpperCase() + words.slice(1) : HEADLINE_NOT_KNOWN;
}

/** What headlineFromUrl gives for an address with no words ("…/article/idUSTRE70H257"). */
export const HEADLINE_NOT_KNOWN = 'Headline not known';

export function slugFor(headline: string): string {
  return idWords(headline).slice(0, 6).join('-') || 'draft';
}

interface Inner extends Span {
  open: string;
  close: string;
}

function dateMark(d: PlacedDate): Inner {
  const attrs = [`value=${d.value}`, ...(d.last ? [`end=${d.last}`] : []), ...(d.approximate ? ['approx'] : [])];
  return { start: d.start, end: d.end, open: ':date[', close: `]{${attrs.join(' ')}}` };
}

/** One paragraph with its marks; marks never cross (dates sit inside or outside claims). */
export function renderParagraph(text: string, claims: readonly Inner[], inner: readonly Inner[]): string {
  const within = (i: Inner, o: Inner) => i.start >= o.start && i.end <= o.end;
  const run = (from: number, to: number, marks: readonly Inner[]): string => {
    let out = '';
    let at = from;
    for (const m of [...marks].sort((x, y) => x.start - y.start)) {
      if (m.start < at) continue; // overlapping marks: the first wins
      out += escapeMarkdown(text.slice(at, m.start), at === 0);
      const nested = claims.includes(m) ? inner.filter((i) => within(i, m)) : [];
      out += m.open + run(m.start, m.end, nested) + m.close;
      at = m.end;
    }
    return out + escapeMarkdown(text.slice(at, to), at === 0);
  };
  return run(0, text.length, [...claims, ...inner.filter((i) => !claims.some((c) => within(i, c)))]);
}

export function renderBody(draft: Draft): string {
  return draft.paragraphs
    .map((text, p) => {
      const claims: Inner[] = draft.claims
        .filter((c) => c.paragraph === p)
        .map((c) => ({ start: c.start, end: c.end, open: ':claim[', close: `]{#${c.id}}` }));
      const inner: Inner[] = [
        ...draft.dates.filter((d) => d.paragraph === p).map(dateMark),
        // An alias two entries share would stop the build; it is left unlinked until an editor
        // picks one. A dateline's place (no ids) is left unlinked too.
        ...draft.mentions
          .filter((m) => m.paragraph === p && m.ids.length !== 1)
          .map((m) => ({ start: m.start, end: m.end, open: ':term[', close: ']{.nolink}' })),
      ];
      return renderParagraph(text, claims, inner);
    })
    .join('\n\n');
}

function claimYaml(c: DraftClaim): string {
  return [
    `  - id: ${c.id}`,
    `    kind: ${c.kind}`,
    `    speaker: ${c.speaker}`,
    ...(c.via.length ? [`    via: ${list(c.via)}`] : []),
    `    status: pending`,
    ...(c.guess.length ? [`    guess: ${list(c.guess)}`] : []),
    `    note: ${q(c.note)}`,
  ].join('\n');
}

export function renderArticle(draft: Draft, meta: ArticleMeta): string {
  const sources = [meta.outlet, ...draft.sources.filter((s) => s !== meta.outlet)];
  const unverified = meta.headlineGuessed ? ['headline'] : [];
  const yaml = [
    `title: ${q(`Draft: ${meta.headline}`)}`,
    `dek: ${q(`Not checked yet: ${draft.claims.length} claims drafted from ${meta.outletName}’s text.`)}`,
    `status: draft`,
    `original:`,
    `  outlet: ${meta.outlet}`,
    `  headline: ${q(meta.headline)}`,
    `  url: ${q(meta.url)}`,
    `  date: ${meta.date}`,
    `  author: ${q(meta.author)}`,
    ...(unverified.length ? [`  unverified: ${list(unverified)}`] : []),
    ...(meta.headlineGuessed ? [`  provenance: ${q('The headline is read from the page address.')}`] : []),
    `published: ${meta.today}`,
    `updated: ${meta.today}`,
    `tags: []`,
    `sources: ${list(sources)}`,
    `claims:`,
    ...draft.claims.map(claimYaml),
  ].join('\n');
  return `---\n${yaml}\n---\n\n${renderBody(draft)}\n`;
}

/** Id of a stub glossary entry for a name. */
export const stubId = (name: string): string => idWords(name).join('-') || 'entry';

/** A stub glossary entry: valid, and plainly a stub until an editor writes it. */
export function renderStub(name: string, person: boolean, aliases: readonly string[] = []): string {
  const esc = (s: string) => JSON.stringify(s);
  return [
    '# Stub made by `npm run new`: write the description and links, then delete this line.',
    `name: ${esc(name)}`,
    `kind: ${person ? 'person' : 'organisation'}`,
    `aliases:`,
    ...[name, ...aliases].map((a) => `  - ${esc(a)}`),
    `description: ${esc(`Stub: ${name} has no description yet.`)}`,
    `links:`,
    `  - label: ${esc(`Wikipedia search: ${name}`)}`,
    `    url: ${esc(`https://en.wikipedia.org/w/index.php?search=${encodeURIComponent(name)}`)}`,
    '',
  ].join('\n');
}

export const STUB_MARK = '# Stub made by `npm run new`';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What `npm run new` prints after writing the draft. */
export function summarise(draft: Draft, file: string, stubs: readonly string[]): string {
  const lines: string[] = [`Wrote ${file} (status: draft; every claim pending).`, ''];
  const byKind = new Map<string, number>();
  for (const c of draft.claims) byKind.set(c.kind, (byKind.get(c.kind) ?? 0) + 1);
  const kinds = [...byKind].map(([k, n]) => `${n} ${CLAIM_KINDS[k as keyof typeof CLAIM_KINDS].label.toLowerCase()}`);
  lines.push(`Claims drafted: ${draft.claims.length}${kinds.length ? ` (${kinds.join(', ')})` : ''}`);
  const guessed = draft.claims.filter((c) => c.guess.length);
  lines.push(`Guesses to confirm: ${guessed.length} claims`);
  const guessText = (c: DraftClaim, g: string) =>
    g === 'kind'
      ? `kind ${c.kind}`
      : g === 'via'
        ? `via ${c.via.join(', ')}`
        : c.missingSpeaker && c.speaker === 'unnamed'
          ? `speaker “${c.missingSpeaker}” (no glossary entry)`
          : `speaker ${c.speaker}`;
  // The outlet's own statements are many and alike: one line for all of them.
  const kindOnly = guessed.filter((c) => c.guess.length === 1 && c.guess[0] === 'kind');
  for (const c of guessed)
    if (!kindOnly.includes(c)) lines.push(`  ${c.id}: ${c.guess.map((g) => guessText(c, g)).join('; ')}`);
  if (kindOnly.length)
    lines.push(
      `  ${plural(kindOnly.length, 'claim')} in the outlet’s own voice: kind to confirm (background or characterisation?)`,
    );
  lines.push(`Dates resolved: ${draft.dates.length}`);
  for (const d of draft.dates)
    lines.push(`  “${d.text}” → ${d.approximate ? 'about ' : ''}${d.value}${d.last ? ` to ${d.last}` : ''}`);
  for (const d of draft.unplacedDates) lines.push(`  not marked (crosses a claim's edge): “${d.text}” → ${d.value}`);
  const linked = new Set(draft.mentions.filter((m) => m.ids.length === 1).map((m) => m.ids[0]));
  lines.push(`Glossary: ${plural(linked.size, 'entry', 'entries')} mentioned`);
  for (const m of draft.mentions.filter((x) => x.ids.length > 1))
    lines.push(`  “${m.text}” could be ${m.ids.join(' or ')}: left unlinked (:term[…]{.nolink}); pick one`);
  lines.push(`Entries missing: ${draft.missing.length}`);
  for (const m of draft.missing)
    lines.push(
      `  ${m.name} (${m.person ? 'person' : 'name'}, ${plural(m.count, 'mention')})${stubs.includes(m.name) ? ` → stub content/glossary/${stubId(m.name)}.yaml` : ''}`,
    );
  if (draft.missing.length && !stubs.length)
    lines.push('  Run again with --create-stubs to write stub glossary files for them.');
  lines.push('', 'Next: npm run review -- <slug> lists what stands between this draft and publication.');
  return lines.join('\n');
}
