// Shared by the unit and page tests of structured data.

/** Every string under a key that holds a URL, anywhere in a JSON-LD document. */
export function urlValues(node: unknown, key = ''): string[] {
  if (Array.isArray(node)) return node.flatMap((n) => urlValues(n, key));
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => urlValues(v, k));
  return typeof node === 'string' &&
    ['@id', 'url', 'sameAs', 'image', 'mainEntityOfPage', 'inDefinedTermSet'].includes(key)
    ? [node]
    : [];
}
