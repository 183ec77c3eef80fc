/**
 * Reads glossary mentions and claim marks back out of an article's rendered HTML, so entry
 * pages can list every mention with its sentence and link to the exact place. Pure: the pages
 * pass each article's `rendered.html`; the tests pass strings.
 */
import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { PROSE_BLOCKS } from '../lib/html-blocks';

export interface Mention {
  /** Glossary id. */
  entry: string;
  /** Id of the element in the article, for a link to "#elementId". */
  elementId: string;
  /** The words in the text, e.g. "Tehran". */
  text: string;
  /**
   * The sentence the mention stands in, whitespace collapsed, up to the mention and after it
   * (sentenceOf joins them), so pages can emphasise the words.
   */
  before: string;
  after: string;
  /** Whether this mention is the linked one (first in its section) or a marked repeat. */
  linked: boolean;
  /** Position of its block (paragraph, list item, heading) in the article, counted from 0. */
  block: number;
}

/** Sentence boundaries: . ! ? or …, closing quotes or brackets, then space and a capital or an opening quote. */
const BOUNDARY = /(?<=[.!?…][”’"')\]]*)\s+(?=[“‘"'([]?[\p{Lu}\p{N}])/gu;

/** Start and end offsets of the sentence of `text` that holds `offset`. */
export function sentenceBounds(text: string, offset: number): { start: number; end: number } {
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(BOUNDARY)) {
    if (m.index < offset) start = m.index + m[0].length;
    else {
      end = m.index;
      break;
    }
  }
  return { start, end };
}

const collapse = (s: string) => s.replace(/\s+/g, ' ');

/** The sentence of `text` that holds `offset`, whitespace collapsed. */
export function sentenceAt(text: string, offset: number): string {
  const { start, end } = sentenceBounds(text, offset);
  return collapse(text.slice(start, end)).trim();
}

const isElement = (n: Nodes): n is Element => n.type === 'element';
const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : Array.isArray(v) ? v.join(' ') : undefined;

/** Text of a block with the offset at which each descendant element starts. */
function textWithOffsets(block: Element): { text: string; offsets: Map<Element, number> } {
  let text = '';
  const offsets = new Map<Element, number>();
  const walk = (n: Nodes) => {
    if (n.type === 'text') text += n.value;
    else if (isElement(n)) {
      offsets.set(n, text.length);
      // Closed popovers are not part of the sentence a reader sees.
      if (n.properties?.['popover'] !== undefined) return;
      for (const c of n.children) walk(c);
    } else if ('children' in n) for (const c of n.children) walk(c);
  };
  walk(block);
  return { text, offsets };
}

/** Every glossary mention in the HTML, in document order. */
export const mentionsFromHtml = (html: string): Mention[] => findMentions(fromHtml(html, { fragment: true }));

/** As mentionsFromHtml, over a tree (the Markdown pipeline's, or a parsed page). */
export function findMentions(tree: Root): Mention[] {
  const out: Mention[] = [];
  let blockCount = -1;
  const cache = new Map<Element, { text: string; offsets: Map<Element, number>; index: number }>();

  const visit = (n: Nodes, block: Element | undefined) => {
    if (!isElement(n)) {
      if ('children' in n) for (const c of n.children) visit(c, block);
      return;
    }
    if (n.properties?.['popover'] !== undefined) return;
    let current = block;
    if (PROSE_BLOCKS.has(n.tagName) && !block) {
      current = n;
      blockCount++;
    }
    const entry = str(n.properties?.['dataGlossary']);
    const id = str(n.properties?.['id']);
    if (entry && id) {
      const holder = current ?? n;
      let info = cache.get(holder);
      if (!info) {
        info = { ...textWithOffsets(holder), index: Math.max(blockCount, 0) };
        cache.set(holder, info);
      }
      const offset = info.offsets.get(n) ?? 0;
      const words = toString(n);
      const { start, end } = sentenceBounds(info.text, offset);
      const before = collapse(info.text.slice(start, offset)).trimStart();
      const after = collapse(info.text.slice(offset + words.length, Math.max(end, offset + words.length))).trimEnd();
      out.push({
        entry,
        elementId: id,
        text: words,
        before,
        after,
        linked: n.tagName === 'a',
        block: info.index,
      });
    }
    for (const c of n.children) visit(c, current);
  };
  visit(tree, undefined);
  return out;
}

/** The whole sentence a mention stands in. Not stored: it would repeat `before` and `after`. */
export const sentenceOf = (m: Pick<Mention, 'before' | 'text' | 'after'>): string => m.before + m.text + m.after;

export interface ArticleMentions {
  /** Article id (slug). */
  article: string;
  mentions: Mention[];
}

/**
 * Every entry's mentions, by entry: the articles that mention it, in the order given, each with
 * only its mentions of that entry. One pass over all mentions, for pages that list many entries.
 */
export function mentionsByEntry(all: ArticleMentions[]): Map<string, ArticleMentions[]> {
  const out = new Map<string, ArticleMentions[]>();
  for (const { article, mentions } of all) {
    const own = new Map<string, Mention[]>();
    for (const m of mentions) {
      const list = own.get(m.entry);
      if (list) list.push(m);
      else own.set(m.entry, [m]);
    }
    for (const [entry, list] of own) {
      const groups = out.get(entry);
      if (groups) groups.push({ article, mentions: list });
      else out.set(entry, [{ article, mentions: list }]);
    }
  }
  return out;
}

/** The articles that mention `entry`, each with only its mentions of `entry`; articles without any are left out. */
export function mentionsOf(entry: string, all: ArticleMentions[]): ArticleMentions[] {
  return mentionsByEntry(all).get(entry) ?? [];
}

/**
 * For every entry, the entries mentioned in the same sentences, most often first (ties: more
 * articles, then id), at most `limit`. Counts sentences, not repeats within one sentence. One
 * pass over all mentions: asked entry by entry, a site with A articles and G entries would read
 * every mention G times.
 */
export function relatedByEntry(
  articles: ArticleMentions[],
  limit = 6,
): Map<string, { entry: string; count: number }[]> {
  const counts = new Map<string, Map<string, { sentences: number; articles: Set<string> }>>();
  for (const { article, mentions } of articles) {
    const bySentence = new Map<string, Set<string>>();
    for (const m of mentions) {
      const key = `${m.block}\u0000${sentenceOf(m)}`;
      const set = bySentence.get(key) ?? new Set<string>();
      set.add(m.entry);
      bySentence.set(key, set);
    }
    for (const set of bySentence.values()) {
      if (set.size < 2) continue;
      for (const entry of set) {
        let row = counts.get(entry);
        if (!row) counts.set(entry, (row = new Map<string, { sentences: number; articles: Set<string> }>()));
        for (const other of set) {
          if (other === entry) continue;
          const c = row.get(other) ?? { sentences: 0, articles: new Set<string>() };
          c.sentences++;
          c.articles.add(article);
          row.set(other, c);
        }
      }
    }
  }
  const out = new Map<string, { entry: string; count: number }[]>();
  for (const [entry, row] of counts) {
    out.set(
      entry,
      [...row.entries()]
        .sort(([a, x], [b, y]) => y.sentences - x.sentences || y.articles.size - x.articles.size || a.localeCompare(b))
        .slice(0, limit)
        .map(([e, c]) => ({ entry: e, count: c.sentences })),
    );
  }
  return out;
}

/**
 * Entries mentioned in the same sentences as `entry`, most often first (ties: more articles,
 * then id). Counts sentences, not repeats within one sentence.
 */
export function relatedEntries(
  entry: string,
  articles: ArticleMentions[],
  limit = 6,
): { entry: string; count: number }[] {
  return relatedByEntry(articles, limit).get(entry) ?? [];
}
