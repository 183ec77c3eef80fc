/**
 * Field types shared by every collection: ids, calendar dates and web addresses.
 */
import { z } from 'astro/zod';
import { isCalendarDate, isoDay } from '../lib/dates';
import { describeBadIdCharacters } from '../lib/id-characters';

/** Lower-case kebab-case id, safe as a file name and as a URL fragment. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const ID_RULE = 'must be lower-case letters, digits and single hyphens, e.g. "putin-on-gaza"';

export const id = z.string().regex(ID_PATTERN, {
  // Invisible characters (bidi controls, zero-width spaces) would make the rule alone baffling.
  error: (issue) => {
    const bad = typeof issue.input === 'string' ? describeBadIdCharacters(issue.input) : undefined;
    return bad ? `${ID_RULE}; it contains ${bad}` : ID_RULE;
  },
});

/**
 * A calendar day, YYYY-MM-DD. YAML loaders may hand us a Date for an unquoted day;
 * it is normalised back to the string so days never shift with the time zone.
 */
export const isoDate = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? isoDay(v) : v),
  z.string().refine(isCalendarDate, 'must be a real calendar date written YYYY-MM-DD, e.g. 2024-10-11'),
);

/** An absolute http(s) address. Other schemes (javascript:, data:, ftp:) are rejected. */
export const webUrl = z.url({
  protocol: /^https?$/,
  error: 'must be an absolute URL starting with https:// (or http://)',
});

/** Builds a reference to another collection; Astro's `reference` in the site, a plain id in tools. */
export type RefFactory<R extends z.ZodType> = (collection: 'glossary' | 'sources') => R;
