/**
 * Elements whose text is one block of prose. Quote context (annotations) and mention
 * sentences (glossary) never reach across their edges.
 */
export const PROSE_BLOCKS: ReadonlySet<string> = new Set([
  'p',
  'li',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'td',
  'th',
  'dt',
  'dd',
  'figcaption',
  'pre',
]);
