/**
 * Pure helpers for article pages. They take collection entries as arguments, so they can be
 * tested without Astro.
 */
import { SOURCE_TYPES, type SourceType } from '../schemas/taxonomy';
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
  /** Ids of the claims that this source carried or recorded. */
  claims: string[];
}

/** The sources panel: every listed source with its type, country, ownership and the claims it carried. */
export function sourceRows(
  listed: Ref[],
  claims: { id: string; via?: Ref[] | undefined; primary?: Ref | undefined }[],
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
      ownership: s?.ownership,
      url: s?.url,
      description: s?.description,
      claims: claims
        .filter((c) => (c.via ?? []).map(refId).includes(id) || (c.primary && refId(c.primary) === id))
        .map((c) => c.id),
    };
  });
}
