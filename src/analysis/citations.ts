/**
 * Short references to bibliography items, for places outside the Markdown body
 * (such as "Since publication" notes) where rehype-citation does not run.
 */
import { formatDate } from '../lib/dates';
import { isMarkedUnknown } from '../collections/bibliography-notes';
import type { CslItem } from '../collections/registry';

export interface ShortCitation {
  key: string;
  /**
   * "The Times of Israel, 17 January 2025", or the title when there is no container; "date
   * unknown" where the bibliography says so (it never leaves a date out silently).
   */
  label: string;
  url: string | undefined;
}

function issued(item: CslItem): string | undefined {
  const parts = (item['issued'] as { 'date-parts'?: number[][] } | undefined)?.['date-parts']?.[0];
  if (!parts?.length) return undefined;
  return formatDate(parts.map((n, i) => (i === 0 ? String(n) : String(n).padStart(2, '0'))).join('-'));
}

export function shortCitation(key: string, bibliography: ReadonlyMap<string, CslItem>): ShortCitation {
  const item = bibliography.get(key);
  if (!item) return { key, label: key, url: undefined };
  const where = (item['container-title'] as string | undefined) ?? item.title ?? key;
  const when = issued(item) ?? (isMarkedUnknown(item, 'issued') ? 'date unknown' : undefined);
  return { key, label: when ? `${where}, ${when}` : where, url: item.URL };
}
