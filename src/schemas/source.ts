/**
 * A source: an outlet, news agency or primary document that carried a claim.
 */
import { z } from 'astro/zod';
import { webUrl, type RefFactory } from './common';
import { sourceType } from './taxonomy';

export const sourceSchema = <R extends z.ZodType>(ref: RefFactory<R>) =>
  z.strictObject({
    /** Display name, e.g. "TASS". */
    name: z.string().min(1),
    /** A name short enough for a compact marker beside a claim, when `name` is long. */
    short: z.string().min(1).max(16).optional(),
    /** Longer official name, when it differs. */
    fullName: z.string().min(1).optional(),
    /** What kind of channel this is; drives the badge wording and the sourcing chart. */
    type: sourceType,
    /** Country the source is based in (a glossary id), or omitted for international bodies. */
    country: ref('glossary').optional(),
    /** Who owns or controls it, in one line, e.g. "Russian state (federal unitary enterprise)". */
    ownership: z.string().min(1),
    /** Home page or canonical address of the document. */
    url: webUrl,
    /** One or two neutral sentences about the source. */
    description: z.string().min(1),
    /** Glossary entry describing the same organisation, if any. */
    glossary: ref('glossary').optional(),
  });
