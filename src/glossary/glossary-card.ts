/**
 * A glossary entry's hover card: the popover a linked mention opens (name, kind, one line, a
 * link to the entry). Built from the entry's data as a hast tree.
 *
 * Cards are not part of the Markdown render. Kept there, they went through every rehype step
 * and were stored with each render, about 13 KB of a generated article's 45 KB
 * (docs/performance.md). The article page adds one card per linked entry after the body; a
 * popover opens in the top layer, anchored to its mention, wherever it sits in the document.
 */
import type { Element } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { flagCode, flagUrl, glossaryCardId, glossaryKindLabel, oneLine } from './glossary';
import { entryUrl } from '../lib/urls';
import type { Mention } from './mentions';
import type { RegistryGlossaryEntry } from '../collections/registry';

/** What a card shows of an entry: its data from the collection, or from the registry. */
export type CardEntry = Pick<RegistryGlossaryEntry, 'id' | 'name' | 'kind' | 'description'> & {
  flag?: string | undefined;
};

/** The card a linked mention shows: name, kind, one line, and a link to the entry. */
export function glossaryCard(entry: CardEntry, base?: string): Element {
  const id = glossaryCardId(entry.id);
  const head: (Element | string)[] = [];
  const code = flagCode(entry.flag);
  // Decoration beside the name, drawn from an SVG file: emoji flags show as boxes without an emoji font.
  // Lazy: a closed card is not rendered, so its flag loads when the card first opens, not with the
  // page (each SVG image is a document of its own for the browser to set up).
  if (code)
    head.push(
      h('img', {
        src: flagUrl(code, base),
        alt: '',
        width: 20,
        height: 15,
        loading: 'lazy',
        decoding: 'async',
        className: ['glossary-card-flag'],
      }),
      ' ',
    );
  head.push(
    h('strong', { id: `${id}-name` }, entry.name),
    ' ',
    h('span', { className: ['glossary-card-kind'] }, glossaryKindLabel(entry.kind)),
  );
  // No class on each part: the stylesheet styles them as the card's paragraphs, and a class per
  // part would repeat in every card of every article.
  return h('div', { id, popover: 'hint', role: 'dialog', ariaLabelledBy: `${id}-name`, className: ['glossary-card'] }, [
    h('p', head),
    h('p', { id: `${id}-desc` }, oneLine(entry.description)),
    h('p', [h('a', { href: entryUrl(entry.id, base) }, `${entry.name} in the glossary`)]),
  ]);
}

/** The entries an article's linked mentions name, once each, in the order of the first links. */
function linkedEntries(
  mentions: readonly Pick<Mention, 'entry' | 'linked'>[],
  glossary: ReadonlyMap<string, CardEntry>,
): CardEntry[] {
  return [...new Set(mentions.filter((m) => m.linked).map((m) => m.entry))].map((id) => {
    const entry = glossary.get(id);
    if (!entry) throw new Error(`A mention links to the glossary entry "${id}", which does not exist.`);
    return entry;
  });
}

/** The cards' container. Not the article's words: search would match every article that links the entry. */
const container = (cards: Element[]): Element =>
  h('div', { className: ['glossary-cards'], dataPagefindIgnore: 'all' }, cards);

/**
 * The cards an article needs, one per entry with a linked mention, in the order of the first
 * links; undefined when no mention is linked. Fails on an entry the glossary does not have,
 * since its link and aria-describedby would point at nothing.
 */
export function glossaryCards(
  mentions: readonly Pick<Mention, 'entry' | 'linked'>[],
  glossary: ReadonlyMap<string, CardEntry>,
  base?: string,
): Element | undefined {
  const entries = linkedEntries(mentions, glossary);
  return entries.length === 0 ? undefined : container(entries.map((entry) => glossaryCard(entry, base)));
}

/**
 * Each entry's card as HTML, by entry and base address. An entry's card is the same on every
 * article page that links it, and building and writing it for each was about 1.4 s of a
 * 250-article build (docs/performance.md, "Cold build, eighth pass"). Keyed by the entry object,
 * so an entry read again (a changed glossary) gets its card written again.
 */
const written = new WeakMap<CardEntry, Map<string, string>>();

/** glossaryCards as HTML (empty when no mention is linked), each card written once a build. */
export function glossaryCardsHtml(
  mentions: readonly Pick<Mention, 'entry' | 'linked'>[],
  glossary: ReadonlyMap<string, CardEntry>,
  base?: string,
): string {
  const entries = linkedEntries(mentions, glossary);
  if (entries.length === 0) return '';
  const shell = toHtml(container([]));
  const close = '</div>';
  let out = shell.slice(0, -close.length);
  for (const entry of entries) {
    let byBase = written.get(entry);
    if (!byBase) written.set(entry, (byBase = new Map<string, string>()));
    const key = base ?? '\0';
    let card = byBase.get(key);
    if (card === undefined) byBase.set(key, (card = toHtml(glossaryCard(entry, base))));
    out += card;
  }
  return out + close;
}
