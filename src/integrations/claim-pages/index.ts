/**
 * Writes each claim's own page (articles/<slug>/claims/<id>/) from its article's claims page,
 * once the pages are written and indexed for search (src/integrations/claim-pages/claim-pages.ts says how and why),
 * before the integrity check, which then checks these pages like any other.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { claimPagesFrom } from './claim-pages';

export function claimPages(): AstroIntegration {
  return {
    name: 'sourced:claim-pages',
    hooks: {
      'astro:build:generated': ({ dir, logger }) => {
        const articles = path.join(fileURLToPath(dir), 'articles');
        let count = 0;
        for (const slug of existsSync(articles) ? readdirSync(articles) : []) {
          const index = path.join(articles, slug, 'claims', 'index.html');
          if (!existsSync(index)) continue;
          for (const page of claimPagesFrom(readFileSync(index, 'utf8'))) {
            const folder = path.join(articles, slug, 'claims', page.id);
            mkdirSync(folder, { recursive: true });
            writeFileSync(path.join(folder, 'index.html'), page.html);
            count++;
          }
        }
        logger.info(`${count} claim pages written`);
      },
    },
  };
}
