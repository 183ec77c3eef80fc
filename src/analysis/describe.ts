/**
 * Words for badges: who said a claim, through which channels, of which kind and status.
 * Shared by the Markdown pipeline, the pages and the feeds so they never disagree.
 */
import {
  CLAIM_KINDS,
  CLAIM_STATUSES,
  SOURCE_TYPES,
  SPEAKER_OUTLET,
  SPEAKER_UNNAMED,
  type ClaimKind,
  type ClaimStatus,
  type SourceType,
} from '../schemas/taxonomy';
import { refId, type Lookup, type Ref } from '../collections/lookup';

/** The fields of a claim that badges describe. */
export interface ClaimLike {
  id: string;
  kind: ClaimKind;
  status: ClaimStatus;
  speaker: Ref;
  via?: Ref[] | undefined;
  primary?: Ref | undefined;
}

export function speakerName(claim: ClaimLike, lookup: Lookup, outletName: string): string {
  const id = refId(claim.speaker);
  if (id === SPEAKER_OUTLET) return outletName;
  if (id === SPEAKER_UNNAMED) return 'Unnamed source';
  return lookup.glossary.get(id)?.name ?? id;
}

/** "Russian state news agency", "independent news wire", "newspaper". */
export function sourceTypeLabel(sourceId: string, lookup: Lookup, form: 'label' | 'short' = 'label'): string {
  const source = lookup.sources.get(sourceId);
  if (!source) return sourceId;
  const term = SOURCE_TYPES[source.type as SourceType] as { label: string; short?: string } | undefined;
  const type = (form === 'short' ? term?.short : undefined) ?? term?.label ?? source.type;
  const stateRun = source.type.startsWith('state-') || source.type === 'government-transcript';
  const demonym = source.country ? lookup.glossary.get(source.country)?.demonym : undefined;
  return stateRun && demonym ? `${demonym} ${type}` : type;
}

export function sourceName(sourceId: string, lookup: Lookup): string {
  return lookup.sources.get(sourceId)?.name ?? sourceId;
}

/** "TASS (Russian state news agency)", or for a relay chain "IRNA (…), relayed by Reuters (…)". */
export function channelPhrase(claim: ClaimLike, lookup: Lookup, form: 'label' | 'short' = 'label'): string {
  const via = (claim.via ?? []).map(refId);
  if (via.length === 0) return 'no channel named';
  const one = (id: string) => `${sourceName(id, lookup)} (${sourceTypeLabel(id, lookup, form)})`;
  const [origin, ...relays] = via as [string, ...string[]];
  return relays.length === 0 ? one(origin) : `${one(origin)}, relayed by ${relays.map(one).join(', then ')}`;
}

export const claimKindLabel = (k: ClaimKind) => CLAIM_KINDS[k].label;
export const statusLabel = (s: ClaimStatus) => CLAIM_STATUSES[s].label;

/** The at-a-glance badge: "Putin · TASS, Russian state agency · Quote · Corroborated". */
export function badgeChip(claim: ClaimLike, lookup: Lookup, outletName: string): string {
  const who = speakerName(claim, lookup, outletName);
  const via = (claim.via ?? []).map(refId);
  const channel = via.length
    ? via.map((id) => `${sourceName(id, lookup)}, ${sourceTypeLabel(id, lookup, 'short')}`).join(' → ')
    : undefined;
  return [who, channel, CLAIM_KINDS[claim.kind].short, statusLabel(claim.status)].filter(Boolean).join(' · ');
}

/** A full sentence for screen readers and feeds. */
export function badgeSentence(claim: ClaimLike, lookup: Lookup, outletName: string): string {
  return `${speakerName(claim, lookup, outletName)}, via ${channelPhrase(claim, lookup)}; ${claimKindLabel(
    claim.kind,
  ).toLowerCase()}; ${statusLabel(claim.status).toLowerCase()}`;
}
