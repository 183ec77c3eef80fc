// The build reads Astro's content store from a file rather than a bundled literal
// (src/integrations/content-store-from-disk/index.ts); if Astro changes the module's shape, the
// rewrite stops silently working and builds get slow again, so this says so.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { unflatten } from 'devalue';
import { PARTS_FOLDER, articleHtmlOf } from '../../src/collections/article-parts';
import { ROOT } from '../support/global-setup';

const outDir = inject('outDir');

describe('the content store the pages read', () => {
  it('was written to a file for the build, holding every article', () => {
    const file = path.join(path.dirname(outDir), 'cache', 'sourced-content-store.json');
    const text = readFileSync(file, 'utf8');
    const articles = readdirSync(path.join(ROOT, 'content/articles')).filter((f) => f.endsWith('.md'));
    expect(articles.length).toBeGreaterThan(0);
    for (const f of articles) expect(text).toContain(`"${f.replace(/\.md$/, '')}"`);
    expect(JSON.parse(text)).toBeInstanceOf(Array);
  });

  it('holds no article’s rendered HTML: each is a file of its own in the cache folder', () => {
    const cache = path.join(path.dirname(outDir), 'cache');
    const store = unflatten(
      JSON.parse(readFileSync(path.join(cache, 'sourced-content-store.json'), 'utf8')) as number | unknown[],
    ) as Map<string, Map<string, { filePath?: string; rendered?: { html: string } }>>;
    const entries = [...store.get('articles')!.values()];
    expect(entries.length).toBe(
      readdirSync(path.join(ROOT, 'content/articles')).filter((f) => f.endsWith('.md')).length,
    );
    const dir = path.join(cache, PARTS_FOLDER);
    for (const entry of entries) {
      expect(entry.rendered?.html, entry.filePath).toBe('');
      expect(articleHtmlOf({ id: '', ...entry }, dir)).toContain('<p');
    }
  });
});
