/**
 * A glossary entry: a person, country, organisation, place or group mentioned in articles.
 */
import { z } from 'astro/zod';
import { isoDate, webUrl } from './common';
import { glossaryKind } from './taxonomy';

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
    /** For people: the role they held at the time of the articles, with its dates. */
    role: z
      .strictObject({
        title: z.string().min(1),
        since: isoDate,
        until: isoDate.optional(),
      })
      .optional(),
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
