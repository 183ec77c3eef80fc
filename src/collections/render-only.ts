/**
 * Which articles' own pages a build renders. Normally all of them; in an incremental build
 * (src/integrations/incremental-build) only those whose inputs changed, listed by file in a
 * JSON file the integration names in this variable before any page renders. Pages render in
 * the same process as the build hooks, so they read it from process.env.
 */
import { readFileSync } from 'node:fs';

export const RENDER_ONLY_VARIABLE = 'SOURCED_RENDER_ONLY';

/** The article files (relative to the project root, `/`-separated) to render, or undefined for all. */
export function renderOnly(): Set<string> | undefined {
  const file = typeof process === 'undefined' ? undefined : process.env[RENDER_ONLY_VARIABLE];
  if (!file) return undefined;
  return new Set(JSON.parse(readFileSync(file, 'utf8')) as string[]);
}
