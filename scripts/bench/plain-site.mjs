// The baseline the benchmark compares against: a bare Astro 7 site that publishes the same text
// with its annotations stripped, one page per article and nothing else, through either the
// unified processor with no plugins or Astro's default processor. It is written fresh into a
// temporary folder each run, so it never mixes with the real site's config or type checks.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const CONFIG = {
  unified: `import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
export default defineConfig({
  site: 'https://plain.example',
  outDir: process.env.PLAIN_OUT_DIR,
  cacheDir: process.env.PLAIN_CACHE_DIR,
  markdown: { processor: unified({ smartypants: false }) },
});
`,
  default: `import { defineConfig } from 'astro/config';
export default defineConfig({
  site: 'https://plain.example',
  outDir: process.env.PLAIN_OUT_DIR,
  cacheDir: process.env.PLAIN_CACHE_DIR,
});
`,
};

const CONTENT_CONFIG = `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
const articles = defineCollection({
  loader: glob({ pattern: '**/*.md', base: './content/articles' }),
  schema: z.object({ title: z.string() }),
});
export const collections = { articles };
`;

const PAGE = `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('articles')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="en">
  <head><meta charset="utf-8" /><title>{entry.data.title}</title></head>
  <body><main><h1>{entry.data.title}</h1><Content /></main></body>
</html>
`;

/** Writes the bare site to `dir`, linking `root`'s node_modules; `processor` is 'unified' or 'default'. */
export function writePlainSite(dir, root, processor) {
  mkdirSync(path.join(dir, 'src/pages/articles/[slug]'), { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), '{ "name": "plain-baseline", "private": true, "type": "module" }\n');
  writeFileSync(path.join(dir, 'astro.config.mjs'), CONFIG[processor]);
  writeFileSync(path.join(dir, 'src/content.config.ts'), CONTENT_CONFIG);
  writeFileSync(path.join(dir, 'src/pages/articles/[slug]/index.astro'), PAGE);
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
}
