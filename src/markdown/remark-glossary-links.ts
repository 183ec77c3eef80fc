/**
 * Links mentions of glossary entries in article text to their entry pages, through each
 * entry's name and aliases, and gives every mention an id so entry pages can link back to it.
 *
 * - The first mention of an entry in each section (text between headings) becomes a link,
 *   `<a id="mention-iran-1" data-glossary="iran" href="/glossary/iran/">`, described by the
 *   entry's card, which the article page adds (src/glossary/glossary-card.ts); later mentions in the
 *   section become `<span id="mention-iran-2" class="mention" data-glossary="iran">`.
 * - Matching is case-sensitive, whole words, longest alias first; never inside links, code,
 *   headings or citation keys; and never inside a quotation (“…”), where a link would put our
 *   reading into someone else's words.
 * - Writers decide for one mention: `:term[Tehran]{#iran}` ties the words to an entry (also
 *   inside a quotation), `:term[Moscow]{.nolink}` leaves them plain, and a bare
 *   `:term[President Putin]` insists that the words are an alias (an error if they are not).
 * - An alias shared by two entries is an error at the mention, as is an unknown id.
 * - Role phrases (`roleAliases`) count as aliases only in articles whose original is dated
 *   within their range, so "the president" links to whoever held the office on that day.
 */
import type { Link, Parent, PhrasingContent, Root, Text } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { SKIP, visitParents } from '../lib/visit';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import {
  buildAliasIndex,
  dayOf,
  findAliases,
  quotationState,
  resolveAlias,
  roleAliasKey,
  type AliasIndex,
} from '../glossary/aliases';
import { glossaryCardId, mentionId } from '../glossary/glossary';
import { entryUrl } from '../lib/urls';
import type { Registry, RegistryGlossaryEntry } from '../collections/registry';
import { reportProblem, throwIfProblems } from '../lib/vfile-problems';
import { didYouMean, suggestion } from '../lib/suggest';

export interface RemarkGlossaryLinksOptions {
  /** The glossary entries, with their names and aliases. */
  registry: Pick<Registry, 'glossary'>;
  /** Site base path, for links to entry pages. */
  base?: string;
}

/** A mention found in the body, for tests and tools. */
export interface BodyMention {
  entry: string;
  elementId: string;
  text: string;
  linked: boolean;
  line: number | undefined;
}

declare module 'vfile' {
  interface DataMap {
    /** Glossary mentions in the body, in document order. */
    mentions: BodyMention[];
  }
}

type GlossaryEntry = RegistryGlossaryEntry & { flag?: string };

/** Nodes whose text is never searched for aliases. */
const OPAQUE = new Set(['link', 'linkReference', 'heading', 'inlineCode', 'code', 'html', 'definition', 'claimBadge']);
/** Blocks within which a quotation can run on from one text node to the next. */
const QUOTE_SCOPES = new Set(['paragraph', 'tableCell', 'heading']);
const TERM_OPTIONS = new Set(['nolink']);

interface Segment {
  /** Text node to search, or a term directive the writer placed. */
  node: Text | TextDirective;
  parent: Parent;
  section: number;
  /** Quotation scope (the paragraph), and whether a quotation is open at the start of the node. */
  scope: Parent;
}

/** Where offset `at` of a text node is in the file, as a node position for problem reports. */
function positionIn(node: Text, at: number): Node | undefined {
  if (!node.position) return undefined;
  const before = node.value.slice(0, at);
  const lines = before.split('\n');
  const line = node.position.start.line + lines.length - 1;
  const column = lines.length === 1 ? node.position.start.column + at : lines.at(-1)!.length + 1;
  return { type: 'text', position: { start: { line, column }, end: { line, column } } };
}

/** The nearest block a quotation can run on in, from the innermost ancestor out. */
function quoteScope(ancestors: readonly Node[]): Parent | undefined {
  for (let i = ancestors.length - 1; i >= 0; i--)
    if (QUOTE_SCOPES.has(ancestors[i]!.type)) return ancestors[i] as Parent;
  return undefined;
}

function termProblem(file: VFile, node: TextDirective, words: string, message: string, fix: string, id?: string) {
  reportProblem(file, node, { id: id ?? words, message, fix });
}

export function remarkGlossaryLinks(options: RemarkGlossaryLinksOptions) {
  const glossary = options.registry.glossary as Map<string, GlossaryEntry>;
  const base = options.base ?? '/';
  // Role phrases depend on the article's date; articles whose dates see the same phrases share
  // an index, so a thousand articles build only as many indexes as there are changes of office.
  const indexes = new Map<string, AliasIndex>();
  const indexOn = (date: string | undefined): AliasIndex => {
    const key = roleAliasKey(glossary.values(), date);
    let index = indexes.get(key);
    if (!index) indexes.set(key, (index = buildAliasIndex(glossary.values(), { date })));
    return index;
  };

  return (tree: Root, file: VFile): void => {
    // The original's publication day: "the president" means whoever held the office then.
    const frontmatter = (file.data as { astro?: { frontmatter?: { original?: { date?: unknown } } } }).astro
      ?.frontmatter;
    const index = indexOn(dayOf(frontmatter?.original?.date));
    // 1. Collect text and term directives in document order, with their section and block.
    const segments: Segment[] = [];
    let section = 0;
    visitParents(tree, (node, ancestors) => {
      if (node.type === 'heading') section++;
      if (OPAQUE.has(node.type)) return SKIP;
      if (node.type === 'textDirective' && node.name === 'term') {
        const parent = ancestors.at(-1) as Parent;
        segments.push({ node: node, parent, section, scope: quoteScope(ancestors) ?? parent });
        return SKIP;
      }
      if (node.type !== 'text') return;
      const parent = ancestors.at(-1) as Parent;
      segments.push({ node: node, parent, section, scope: quoteScope(ancestors) ?? parent });
      return undefined;
    });

    // 2. Decide what each alias and term refers to; report what cannot be decided.
    type Found =
      | { start: number; end: number; entry: string; line: number | undefined }
      | { start: number; end: number; plain: true };
    const plans = new Map<Segment, Found[]>();
    const quoteOpen = new Map<Parent, boolean>();
    for (const seg of segments) {
      const { node } = seg;
      if (node.type === 'textDirective') {
        const words = toString(node);
        const attrs = node.attributes ?? {};
        const id = attrs.id ?? undefined;
        const classes = (attrs.class ?? '').split(/\s+/).filter(Boolean);
        const unknown = [
          ...classes.filter((c) => !TERM_OPTIONS.has(c)),
          ...Object.keys(attrs).filter((k) => k !== 'id' && k !== 'class'),
        ];
        const line = node.position?.start.line;
        if (!words) {
          termProblem(
            file,
            node,
            ':term',
            'A term mark :term[]{…} has no words.',
            'Put the words of the mention inside the brackets: :term[Tehran]{#iran}.',
          );
        } else if (unknown.length) {
          termProblem(
            file,
            node,
            words,
            `The term mark :term[${words}] has an option we do not know: ${unknown.join(', ')}.`,
            'Use {#entry-id} to link the words to an entry, or {.nolink} to leave them unlinked.',
          );
        } else if (classes.includes('nolink')) {
          if (id)
            termProblem(
              file,
              node,
              words,
              `The term mark :term[${words}] both names an entry (#${id}) and says .nolink.`,
              'Keep one: {#id} to link, {.nolink} to leave the words plain.',
              id,
            );
          else plans.set(seg, [{ start: 0, end: 0, plain: true }]);
        } else if (id) {
          if (!glossary.has(id)) {
            // The words may already name an entry (":term[Moscow]{#moscow}"), or the id be a typo.
            const named = resolveAlias(words, index);
            const typo = didYouMean(id, glossary.keys());
            const hint = named.length
              ? ` "${words}" is an alias of ${named.map((n) => `"${n}"`).join(' and ')}.`
              : typo
                ? ` Did you mean "${typo}"?`
                : '';
            const fix =
              named.length === 1
                ? `Write :term[${words}]{#${named[0]}}, or just :term[${words}] since the words are its alias.`
                : typo
                  ? `Write :term[${words}]{#${typo}}, or create content/glossary/${id}.yaml.`
                  : `Use the id of a file in content/glossary/ (e.g. ${[...glossary.keys()].slice(0, 3).join(', ')}), or create content/glossary/${id}.yaml.`;
            termProblem(
              file,
              node,
              words,
              `The term mark :term[${words}]{#${id}} names the unknown glossary entry "${id}".${hint}`,
              fix,
              id,
            );
          } else plans.set(seg, [{ start: 0, end: 0, entry: id, line }]);
        } else {
          const ids = resolveAlias(words, index);
          if (ids.length === 1) plans.set(seg, [{ start: 0, end: 0, entry: ids[0]!, line }]);
          else if (ids.length === 0)
            termProblem(
              file,
              node,
              words,
              `The term mark :term[${words}] does not match the name or an alias of any glossary entry.${suggestion(words, index.byAlias.keys())}`,
              `Name the entry: :term[${words}]{#entry-id}, or add "${words}" to the aliases of its entry in content/glossary/.`,
            );
          else
            termProblem(
              file,
              node,
              words,
              `"${words}" is an alias of more than one glossary entry (${ids.join(', ')}).`,
              `Say which one is meant: :term[${words}]{#${ids[0]}}, or :term[${words}]{.nolink} for no link.`,
            );
        }
        // A term never opens or closes a quotation; its words are the writer's to place.
        continue;
      }
      const state = quotationState(node.value, quoteOpen.get(seg.scope) ?? false);
      quoteOpen.set(seg.scope, state.open);
      const found: Found[] = [];
      for (const m of findAliases(node.value, index)) {
        // Inside a quotation the words are someone else's: we leave them as they are.
        if (state.inside(m.start)) continue;
        const at = positionIn(node, m.start);
        const line = at?.position?.start.line;
        if (m.ids.length > 1) {
          reportProblem(file, at, {
            id: m.text,
            message: `"${m.text}" is an alias of more than one glossary entry (${m.ids.join(', ')}), so we cannot tell which is meant.`,
            fix: `Mark it with the entry meant, e.g. :term[${m.text}]{#${m.ids[0]}}, or :term[${m.text}]{.nolink} for no link.`,
          });
          continue;
        }
        found.push({ start: m.start, end: m.end, entry: m.ids[0]!, line });
      }
      if (found.length) plans.set(seg, found);
    }
    throwIfProblems(file);

    // 3. Rewrite: links for the first mention of an entry in a section, spans for the rest.
    const counts = new Map<string, number>();
    const linkedIn = new Set<string>();
    const mentions: BodyMention[] = [];
    const mention = (
      entry: string,
      children: PhrasingContent[],
      seg: Segment,
      line: number | undefined,
    ): PhrasingContent => {
      const n = (counts.get(entry) ?? 0) + 1;
      counts.set(entry, n);
      const id = mentionId(entry, n);
      const key = `${seg.section}\u0000${entry}`;
      const linked = !linkedIn.has(key);
      mentions.push({ entry, elementId: id, text: children.map((c) => toString(c)).join(''), linked, line });
      if (!linked) {
        return {
          type: 'glossaryMention',
          children,
          data: { hName: 'span', hProperties: { id, className: ['mention'], dataGlossary: entry } },
        } as never;
      }
      linkedIn.add(key);
      const link: Link = {
        type: 'link',
        url: entryUrl(entry, base),
        children,
        // No class: the sanitiser keeps only footnote classes on links, so CSS selects a[data-glossary].
        data: { hProperties: { id, dataGlossary: entry, ariaDescribedBy: [`${glossaryCardId(entry)}-desc`] } },
      };
      return link;
    };

    for (const seg of segments) {
      const plan = plans.get(seg);
      if (!plan) continue;
      const index = seg.parent.children.indexOf(seg.node);
      if (index < 0) continue;
      const { node } = seg;
      let replacement: PhrasingContent[];
      if (node.type === 'textDirective') {
        const p = plan[0]!;
        replacement = 'plain' in p ? node.children : [mention(p.entry, node.children, seg, p.line)];
      } else {
        replacement = [];
        let at = 0;
        for (const p of plan) {
          if ('plain' in p) continue;
          if (p.start > at) replacement.push({ type: 'text', value: node.value.slice(at, p.start) });
          replacement.push(mention(p.entry, [{ type: 'text', value: node.value.slice(p.start, p.end) }], seg, p.line));
          at = p.end;
        }
        if (at < node.value.length) replacement.push({ type: 'text', value: node.value.slice(at) });
      }
      seg.parent.children.splice(index, 1, ...(replacement as never[]));
    }

    file.data.mentions = mentions;
  };
}
