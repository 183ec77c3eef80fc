/**
 * Markers a bibliography item carries in its CSL `note`, one per line, in CSL's `name: value`
 * form: `unknown: issued` (the document shows no date we could find), `unknown: title` (its
 * headline was not seen), `unverified: issued` (the date is read from somewhere other than the
 * document itself, such as its address), and `original-publisher: Reuters` (the item relays
 * another outlet's report). Other lines are free notes.
 */
import type { CslItem } from './registry';

/** Fields whose absence must be stated: a bibliography never guesses a headline or a date. */
export const MARKABLE_FIELDS = ['title', 'issued'] as const;
export type MarkableField = (typeof MARKABLE_FIELDS)[number];

export const MARKER_STATES = ['unknown', 'unverified'] as const;
export type MarkerState = (typeof MARKER_STATES)[number];

export interface NoteMarker {
  state: MarkerState;
  /** The field named, as written; the validator rejects names outside MARKABLE_FIELDS. */
  field: string;
}

/** `unknown: issued`; `unknown: [issued]` too, as some style guides write it. */
const MARKER_LINE = /^(unknown|unverified):\s*\[?\s*([A-Za-z-]+)\s*\]?\s*$/;
const RELAY_LINE = /^original-publisher:\s*(.+?)\s*$/;

const noteLines = (item: CslItem): string[] =>
  typeof item['note'] === 'string' ? item['note'].split('\n').map((l) => l.trim()) : [];

/** The unknown/unverified markers in an item's note. */
export function noteMarkers(item: CslItem): NoteMarker[] {
  return noteLines(item).flatMap((line) => {
    const m = MARKER_LINE.exec(line);
    return m ? [{ state: m[1] as MarkerState, field: m[2]! }] : [];
  });
}

/** True when the item says outright that `field` could not be found. */
export const isMarkedUnknown = (item: CslItem, field: MarkableField): boolean =>
  noteMarkers(item).some((m) => m.state === 'unknown' && m.field === field);

/** The outlet whose report the item relays: CSL's `original-publisher`, as a field or a note line. */
export function originalPublisher(item: CslItem): string | undefined {
  const field = item['original-publisher'];
  if (typeof field === 'string' && field.trim()) return field.trim();
  for (const line of noteLines(item)) {
    const m = RELAY_LINE.exec(line);
    if (m) return m[1];
  }
  return undefined;
}
