/**
 * What search results call each kind of indexed page. The page's body element carries it as a
 * Pagefind filter (to narrow results) and as metadata (shown on each result).
 */
export const SEARCH_TYPES = {
  article: 'Analysis',
  glossary: 'Glossary entry',
} as const;

export type SearchType = keyof typeof SEARCH_TYPES;

/** The attributes for a page's data-pagefind-body element. */
export function searchTypeAttributes(type: SearchType): Record<'data-pagefind-filter' | 'data-pagefind-meta', string> {
  const value = `type:${SEARCH_TYPES[type]}`;
  return { 'data-pagefind-filter': value, 'data-pagefind-meta': value };
}
