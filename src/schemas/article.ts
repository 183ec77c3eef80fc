/**
 * An analysed article: the frontmatter of a file in content/articles/.
 */
import { z } from 'astro/zod';
import { isoDate, webUrl, type RefFactory } from './common';
import { articleStatus } from './taxonomy';
import { citeKey, claimSchema } from './claim';

/** The publication being analysed. */
export const originalSchema = <R extends z.ZodType>(ref: RefFactory<R>) =>
  z.strictObject({
    /** The outlet that published it (a source id). */
    outlet: ref('sources'),
    /** Headline as published. */
    headline: z.string().min(1),
    /** Address of the original. */
    url: webUrl,
    /** Publication day, or "unknown". Relative dates in the text are resolved against it. */
    date: z.union([z.literal('unknown'), isoDate]),
    /** Byline, or "unknown". */
    author: z.string().min(1),
    /** Fields we could not confirm from the original itself; shown as unverified. */
    unverified: z.array(z.enum(['headline', 'date', 'author'])).default([]),
    /** How the unverified fields were inferred, in one or two sentences. */
    provenance: z.string().min(1).optional(),
  });

/** A dated note on what happened after the original was published. */
export const sinceSchema = z.strictObject({
  /** Day of the later event. */
  date: isoDate,
  /** Claim ids the note follows up. */
  claims: z.array(z.string()).default([]),
  /** What happened, in the site's words. */
  text: z.string().min(1),
  /** Bibliography keys that document it. */
  cite: z.array(citeKey).min(1),
});

/** A dated correction or update to the analysis itself. */
export const correctionSchema = z.strictObject({
  /** Day the change was made. */
  date: isoDate,
  /** A correction fixes an error; an update adds or revises without an error. */
  type: z.enum(['correction', 'update']),
  /** Claim ids the change concerns; their cards and open data show it. Empty for the whole analysis. */
  claims: z.array(z.string()).default([]),
  /** What changed and why. */
  text: z.string().min(1),
});

export const articleSchema = <R extends z.ZodType>(ref: RefFactory<R>) =>
  z.strictObject({
    /** "draft": built by `npm run dev` only, with a Draft banner; absent or "published": public. */
    status: articleStatus.default('published'),
    /**
     * A published article whose claims are not all checked says so: readers then see "Analysis in
     * progress: N of M claims checked". Required while any claim is `pending` (the validator says so).
     */
    inProgress: z.boolean().default(false),
    /** The analysis's own headline. */
    title: z.string().min(1),
    /** One-sentence summary shown under the title and in previews. */
    dek: z.string().min(1),
    /** The publication analysed. */
    original: originalSchema(ref),
    /** Day the analysis was first published. */
    published: isoDate,
    /** Day the analysis last changed; at least the newest correction's date. */
    updated: isoDate,
    /** Topic tags, lower-case. */
    tags: z.array(z.string().min(1)).default([]),
    /** Every sourced statement in the text; each is marked in the body with :claim[…]{#id}. */
    claims: z.array(claimSchema(ref)).min(1),
    /** Every source the claims use (channels and primary records). */
    sources: z.array(ref('sources')).min(1),
    /** What happened after publication, dated. */
    since: z.array(sinceSchema).default([]),
    /** Corrections and updates to the analysis, dated. */
    corrections: z.array(correctionSchema).default([]),
  });

export type ArticleData = z.infer<ReturnType<typeof articleSchema<z.ZodString>>>;
export type ClaimData = ArticleData['claims'][number];
