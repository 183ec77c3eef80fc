/**
 * The attribution taxonomy, defined once. Schemas, badges, the methodology page and
 * the validator all read these tables, so a new kind or status is added here only.
 */
import { z } from 'astro/zod';

export interface TermInfo {
  /** Label shown in badge details and on the methodology page. */
  label: string;
  /** Shortest form, for the at-a-glance badge. */
  short?: string;
  /** One sentence a reader sees on the methodology page and in badge details. */
  description: string;
}

/**
 * What a status needs in a claim's `checked` findings before the validator accepts it:
 * `none` (nothing was found, or there is nothing to check), `finding` (at least one finding), or
 * `corroboration` (a finding from a primary record, or findings from two independent outlets;
 * see src/analysis/evidence.ts for how both are read from the data).
 */
export type EvidenceRule = 'none' | 'finding' | 'corroboration';

export interface StatusInfo extends TermInfo {
  evidence: EvidenceRule;
}

/** What each evidence rule asks of a claim's findings, as the methodology page says it. */
export const EVIDENCE_RULES = {
  none: 'No finding is required: no verdict was reached, or there is nothing to check.',
  finding: 'At least one finding: a document we checked and what it shows.',
  corroboration: 'A finding from a primary record, or findings from two independent outlets.',
} as const satisfies Record<EvidenceRule, string>;

/** What kind of statement a claim is. */
export const CLAIM_KINDS = {
  'direct-quote': {
    short: 'Quote',
    label: 'Direct quote',
    description: 'Words put inside quotation marks and attributed to a named speaker.',
  },
  paraphrase: {
    short: 'Paraphrase',
    label: 'Paraphrase',
    description: 'A named speaker’s statement, reported in the outlet’s own words.',
  },
  'unnamed-sources': {
    short: 'Reportedly',
    label: 'Reported, unnamed sources',
    description: 'Something the outlet says was reported (“reportedly”) without naming who reported it.',
  },
  denial: {
    short: 'Denial',
    label: 'Denial',
    description: 'A party’s rejection of a claim made about it.',
  },
  'outlet-assertion': {
    short: 'Outlet’s claim',
    label: 'Outlet’s own assertion',
    description: 'A factual statement the outlet makes in its own voice, without citing anyone.',
  },
  characterisation: {
    short: 'Characterisation',
    label: 'Characterisation or opinion',
    description: 'An interpretation, judgement or framing by the outlet rather than a checkable fact.',
  },
  'background-fact': {
    short: 'Background',
    label: 'Background fact',
    description: 'Context the outlet supplies as settled fact, such as dates or who holds an office.',
  },
} as const satisfies Record<string, TermInfo>;

/** How well a claim holds up, after checking; `pending` until someone has checked it. */
export const CLAIM_STATUSES = {
  pending: {
    evidence: 'none',
    label: 'Not yet checked',
    description:
      'Marked for checking, with no verdict yet. Until it is checked it carries no rating, for readers or for search engines.',
  },
  corroborated: {
    evidence: 'corroboration',
    label: 'Corroborated',
    description: 'Confirmed by a primary source or an independent record.',
  },
  'single-source': {
    evidence: 'finding',
    label: 'Single source',
    description: 'Carried by one channel only; no independent confirmation was found.',
  },
  unverified: {
    evidence: 'none',
    label: 'Unverified',
    description: 'We could not find the primary record; it may be right, but we cannot show it.',
  },
  disputed: {
    evidence: 'finding',
    label: 'Disputed',
    description: 'Reported by some parties and denied by others.',
  },
  inaccurate: {
    evidence: 'finding',
    label: 'Inaccurate',
    description: 'Contradicted by the primary record; the note gives the correct version.',
  },
  unsupported: {
    evidence: 'finding',
    label: 'Unsupported',
    description: 'We found nothing that supports the claim as stated.',
  },
  'not-checkable': {
    evidence: 'none',
    label: 'Not checkable',
    description: 'A judgement or framing, not a statement of fact that can be checked.',
  },
} as const satisfies Record<string, StatusInfo>;

export interface SourceTypeInfo extends TermInfo {
  /** A record of what was said or decided, issued by those who said or decided it. */
  primaryRecord: boolean;
}

/**
 * Statuses that mean the claim failed a check, worst first: the "problems only" view, the
 * article's problem list and the preview image's verdict tally count these. The others are
 * confirmed, not yet confirmed, or not checkable.
 */
export const PROBLEM_STATUSES = [
  'inaccurate',
  'unsupported',
  'disputed',
] as const satisfies readonly (keyof typeof CLAIM_STATUSES)[];

/** What kind of outlet or document a source is. */
export const SOURCE_TYPES = {
  'state-news-agency': {
    primaryRecord: false,
    short: 'state agency',
    label: 'state news agency',
    description: 'A news agency owned or controlled by a government.',
  },
  'state-broadcaster': {
    primaryRecord: false,
    short: 'state broadcaster',
    label: 'state broadcaster',
    description: 'A broadcaster owned or controlled by a government.',
  },
  'independent-wire': {
    primaryRecord: false,
    short: 'wire',
    label: 'independent news wire',
    description: 'A commercial or cooperative news agency not controlled by a government.',
  },
  newspaper: {
    primaryRecord: false,
    short: 'newspaper',
    label: 'newspaper',
    description: 'A newspaper or news website with its own newsroom.',
  },
  'government-transcript': {
    primaryRecord: true,
    short: 'transcript',
    label: 'government transcript',
    description: 'An official record of what was said, published by a government.',
  },
  'official-statement': {
    primaryRecord: true,
    short: 'official',
    label: 'official statement',
    description: 'A statement or document issued by a government, agency or organisation.',
  },
  'research-organisation': {
    primaryRecord: false,
    short: 'research',
    label: 'research organisation',
    description: 'A think tank, monitoring group or reference work.',
  },
  unknown: {
    primaryRecord: false,
    short: 'unclassified',
    label: 'source not yet classified',
    description: 'We have not yet established what kind of outlet this is; we do not guess.',
  },
} as const satisfies Record<string, SourceTypeInfo>;

/** Where an article is in the editorial workflow. */
export const ARTICLE_STATUSES = {
  draft: {
    label: 'Draft',
    description: 'Work in progress: shown by the development server only, never published.',
  },
  published: {
    label: 'Published',
    description: 'Built into the public site, its feeds, sitemap and search.',
  },
} as const satisfies Record<string, TermInfo>;

/** What a glossary entry describes. */
export const GLOSSARY_KINDS = {
  person: { label: 'Person', description: 'A named individual.' },
  country: { label: 'Country', description: 'A sovereign state.' },
  organisation: {
    label: 'Organisation',
    description: 'A government body, company, group or alliance.',
  },
  place: { label: 'Place', description: 'A city, region or territory.' },
  group: { label: 'Group', description: 'A people, bloc or loose grouping.' },
} as const satisfies Record<string, TermInfo>;

export type ClaimKind = keyof typeof CLAIM_KINDS;
export type ClaimStatus = keyof typeof CLAIM_STATUSES;
export type SourceType = keyof typeof SOURCE_TYPES;
export type GlossaryKind = keyof typeof GLOSSARY_KINDS;
export type ArticleStatus = keyof typeof ARTICLE_STATUSES;

export const isProblemStatus = (s: ClaimStatus): boolean => (PROBLEM_STATUSES as readonly string[]).includes(s);

/**
 * The statuses that say a claim does not hold up as the outlet put it: the ones worth sharing
 * on their own when a site keeps claim pages only for verdicts (claimPages: verdicts).
 */
export const VERDICT_STATUSES: readonly ClaimStatus[] = ['inaccurate', 'unsupported', 'disputed'];

const keys = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const claimKind = z.enum(keys(CLAIM_KINDS));
export const claimStatus = z.enum(keys(CLAIM_STATUSES));
export const sourceType = z.enum(keys(SOURCE_TYPES));
export const glossaryKind = z.enum(keys(GLOSSARY_KINDS));
export const articleStatus = z.enum(keys(ARTICLE_STATUSES));

/** The status of a claim nobody has checked yet: no verdict, no rating. */
export const PENDING: ClaimStatus = 'pending';
/** A source's `type` or `ownership` when it has not been established. */
export const UNKNOWN = 'unknown';

/** Speaker values that are not glossary ids. */
export const SPEAKER_OUTLET = 'outlet';
export const SPEAKER_UNNAMED = 'unnamed';
