// Page weight per page type: the gzip-compressed bytes a reader's browser transfers for the
// document and everything it loads without interaction, split into HTML, CSS, JS and images.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';

const gz = (buf) => gzipSync(buf, { level: 6 }).length;

/** The first page of each type in a built site; a type the site does not have is left out. */
export function samplePages(out) {
  const firstDir = (dir) => {
    if (!existsSync(dir)) return undefined;
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort()[0];
  };
  const pages = [{ type: 'home', file: 'index.html' }];
  const slug = firstDir(path.join(out, 'articles'));
  if (slug) {
    pages.push({ type: 'article', file: `articles/${slug}/index.html` });
    const claim = firstDir(path.join(out, 'articles', slug, 'claims'));
    if (claim) pages.push({ type: 'claim card', file: `articles/${slug}/claims/${claim}/index.html` });
  }
  const entry = firstDir(path.join(out, 'glossary'));
  if (entry) pages.push({ type: 'glossary entry', file: `glossary/${entry}/index.html` });
  return pages.filter((p) => existsSync(path.join(out, p.file)));
}

/** Static `import … from '…'` and `import '…'` specifiers of a module. */
const staticImports = (code) =>
  [...code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)].map((m) => m[1]);

/** Weighs one page; `out` is the site root, so root-relative URLs resolve against it. */
export function weighPage(out, file) {
  const html = readFileSync(path.join(out, file));
  const tree = fromHtml(html.toString('utf8'));
  const local = (href) => {
    if (!href || /^(?:[a-z]+:)?\/\//i.test(href) || href.startsWith('data:')) return undefined;
    const clean = href.split(/[?#]/)[0];
    const abs = clean.startsWith('/') ? path.join(out, clean) : path.join(out, path.dirname(file), clean);
    return existsSync(abs) ? abs : undefined;
  };
  const seen = new Set();
  const weigh = (abs) => {
    if (!abs || seen.has(abs)) return 0;
    seen.add(abs);
    return gz(readFileSync(abs));
  };
  const css = selectAll('link[rel~=stylesheet]', tree).reduce(
    (n, el) => n + weigh(local(String(el.properties.href))),
    0,
  );

  // JS: external scripts, module preloads and what they import statically, plus inline scripts.
  let js = 0;
  const queue = [
    ...selectAll('script[src]', tree).map((el) => local(String(el.properties.src))),
    ...selectAll('link[rel~=modulepreload]', tree).map((el) => local(String(el.properties.href))),
  ];
  while (queue.length) {
    const abs = queue.shift();
    if (!abs || seen.has(abs)) continue;
    js += weigh(abs);
    for (const spec of staticImports(readFileSync(abs, 'utf8')))
      if (spec.startsWith('.') || spec.startsWith('/'))
        queue.push(spec.startsWith('/') ? local(spec) : path.join(path.dirname(abs), spec));
  }
  const inline = selectAll('script:not([src])', tree).filter((el) => {
    const type = String(el.properties.type ?? '');
    return type === '' || type === 'module' || type === 'text/javascript';
  });
  const inlineJs = inline.reduce((n, el) => n + gz(Buffer.from(toString(el))), 0);

  const images = [
    ...selectAll('img[src]', tree).map((el) => String(el.properties.src)),
    ...selectAll('link[rel~=icon]', tree).map((el) => String(el.properties.href)),
  ].reduce((n, src) => n + weigh(local(src)), 0);

  const htmlBytes = gz(html);
  return {
    file,
    html: htmlBytes,
    css,
    // Inline scripts travel inside the HTML; they are counted in `js` too, but only once in `total`.
    js: js + inlineJs,
    inlineJs,
    images,
    total: htmlBytes + css + js + images,
    // Nothing here loads on interaction (search loads Pagefind only on its own page), so every
    // script the document references runs before the reader does anything.
    jsBeforeInteraction: js + inlineJs,
  };
}

export function pageWeights(out) {
  return { gzipLevel: 6, pages: samplePages(out).map(({ type, file }) => ({ type, ...weighPage(out, file) })) };
}
