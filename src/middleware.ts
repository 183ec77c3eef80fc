/**
 * Inlines critical CSS on pages that ask for it (Base.astro's `criticalCss`; docs/performance.md,
 * "Session 9"): the rules the page needs for what it lays out at load go in a <style> whose hash
 * joins the page's policy, and the whole stylesheet loads without blocking the first paint (a
 * print stylesheet a script switches to all media; <noscript> keeps the plain link).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { defineMiddleware } from 'astro:middleware';
import { criticalCss } from './lib/critical-css';

/** The attribute Base.astro puts on <html> to ask for critical CSS; it is taken off here. */
const MARKER = ' data-critical-css="inline"';

/** The built stylesheets by address; each is read once. */
const sheets = new Map<string, string>();

function sheet(href: string): string {
  let text = sheets.get(href);
  if (text === undefined) {
    const base = import.meta.env.BASE_URL;
    const file = new URL(href.startsWith(base) ? href.slice(base.length) : href.replace(/^\//, ''), OUT_DIR);
    text = readFileSync(file, 'utf8');
    sheets.set(href, text);
  }
  return text;
}

/** Where the build writes the site (astro.config.mjs defines it for the build). */
const OUT_DIR = new URL(`${import.meta.env['SOURCED_OUT_DIR_URL'] ?? ''}`);

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) return response;
  const html = await response.text();
  if (!html.includes(MARKER)) return new Response(html, response);
  // The dev server injects styles its own way; there is no built stylesheet to cut from.
  const rewritten = import.meta.env.DEV ? html.replace(MARKER, '') : inlineCritical(html.replace(MARKER, ''));
  return new Response(rewritten, { status: response.status, headers: response.headers });
});

function inlineCritical(html: string): string {
  const links = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"\s*\/?>/g)];
  if (links.length !== 1) throw new Error(`A page asking for critical CSS has ${links.length} stylesheets, not 1.`);
  const [tag, href] = [links[0]![0], links[0]![1]!];
  const css = criticalCss(sheet(href), html);
  const hash = `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
  const policy = /(<meta http-equiv="content-security-policy" content="[^"]*style-src [^";]*)/;
  if (!policy.test(html)) throw new Error('A page asking for critical CSS has no style-src in its policy.');
  return html
    .replace(policy, `$1 ${hash}`)
    .replace(
      tag,
      () =>
        `<style>${css}</style><link rel="stylesheet" href="${href}" media="print" data-full-stylesheet>` +
        `<noscript><link rel="stylesheet" href="${href}"></noscript>`,
    );
}
