// What the end-of-build steps need from one built page, read in a single pass: its ids, claim
// marks and links (for the integrity check) and its Content Security Policy (for _headers).
// Plain JavaScript: the worker threads that scan a large build load it without a build step
// (scan-worker.mjs, built-site.ts; docs/performance.md).
import { readFileSync } from 'node:fs';
import { Parser } from 'htmlparser2';
import { contentKey } from '../../lib/content-key.mjs';

/** Attributes that hold a URL the browser follows or loads. */
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'poster', 'data', 'xlink:href', 'cite'];

/**
 * @typedef {object} PageLink
 * @property {string} element Tag name, lower case.
 * @property {string} attribute Attribute, or the og:/twitter: property of a meta tag.
 * @property {string} value The address as written, trimmed.
 */

/**
 * @typedef {object} PageScan
 * @property {string[]} ids Every id (and a[name]) on the page.
 * @property {string[]} claimMarks The id of each mark.claim, in order ("" when it has none).
 * @property {PageLink[]} links Each distinct link once.
 * @property {string | undefined} policy The CSP meta tag's content, from the head only.
 */

/**
 * Scans one page with a streaming tokenizer rather than a tree: this runs over every built
 * page, tens of thousands at scale. The strings may be views into `html`; a caller that keeps
 * the scan longer than the page copies it (structuredClone, or posting it from a worker).
 * @param {string} html
 * @returns {PageScan}
 */
export function scanPage(html) {
  /** @type {Set<string>} */
  const ids = new Set();
  /** @type {string[]} */
  const claimMarks = [];
  /** @type {PageLink[]} */
  const links = [];
  /** @type {Set<string>} */
  const seen = new Set();
  /** @type {string | undefined} */
  let policy;
  let inBody = false;
  /** @type {(element: string, attribute: string, value: string) => void} */
  const link = (element, attribute, value) => {
    const key = `${attribute}=${value}`;
    if (seen.has(key)) return;
    seen.add(key);
    links.push({ element, attribute, value });
  };
  const parser = new Parser(
    {
      onopentag(element, attrs) {
        if (element === 'body') inBody = true;
        const id = attrs['id'];
        if (id) ids.add(id);
        if (element === 'a' && attrs['name'] !== undefined) ids.add(attrs['name']);
        if (element === 'mark' && (attrs['class'] ?? '').split(/\s+/).includes('claim')) claimMarks.push(id ?? '');
        for (const attribute of URL_ATTRIBUTES) {
          const v = attrs[attribute]?.trim();
          if (v) link(element, attribute, v);
        }
        if (attrs['srcset'] !== undefined) {
          for (const candidate of attrs['srcset'].split(',')) {
            const u = candidate.trim().split(/\s+/)[0];
            if (u) link(element, 'srcset', u);
          }
        }
        if (element !== 'meta') return;
        // Link previews (og:image, og:url) are fetched by other sites; they must resolve too.
        const property = attrs['property'] ?? attrs['name'] ?? '';
        const content = attrs['content'];
        if (/^(og|twitter):/.test(property) && content && /^https?:\/\//.test(content)) link('meta', property, content);
        // A policy only counts in the head, where browsers apply it to the whole page.
        if (!inBody && attrs['http-equiv']?.toLowerCase() === 'content-security-policy') policy ??= content ?? '';
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return { ids: [...ids], claimMarks, links, policy };
}

/**
 * Reads one built page and scans it, unless `known` holds the key of the same bytes (a scan
 * kept from an earlier build: the scan depends on nothing but the page).
 * @param {string} file
 * @param {ReadonlySet<string>} known
 * @returns {{ key: string; scan?: PageScan }}
 */
export function scanFile(file, known) {
  const bytes = readFileSync(file);
  const key = contentKey(bytes);
  return known.has(key) ? { key } : { key, scan: scanPage(bytes.toString('utf8')) };
}
