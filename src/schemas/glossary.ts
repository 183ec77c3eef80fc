/**
 * A glossary entry: a person, country, organisation, place or group mentioned in articles.
 */
import { z } from 'astro/zod';
import { isoDate, partialDate, webUrl } from './common';
import { glossaryKind } from './taxonomy';

/** One set of role phrases and the days they apply. */
export const roleAliasSchema = z
  .strictObject({
    /** The phrases, matched like aliases (case-sensitive, whole words). */
    phrases: z.array(z.string().min(2)).min(1),
    /** First day the phrases name this entry; open-ended when absent. */
    from: isoDate.optional(),
    /** First day they no longer do; open-ended when absent. */
    until: isoDate.optional(),
  })
  .refine((r) => r.from !== undefined || r.until !== undefined, {
    message: 'needs "from", "until" or both; a phrase valid at every date belongs in "aliases"',
  })
  .refine((r) => r.from === undefined || r.until === undefined || r.from < r.until, {
    message: '"from" must be earlier than "until"',
  });

export const glossarySchema = () =>
  z.strictObject({
    /** Name as readers know it, e.g. "Vladimir Putin". */
    name: z.string().min(1),
    /** What the entry is. */
    kind: glossaryKind,
    /** Other phrasings articles use: surname, role phrases, metonyms. Matched case-sensitively. */
    aliases: z.array(z.string().min(1)).default([]),
    /** One neutral paragraph, true as of the article date; later events carry their date. */
    description: z.string().min(1),
    /** One or two canonical references: the English Wikipedia article, the body's own site. */
    links: z
      .array(z.strictObject({ label: z.string().min(1), url: webUrl }))
      .min(1)
      .max(3),
    /** Wikidata item id, only when checked by hand. */
    wikidata: z
      .string()
      .regex(/^Q\d+$/, 'must be a Wikidata item id such as Q7747')
      .optional(),
    /** For people: the role they held at the time of the articles, with its dates (day, month or year). */
    role: z
      .strictObject({
        title: z.string().min(1),
        since: partialDate,
        until: partialDate.optional(),
      })
      .optional(),
    /**
     * Role phrases that name this entry only for a while, e.g. "the Iranian president" from the
     * day someone took office. A phrase links to this entry in articles whose original is dated
     * within [from, until): `from` is the first day it applies, `until` the first day it no longer does.
     */
    roleAliases: z.array(roleAliasSchema).default([]),
    /** For countries: the capital city. */
    capital: z.string().min(1).optional(),
    /** For countries: the adjective, e.g. "Russian", used in badges ("Russian state news agency"). */
    demonym: z.string().min(1).optional(),
    /** For countries: the flag emoji, e.g. "🇮🇷"; it names the SVG flag drawn (src/glossary/flags.ts). */
    flag: z
      .string()
      .regex(/^\p{RI}{2}$/u, 'must be a flag emoji, two regional indicator letters such as 🇮🇷')
      .optional(),
  });
