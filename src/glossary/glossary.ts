/**
 * Pure helpers for glossary entries: their addresses, the one-line summary on cards, and the
 * order of the index page. They take entries as arguments, so Vitest can test them directly.
 */
import { GLOSSARY_KINDS, type GlossaryKind } from '../schemas/taxonomy';
import { isoDay } from '../lib/dates';
import { entryUrl, url } from '../lib/urls';
import { clipText } from '../lib/text';
import { sentenceBounds } from './mentions';

export interface GlossaryLike {
  id: string;
  name: string;
  kind: string;
  description?: string | undefined;
  flag?: string | undefined;
  role?: { title: string; since: string | Date; until?: string | Date | undefined } | undefined;
}

/** Element ids, shared by the Markdown plugin (which writes them) and the pages (which link to them). */
export const mentionId = (entryId: string, n: number) => `mention-${entryId}-${n}`;
export const glossaryCardId = (entryId: string) => `glossary-card-${entryId}`;

export const glossaryKindLabel = (kind: string): string => GLOSSARY_KINDS[kind as GlossaryKind]?.label ?? kind;

/** Plural headings for the index page. */
const KIND_PLURALS: Record<GlossaryKind, string> = {
  person: 'People',
  country: 'Countries',
  organisation: 'Organisations',
  place: 'Places',
  group: 'Groups',
};
export const kindPlural = (kind: string): string => KIND_PLURALS[kind as GlossaryKind] ?? kind;

/**
 * The first sentence of a description, whole, for cards and the index. It is never cut inside:
 * a sentence ends at . ! ? or … (with any closing quote) before a space and a capital
 * (sentenceBounds), so "Washington, D.C." and "c. 1900" do not end it early. Only a first
 * sentence longer than `max` is cut, at the last sentence-like stop (;, : or a dash) before
 * `max`, or at a word when it has none.
 */
export function oneLine(description: string | undefined, max = 320): string {
  const text = (description ?? '').replace(/\s+/g, ' ').trim();
  const first = text.slice(0, sentenceBounds(text, 0).end).trim();
  if (first.length <= max) return first;
  const head = first.slice(0, max);
  const stop = Math.max(
    head.lastIndexOf('; '),
    head.lastIndexOf(': '),
    head.lastIndexOf(' – '),
    head.lastIndexOf(' — '),
  );
  if (stop > max / 3) return `${head.slice(0, stop).replace(/[\s,;:–—]+$/, '')}…`;
  return clipText(first, max);
}

/** The ISO 3166-1 alpha-2 code a flag emoji spells with regional indicator letters, lower case: 🇮🇷 → "ir". */
export function flagCode(flag: string | undefined): string | undefined {
  const letters = [...(flag ?? '')].map((c) => c.codePointAt(0)! - 0x1f1e6);
  if (letters.length !== 2 || letters.some((n) => n < 0 || n > 25)) return undefined;
  return String.fromCharCode(...letters.map((n) => n + 97));
}

/** The flag's SVG file on this site (drawn from the flag-icons package by the flags/ route). */
export const flagUrl = (code: string, base?: string): string => url(`flags/${code}.svg`, base);

/** "Flag of Iran": the flag image's text alternative, or the words beside it. */
export const flagLabel = (name: string): string => `Flag of ${name}`;

/** Name for sorting: a leading "The" is ignored, so "The West" files under W. */
export const sortName = (name: string): string => name.replace(/^the\s+/i, '');

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });
export const byName = <T extends { name: string }>(a: T, b: T): number =>
  collator.compare(sortName(a.name), sortName(b.name)) || collator.compare(a.name, b.name);

/** The letter an entry files under: A–Z, or "#" for anything else. */
export function letterOf(name: string): string {
  const c = sortName(name)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .charAt(0)
    .toUpperCase();
  return /[A-Z]/.test(c) ? c : '#';
}

/** Entries grouped by kind, in the taxonomy's order, each group A–Z; empty kinds are left out. */
export function groupByKind<T extends { name: string; kind: string }>(
  entries: T[],
): { kind: string; label: string; entries: T[] }[] {
  const kinds = [...Object.keys(GLOSSARY_KINDS), ...new Set(entries.map((e) => e.kind))].filter(
    (k, i, all) => all.indexOf(k) === i,
  );
  return kinds
    .map((kind) => ({ kind, label: kindPlural(kind), entries: entries.filter((e) => e.kind === kind).sort(byName) }))
    .filter((g) => g.entries.length > 0);
}

/** The letter index: every letter A–Z (and "#" when used), with the entries filed under it, A–Z. */
export function letterIndex<T extends { name: string }>(entries: T[]): { letter: string; entries: T[] }[] {
  const letters = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
  if (entries.some((e) => letterOf(e.name) === '#')) letters.push('#');
  return letters.map((letter) => ({
    letter,
    entries: entries.filter((e) => letterOf(e.name) === letter).sort(byName),
  }));
}

/** "President of Russia since 7 May 2012", as words for cards and pages. */
export function roleLine(role: GlossaryLike['role'], formatDay: (d: string) => string): string | undefined {
  if (!role) return undefined;
  const day = (d: string | Date) => formatDay(isoDay(d));
  return role.until
    ? `${role.title}, ${day(role.since)} to ${day(role.until)}`
    : `${role.title} since ${day(role.since)}`;
}

/** One row of the glossary index. */
export interface GlossaryListItem {
  id: string;
  name: string;
  kind: string;
  kindLabel: string;
  href: string;
  flag?: string | undefined;
  /** The first sentence of the description. */
  summary: string;
  /** How many articles mention the entry. */
  articles: number;
}

export function listItem(entry: GlossaryLike, articles: number, base?: string): GlossaryListItem {
  return {
    id: entry.id,
    name: entry.name,
    kind: entry.kind,
    kindLabel: glossaryKindLabel(entry.kind),
    href: entryUrl(entry.id, base),
    flag: entry.flag,
    summary: oneLine(entry.description),
    articles,
  };
}
