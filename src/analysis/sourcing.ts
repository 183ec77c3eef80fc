/**
 * Who is speaking: an article's claims counted by kind and by the kind of channel they
 * came through. Feeds the chart on article pages, the home page and preview images.
 */
import { CLAIM_KINDS, SPEAKER_OUTLET, SPEAKER_UNNAMED, UNKNOWN, type ClaimKind } from '../schemas/taxonomy';
import { type ClaimLike } from './describe';
import { refId, type Lookup } from '../collections/lookup';

/** Channel classes, in the order the chart shows them. */
export type ChannelClass =
  'state' | 'wire' | 'primary' | 'media' | 'unclassified' | 'outlet' | 'unattributed' | 'unnamed';

export const CHANNEL_CLASSES: Record<ChannelClass, { label: string; description: string }> = {
  state: {
    label: 'State media',
    description: 'The claim’s first channel is a news agency or broadcaster owned or controlled by a government.',
  },
  wire: {
    label: 'Independent wire',
    description: 'The claim’s first channel is a news agency not controlled by a government.',
  },
  primary: {
    label: 'Primary document',
    description: 'The claim comes from an official transcript or statement, named as such.',
  },
  media: {
    label: 'Other media',
    description: 'The claim’s first channel is another newspaper or news site.',
  },
  unclassified: {
    label: 'Unclassified channel',
    description:
      'The claim’s first channel is a source whose type we have not yet established. It is counted apart, never guessed into another group.',
  },
  outlet: {
    label: 'The outlet itself',
    description: 'The outlet states it in its own voice, citing no one.',
  },
  unattributed: {
    label: 'Named speaker, no channel given',
    description: 'The outlet names who said it but not where it got the words.',
  },
  unnamed: {
    label: 'Unnamed sources',
    description: 'The outlet attributes it to unnamed reports or sources.',
  },
};

export interface ChannelBucket {
  /** Class id plus, for state media, the country id: "state:russia". */
  key: string;
  kind: ChannelClass;
  label: string;
  count: number;
  claims: string[];
}

/** Classifies one claim by its first (originating) channel; relays do not change where it came from. */
export function channelClass(claim: ClaimLike, lookup: Lookup): { kind: ChannelClass; country?: string } {
  const speaker = refId(claim.speaker);
  const via = (claim.via ?? []).map(refId);
  if (via.length === 0) {
    if (speaker === SPEAKER_OUTLET) return { kind: 'outlet' };
    if (speaker === SPEAKER_UNNAMED) return { kind: 'unnamed' };
    return { kind: 'unattributed' };
  }
  const origin = lookup.sources.get(via[0]!);
  switch (origin?.type) {
    case 'state-news-agency':
    case 'state-broadcaster':
      return origin.country ? { kind: 'state', country: origin.country } : { kind: 'state' };
    case 'independent-wire':
      return { kind: 'wire' };
    case 'government-transcript':
    case 'official-statement':
      return { kind: 'primary' };
    case UNKNOWN:
      return { kind: 'unclassified' };
    default:
      return { kind: 'media' };
  }
}

export function byChannel(claims: ClaimLike[], lookup: Lookup): ChannelBucket[] {
  const buckets = new Map<string, ChannelBucket>();
  for (const claim of claims) {
    const { kind, country } = channelClass(claim, lookup);
    const key = country ? `${kind}:${country}` : kind;
    let bucket = buckets.get(key);
    if (!bucket) {
      const name = country ? lookup.glossary.get(country) : undefined;
      const label = kind === 'state' && name ? `${name.demonym ?? name.name} state media` : CHANNEL_CLASSES[kind].label;
      bucket = { key, kind, label, count: 0, claims: [] };
      buckets.set(key, bucket);
    }
    bucket.count += 1;
    bucket.claims.push(claim.id);
  }
  const order = Object.keys(CHANNEL_CLASSES);
  return [...buckets.values()].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || b.count - a.count);
}

export interface KindBucket {
  kind: ClaimKind;
  label: string;
  count: number;
}

export function byKind(claims: ClaimLike[]): KindBucket[] {
  return (Object.keys(CLAIM_KINDS) as ClaimKind[])
    .map((kind) => ({ kind, label: CLAIM_KINDS[kind].label, count: claims.filter((c) => c.kind === kind).length }))
    .filter((b) => b.count > 0);
}

/**
 * "5 of 19 claims reach the reader only through state media." Claims whose channel is not yet
 * classified are counted as such, so the state-media figure is never a guess about them.
 */
export function sourcingSummary(claims: ClaimLike[], lookup: Lookup): string {
  const total = claims.length;
  const kinds = claims.map((c) => channelClass(c, lookup).kind);
  const count = (k: ChannelClass) => kinds.filter((x) => x === k).length;
  const state = count('state');
  const outlet = count('outlet');
  const unclassified = count('unclassified');
  const parts = [
    `${state} of ${total} claim${total === 1 ? '' : 's'} reach the reader only through state media`,
    `${outlet} ${outlet === 1 ? 'is' : 'are'} the outlet’s own, with no source named`,
  ];
  if (unclassified > 0)
    parts.push(
      `${unclassified} ${unclassified === 1 ? 'comes' : 'come'} through ${unclassified === 1 ? 'a channel' : 'channels'} not yet classified`,
    );
  return `${parts.join('; ')}.`;
}

/** Whether a claim came through a source: as a channel that carried it, or as its primary record. */
export const carriedBy = (claim: Pick<ClaimLike, 'via' | 'primary'>, sourceId: string): boolean =>
  (claim.via ?? []).some((v) => refId(v) === sourceId) ||
  (claim.primary !== undefined && refId(claim.primary) === sourceId);
