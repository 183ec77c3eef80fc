/**
 * The site's Markdown processor, made in one place for astro.config.mjs and for the worker
 * threads the build renders articles in (src/markdown/render-workers.ts): both make it from the
 * same options, so an article renders the same in either.
 */
import { unified } from '@astrojs/markdown-remark';
import { NEWS_STYLE, rehypePlugins, remarkPlugins, type PipelineOptions } from './index';

/** Where a processor keeps the options it was made from; a symbol, so Astro never serialises it. */
const OPTIONS = Symbol.for('sourced.markdown-pipeline-options');

/** The options a processor is made from, all of them plain data a worker can be sent. */
export interface ArticlePipeline extends PipelineOptions {
  /** The citation style's path, worked out here: a bundled copy of index.ts would look beside itself. */
  csl: string;
}

type Processor = ReturnType<typeof unified>;

/** Astro's `markdown.processor` for the site, with the options it was made from kept on it. */
export function articleProcessor(options: PipelineOptions): Processor {
  const pipeline: ArticlePipeline = { ...options, csl: options.csl ?? NEWS_STYLE };
  const processor = unified({
    remarkPlugins: remarkPlugins(pipeline),
    rehypePlugins: rehypePlugins(pipeline),
    // Article text is quoted verbatim; typographic rewriting would change it.
    smartypants: false,
  });
  // On its options object: Astro's config schema copies the processor but keeps that object as
  // it is (createRenderer reads it), and Astro's config digest lists string keys only.
  Object.assign(processor.options, { [OPTIONS]: pipeline });
  return processor;
}

/** The options `processor` was made from, when articleProcessor made it. */
export function pipelineOf(processor: unknown): ArticlePipeline | undefined {
  return (processor as { options?: { [OPTIONS]?: ArticlePipeline } } | undefined)?.options?.[OPTIONS];
}
