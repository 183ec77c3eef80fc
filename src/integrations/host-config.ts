/**
 * Writes `_headers` and `_redirects` into the build for Netlify and Cloudflare Pages, with the
 * Content Security Policy that Astro put in every page's meta tag (hashes included) plus what
 * only a header can say (frame-ancestors). Fails the build if a page has no policy.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { Parser } from 'htmlparser2';
import { detached } from '../lib/detached-string';
import { headerPolicy, headersFile, redirectsFile } from '../lib/host-config';
import { readBuiltSite } from '../lib/integrity-files';

/**
 * The content of a page's CSP meta tag, or undefined when it has none. A streaming tokenizer that
 * stops at the body: this runs over every built page (docs/performance.md).
 */
export function metaPolicy(html: string): string | undefined {
  let policy: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'meta' && attrs['http-equiv']?.toLowerCase() === 'content-security-policy')
          // Kept for every page: a copy, not a view that would keep the whole page in memory.
          policy ??= detached(attrs['content'] ?? '');
        if (name === 'body') parser.pause();
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return policy;
}

export function hostConfig(): AstroIntegration {
  let base = '/';
  return {
    name: 'sourced:host-config',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const policies: string[] = [];
        const missing: string[] = [];
        for (const [file, html] of readBuiltSite(outDir).pages) {
          const policy = metaPolicy(html);
          if (policy) policies.push(policy);
          else missing.push(file);
        }
        if (missing.length) {
          throw new Error(
            `These pages have no Content Security Policy meta tag (is security.csp on?):\n  ${missing.join('\n  ')}`,
          );
        }
        writeFileSync(path.join(outDir, '_headers'), headersFile({ base, csp: headerPolicy(policies) }));
        writeFileSync(path.join(outDir, '_redirects'), redirectsFile({ base }));
        logger.info(`_headers and _redirects written; one policy for ${policies.length} pages`);
      },
    },
  };
}
