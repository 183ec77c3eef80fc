/**
 * remark-directive reads any `:word` as a directive. This puts bare ones back as text
 * (so "10:30" and "Note:this" survive) and reports directives the site does not know.
 */
import type { Root, Text } from 'mdast';
import { visit } from '../lib/visit';
import type { VFile } from 'vfile';
import { reportProblem, throwIfProblems } from '../lib/vfile-problems';

export interface RemarkDirectiveGuardOptions {
  /** Text directive names handled by later plugins, e.g. ["claim", "date"]. */
  known: string[];
}

export function remarkDirectiveGuard(options: RemarkDirectiveGuardOptions) {
  const known = new Set(options.known);
  return (tree: Root, file: VFile): void => {
    visit(tree, (node, index, parent) => {
      if (node.type !== 'textDirective' && node.type !== 'leafDirective' && node.type !== 'containerDirective') return;
      const d = node;
      if (d.type === 'textDirective' && known.has(d.name)) return;
      const bare =
        d.type === 'textDirective' && d.children.length === 0 && Object.keys(d.attributes ?? {}).length === 0;
      if (bare && parent && index !== undefined) {
        const text: Text = { type: 'text', value: `:${d.name}` };
        parent.children[index] = text;
        return;
      }
      const colons = d.type === 'textDirective' ? ':' : d.type === 'leafDirective' ? '::' : ':::';
      reportProblem(file, d, {
        id: d.name,
        message: `Unknown directive "${colons}${d.name}".`,
        fix: `Use one of ${[...known].map((k) => `:${k}[…]{…}`).join(', ')}; to write a literal colon before a word, escape it as \\:.`,
      });
    });
    throwIfProblems(file);
  };
}
