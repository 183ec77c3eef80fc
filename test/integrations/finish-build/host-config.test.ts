// The host files generated with each build: one policy merged from the pages' meta tags plus
// frame-ancestors, security headers on every path, year-long caching for hashed assets only,
// and a rewrite for base-path builds.
import { describe, expect, it } from 'vitest';
import {
  MAX_HEADER_LINE,
  headerPolicy,
  headersFile,
  headersFor,
  parseHeadersFile,
  parsePolicy,
  redirectsFile,
} from '../../../src/integrations/finish-build/host-config';

const PAGE_A = "default-src 'self';object-src 'none'; script-src 'self' 'sha256-a'; style-src 'self' 'sha256-s';";
const PAGE_B = "default-src 'self';object-src 'none'; script-src 'self' 'sha256-b'; style-src 'self' 'sha256-s';";

describe('the header policy', () => {
  it('parses a policy into directives and their sources', () => {
    expect([...parsePolicy(PAGE_A)]).toEqual([
      ['default-src', ["'self'"]],
      ['object-src', ["'none'"]],
      ['script-src', ["'self'", "'sha256-a'"]],
      ['style-src', ["'self'", "'sha256-s'"]],
    ]);
  });

  it('merges the pages’ hashes and adds frame-ancestors, which a meta tag cannot carry', () => {
    expect(headerPolicy([PAGE_A, PAGE_B])).toBe(
      "default-src 'self'; object-src 'none'; script-src 'self' 'sha256-a' 'sha256-b'; style-src 'self' 'sha256-s'; frame-ancestors 'none'",
    );
  });

  it('refuses pages whose policies have different directives, rather than loosen one', () => {
    expect(() => headerPolicy([PAGE_A, "default-src 'self'"])).toThrow(/different directives/);
    expect(() => headerPolicy([])).toThrow(/No page/);
  });
});

describe('_headers', () => {
  const text = headersFile({ base: '/', csp: "default-src 'self'; frame-ancestors 'none'" });
  const rules = parseHeadersFile(text);

  it('gives every path the policy and the security headers', () => {
    for (const p of ['/', '/articles/a/', '/pagefind/pagefind.js', '/_astro/x.css']) {
      const h = headersFor(rules, p);
      expect(h.get('content-security-policy'), p).toBe("default-src 'self'; frame-ancestors 'none'");
      expect(h.get('x-content-type-options'), p).toBe('nosniff');
      expect(h.get('referrer-policy'), p).toBe('strict-origin-when-cross-origin');
      expect(h.get('permissions-policy'), p).toMatch(/camera=\(\)/);
      expect(h.get('x-frame-options'), p).toBe('DENY');
    }
  });

  it('caches hashed assets for a year and pages not at all by rule', () => {
    expect(headersFor(rules, '/_astro/Base.abc123.css').get('cache-control')).toBe(
      'public, max-age=31536000, immutable',
    );
    expect(headersFor(rules, '/articles/a/').has('cache-control')).toBe(false);
    expect(headersFor(rules, '/pagefind/pagefind-entry.json').has('cache-control')).toBe(false);
  });

  it('covers assets under the base path too', () => {
    const based = parseHeadersFile(headersFile({ base: '/sourced/', csp: "default-src 'self'" }));
    expect(headersFor(based, '/sourced/_astro/x.js').get('cache-control')).toContain('immutable');
    expect(headersFor(based, '/_astro/x.js').get('cache-control')).toContain('immutable');
  });

  it('refuses a header line longer than hosts accept', () => {
    const csp = `script-src ${Array.from({ length: 60 }, (_, i) => `'sha256-${String(i).padStart(44, 'x')}'`).join(' ')}`;
    expect(csp.length).toBeGreaterThan(MAX_HEADER_LINE);
    expect(() => headersFile({ base: '/', csp })).toThrow(/over the 2000/);
  });
});

describe('_redirects', () => {
  it('has no rules for a site built for the root', () => {
    expect(
      redirectsFile({ base: '/' })
        .split('\n')
        .filter((l) => l && !l.startsWith('#')),
    ).toEqual([]);
  });

  it('serves a base-path build under its base on hosts that publish at the root', () => {
    expect(
      redirectsFile({ base: '/sourced' })
        .split('\n')
        .filter((l) => l && !l.startsWith('#')),
    ).toEqual(['/sourced/*  /:splat  200']);
  });
});
