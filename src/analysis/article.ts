/**
 * Pure helpers for article pages. They take collection entries as arguments, so they can be
 * tested without Astro.
 */
import { SOURCE_TYPES, UNKNOWN, type ClaimStatus, type SourceType } from '../schemas/taxonomy';
import { refId, type Lookup, type Ref } from '../collections/lookup';
import type { RegistrySource } from '../collections/registry';

export interface SourceRow {
  id: string;
  name: string;
  type: string;
  country: string | undefined;
  ownership: string | undefined;
  url: string | undefined;
  description: string | undefined;
  /** The claims that this source carried or recorded, with their verdicts, in the order given. */
  claims: { id: string; status: ClaimStatus }[];
}

/** The sources panel: every listed source with its type, country, ownership and the claims it carried. */
export function sourceRows(
  listed: Ref[],
  claims: { id: string; status: ClaimStatus; via?: Ref[] | undefined; primary?: Ref | undefined }[],
  lookup: Lookup,
): SourceRow[] {
  return listed.map(refId).map((id) => {
    const s = lookup.sources.get(id) as (RegistrySource & { description?: string }) | undefined;
    const term = s ? (SOURCE_TYPES[s.type as SourceType] as { label: string } | undefined) : undefined;
    return {
      id,
      name: s?.name ?? id,
      type: term?.label ?? s?.type ?? 'unknown',
      country: s?.country ? lookup.glossary.get(s.country)?.name : undefined,
      // "unknown" is an honest answer an editor may give; readers see it said in words.
      ownership: s?.ownership === UNKNOWN ? 'Not yet established' : s?.ownership,
      url: s?.url,
      description: s?.description,
      claims: claims
        .filter((c) => (c.via ?? []).map(refId).includes(id) || (c.primary && refId(c.primary) === id))
        .map((c) => ({ id: c.id, status: c.status })),
    };
  });
}
