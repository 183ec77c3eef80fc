/**
 * What a claim's evidence trail amounts to: which findings come from a primary record, and how
 * many independent outlets the findings come from. The validator holds each status to the rule
 * the taxonomy gives it (CLAIM_STATUSES[status].evidence); the methodology page explains it.
 *
 * Both are read from the data, never from the wording of a finding:
 * - A finding is from a **primary record** when its document's address is on the site of a source
 *   whose type is a primary record (SOURCE_TYPES[type].primaryRecord: a government transcript or
 *   official statement), or on the site of the claim's own `primary` source.
 * - A finding's **outlet** is the outlet its document relays (`original-publisher`, see
 *   collections/bibliography-notes.ts), else its `container-title` (else `publisher`, else its
 *   domain), compared without case and without a bracketed remark, so "Reuters (copy on
 *   swissinfo.ch)" is Reuters. Two findings are **independent** when their outlets differ: a
 *   relay marked with `original-publisher` counts as the outlet it relays.
 */
import { originalPublisher } from '../collections/bibliography-notes';
import type { CslItem, RegistrySource } from '../collections/registry';
import { SOURCE_TYPES, type SourceType } from '../schemas/taxonomy';

export interface EvidenceClaim {
  primary?: string | undefined;
  checked?: readonly { source: string }[] | undefined;
}

export interface EvidenceContext {
  bibliography: ReadonlyMap<string, CslItem>;
  sources: ReadonlyMap<string, RegistrySource>;
}

const host = (address: unknown): string | undefined => {
  if (typeof address !== 'string') return undefined;
  try {
    return new URL(address).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined;
  }
};

/** True when `address` is on `site`'s host or one of its subdomains. */
function onSite(address: unknown, site: unknown): boolean {
  const a = host(address);
  const s = host(site);
  return a !== undefined && s !== undefined && (a === s || a.endsWith(`.${s}`));
}

/** The outlet a bibliography item stands for, normalised for comparison. */
export function itemOutlet(item: CslItem): string {
  const name =
    originalPublisher(item) ??
    (item['container-title'] as string | undefined) ??
    (item['publisher'] as string | undefined) ??
    host(item.URL) ??
    item.id;
  return name
    .replace(/\s*[([].*?[)\]]\s*/g, ' ')
    .trim()
    .toLowerCase();
}

/** The source whose site the item is on, when that source is a primary record for the claim. */
export function primaryRecordOf(item: CslItem, claim: EvidenceClaim, context: EvidenceContext): string | undefined {
  for (const [id, source] of context.sources) {
    const isRecord = id === claim.primary || SOURCE_TYPES[source.type as SourceType]?.primaryRecord === true;
    if (isRecord && onSite(item.URL, source.url)) return id;
  }
  return undefined;
}

export interface EvidenceSummary {
  /** Keys of the findings that come from a primary record. */
  primary: string[];
  /** The distinct outlets the findings come from, normalised. */
  outlets: string[];
}

export function summariseEvidence(claim: EvidenceClaim, context: EvidenceContext): EvidenceSummary {
  const primary: string[] = [];
  const outlets = new Set<string>();
  for (const { source } of claim.checked ?? []) {
    const item = context.bibliography.get(source);
    if (!item) continue; // an unknown key is reported on its own
    if (primaryRecordOf(item, claim, context)) primary.push(source);
    outlets.add(itemOutlet(item));
  }
  return { primary, outlets: [...outlets] };
}

/** True when the findings corroborate: one from a primary record, or two independent outlets. */
export const corroborates = (e: EvidenceSummary): boolean => e.primary.length > 0 || e.outlets.length >= 2;
