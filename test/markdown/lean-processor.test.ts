// The lean processor (src/markdown/lean-processor.ts) renders exactly what Astro's own unified
// processor renders: every Markdown file of the repository (the seed articles, the fixture pairs,
// the hostile corpus and the invalid sites) gives the same HTML and metadata, or the same error.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { markdownConfigDefaults, parseFrontmatter, unified } from '@astrojs/markdown-remark';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadRegistry } from '../../src/collections/registry';
import { rehypePlugins, remarkPlugins } from '../../src/markdown/index';
import { leanUnified, mayHoldImage } from '../../src/markdown/lean-processor';
import { FIXTURE_SITE } from '../support/pipeline';

const ROOT = path.resolve(import.meta.dirname, '../..');
const mdIn = (dir: string, deep = false): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: deep, encoding: 'utf8' })
        .filter((f) => f.endsWith('.md'))
        .map((f) => path.join(dir, f))
    : [];

/** Each Markdown file with the site whose registry it is rendered with. */
const documents: { file: string; site: string }[] = [
  ...mdIn(path.join(ROOT, 'content/articles')).map((file) => ({ file, site: ROOT })),
  ...mdIn(path.join(FIXTURE_SITE, 'content/articles')).map((file) => ({ file, site: FIXTURE_SITE })),
  ...mdIn(path.join(ROOT, 'test/markdown/fixtures'), true).map((file) => ({ file, site: FIXTURE_SITE })),
  ...mdIn(path.join(ROOT, 'test/hardening/corpus')).map((file) => ({ file, site: FIXTURE_SITE })),
  ...readdirSync(path.join(ROOT, 'test/content/invalid')).flatMap((name) => {
    const site = path.join(ROOT, 'test/content/invalid', name);
    return mdIn(path.join(site, 'content/articles')).map((file) => ({ file, site }));
  }),
];

/** What content-entry-type.js hands createRenderer with Astro's default settings. */
const shared = {
  image: { domains: [], remotePatterns: [] },
  syntaxHighlight: markdownConfigDefaults.syntaxHighlight,
  shikiConfig: markdownConfigDefaults.shikiConfig,
} as never;

async function renderers(site: string) {
  const registry = loadRegistry(site);
  const options = () => ({
    remarkPlugins: remarkPlugins({ registry, base: '/' }),
    rehypePlugins: rehypePlugins({ registry, base: '/' }),
    smartypants: false,
  });
  return {
    astro: await unified(options()).createRenderer(shared),
    lean: await leanUnified(options()).createRenderer(shared),
  };
}

type Renderer = Awaited<ReturnType<typeof renderers>>['astro'];

/** The render as JSON, or the error's message; and what it printed to the console. */
async function outcome(renderer: Renderer, text: string, file: string) {
  const printed = vi.spyOn(console, 'error').mockImplementation(() => {});
  let frontmatter: Record<string, unknown> = {};
  let body = text;
  try {
    const parsed = parseFrontmatter(text, { frontmatter: 'empty-with-spaces' });
    frontmatter = parsed.frontmatter;
    body = parsed.content;
  } catch {
    // A broken frontmatter is the validator's to report; the body still renders.
  }
  try {
    const result = await renderer.render(body.trim(), { frontmatter, fileURL: new URL(`file://${file}`) });
    return { result: JSON.stringify(result), printed: printed.mock.calls.length };
  } catch (error) {
    return { error: String((error as Error).message), printed: printed.mock.calls.length };
  } finally {
    printed.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('the lean Markdown processor', () => {
  it('has documents without images to render its own way', () => {
    const lean = documents.filter((d) => !mayHoldImage(readFileSync(d.file, 'utf8')));
    expect(lean.length).toBeGreaterThan(50);
  });

  it('renders every Markdown file of the repository as Astro’s unified processor does, errors included', async () => {
    const bySite = Map.groupBy(documents, (d) => d.site);
    let failures = 0;
    for (const [site, docs] of bySite) {
      const { astro, lean } = await renderers(site);
      for (const { file } of docs) {
        const text = readFileSync(file, 'utf8');
        // Shiki loads a language a code block embeds on first sight: render once before comparing.
        await outcome(astro, text, file);
        await outcome(lean, text, file);
        const expected = await outcome(astro, text, file);
        if ('error' in expected) failures++;
        expect(await outcome(lean, text, file), path.relative(ROOT, file)).toEqual(expected);
      }
    }
    // The invalid sites make sure failed renders are compared too.
    expect(failures).toBeGreaterThan(5);
  });

  it('leaves a document that may hold an image to Astro’s renderer, which marks its images for Astro', async () => {
    const { lean } = await renderers(FIXTURE_SITE);
    const result = await lean.render('A picture: ![a map](./map.png)', {
      frontmatter: {},
      fileURL: new URL(`file://${FIXTURE_SITE}/content/articles/picture.md`),
    });
    expect(result.metadata.localImagePaths).toEqual(['./map.png']);
    expect(result.code).toContain('__ASTRO_IMAGE_');
  });
});
