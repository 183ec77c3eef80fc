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
import { clipText } from '../lib/text';

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

/** The chip without the status, for a margin note under its verdict: "Vladimir Putin · TASS · Paraphrase". */
export function noteLine(claim: ClaimLike, lookup: Lookup, outletName: string): string {
  const via = (claim.via ?? []).map((v) => sourceName(refId(v), lookup));
  return [speakerName(claim, lookup, outletName), via.join(' → ') || undefined, CLAIM_KINDS[claim.kind].short]
    .filter(Boolean)
    .join(' · ');
}

/** The longest channel name a marker shows before it is cut. */
const MARKER_MAX = 16;

/**
 * The channel a compact marker names: where the words came from first ("TASS"), the outlet for
 * its own claims, or that none is named.
 */
export function markerLabel(claim: ClaimLike, lookup: Lookup, outletName: string): string {
  const [origin] = (claim.via ?? []).map(refId);
  if (origin) {
    const source = lookup.sources.get(origin);
    // A marker never wraps, so a long name without a short form is cut at a word.
    return source?.short ?? clipText(source?.name ?? origin, MARKER_MAX);
  }
  const id = refId(claim.speaker);
  if (id === SPEAKER_OUTLET) return outletName;
  if (id === SPEAKER_UNNAMED) return 'unnamed';
  return 'no channel';
}

/**
 * What a verdict means depends on what was claimed: for a quotation or a denial the check is
 * whether it was said, for a statement of fact whether it is true.
 */
type Voice = 'said' | 'denial' | 'fact' | 'opinion';
const VOICE: Record<ClaimKind, Voice> = {
  'direct-quote': 'said',
  paraphrase: 'said',
  denial: 'denial',
  'unnamed-sources': 'fact',
  'outlet-assertion': 'fact',
  'background-fact': 'fact',
  characterisation: 'opinion',
};

type VerdictWords = Record<Voice, (who: string) => string>;
const same = (sentence: string) => () => sentence;

/**
 * Each status as a sentence for each voice; `who` is the speaker. Badges, cards and claim pages
 * all read it here.
 */
export const VERDICTS = {
  corroborated: {
    said: (who) => `${who} did say this; the record bears it out.`,
    denial: (who) => `${who} did deny it; the denial is on record.`,
    fact: same('This checks out against the record.'),
    opinion: same('The record bears this reading out.'),
  },
  'single-source': {
    said: (who) => `Only one channel reports ${who} saying this; nothing independent confirms it.`,
    denial: (who) => `Only one channel reports ${who}’s denial; nothing independent confirms it.`,
    fact: same('Only one source reports this; nothing independent confirms it.'),
    opinion: same('Only one source offers this reading.'),
  },
  unverified: {
    said: (who) => `We could not find ${who}’s words on record.`,
    denial: (who) => `We could not find ${who}’s denial on record.`,
    fact: same('We could not confirm this either way.'),
    opinion: same('We could not confirm this either way.'),
  },
  disputed: {
    said: (who) => `Whether ${who} said this is contested.`,
    denial: (who) => `Other accounts contest ${who}’s denial.`,
    fact: same('Some accounts report this and others deny it.'),
    opinion: same('Others contest this reading.'),
  },
  inaccurate: {
    said: (who) => `The record has ${who} saying something different.`,
    denial: (who) => `The record does not show ${who} denying it this way.`,
    fact: same('This is wrong; the record says otherwise.'),
    opinion: same('The record contradicts this reading.'),
  },
  unsupported: {
    said: (who) => `Nothing we found has ${who} saying this.`,
    denial: (who) => `Nothing we found has ${who} denying it.`,
    fact: same('Nothing we found supports this.'),
    opinion: same('Nothing we found supports this reading.'),
  },
  'not-checkable': {
    said: (who) => `${who}’s view: a judgement, not a checkable fact.`,
    denial: same('A judgement, not a checkable fact.'),
    fact: same('A judgement, not a checkable fact.'),
    opinion: same('An opinion or framing, not a checkable fact.'),
  },
  pending: {
    said: same('We have not checked this yet; there is no verdict.'),
    denial: same('We have not checked this yet; there is no verdict.'),
    fact: same('We have not checked this yet; there is no verdict.'),
    opinion: same('We have not checked this yet; there is no verdict.'),
  },
} satisfies Record<ClaimStatus, VerdictWords> & Partial<Record<'pending', VerdictWords>>;

/** Who a verdict sentence names: "Iran", "HuffPost UK", "the unnamed source". */
function verdictSubject(claim: ClaimLike, lookup: Lookup, outletName: string): string {
  return refId(claim.speaker) === SPEAKER_UNNAMED ? 'the unnamed source' : speakerName(claim, lookup, outletName);
}

/** The verdict as a sentence that fits the claim's kind: a corroborated denial reads "Iran did deny it; …". */
export function verdictSentence(claim: ClaimLike, lookup: Lookup, outletName: string): string {
  const words: VerdictWords = VERDICTS[claim.status];
  const sentence = words[VOICE[claim.kind]](verdictSubject(claim, lookup, outletName));
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
