/**
 * Renders an article as Astro's Markdown entry type renders it in the content sync, for a worker
 * thread (render-worker.mjs loads this file bundled; render-workers.ts sends it the articles).
 * Its result is the one the glob loader would store: the same HTML and metadata, with the bulky
 * parts already written to the cache folder (src/collections/article-parts.ts), so they are
 * hashed and written in the worker and never copied back to the main thread.
 */
import { pathToFileURL } from 'node:url';
import { keepPartsApart, type Rendered } from '../collections/article-parts';
import { articleProcessor, type ArticlePipeline } from './article-processor';

/** What a worker is started with: all of it plain data, copied to the worker as it starts. */
export interface RenderSetup {
  /** The options the site's processor was made from (articleProcessor). */
  pipeline: ArticlePipeline;
  /** Astro's Markdown settings the processor's renderer takes (`createRenderer`). */
  shared: Record<string, unknown>;
  /** Where the render's parts go; the render comes back whole without it. */
  parts?: string | undefined;
}

/** The glob loader's arguments to a render function. */
export interface RenderEntry {
  id: string;
  data: Record<string, unknown>;
  body?: string | undefined;
  filePath?: string | undefined;
  digest?: string | undefined;
}

export type RenderArticle = (entry: RenderEntry) => Promise<Rendered>;

export async function articleRenderer(setup: RenderSetup): Promise<RenderArticle> {
  const processor = await articleProcessor(setup.pipeline).createRenderer(setup.shared);
  return async (entry) => {
    // As astro/dist/vite-plugin-markdown/content-entry-type.js renders (not exported by Astro);
    // test/markdown/render-workers.test.ts compares the two.
    const result = await processor.render(entry.body ?? '', {
      frontmatter: entry.data,
      ...(entry.filePath ? { fileURL: pathToFileURL(entry.filePath) } : {}),
    });
    const rendered: Rendered = {
      html: result.code,
      metadata: {
        ...result.metadata,
        imagePaths: result.metadata.localImagePaths.concat(result.metadata.remoteImagePaths),
      },
    };
    return setup.parts ? keepPartsApart(setup.parts, rendered) : rendered;
  };
}
