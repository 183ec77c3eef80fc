/**
 * Renders `[@key]` citations and appends the article's bibliography, with rehype-citation doing
 * the formatting once per build instead of once per article.
 *
 * Run per article, rehype-citation re-parses the whole bibliography and re-runs citeproc for
 * every citation: about 6 ms a citation, most of the Markdown time (docs/performance.md). Here it
 * runs once over a document that cites every bibliography item, and each article reuses those
 * nodes. A source is therefore cited the same way on every page, disambiguated (2024a, 2024b)
 * against the whole bibliography rather than one article's. The output has rehype-citation's
 * shape, so rehypeBibliography and the styles work on it unchanged.
 *
 * Claim cards are not in the Markdown (src/analysis/claim-card.ts), so the keys they cite come from
 * the frontmatter: their citations go on `file.data.cardCitations` for the page, and their
 * entries into the article's bibliography, so every citation on the page has its entry.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, ElementContent, Root, Text } from 'hast';
import rehypeCitation from 'rehype-citation';
import { unified } from 'unified';
import { visit, SKIP } from '../lib/visit';
import { VFile } from 'vfile';
import { cardCitationKeys, type CardClaim } from '../analysis/claim-card';
import { fileStamp } from '../lib/file-stamp';
import { copyTree } from '../lib/copy-tree';

declare module 'vfile' {
  interface DataMap {
    /** The in-text citation for each key the article's claim cards cite (no id: cards add none). */
    cardCitations: Record<string, Element>;
  }
}

export interface RehypeCitationsOptions {
  /** The CSL-JSON bibliography file. */
  bibliography: string;
  /** The citation style: the absolute path of a CSL file (news-citation.csl for the site). */
  csl: string;
  /**
   * Where to keep the formatted bibliography between builds, keyed by its text, the style and
   * the rehype-citation version: formatting costs about 10 ms an item.
   */
  cacheDir?: string;
}

interface Formatted {
  /** The in-text citation node for each key, as rehype-citation renders `[@key]` alone. */
  citations: Map<string, Element>;
  /** Bibliography entries in the style's order. */
  entries: { key: string; node: Element }[];
  /** rehype-citation's bibliography container, without its entries. */
  container: Element;
}

/** Parents rehype-citation formats text in; citations elsewhere (code, links) stay as written. */
const PERMITTED = new Set(['div', 'p', 'span', 'li', 'td', 'th']);
/** The only citation form the site accepts (remarkCitationKeys rejects the others with a fix). */
const CITATION = /\[@([A-Za-z0-9_][A-Za-z0-9_:.#$%&+?<>~/-]*)\]/g;

let memo: { stamp: string | undefined; text: string; formatted: Promise<Formatted> } | undefined;

/**
 * Formats every item of the bibliography once; reused while the file's text is unchanged. Every
 * article that cites asks, so the file is read again only when its stamp changes: reading it
 * each time read the whole bibliography once an article (49 MB at 250 articles).
 */
async function formatAll(options: RehypeCitationsOptions): Promise<Formatted> {
  const stamp = fileStamp(options.bibliography);
  if (stamp !== undefined && memo?.stamp === stamp) return memo.formatted;
  const text = await readFile(options.bibliography, 'utf8');
  if (memo?.text !== text) memo = { stamp, text, formatted: formatCached(text, options) };
  else memo.stamp = stamp;
  return memo.formatted;
}

interface Stored {
  citations: [string, Element][];
  entries: Formatted['entries'];
  container: Element;
}

async function formatCached(text: string, options: RehypeCitationsOptions): Promise<Formatted> {
  if (!options.cacheDir) return format(text, options);
  const version = JSON.parse(
    await readFile(path.join(process.cwd(), 'node_modules/rehype-citation/package.json'), 'utf8').catch(() => '{}'),
  ) as { version?: string };
  const style = await readFile(options.csl, 'utf8');
  const key = createHash('sha256').update(`${version.version}\0${style}\0${text}`).digest('hex').slice(0, 32);
  const file = path.join(options.cacheDir, 'sourced-citations', `${key}.json`);
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as Stored;
    return { citations: new Map(stored.citations), entries: stored.entries, container: stored.container };
  } catch {
    const formatted = await format(text, options);
    const stored: Stored = { ...formatted, citations: [...formatted.citations] };
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(stored));
    return formatted;
  }
}

async function format(text: string, options: RehypeCitationsOptions): Promise<Formatted> {
  const items = JSON.parse(text) as { id?: unknown }[];
  const keys = items.map((i) => i.id).filter((id): id is string => typeof id === 'string');
  const tree: Root = {
    type: 'root',
    children: keys.map((key) => ({
      type: 'element',
      tagName: 'p',
      properties: {},
      children: [{ type: 'text', value: `[@${key}]` }],
    })),
  };
  const processor = unified().use(rehypeCitation, {
    bibliography: path.basename(options.bibliography),
    path: path.dirname(options.bibliography),
    // rehype-citation joins a style's path to `path`, so it takes a relative one.
    csl: path.relative(path.dirname(options.bibliography), options.csl),
    linkCitations: true,
  });
  await processor.run(tree, new VFile());

  const citations = new Map<string, Element>();
  let container: Element | undefined;
  for (const child of tree.children) {
    if (child.type !== 'element') continue;
    if (child.properties['id'] === 'refs') {
      container = child;
      continue;
    }
    const span = child.children.find((c): c is Element => c.type === 'element' && c.tagName === 'span');
    const key = /^citation--(.+)--\d+$/.exec(String(span?.properties['id'] ?? ''))?.[1];
    if (span && key) citations.set(key, span);
  }
  if (!container) throw new Error(`rehype-citation produced no bibliography for ${options.bibliography}.`);
  const entries = container.children
    .filter((c): c is Element => c.type === 'element')
    .map((node) => ({ key: String(node.properties['id']).replace(/^bib-/, ''), node }));
  return { citations, entries, container: { ...container, children: [] } };
}

/** The keys the article's claim cards cite, from the frontmatter Astro hands the pipeline. */
function cardKeys(file: VFile): string[] {
  const claims = (file.data as { astro?: { frontmatter?: { claims?: unknown } } }).astro?.frontmatter?.claims;
  if (!Array.isArray(claims)) return [];
  return [...new Set((claims as CardClaim[]).flatMap((c) => (c ? cardCitationKeys(c) : [])))];
}

export function rehypeCitations(options: RehypeCitationsOptions) {
  return async (tree: Root, file: VFile): Promise<void> => {
    const inCards = cardKeys(file);
    // The bibliography is only read and formatted once some article cites something.
    let any = inCards.length > 0;
    visit(tree, 'text', (node) => {
      any ||= node.value.includes('[@');
    });
    if (!any) return;
    const { citations, entries, container } = await formatAll(options);

    const cited = new Set<string>();
    const cardCitations: Record<string, Element> = {};
    for (const key of inCards) {
      const template = citations.get(key);
      if (!template) continue; // unknown keys fail earlier, in the frontmatter check
      const span = copyTree(template);
      delete span.properties['id'];
      // rehype-citation writes class=""; a card's citation carries no attribute worth a byte.
      if (String(span.properties['className'] ?? '').trim() === '') delete span.properties['className'];
      cardCitations[key] = span;
      cited.add(key);
    }
    file.data.cardCitations = cardCitations;

    let count = 0;
    visit(tree, 'text', (node: Text, index, parent) => {
      if (index === undefined || !parent || parent.type !== 'element' || !PERMITTED.has(parent.tagName)) return;
      const parts: ElementContent[] = [];
      let last = 0;
      for (const m of node.value.matchAll(CITATION)) {
        const template = citations.get(m[1]!);
        if (!template) continue; // unknown keys fail earlier, in remarkCitationKeys
        if (m.index > last) parts.push({ type: 'text', value: node.value.slice(last, m.index) });
        const span = copyTree(template);
        span.properties['id'] = `citation--${m[1]}--${++count}`;
        parts.push(span);
        cited.add(m[1]!);
        last = m.index + m[0].length;
      }
      if (parts.length === 0) return;
      if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
      parent.children.splice(index, 1, ...parts);
      return [SKIP, index + parts.length];
    });
    if (cited.size === 0) return;

    const children: ElementContent[] = [];
    for (const { key, node } of entries) {
      if (!cited.has(key)) continue;
      children.push({ type: 'text', value: '\n  ' }, copyTree(node));
    }
    children.push({ type: 'text', value: '\n' });
    tree.children.push({ ...copyTree(container), children });
  };
}
