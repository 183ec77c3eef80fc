// The key of some content: its SHA-256, base64url. keyed-cache.ts keys its entries by it, and
// the end-of-build scan's worker threads hash pages with it, which is why it is plain
// JavaScript: a worker loads its imports without a build step (finish-build/page-scan.mjs).
import { createHash } from 'node:crypto';

/**
 * @param {string | Uint8Array} content
 * @returns {string}
 */
export const contentKey = (content) => createHash('sha256').update(content).digest('base64url');
