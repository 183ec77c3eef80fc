// Reading the built site as a link-preview scraper or feed reader would: meta tags, link tags,
// JSON-LD, and the file a URL of the site resolves to.
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export function parsePage(outDir: string, sitePath: string, base = '/'): Root {
  return fromHtml(readFileSync(fileFor(outDir, sitePath, base), 'utf8'));
}

/** The file in outDir that serves a site path or URL, or undefined; "/x/" is "/x/index.html". */
export function builtFile(outDir: string, urlOrPath: string, base = '/'): string | undefined {
  let p = decodeURIComponent(new URL(urlOrPath, 'http://site.invalid').pathname);
  if (!p.startsWith(base)) return undefined;
  p = p.slice(base.length);
  const file = path.join(outDir, p.endsWith('/') || p === '' ? path.join(p, 'index.html') : p);
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

export function fileFor(outDir: string, sitePath: string, base = '/'): string {
  const file = builtFile(outDir, sitePath, base);
  if (!file) throw new Error(`${sitePath} is not a file in ${outDir}`);
  return file;
}

/** `<meta property|name=… content=…>` as a map; a repeated key keeps every value. */
export function metaTags(tree: Root): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of selectAll('meta', tree)) {
    const key = String(m.properties['property'] ?? m.properties['name'] ?? '');
    if (!key) continue;
    out.set(key, [...(out.get(key) ?? []), String(m.properties['content'] ?? '')]);
  }
  return out;
}

/** The one value of a meta tag; fails when it is missing or repeated. */
export function meta(tags: Map<string, string[]>, key: string): string {
  const values = tags.get(key) ?? [];
  if (values.length !== 1) throw new Error(`expected one <meta> "${key}", found ${values.length}`);
  return values[0]!;
}

export function linkHref(tree: Root, selector: string): string | undefined {
  const el = select(selector, tree);
  return el ? String(el.properties['href']) : undefined;
}

export function jsonLd(tree: Root): unknown[] {
  return selectAll('script[type="application/ld+json"]', tree).map(
    (s) => JSON.parse(s.children.map((c) => (c.type === 'text' ? c.value : '')).join('')) as unknown,
  );
}

/** Width and height from a PNG's IHDR chunk; throws if the file is not a PNG. */
export function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(file);
  const signature = [137, 80, 78, 71, 13, 10, 26, 10];
  if (!signature.every((b, i) => buf[i] === b) || buf.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}
