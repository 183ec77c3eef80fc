/**
 * Astro's `unified()` Markdown processor, rendering without rehype-raw what holds no image.
 *
 * Astro's renderer (`createMarkdownProcessor` in @astrojs/markdown-remark) always ends with
 * rehype-raw, which turns the whole finished tree into parse5 tokens and builds it again, so that
 * raw HTML in the Markdown becomes elements. Ours has none left by then (remarkEscapeHtml makes
 * it text, first), so that pass rebuilt every article's tree to the same tree: about a tenth of
 * the Markdown stage's processor time (docs/performance.md, "Cold build, eighth pass").
 *
 * This is Astro's processor object, with the options Astro's own `unified()` keeps, whose
 * renderer runs the same steps in the same order without rehype-raw, and without rehypeImages,
 * which Astro does not export and which does nothing to a document without images. A document
 * that may hold an image ("![" anywhere), a plugin given by name, and the settings this does not
 * mirror (smart punctuation, Astro's benchmark mode) go to Astro's own renderer. A test renders
 * every Markdown file of the repository both ways and compares (test/markdown/lean-processor.test.ts),
 * so an Astro upgrade that changes its steps fails there rather than changing pages silently.
 */
import {
  markdownConfigDefaults,
  rehypeHeadingIds,
  rehypePrism,
  rehypeShiki,
  remarkCollectImages,
  unified as astroUnified,
} from '@astrojs/markdown-remark';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Pluggable, type Plugin } from 'unified';
import { VFile } from 'vfile';

type AstroProcessor = ReturnType<typeof astroUnified>;
type Shared = Parameters<AstroProcessor['createRenderer']>[0];
type Renderer = Awaited<ReturnType<AstroProcessor['createRenderer']>>;
type RenderOptions = Parameters<Renderer['render']>[1];

/** True when the Markdown may hold an image: every image form (`![a](b)`, `![a][b]`, `![a]`) starts so. */
export const mayHoldImage = (markdown: string): boolean => markdown.includes('![');

/** The plugins as unified takes them, or undefined when one is given by name (Astro loads those). */
function pluggables(list: readonly unknown[]): Pluggable[] | undefined {
  const out: Pluggable[] = [];
  for (const entry of list) {
    const [plugin, settings] = Array.isArray(entry) ? (entry as unknown[]) : [entry];
    if (typeof plugin !== 'function') return undefined;
    out.push(Array.isArray(entry) ? [plugin as Plugin, settings] : (plugin as Plugin));
  }
  return out;
}

/** Astro's error for a failed render: its message prefixed with the file, as createMarkdownProcessor does. */
function prefixError(err: unknown, prefix: string): unknown {
  const error = err as { message?: string; stack?: string } | undefined;
  if (error?.message) {
    try {
      error.message = `${prefix}:\n${error.message}`;
      return error;
    } catch {
      // A read-only message: wrapped below.
    }
  }
  const wrapped = new Error(`${prefix}${err ? `: ${err as string}` : ''}`);
  try {
    if (error?.stack) wrapped.stack = error.stack;
    wrapped.cause = err;
  } catch {
    // As Astro: the cause is a courtesy.
  }
  return wrapped;
}

/**
 * The steps of createMarkdownProcessor (@astrojs/markdown-remark 7.3) but rehypeImages and
 * rehypeRaw, or undefined for settings it does not mirror.
 */
function leanRenderer(options: AstroProcessor['options'], shared: Shared): Renderer | undefined {
  const remark = pluggables(options.remarkPlugins);
  const rehype = pluggables(options.rehypePlugins);
  // Astro falls back to the deprecated top-level settings, and then to its defaults (gfm on).
  type Legacy = { gfm?: boolean; smartypants?: unknown };
  const [legacy, defaults] = [shared as Legacy, markdownConfigDefaults as Legacy];
  const smartypants = options.smartypants ?? legacy.smartypants ?? defaults.smartypants;
  if (!remark || !rehype || smartypants !== false || process.env['ASTRO_PERFORMANCE_BENCHMARK']) return undefined;
  const gfm = options.gfm ?? legacy.gfm ?? defaults.gfm;
  const parser = unified().use(remarkParse);
  if (gfm) parser.use(remarkGfm);
  for (const plugin of remark) parser.use(...(Array.isArray(plugin) ? plugin : [plugin]));
  parser.use(remarkCollectImages, shared.image as never);
  parser.use(remarkRehype, { allowDangerousHtml: true, passThrough: [], ...options.remarkRehype });
  const highlight = shared.syntaxHighlight ?? markdownConfigDefaults.syntaxHighlight;
  if (highlight) {
    const type = typeof highlight === 'string' ? highlight : highlight.type;
    const excludeLangs = typeof highlight === 'object' ? highlight.excludeLangs : undefined;
    if (type === 'shiki')
      parser.use(rehypeShiki as never, shared.shikiConfig ?? markdownConfigDefaults.shikiConfig, excludeLangs);
    else if (type === 'prism') parser.use(rehypePrism as never, excludeLangs);
  }
  for (const plugin of rehype) parser.use(...(Array.isArray(plugin) ? plugin : [plugin]));
  parser.use(rehypeHeadingIds).use(rehypeStringify, { allowDangerousHtml: true });
  return {
    async render(content: string, renderOptions?: RenderOptions) {
      const vfile = new VFile({
        value: content,
        ...(renderOptions?.fileURL ? { path: renderOptions.fileURL } : {}),
        data: { astro: { frontmatter: renderOptions?.frontmatter ?? {} } },
      });
      const result = await parser.process(vfile).catch((err: unknown) => {
        const error = prefixError(err, `Failed to parse Markdown file "${vfile.path}"`);
        console.error(error);
        throw error;
      });
      const astro = (result.data as { astro?: Partial<Awaited<ReturnType<Renderer['render']>>['metadata']> }).astro;
      return {
        code: String(result.value),
        metadata: {
          headings: astro?.headings ?? [],
          localImagePaths: astro?.localImagePaths ?? [],
          remoteImagePaths: astro?.remoteImagePaths ?? [],
          frontmatter: astro?.frontmatter ?? {},
        },
      };
    },
  };
}

/** `unified(options)` from @astrojs/markdown-remark, rendering without rehype-raw where that changes nothing. */
export function leanUnified(options: Parameters<typeof astroUnified>[0]): AstroProcessor {
  const processor = astroUnified(options);
  return {
    ...processor,
    async createRenderer(shared) {
      // Astro's renderer reads `processor.options` here too, so both see the same plugins.
      const full = await processor.createRenderer(shared);
      const lean = leanRenderer(processor.options, shared);
      if (!lean) return full;
      return {
        render: (content, renderOptions) =>
          mayHoldImage(content) ? full.render(content, renderOptions) : lean.render(content, renderOptions),
      };
    },
  };
}
