/**
 * Who a phrase names: a glossary entry through the existing alias matcher, a source through its
 * glossary entry or name, a pronoun through the people named before it, or a name with no entry.
 */
import { buildAliasIndex, findAliases, type AliasIndex } from '../glossary/aliases';
import type { Registry } from '../collections/registry';
import { names } from './nlp';

export interface Party {
  /** Glossary id, when an alias matched. */
  entry?: string;
  /** Source id for the same outlet or agency, when there is one. */
  source?: string;
  person: boolean;
  /** The words it was read from. */
  words: string;
  /** A name that matches no glossary entry. */
  missing?: string;
  /** True when a pronoun was read as the last person named or quoted. */
  pronoun?: boolean;
  /** True when a title ("the minister") was read as the person last named with it. */
  title?: boolean;
  /** True for the owner in "Lind's office said he …", whom the pronoun was read as. */
  owner?: boolean;
}

const PRONOUN = /^(he|she|they|it|his|her|their)$/i;
const NOT_NAMES = /^(The|This|That|These|Those|We|You|I|Officials|Sources|Critics|Analysts|Experts|Reports)$/;

/**
 * True when the name ending at `end` owns the phrase's head ("Iran's intelligence minister",
 * "Yusof’s political secretary"): the speaker is the owner's, not the owner.
 */
const possessor = (phrase: string, end: number): boolean =>
  /^[’']s?\s+\p{Ll}[\p{L}-]*(?:\s+\p{Ll}[\p{L}-]*)*[\s,]*$/u.test(phrase.slice(end));

export class Parties {
  readonly index: AliasIndex;
  private readonly kinds = new Map<string, string>();
  private readonly names = new Map<string, string>();
  private readonly sourceOf = new Map<string, string>();
  private readonly sourceNames: AliasIndex;

  constructor(registry: Pick<Registry, 'glossary' | 'sources'>) {
    this.index = buildAliasIndex(registry.glossary.values());
    for (const [id, e] of registry.glossary) {
      this.kinds.set(id, e.kind);
      this.names.set(id, e.name);
    }
    for (const [id, s] of registry.sources) {
      const g = (s as { glossary?: string }).glossary;
      if (g && !this.sourceOf.has(g)) this.sourceOf.set(g, id);
      if (registry.glossary.has(id) && !this.sourceOf.has(id)) this.sourceOf.set(id, id);
    }
    // A source with no glossary entry is still found by its name ("Reuters", "TASS").
    this.sourceNames = buildAliasIndex(
      [...registry.sources.values()].map((s) => ({ id: s.id, name: s.name, aliases: [s.name] })),
    );
  }

  isPerson(id: string): boolean {
    return this.kinds.get(id) === 'person';
  }

  name(id: string): string {
    return this.names.get(id) ?? id;
  }

  /** Every party named in `phrase`, left to right. */
  all(phrase: string): Party[] {
    const out: Party[] = [];
    for (const m of findAliases(phrase, this.index)) {
      if (m.ids.length !== 1 || possessor(phrase, m.end)) continue;
      const entry = m.ids[0]!;
      const source = this.sourceOf.get(entry);
      out.push({ entry, ...(source ? { source } : {}), person: this.isPerson(entry), words: m.text });
    }
    for (const m of findAliases(phrase, this.sourceNames)) {
      if (out.some((p) => p.words === m.text) || m.ids.length !== 1 || possessor(phrase, m.end)) continue;
      out.push({ source: m.ids[0]!, person: false, words: m.text });
    }
    // Names without an entry: any, when no entry is named; else a person's name apart from the
    // entries ("Hamas leader Ismail Haniyeh" is Haniyeh speaking, not Hamas).
    if (!out.some((p) => p.person)) {
      const others = out.length;
      for (const n of names(phrase))
        if (
          !possessor(phrase, n.end) &&
          (!others || (n.person && !out.some((p) => n.text.includes(p.words) || p.words.includes(n.text))))
        )
          out.push({ person: n.person, words: n.text, missing: n.text });
    }
    // Out of its sentence a lone surname ("Lavrov") is not always tagged; a capitalised phrase
    // standing as the subject of a speech verb is a name all the same.
    const bare = phrase.trim().replace(/[,:;]+$/, '');
    if (
      !out.length &&
      /^\p{Lu}[\p{L}’'-]+(?: \p{Lu}[\p{L}’'-]+){0,2}$/u.test(bare) &&
      !PRONOUN.test(bare) &&
      !NOT_NAMES.test(bare)
    )
      out.push({ person: true, words: bare, missing: bare });
    return out;
  }

  /**
   * The one party a subject phrase names: a person first, else the first entry named; a
   * pronoun is read as `recent` (the last person quoted or named).
   */
  one(phrase: string, recent: (pronoun: string) => Party | undefined): Party | undefined {
    const trimmed = phrase.trim();
    const words = trimmed.split(/\s+/);
    const pronoun = words.find((w) => PRONOUN.test(w));
    const found = this.all(trimmed);
    if (found.length) return found.find((p) => p.person) ?? found[0];
    const party = pronoun ? recent(pronoun) : undefined;
    if (pronoun && party) return { ...party, words: pronoun, pronoun: true };
    return undefined;
  }
}
