/**
 * "Ask the analysis": the views a reader can pick above an article's text (all claims, problems
 * only, one kind of channel, the plain original), how many claims each picks, the tally of
 * verdicts, and the problem claims in the order they appear.
 */
import { CLAIM_STATUSES, isProblemStatus, type ClaimStatus } from '../schemas/taxonomy';
import type { Lookup } from '../collections/lookup';
import { statusLabel, verdictSentence, type ClaimLike } from './describe';
import { CHANNEL_CLASSES, channelClass, type ChannelClass } from './sourcing';

export interface ReadingView {
  /** The radio button's id; the stylesheet keys each view on it (src/styles/global.css). */
  id: string;
  label: string;
  /** Claims the view picks out; undefined for the plain text, which picks none. */
  count: number | undefined;
}

export function readingViews(claims: readonly ClaimLike[], lookup: Lookup): ReadingView[] {
  const classes = new Map<ChannelClass, number>();
  for (const c of claims) {
    const kind = channelClass(c, lookup).kind;
    classes.set(kind, (classes.get(kind) ?? 0) + 1);
  }
  const channels = (Object.keys(CHANNEL_CLASSES) as ChannelClass[])
    .filter((k) => classes.has(k))
    .map((k) => ({ id: `view-channel-${k}`, label: CHANNEL_CLASSES[k].label, count: classes.get(k) }));
  return [
    { id: 'view-all', label: 'All claims', count: claims.length },
    { id: 'view-problems', label: 'Problems only', count: claims.filter((c) => isProblemStatus(c.status)).length },
    ...channels,
    { id: 'view-plain', label: 'The original text, plain', count: undefined },
  ];
}

export interface StatusCount {
  status: ClaimStatus;
  label: string;
  count: number;
}

/** How many claims have each status, in the taxonomy's order, leaving out statuses none has. */
export function statusTally(claims: readonly ClaimLike[]): StatusCount[] {
  return (Object.keys(CLAIM_STATUSES) as ClaimStatus[])
    .map((status) => ({ status, label: statusLabel(status), count: claims.filter((c) => c.status === status).length }))
    .filter((s) => s.count > 0);
}

export interface ProblemClaim {
  id: string;
  status: ClaimStatus;
  label: string;
  /** The claim's exact words. */
  words: string;
  verdict: string;
}

/**
 * The claims that failed a check, in the order of `order` (the claims' ids as they appear in the
 * text), each with its words and its verdict.
 */
export function problemClaims(
  claims: readonly ClaimLike[],
  words: ReadonlyMap<string, string>,
  order: readonly string[],
  lookup: Lookup,
  outletName: string,
): ProblemClaim[] {
  return inTextOrder(claims, order)
    .filter((c) => isProblemStatus(c.status))
    .map((c) => ({
      id: c.id,
      status: c.status,
      label: statusLabel(c.status),
      words: words.get(c.id) ?? '',
      verdict: verdictSentence(c, lookup, outletName),
    }));
}

/** Claims sorted as their marks appear in the text; any not marked keep their place at the end. */
export function inTextOrder<T extends { id: string }>(claims: readonly T[], order: readonly string[]): T[] {
  const at = new Map(order.map((id, i) => [id, i]));
  return [...claims].sort((a, b) => (at.get(a.id) ?? Infinity) - (at.get(b.id) ?? Infinity));
}
