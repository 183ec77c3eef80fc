/**
 * Checks every `[@key]` citation in the body against the bibliography before rehype-citation
 * renders it, so an unknown key fails the build instead of printing a broken citation.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { reportProblem, throwIfProblems } from '../lib/vfile-problems';

export interface RemarkCitationKeysOptions {
  /** Keys present in the bibliography. */
  keys: ReadonlySet<string>;
}

/** `[@a]`, `[@a; @b, p. 4]`, `[see @a]`: the bracketed groups rehype-citation reads. */
const GROUP = /\[[^\]]*?@[^\]]*\]/g;
const KEY = /@([A-Za-z0-9_][A-Za-z0-9_:.#$%&+?<>~/-]*)/g;

export function citationKeys(text: string): string[] {
  const keys: string[] = [];
  for (const group of text.match(GROUP) ?? []) {
    for (const m of group.matchAll(KEY)) keys.push(m[1]!.replace(/[.:,;]+$/, ''));
  }
  return keys;
}

export function remarkCitationKeys(options: RemarkCitationKeysOptions) {
  return (tree: Root, file: VFile): void => {
    visit(tree, 'text', (node) => {
      for (const key of citationKeys(node.value)) {
        if (options.keys.has(key)) continue;
        reportProblem(file, node, {
          id: key,
          message: `The citation [@${key}] is not in the bibliography.`,
          fix: `Add an item with "id": "${key}" to content/bibliography.json, or correct the key.`,
        });
      }
    });
    throwIfProblems(file);
  };
}
