/**
 * Pure helpers for glossary entries: their addresses, the one-line summary on cards, and the
 * order of the index page. They take entries as arguments, so Vitest can test them directly.
 */
import { GLOSSARY_KINDS, type GlossaryKind } from '../schemas/taxonomy';
import { isoDay } from '../lib/dates';
import { entryUrl } from '../lib/urls';

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
 * The first sentence of a description, for cards. A sentence ends at . ! or ? followed by a
 * space and a capital letter, so "Washington, D.C." and "c. 1900" do not end it early unless
 * a new sentence really starts.
 */
export function oneLine(description: string | undefined, max = 240): string {
  const text = (description ?? '').replace(/\s+/g, ' ').trim();
  const m = /^(.+?[.!?][”’")]?)\s+(?=[“‘"(]?\p{Lu})/u.exec(text);
  const first = m?.[1] ?? text;
  if (first.length <= max) return first;
  const cut = first.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length)}…`;
}

/** "Flag of Iran": the text that stands beside a flag emoji, which is itself hidden from screen readers. */
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
