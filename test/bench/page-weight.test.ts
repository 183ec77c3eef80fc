import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { weighPage } from '../../scripts/bench/page-weight.mjs';

const out = mkdtempSync(path.join(tmpdir(), 'sourced-weight-test-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const put = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
  writeFileSync(path.join(out, file), text);
  return gzipSync(text, { level: 6 }).length;
};

describe('page weight', () => {
  const css = put('_astro/a.css', 'body{color:red}'.repeat(50));
  const entry = put('_astro/entry.js', 'import { x } from "./dep.js"; x();');
  const dep = put('_astro/dep.js', 'export const x = () => 1;'.repeat(20));
  put('_astro/lazy.js', 'export default 1;'.repeat(500));
  const icon = put('favicon.svg', '<svg xmlns="http://www.w3.org/2000/svg"></svg>');
  const inline = 'console.log("hi")';
  const html = put(
    'page/index.html',
    `<!doctype html><html><head><link rel="stylesheet" href="/_astro/a.css"><link rel="icon" href="/favicon.svg">` +
      `<script type="module" src="/_astro/entry.js"></script><script type="application/ld+json">{"a":1}</script>` +
      `<script type="module">${inline}</script></head><body><p>Hi</p></body></html>`,
  );
  const w = weighPage(out, 'page/index.html');

  it('counts the document, its stylesheet and its icon, gzip-compressed', () => {
    expect(w.html).toBe(html);
    expect(w.css).toBe(css);
    expect(w.images).toBe(icon);
  });

  it('counts scripts the page loads and what they import statically, plus inline scripts, but not JSON-LD', () => {
    const inlineBytes = gzipSync(inline, { level: 6 }).length;
    expect(w.inlineJs).toBe(inlineBytes);
    expect(w.js).toBe(entry + dep + inlineBytes);
    expect(w.jsBeforeInteraction).toBe(w.js);
  });

  it('counts inline scripts once in the total, inside the HTML', () => {
    expect(w.total).toBe(html + css + entry + dep + icon);
  });
});
