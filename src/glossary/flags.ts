/**
 * Flag images from the flag-icons package (4:3 SVGs, MIT), served by this site as files
 * (src/pages/flags/[code].svg.ts): an <img> from 'self' passes the CSP, is cached across
 * pages, and does not depend on the reader's system having an emoji font.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The SVG of a country's flag by its lower-case ISO 3166-1 alpha-2 code. */
export function flagSvg(code: string): string {
  // Resolved from the project root: built chunks may live elsewhere.
  const require = createRequire(path.join(process.cwd(), 'package.json'));
  let file: string;
  try {
    file = require.resolve(`flag-icons/flags/4x3/${code}.svg`);
  } catch {
    throw new Error(`No flag for the country code "${code}" in the flag-icons package; check the entry's flag emoji.`);
  }
  return readFileSync(file, 'utf8');
}
