/**
 * The last step of the pipeline: an allow-list of elements and attributes (rehype-sanitize),
 * so that nothing from content, however it got through, can run script or load resources.
 */
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import { visit } from '../lib/visit';

/** The default list for a tag, without its value-restricted className (which would win over ours). */
const base = (tag: string) =>
  (defaultSchema.attributes?.[tag] ?? []).filter((a) => !(Array.isArray(a) && a[0] === 'className'));

const schema: SanitizeSchema = {
  ...defaultSchema,
  // Ids are validated kebab-case and must match the links we publish, so no prefix.
  clobberPrefix: '',
  clobber: [],
  tagNames: [...(defaultSchema.tagNames ?? []), 'mark', 'time', 'button', 'q', 'dl', 'dt', 'dd', 'section', 'cite'],
  attributes: {
    ...defaultSchema.attributes,
    '*': [
      ...(defaultSchema.attributes?.['*'] ?? []),
      'className',
      'id',
      'role',
      'title',
      'ariaLabel',
      'ariaLabelledBy',
      'ariaHidden',
      'dataStatus',
    ],
    a: [...base('a'), 'className', 'rel', 'dataGlossary'],
    span: ['className', 'dataGlossary'],
    section: [...base('section'), 'className'],
    h2: [...base('h2'), 'className'],
    mark: ['dataChannel', 'dataProblem'],
    time: ['dateTime', 'dataResolved'],
    button: ['type', 'popoverTarget', 'popoverTargetAction', 'tabIndex', 'dataChip', 'dataStatusLabel'],
    div: ['popover'],
    ol: [...base('ol'), 'start', 'className'],
    ul: [...base('ul'), 'className'],
    li: [...base('li'), 'className'],
  },
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'] },
};

/** What a class may be: letters, digits and a few joiners ("language-c++", "status-corroborated"). */
const CLASS_NAME = /^[\p{L}\p{N}_.+#-]+$/u;

export function rehypeSafeHtml() {
  const sanitize = rehypeSanitize(schema);
  return (tree: Root, file: VFile): Root => {
    // The claim cards' citations reach the page outside this tree (rehype-citations.ts).
    const cards = file.data.cardCitations;
    if (cards) {
      const clean: Record<string, Element> = {};
      for (const [key, span] of Object.entries(cards)) {
        const [only] = sanitize({ type: 'root', children: [span] }).children;
        if (only?.type === 'element') clean[key] = only;
      }
      file.data.cardCitations = clean;
    }
    const clean = sanitize(tree);
    // Content may load files from this site only: a src with a scheme, or "//host/x" (which the
    // protocol list takes for a local path), is dropped. A class is a plain name: a code fence's
    // language is written by the author (```<script>), and markup-like classes are dropped.
    visit(clean, 'element', (node) => {
      const classes = node.properties['className'];
      if (Array.isArray(classes)) node.properties['className'] = classes.filter((c) => CLASS_NAME.test(String(c)));
      const src = node.properties['src'];
      if (typeof src === 'string' && /^\s*(?:[a-z][a-z0-9+.-]*:|[\\/]{2})/i.test(src)) delete node.properties['src'];
    });
    return clean;
  };
}
