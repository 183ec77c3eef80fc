/**
 * The Content Security Policy, defined once. Astro (security.csp in astro.config.mjs) writes
 * script-src and style-src itself, with a hash for every inline script and style it emits, and
 * adds these directives to the meta tag on every page; host-config.ts copies the resulting
 * policy into the host's headers and adds the directives a meta tag cannot carry.
 */

/** Everything from this site only; nothing embedded, no <base> rewriting, forms post here. */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
] as const;

/** Pagefind searches in WebAssembly, which needs 'wasm-unsafe-eval' (not 'unsafe-eval'). */
export const CSP_SCRIPT_RESOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;

/** Browsers ignore these in a meta tag (and warn), so they go in HTTP headers only. */
export const CSP_HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"] as const;
