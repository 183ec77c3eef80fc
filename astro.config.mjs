// @ts-check
import { defineConfig } from 'astro/config';
import tailwindcss from '@tailwindcss/vite';
import { loadRegistry } from './src/collections/registry.ts';
import { rehypePlugins, remarkPlugins } from './src/markdown/index.ts';
import { leanUnified } from './src/markdown/lean-processor.ts';
import { validateContent } from './src/integrations/validate-content/index.ts';
import { drafts } from './src/integrations/drafts/index.ts';
import { ogImageCache } from './src/integrations/og-image-cache/index.ts';
import { postBuild } from './src/integrations/post-build/index.ts';
import { contentStoreFromDisk } from './src/integrations/content-store-from-disk/index.ts';
import { noDepOptimizer } from './src/integrations/no-dep-optimizer/index.ts';
import { heapGrowth } from './src/integrations/heap-growth/index.ts';
import { CSP_DIRECTIVES, CSP_SCRIPT_RESOURCES } from './src/lib/csp.ts';

// One place to set where the site lives; a deployment sets SITE_URL (and BASE_PATH) once.
const site = process.env.SITE_URL ?? 'https://sourced.example';
const base = process.env.BASE_PATH ?? '/';
const registry = loadRegistry();
// Tests and the benchmark build into their own folders so they never clobber a developer's.
const cacheDir = process.env.SOURCED_CACHE_DIR ?? './node_modules/.astro';

/**
 * The file name of a component's script: "ShareClaim.astro_astro_type_script_index_0_lang" →
 * "ShareClaim", its second script "…_index_1_lang" → "ShareClaim-1"; any other chunk keeps its
 * name. Characters a URL would escape become "_". (The share e2e test checks the file's name.)
 * @param {string} name
 */
function componentScriptName(name) {
  const short = name.replace(/\.astro_astro_type_script_index_(\d+)_lang$/, (_, /** @type {string} */ i) =>
    i === '0' ? '' : `-${i}`,
  );
  return short.replace(/[^\w.\-/]/g, '_');
}

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // A few pages at once, so the main thread renders pages while worker threads draw preview
  // cards (src/publishing/og-image.ts); rendering itself stays on one thread either way.
  build: { concurrency: 4 },
  // Tests build into their own folders so they never clobber or read a developer's dist/.
  outDir: process.env.SOURCED_OUT_DIR ?? './dist',
  cacheDir,
  // validateContent refuses broken content before anything renders; contentStoreFromDisk makes
  // pages read the content store from a file, not from a huge literal; ogImageCache tells the
  // preview-image routes where their cache is. Each works in its own hook, so their order here
  // does not matter. postBuild runs every step on the built site, in the order it writes down.
  // drafts decides from the command whether drafts (status: draft) are pages: under astro dev only.
  // noDepOptimizer keeps a build from pre-bundling the dev toolbar, heapGrowth fixes how far V8's
  // heap grows between collections (both memory; see their files).
  integrations: [
    heapGrowth(),
    validateContent(),
    drafts(),
    contentStoreFromDisk(),
    noDepOptimizer(),
    ogImageCache(),
    postBuild(),
  ],
  // Strict CSP as a meta tag with hashes of every inline script and style (src/lib/csp.ts).
  security: {
    csp: { directives: [...CSP_DIRECTIVES], scriptDirective: { resources: [...CSP_SCRIPT_RESOURCES] } },
  },
  markdown: {
    // Astro's unified processor, less a pass that rebuilt every article's tree to the same tree
    // (src/markdown/lean-processor.ts).
    processor: leanUnified({
      remarkPlugins: remarkPlugins({ registry, base }),
      rehypePlugins: rehypePlugins({ registry, base, cacheDir }),
      // Article text is quoted verbatim; typographic rewriting would change it.
      smartypants: false,
    }),
  },
  vite: {
    // Vite's own cache (the dependencies it pre-bundles for the content sync) in the cache folder
    // the deploy workflows keep, not in node_modules/.vite, which CI does not keep and every
    // project sharing node_modules overwrites: otherwise every build bundles them again.
    cacheDir: `${cacheDir}/vite`,
    plugins: [tailwindcss()],
    // The share script is on every claim page and article page: as its own file it is fetched
    // and cached once, not repeated in thousands of pages (docs/performance.md, "Issue 17").
    // Other small scripts stay inline, as Astro chooses (undefined keeps its 4 KB rule).
    // Astro asks with the output's file name (_astro/ShareClaim.<hash>.js, named below).
    build: { assetsInlineLimit: (file) => (/(^|\/)ShareClaim\./.test(file) ? false : undefined) },
    // A component's script file is named by its component ("ShareClaim.<hash>.js"), not by the
    // module id Astro gives it ("ShareClaim.astro_astro_type_script_index_0_lang.<hash>.js"):
    // every claim page names it, 45 bytes a page. Astro's own pattern otherwise (`_astro/`, hash).
    environments: {
      client: {
        build: {
          rolldownOptions: {
            output: {
              entryFileNames: ({ name }) => `_astro/${componentScriptName(name)}.[hash].js`,
            },
          },
        },
      },
    },
  },
});
