/**
 * Words for sharing: claim pages' titles and descriptions, preview images' text and alt text.
 * Pure: entries and lookups come in as arguments.
 */
import { channelPhrase, claimKindLabel, speakerName, statusLabel, type ClaimLike } from '../analysis/describe';
import { refId, type Lookup } from '../collections/lookup';
import type { ArticleCardInput } from './og-image';
import { clipText } from '../lib/text';

/** "sourced.example", or "example.org/sourced" for a site under a base path. */
export function hostLabel(home: string): string {
  const u = new URL(home);
  return `${u.host}${u.pathname.replace(/\/$/, '')}`;
}

/** "via TASS (Russian state news agency)"; for claims with no channel, whose voice it is. */
export function channelLine(claim: ClaimLike, lookup: Lookup, outletName: string): string {
  if ((claim.via ?? []).length > 0) return `via ${channelPhrase(claim, lookup)}`;
  const speaker = refId(claim.speaker);
  if (speaker === 'outlet') return `${outletName}’s own words; no source named`;
  if (speaker === 'unnamed') return `reported by ${outletName}; no source named`;
  return `reported by ${outletName}; no channel named`;
}

/**
 * The claim's words between one pair of curly quotes, clipped to `max` characters. A direct
 * quote's mark already holds its own quote marks (or only the opening one, when the quotation
 * runs on into the next paragraph); they are not doubled.
 */
export function quoted(words: string, max = Infinity): string {
  const inner = words.trim().replace(/^[“"]/, '').replace(/[”"]$/, '').trim();
  return `“${clipText(inner, max)}”`;
}

export interface ClaimShare {
  title: string;
  description: string;
}

/**
 * What a claim's link preview says. Its image is the article's card: a card per claim would
 * be 25 images an article, more than a whole build's time budget (docs/performance.md).
 */
export function claimShare(
  claim: ClaimLike & { note: string },
  quote: string,
  context: { lookup: Lookup; outletName: string },
): ClaimShare {
  const speaker = speakerName(claim, context.lookup, context.outletName);
  const channel = channelLine(claim, context.lookup, context.outletName);
  return {
    title: `${quoted(quote, 80)}: ${speaker}`,
    description: clipText(
      `${speaker}, ${channel}. ${claimKindLabel(claim.kind)}; ${statusLabel(claim.status).toLowerCase()}. ${claim.note}`,
      300,
    ),
  };
}

/** Alt text of an article's preview image: the words on it. */
export function articleImageAlt(input: Omit<ArticleCardInput, 'host'>): string {
  return `${input.title}. Analysis of a report by ${input.outlet}. ${input.summary}`;
}
