/**
 * A claim: one statement in an article, who made it, how it reached the reader, and how it holds up.
 */
import { z } from 'astro/zod';
import { id, isoDate, type RefFactory } from './common';
import { SPEAKER_OUTLET, SPEAKER_UNNAMED, claimKind, claimStatus } from './taxonomy';

/** A bibliography key as written after `@` in `[@key]`. */
export const citeKey = z
  .string()
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_:.#$%&+?<>~/-]*$/, 'must be a bibliography key, e.g. "tass-2024-10-11"');

/** One dated step in the life of a disputed report. */
export const timelineEvent = z.strictObject({
  /** Day it happened. */
  date: isoDate,
  /** Who acted, in a few words, e.g. "Reuters" or "Iran's foreign minister". */
  who: z.string().min(1),
  /** What they did. */
  action: z.enum(['reported', 'confirmed', 'denied']),
  /** What was said or reported, in one line. */
  summary: z.string().min(1),
  /** Bibliography keys where this step is documented. */
  cite: z.array(citeKey).min(1),
});

/** One piece of evidence: what a cited document shows about the claim, in our own words. */
export const finding = z.strictObject({
  /** The bibliography key of the document. */
  source: citeKey,
  /** What that document shows, in the site's words, e.g. "quotes the press service with these words". */
  finding: z.string().min(1),
  /** Day we read it. */
  accessed: isoDate,
});

export const claimSchema = <R extends z.ZodType>(ref: RefFactory<R>) =>
  z.strictObject({
    /** Stable id; the claim's element is `#claim-<id>` and its share page uses it too. */
    id,
    /** Kind of statement, from the taxonomy. */
    kind: claimKind,
    /** Who made it: a glossary id, "outlet" for the article's own voice, or "unnamed". */
    speaker: z.union([z.literal(SPEAKER_OUTLET), z.literal(SPEAKER_UNNAMED), ref('glossary')]),
    /**
     * Channels that carried it, origin first: `[irna, reuters]` means Reuters relayed IRNA.
     * Empty when the outlet speaks for itself.
     */
    via: z.array(ref('sources')).default([]),
    /** The primary record (transcript, official statement), when one is known. */
    primary: ref('sources').optional(),
    /** How well it holds up, from the taxonomy. */
    status: claimStatus,
    /** One or two neutral sentences: what was checked and what was found. */
    note: z.string().min(1),
    /**
     * The evidence trail: what each document we checked shows. How many a status needs is set by
     * the taxonomy (CLAIM_STATUSES[status].evidence) and enforced by the validator.
     */
    checked: z.array(finding).default([]),
    /** The primary record's wording, when the article's quotation differs from it. */
    primaryWording: z.string().min(1).optional(),
    /** For disputed reports: who reported, confirmed and denied it, and when. */
    timeline: z.array(timelineEvent).optional(),
    /**
     * Fields `npm run new` read from the text and an editor has not yet confirmed; `npm run review`
     * lists them. Delete the line once they are right.
     */
    guess: z.array(z.enum(['speaker', 'via', 'kind'])).default([]),
  });
