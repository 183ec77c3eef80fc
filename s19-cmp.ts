// Compares Pagefind's index of whole pages and of lean pages.
import { readFileSync, globSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { searchableHtml, searchablePage } from './src/integrations/search-index/searchable-html';
const dir = process.argv[2]!;
const limit = Number(process.argv[3] ?? 1e9);
const files = globSync('{articles,glossary}/*/index.html', { cwd: dir }).sort().slice(0, limit);
async function run(f: (h: string) => string) {
  const { index } = await pagefind.createIndex({});
  let bytes = 0;
  for (const file of files) {
    const doc = f(readFileSync(path.join(dir, file), 'utf8'));
    bytes += doc.length;
    const r = await index!.addHTMLFile({ url: `/${file.replace(/index\.html$/, '')}`, content: doc });
    if (r.errors.length) throw new Error(r.errors.join());
  }
  const { files: out } = await index!.getFiles();
  await index!.deleteIndex();
  return { bytes, out: new Map(out.map((o) => [o.path, Buffer.from(o.content).toString('base64')])) };
}
const a = await run(searchableHtml);
const b = await run(searchablePage);
let diff = 0;
for (const [p, c] of a.out) if (b.out.get(p) !== c) { diff++; if (diff < 5) console.log('differs', p); }
if (a.out.size !== b.out.size) console.log('count', a.out.size, b.out.size);
console.log(files.length, 'pages; chars', a.bytes, '->', b.bytes, 'files', a.out.size, 'differ', diff);
await pagefind.close();
