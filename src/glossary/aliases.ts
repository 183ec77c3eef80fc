/**
 * Finding glossary entries in running text by their aliases. Pure: the Markdown plugin, the
 * validator and the tests all use it with whatever entries they have.
 *
 * Rules: an entry's name and aliases are matched case-sensitively, as whole words, longest
 * first at each position; a straight and a curly apostrophe count as the same character, so
 * the alias "Iran's president" also finds "Iran’s president".
 */

export interface AliasEntry {
  id: string;
  name: string;
  aliases?: string[] | undefined;
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

export function buildAliasIndex(entries: Iterable<AliasEntry>): AliasIndex {
  const byAlias = new Map<string, string[]>();
  for (const e of entries) {
    for (const raw of new Set([e.name, ...(e.aliases ?? [])])) {
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
