// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import { ALLOWED } from './.dependency-cruiser.mjs';

export default defineConfig(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'bench/results/', '.scratch/', 'test/markdown/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  // Rules that need the types (floating promises, unsafe any, misused awaits), for TypeScript:
  // plain .js/.mjs files have no annotations, so every value read from JSON would count as unsafe.
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: ['**/*.ts'] })),
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  ...astro.configs.recommended,
  // typescript-eslint cannot type .astro files (astro check does); the type-aware rules skip them.
  { files: ['**/*.astro'], ...tseslint.configs.disableTypeChecked },
  // Accessibility is checked on the built pages with axe-core instead of jsx-a11y, whose
  // Astro preset does not load under ESLint 10.
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // Non-null assertions mark places where an earlier check guarantees the value; each is local.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // dependency-cruiser cannot read .astro files; ESLint can, so the same layers are enforced here.
  ...['components', 'layouts', 'pages'].map((folder) => {
    const allowed = ALLOWED[folder] ?? [];
    const forbidden = Object.keys(ALLOWED)
      .filter((other) => other !== folder && !allowed.includes(other))
      .map((other) => other.replace(/\.ts$/, ''));
    /** @type {import('eslint').Linter.Config} */
    const config = {
      files: [`src/${folder}/**/*.astro`],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: forbidden.map((other) => ({
              group: [`**/${other}`, `**/${other}/**`],
              message: `src/${folder} may import only ${allowed.join(', ')} (.dependency-cruiser.mjs).`,
            })),
          },
        ],
      },
    };
    return config;
  }),
);
