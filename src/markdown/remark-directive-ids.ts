/**
 * Checks the `{#id}` of every directive before the plugins that resolve ids run, so an id with
 * a pasted-in bidi control or zero-width character fails with a message that shows it.
 */
import type { Root } from 'mdast';
import { visit } from '../lib/visit';
import type { VFile } from 'vfile';
import { describeBadIdCharacters, visibleId } from '../lib/id-characters';
import { reportProblem, throwIfProblems } from '../lib/vfile-problems';
import { ID_PATTERN } from '../schemas/common';

export function remarkDirectiveIds() {
  return (tree: Root, file: VFile): void => {
    visit(tree, (node) => {
      if (node.type !== 'textDirective' && node.type !== 'leafDirective' && node.type !== 'containerDirective') return;
      const id = node.attributes?.id;
      if (id === undefined || id === null || ID_PATTERN.test(id)) return;
      const bad = describeBadIdCharacters(id);
      reportProblem(file, node, {
        id: visibleId(id),
        message: `The id "${visibleId(id)}" in :${node.name}[…]{#…} is not a valid id${bad ? `: it contains ${bad}` : ''}.`,
        fix: 'Retype the id with only lower-case letters, digits and single hyphens (invisible characters often arrive by copy and paste).',
      });
    });
    throwIfProblems(file);
  };
}
