/**
 * Tells the pages whether drafts are shown: only under `astro dev`. Read from the command, not
 * from import.meta.env.DEV, which follows NODE_ENV: a build run with NODE_ENV=test (as test
 * runners set it) would otherwise publish drafts.
 */
import type { AstroIntegration } from 'astro';

/** The import.meta.env key src/collections/routes.ts reads. */
export const SHOW_DRAFTS_KEY = 'SOURCED_SHOW_DRAFTS';

export function drafts(): AstroIntegration {
  return {
    name: 'sourced:drafts',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({
          vite: { define: { [`import.meta.env.${SHOW_DRAFTS_KEY}`]: JSON.stringify(command === 'dev') } },
        });
      },
    },
  };
}
