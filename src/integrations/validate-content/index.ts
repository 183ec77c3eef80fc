/**
 * Fails `astro build` and `astro check` before any page is rendered when the frontmatter or the
 * data collections are broken. Article bodies are checked by the build's own render instead,
 * and reported by src/loaders/checked-glob.ts.
 */
import type { AstroIntegration } from 'astro';
import { ContentError } from '../../lib/problems';
import { contentProblems } from '../../validation/validate';

export function validateContent(): AstroIntegration {
  return {
    name: 'sourced:validate-content',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        if (command === 'preview') return;
        // Bodies are checked as the build renders them (src/loaders/checked-glob.ts), once.
        const problems = await contentProblems(undefined, { bodies: false });
        if (problems.length === 0) {
          logger.info('content is valid');
          return;
        }
        const error = new ContentError(problems);
        // In dev the server keeps running so the editor can fix the file and see it reload.
        if (command === 'dev') logger.error(error.message);
        else throw error;
      },
    },
  };
}
