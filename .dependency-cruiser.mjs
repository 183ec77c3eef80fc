// @ts-check
/**
 * Which folder of src/ may import which (docs/architecture.md). Each folder imports only the
 * folders listed for it: the layers below it. A folder missing from this table fails the check,
 * so a new one has to be placed. test/architecture/dependencies.test.ts runs these rules; so does
 * `npm run check` (depcruise).
 */

/** @type {Record<string, string[]>} */
export const ALLOWED = {
  lib: [],
  schemas: ['lib'],
  collections: ['lib', 'schemas'],
  glossary: ['lib', 'schemas', 'collections'],
  analysis: ['lib', 'schemas', 'collections', 'glossary'],
  publishing: ['lib', 'schemas', 'collections', 'glossary', 'analysis'],
  markdown: ['lib', 'schemas', 'collections', 'glossary', 'analysis'],
  validation: ['lib', 'schemas', 'collections', 'glossary', 'analysis', 'markdown'],
  loaders: ['lib', 'schemas', 'collections', 'validation'],
  editorial: ['lib', 'schemas', 'collections', 'glossary', 'analysis', 'markdown', 'validation'],
  integrations: ['lib', 'schemas', 'collections', 'glossary', 'analysis', 'publishing', 'validation'],
  'content.config.ts': ['schemas', 'loaders'],
  styles: [],
  layouts: ['lib', 'styles'],
  components: ['lib', 'schemas', 'collections', 'glossary', 'analysis', 'publishing'],
  pages: ['lib', 'schemas', 'collections', 'glossary', 'analysis', 'publishing', 'components', 'layouts'],
};

const esc = (/** @type {string} */ s) => s.replace(/[.]/g, '\\.');
const folderPath = (/** @type {string} */ f) => `^src/${esc(f)}${f.includes('.') ? '$' : '/'}`;

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'Modules that import each other, directly or around a loop, cannot be read or moved one at a time.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'unplaced-folder',
      comment: 'Every folder of src/ is a layer with a place in .dependency-cruiser.mjs.',
      severity: 'error',
      from: { path: '^src/', pathNot: Object.keys(ALLOWED).map(folderPath) },
      to: {},
    },
    ...Object.entries(ALLOWED).map(([folder, allowed]) => ({
      name: `${folder}-imports-down-only`,
      comment: `src/${folder} may import only ${allowed.length ? allowed.join(', ') : 'itself'} (and packages).`,
      severity: /** @type {const} */ ('error'),
      from: { path: folderPath(folder) },
      to: { path: '^src/', pathNot: [folder, ...allowed].map(folderPath) },
    })),
    {
      name: 'not-to-unresolvable',
      comment: 'A relative import that does not resolve is a typo or a file that moved.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, path: '^[.]' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^src/env\\.d\\.ts$'] },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      extensions: ['.ts', '.mjs', '.js', '.astro'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
