// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import tailwindcss from '@tailwindcss/vite';
import { loadRegistry } from './src/collections/registry.ts';
import { rehypePlugins, remarkPlugins } from './src/markdown/index.ts';
import { validateContent } from './src/integrations/validate-content/index.ts';
import sitemap from '@astrojs/sitemap';
import { ogImageCache } from './src/integrations/og-image-cache/index.ts';
import { searchIndex } from './src/integrations/search-index/index.ts';
import { claimPages } from './src/integrations/claim-pages/index.ts';
import { finishBuild } from './src/integrations/finish-build/index.ts';
import { hostLimits } from './src/integrations/host-limits/index.ts';
import { contentStoreFromDisk } from './src/integrations/content-store-from-disk/index.ts';
import { CSP_DIRECTIVES, CSP_SCRIPT_RESOURCES } from './src/lib/csp.ts';

// One place to set where the site lives; a deployment sets SITE_URL (and BASE_PATH) once.
const site = process.env.SITE_URL ?? 'https://sourced.example';
const base = process.env.BASE_PATH ?? '/';
const registry = loadRegistry();
// Tests and the benchmark build into their own folders so they never clobber a developer's.
const cacheDir = process.env.SOURCED_CACHE_DIR ?? './node_modules/.astro';

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
  // contentStoreFromDisk: pages read the content store from a file, not from a huge literal.
  // sitemap: /sitemap-index.xml (robots.txt points to it). searchIndex: Pagefind over the pages
  // marked for search, once they are written. claimPages: then each claim's page, cut from its
  // article's claims page (not in the sitemap or the search index: the article is the page to
  // find). finishBuild: last, so it checks the output the others have written (integrity), and
  // writes _headers (with the pages' CSP) and _redirects. hostLimits: after everything is written,
  // prints the output's files and bytes and checks them against DEPLOY_TARGET's limits.
  integrations: [
    validateContent(),
    contentStoreFromDisk(),
    sitemap(),
    ogImageCache(),
    searchIndex(),
    claimPages(),
    finishBuild(),
    hostLimits(),
  ],
  // Strict CSP as a meta tag with hashes of every inline script and style (src/lib/csp.ts).
  security: {
    csp: { directives: [...CSP_DIRECTIVES], scriptDirective: { resources: [...CSP_SCRIPT_RESOURCES] } },
  },
  markdown: {
    processor: unified({
      remarkPlugins: remarkPlugins({ registry, base }),
      rehypePlugins: rehypePlugins({ registry, base, cacheDir }),
      // Article text is quoted verbatim; typographic rewriting would change it.
      smartypants: false,
    }),
  },
  vite: {
    plugins: [tailwindcss()],
  },
});
