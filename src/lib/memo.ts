/**
 * Remembers a function's results by its string argument. Several pages need facts from one
 * article's rendered HTML (claim words, mentions); parsing it once per route instead of once per
 * page keeps the build linear in the number of articles (docs/performance.md).
 */
export function memoByString<T>(fn: (input: string) => T, limit = 10_000): (input: string) => T {
  const results = new Map<string, T>();
  return (input) => {
    const hit = results.get(input);
    if (hit !== undefined || results.has(input)) return hit as T;
    // Bounded, so a long `astro dev` session that re-renders edited articles does not grow forever.
    if (results.size >= limit) results.clear();
    const value = fn(input);
    results.set(input, value);
    return value;
  };
}
