/**
 * Checks content/bibliography.json: valid CSL-JSON with unique ids and web addresses, a title
 * and a date on every item or an explicit `unknown:` marker instead (the page never guesses),
 * and no item that nothing cites.
 */
import { shown } from '../lib/text';
import { existsSync, readFileSync } from 'node:fs';
import { MARKABLE_FIELDS, noteMarkers, type MarkableField } from '../collections/bibliography-notes';
import type { Registry } from '../collections/registry';
import { HTTP_ONLY_HOSTS_FILE, loadHttpOnlyHosts } from '../lib/http-only-hosts';
import { relativePath, type ContentProblem } from '../lib/problems';
import { webUrl } from '../schemas/common';

/** The line of each item's `"id": "…"` in the file's text. */
function idLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  text.split('\n').forEach((line, i) => {
    const m = /"id"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(line);
    if (m && !lines.has(m[1]!)) lines.set(m[1]!, i + 1);
  });
  return lines;
}

const FIELD_WORDS: Record<MarkableField, { noun: string; what: string; add: string }> = {
  title: {
    noun: 'title',
    what: 'title (the headline as published)',
    add: '"title": "…" with the headline as published',
  },
  issued: {
    noun: 'date',
    what: 'date ("issued")',
    add: '"issued": { "date-parts": [[YYYY, M, D]] } with the date the page shows',
  },
};

const present = (item: Record<string, unknown>, field: MarkableField): boolean => {
  const v = item[field];
  if (field === 'issued') return typeof v === 'object' && v !== null;
  return typeof v === 'string' && v.trim() !== '';
};

export interface BibliographyUse {
  /** Every key cited anywhere (article bodies, findings, timelines, "since" notes). */
  cited: ReadonlySet<string>;
  /** False when some article could not be read, so its citations are unknown. */
  complete: boolean;
}

export function checkBibliography(registry: Registry, use?: BibliographyUse): ContentProblem[] {
  const file = relativePath(registry.bibliographyPath, registry.root);
  if (!existsSync(registry.bibliographyPath)) return [];
  const text = readFileSync(registry.bibliographyPath, 'utf8');
  let items: unknown;
  try {
    items = JSON.parse(text);
  } catch (e) {
    return [
      {
        file,
        message: `is not valid JSON: ${(e as Error).message}`,
        fix: 'Fix the JSON syntax; the file is a CSL-JSON array.',
      },
    ];
  }
  if (!Array.isArray(items))
    return [{ file, message: 'must be a CSL-JSON array of items.', fix: 'Wrap the items in [ … ].' }];
  const lines = idLines(text);
  const httpOnly = loadHttpOnlyHosts(registry.root);
  const problems: ContentProblem[] = [];
  const seen = new Set<string>();
  items.forEach((raw: unknown, i) => {
    const item = (raw ?? {}) as Record<string, unknown>;
    const id = typeof item['id'] === 'string' ? item['id'] : undefined;
    if (!id) {
      problems.push({
        file,
        id: `item ${i + 1}`,
        message: 'has no "id".',
        fix: 'Give every bibliography item a unique "id" (its citation key).',
      });
      return;
    }
    const add = (message: string, fix: string) => problems.push({ file, line: lines.get(id), id, message, fix });
    if (seen.has(id)) add(`uses the id "${id}" twice.`, 'Make every bibliography id unique.');
    seen.add(id);
    if (item['URL'] !== undefined && !webUrl.safeParse(item['URL']).success)
      add(`has a URL that is not http(s): ${shown(item['URL'])}.`, 'Use an absolute https:// address.');
    else if (typeof item['URL'] === 'string' && item['URL'].startsWith('http:')) {
      // The bibliography links it; the build's integrity check refuses plain http: links.
      const host = new URL(item['URL']).hostname;
      if (!httpOnly.has(host))
        add(
          `has a plain http: URL (${item['URL']}).`,
          `Use ${item['URL'].replace(/^http:/, 'https:')} if the host serves it; if it does not, add "${host}" to ${HTTP_ONLY_HOSTS_FILE}.`,
        );
    }

    const markers = noteMarkers({ ...item, id });
    for (const m of markers) {
      if (!(MARKABLE_FIELDS as readonly string[]).includes(m.field))
        add(
          `has the note marker "${m.state}: ${m.field}", but only ${MARKABLE_FIELDS.join(' and ')} can be marked.`,
          `Write "${m.state}: ${MARKABLE_FIELDS.join(`" or "${m.state}: `)}" on its own line of "note".`,
        );
    }
    for (const field of MARKABLE_FIELDS) {
      const has = present(item, field);
      const states = new Set(markers.filter((m) => m.field === field).map((m) => m.state));
      const words = FIELD_WORDS[field];
      if (!has && !states.has('unknown'))
        add(
          `has no ${words.what} and does not say it is unknown; the page would have to guess.`,
          `Add ${words.add}; only if the document truly shows none, add the line "unknown: ${field}" to its "note".`,
        );
      if (has && states.has('unknown'))
        add(
          `has a ${words.what} but its note says "unknown: ${field}".`,
          `Remove the "unknown: ${field}" line, or remove the ${words.noun} if it was not seen.`,
        );
      if (!has && states.has('unverified'))
        add(
          `says "unverified: ${field}" but has no ${field}.`,
          `Add the ${field} it was read from (e.g. the address), or write "unknown: ${field}" instead.`,
        );
    }
    if (use?.complete && !use.cited.has(id))
      add(
        `is never cited: no article body, finding, timeline or "since" note uses "${id}".`,
        `Cite it where it supports something (e.g. a claim's "checked" finding, or [@${id}] in the text), or remove the item.`,
      );
  });
  return problems;
}
