/**
 * Checks every `[@key]` citation in the body against the bibliography before rehype-citation
 * renders it, so an unknown key fails the build instead of printing a broken citation.
 */
import type { Root } from 'mdast';
import { visitParents } from '../lib/visit';
import type { VFile } from 'vfile';
import { reportProblem, throwIfProblems } from '../lib/vfile-problems';
import { suggestion } from '../lib/suggest';

export interface RemarkCitationKeysOptions {
  /** Keys present in the bibliography. */
  keys: ReadonlySet<string>;
}

/** `[@a]`, `[@a; @b, p. 4]`, `[see @a]`: the bracketed groups rehype-citation reads. */
const GROUP = /\[[^\]]*?@[^\]]*\]/g;
const KEY = /@([A-Za-z0-9_][A-Za-z0-9_:.#$%&+?<>~/-]*)/g;

export function citationKeys(text: string): string[] {
  return citationGroups(text).flat();
}

/** The keys of each bracketed group, e.g. `[@a; @b]` → [["a", "b"]]. */
export function citationGroups(text: string): string[][] {
  return (text.match(GROUP) ?? []).map((group) => [...group.matchAll(KEY)].map((m) => m[1]!.replace(/[.:,;]+$/, '')));
}

export function remarkCitationKeys(options: RemarkCitationKeysOptions) {
  return (tree: Root, file: VFile): void => {
    visitParents(tree, 'text', (node, ancestors) => {
      const raw = node.value.match(GROUP) ?? [];
      const groups = citationGroups(node.value);
      if (groups.length === 0) return;
      // rehype-citation leaves citations inside <mark> as literal text, and a claim's marked
      // words are the original's, which our citations are not part of.
      const inClaim = ancestors.some((a) => a.type === 'textDirective' && (a as { name?: string }).name === 'claim');
      for (const [i, keys] of groups.entries()) {
        if (inClaim) {
          reportProblem(file, node, {
            id: keys[0] ?? '',
            message: `The citation [@${keys.join('; @')}] is inside a claim mark, whose words must be the original's.`,
            fix: 'Move the citation after the closing }, e.g. :claim[words]{#id} [@key].',
          });
          continue;
        }
        if (keys.length === 1 && raw[i] !== `[@${keys[0]}]`) {
          // Citations are formatted once per key for the whole site (rehype-citations.ts), so a
          // prefix, locator or suppressed author has no rendering.
          reportProblem(file, node, {
            id: keys[0]!,
            message: `The citation for "${keys[0]}" has words besides the key, which the site cannot render.`,
            fix: `Write it as [@${keys[0]}] and put any page or comment in the sentence, e.g. "(p. 4) [@${keys[0]}]".`,
          });
        }
        if (keys.length > 1) {
          // rehype-citation prints [NO_PRINTED_FORM] for grouped keys, so each key gets its own brackets.
          reportProblem(file, node, {
            id: keys[0] ?? '',
            message: `The grouped citation [@${keys.join('; @')}] cannot be rendered.`,
            fix: `Write one key per bracket: ${keys.map((k) => `[@${k}]`).join(' ')}.`,
          });
        }
        for (const key of keys) {
          if (options.keys.has(key)) continue;
          reportProblem(file, node, {
            id: key,
            message: `The citation [@${key}] is not in the bibliography.${suggestion(key, options.keys)}`,
            fix: `Add an item with "id": "${key}" to content/bibliography.json, or correct the key.`,
          });
        }
      }
    });
    throwIfProblems(file);
  };
}
