/**
 * Finding glossary entries in running text by their aliases. Pure: the Markdown plugin, the
 * validator and the tests all use it with whatever entries they have.
 *
 * Rules: an entry's name and aliases are matched case-sensitively, as whole words, longest
 * first at each position; a straight and a curly apostrophe count as the same character, so
 * the alias "Iran's president" also finds "Iran’s president". Role phrases ("the Iranian
 * president") name an entry only between two days, and are matched only in text of a date
 * between them.
 */

/** Role phrases that name an entry from one day (inclusive) until another (exclusive). */
export interface RoleAlias {
  phrases: string[];
  /** YYYY-MM-DD; open-ended when absent. */
  from?: string | undefined;
  /** YYYY-MM-DD, the first day the phrases no longer apply; open-ended when absent. */
  until?: string | undefined;
}

export interface AliasEntry {
  id: string;
  name: string;
  aliases?: string[] | undefined;
  roleAliases?: RoleAlias[] | undefined;
}

export interface AliasIndexOptions {
  /**
   * The day the text was written (YYYY-MM-DD): role phrases valid on it are matched too.
   * Without a day no role phrase is matched, since none can be placed in time.
   */
  date?: string | undefined;
}

/** A day written YYYY-MM-DD, whether a YAML loader handed over a string or a Date. */
export function dayOf(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}

/** True when `day` is within the role alias's range: on or after `from`, before `until`. */
export function roleAliasCovers(range: Pick<RoleAlias, 'from' | 'until'>, day: string): boolean {
  const from = dayOf(range.from);
  const until = dayOf(range.until);
  return (from === undefined || from <= day) && (until === undefined || day < until);
}

/** Role aliases of an entry, as a list whatever the YAML held. */
const roleAliasesOf = (e: AliasEntry): RoleAlias[] =>
  Array.isArray(e.roleAliases) ? e.roleAliases.filter((r) => r && Array.isArray(r.phrases)) : [];

/** The entry's name and aliases, plus the role phrases that apply on `date`. */
export function namesOn(e: AliasEntry, date: string | undefined): string[] {
  const dated = date
    ? roleAliasesOf(e)
        .filter((r) => roleAliasCovers(r, date))
        .flatMap((r) => r.phrases)
    : [];
  return [e.name, ...(e.aliases ?? []), ...dated];
}

/**
 * Which role phrases apply on `date`, as a short key: texts of two dates with the same key can
 * share one index, and most dates share the key of their neighbours.
 */
export function roleAliasKey(entries: Iterable<AliasEntry>, date: string | undefined): string {
  if (!date) return '';
  const on: string[] = [];
  for (const e of entries)
    roleAliasesOf(e).forEach((r, i) => {
      if (roleAliasCovers(r, date)) on.push(`${e.id}#${i}`);
    });
  return on.join(',');
}

export interface AliasIndex {
  /** Normalised alias → ids of the entries that use it (two or more means ambiguous). */
  byAlias: Map<string, string[]>;
  /** One regular expression for all aliases, longest first; undefined when there are none. */
  pattern: RegExp | undefined;
}

export interface AliasMatch {
  /** Offsets of the words in the text searched. */
  start: number;
  end: number;
  /** The words as they stand in the text. */
  text: string;
  /** Ids of the entries whose alias this is; more than one means ambiguous. */
  ids: string[];
}

/** Apostrophes are written both ways; aliases and text are compared with one form. */
export const normaliseAlias = (s: string): string => s.replace(/[’‘']/g, "'").trim();

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A name or alias as a regex: escaped, with either apostrophe accepted. */
const aliasSource = (alias: string) => escape(alias).replace(/'/g, "['’]");

/** Letters, digits and underscores make a word; anything else (space, hyphen, ’, punctuation) ends it. */
const WORD = '[\\p{L}\\p{N}_]';

export function buildAliasIndex(entries: Iterable<AliasEntry>, options: AliasIndexOptions = {}): AliasIndex {
  const byAlias = new Map<string, string[]>();
  for (const e of entries) {
    for (const raw of new Set(namesOn(e, options.date))) {
      const alias = normaliseAlias(raw ?? '');
      if (!alias) continue;
      const ids = byAlias.get(alias) ?? [];
      if (!ids.includes(e.id)) ids.push(e.id);
      byAlias.set(alias, ids);
    }
  }
  const sorted = [...byAlias.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const pattern = sorted.length
    ? new RegExp(`(?<!${WORD})(?:${sorted.map(aliasSource).join('|')})(?!${WORD})`, 'gu')
    : undefined;
  return { byAlias, pattern };
}

/** The entries a phrase names exactly (the whole phrase is an alias); empty when none. */
export function resolveAlias(phrase: string, index: AliasIndex): string[] {
  return index.byAlias.get(normaliseAlias(phrase)) ?? [];
}

/** Citation keys such as "[@tass-2024]" or "[see @a; @b]" are not text to link. */
const CITATION = /\[[^\]\n]*@[^\]\n]*\]/g;

/** Every alias in `text`, left to right, never overlapping, longest first at each position. */
export function findAliases(text: string, index: AliasIndex): AliasMatch[] {
  if (!index.pattern) return [];
  const masked: [number, number][] = [];
  for (const m of text.matchAll(CITATION)) masked.push([m.index, m.index + m[0].length]);
  const out: AliasMatch[] = [];
  for (const m of text.matchAll(index.pattern)) {
    const start = m.index;
    const end = start + m[0].length;
    if (masked.some(([s, e]) => start < e && end > s)) continue;
    out.push({ start, end, text: m[0], ids: index.byAlias.get(normaliseAlias(m[0])) ?? [] });
  }
  return out;
}

/**
 * Where quotations are in a run of text. `open` is the state at the start (a quotation can
 * run on from an earlier node of the same paragraph); returns, for each offset, whether it is
 * inside “…” or "…", and the state at the end.
 */
export function quotationState(text: string, open: boolean): { inside: (offset: number) => boolean; open: boolean } {
  const toggles: { at: number; open: boolean }[] = [];
  let state = open;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '“') state = true;
    else if (c === '”') state = false;
    else if (c === '"') state = !state;
    else continue;
    toggles.push({ at: i, open: state });
  }
  return {
    inside(offset: number) {
      let s = open;
      for (const t of toggles) {
        if (t.at >= offset) break;
        s = t.open;
      }
      return s;
    },
    open: state,
  };
}

export interface AliasProblem {
  /** Index of the alias in the entry's list. */
  index: number;
  alias: string;
  message: string;
  fix: string;
}

/**
 * Mistakes in one entry's alias list that would link the wrong words: a one-character alias
 * (it would catch the article "A" or an initial) and an alias listed twice. An alias shared
 * with another entry is allowed: the text must then say which entry it means, and the build
 * reports each such mention.
 */
export function aliasProblems(entry: AliasEntry): AliasProblem[] {
  const out: AliasProblem[] = [];
  const seen = new Set<string>();
  (entry.aliases ?? []).forEach((raw, index) => {
    const alias = normaliseAlias(String(raw));
    if (alias.length < 2) {
      out.push({
        index,
        alias,
        message: `has the alias "${alias}", which is too short to match safely.`,
        fix: 'Use aliases of two characters or more; a one-letter alias would link initials and the article "A".',
      });
    } else if (seen.has(alias)) {
      out.push({ index, alias, message: `lists the alias "${alias}" twice.`, fix: 'Remove the repeated alias.' });
    }
    seen.add(alias);
  });
  return out;
}

export interface RoleAliasOverlap {
  phrase: string;
  /** The two entries, each with the position of the phrase in its `roleAliases`. */
  a: { id: string; range: number; phrase: number; from?: string | undefined; until?: string | undefined };
  b: { id: string; range: number; phrase: number; from?: string | undefined; until?: string | undefined };
}

/**
 * Role phrases that two entries claim on the same days. Ranges are half-open, so one entry's
 * "until" may be the next entry's "from" (the day the office changed hands).
 */
export function roleAliasOverlaps(entries: Iterable<AliasEntry>): RoleAliasOverlap[] {
  type Use = RoleAliasOverlap['a'];
  const byPhrase = new Map<string, { text: string; uses: Use[] }>();
  for (const e of entries) {
    roleAliasesOf(e).forEach((r, range) => {
      r.phrases.forEach((raw, phrase) => {
        const key = normaliseAlias(String(raw));
        const slot = byPhrase.get(key) ?? { text: key, uses: [] };
        slot.uses.push({ id: e.id, range, phrase, from: dayOf(r.from), until: dayOf(r.until) });
        byPhrase.set(key, slot);
      });
    });
  }
  const out: RoleAliasOverlap[] = [];
  for (const { text, uses } of byPhrase.values()) {
    for (let i = 0; i < uses.length; i++) {
      for (let j = i + 1; j < uses.length; j++) {
        const a = uses[i]!;
        const b = uses[j]!;
        if (a.id === b.id) continue;
        const startsBeforeOtherEnds = (x: Use, y: Use) =>
          x.from === undefined || y.until === undefined || x.from < y.until;
        if (startsBeforeOtherEnds(a, b) && startsBeforeOtherEnds(b, a)) out.push({ phrase: text, a, b });
      }
    }
  }
  return out;
}
