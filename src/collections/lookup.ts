/**
 * References between collections, and the lookup of sources and glossary entries by id that
 * badge wording, feeds and pages share.
 */
import type { Registry, RegistrySource } from './registry';

/** A collection reference as Astro returns it, or a bare id as written in YAML. */
export type Ref = string | { id: string };
export const refId = (r: Ref): string => (typeof r === 'string' ? r : r.id);

export type Lookup = Pick<Registry, 'sources' | 'glossary'>;

interface Entry<T> {
  id: string;
  data: T;
}

type SourceData = { name: string; type: string; country?: Ref | undefined };
type GlossaryData = { name: string; kind: string; aliases: string[] };

/** Builds the name lookup the badge wording needs from Astro collection entries. */
export function lookupFrom(sources: Entry<SourceData>[], glossary: Entry<GlossaryData>[]): Lookup {
  return {
    sources: new Map(
      sources.map((s) => [
        s.id,
        { ...s.data, id: s.id, ...(s.data.country ? { country: refId(s.data.country) } : {}) } as RegistrySource,
      ]),
    ),
    glossary: new Map(glossary.map((g) => [g.id, { ...g.data, id: g.id }])),
  };
}

/** What pages and feeds say when an article's outlet has no name (the validator makes this rare). */
export const UNNAMED_OUTLET = 'The outlet';

/** The outlet an article analyses, by its source id, with the one fallback name the site uses. */
export function outletOf(lookup: Lookup, id: string | undefined): { name: string; url: string | undefined } {
  const source = id === undefined ? undefined : lookup.sources.get(id);
  return { name: source?.name || UNNAMED_OUTLET, url: source?.url };
}
