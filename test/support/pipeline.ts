// Runs the site's Markdown pipeline outside Astro, as Astro would: same plugins, same order.
import path from 'node:path';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import { parse } from 'yaml';
import { loadRegistry, type Registry } from '../../src/collections/registry';
import { rehypePlugins, remarkPlugins } from '../../src/markdown/index';

export const FIXTURE_SITE = path.resolve(import.meta.dirname, '../fixtures/site');

export function splitFrontmatter(raw: string): { frontmatter: Record<string, unknown>; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(raw);
  return {
    frontmatter: m ? (parse(m[1] ?? '') as Record<string, unknown>) : {},
    body: (m ? raw.slice(m[0].length) : raw).trim(),
  };
}

/** Renders a Markdown file (frontmatter and body) to HTML with the registry of `root`. */
export async function renderMarkdown(
  raw: string,
  options: { registry?: Registry; filePath?: string } = {},
): Promise<{ html: string; file: VFile }> {
  const registry = options.registry ?? loadRegistry(FIXTURE_SITE);
  const { frontmatter, body } = splitFrontmatter(raw);
  const file = new VFile({
    value: body,
    data: { astro: { frontmatter } },
    ...(options.filePath ? { path: options.filePath } : {}),
  });
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkPlugins({ registry }) as PluggableList)
    // As Astro does: raw HTML would pass through here, which is why remarkEscapeHtml runs first.
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypePlugins({ registry }) as PluggableList)
    .use(rehypeRaw)
    .use(rehypeStringify, { allowDangerousHtml: true });
  const result = await processor.process(file);
  return { html: String(result.value), file: result };
}
