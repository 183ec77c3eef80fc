/**
 * An article's preview card (og.png): its title, the outlet analysed and who is speaking in it.
 * Built from the frontmatter alone, so a build can start drawing the cards from the files on
 * disk while Astro is still rendering the Markdown (integrations/og-image-cache.ts).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { articleSchema } from '../schemas/article';
import { refId, type ClaimLike, type Lookup, type Ref } from './describe';
import { articleCard, type OgNode } from './og-image';
import { splitMarkdown } from './problems';
import { CONTENT_DIRS, loadRegistry } from './registry';
import { hostLabel } from './sharing';
import { sourcingSummary } from './sourcing';
import { url } from './urls';
import { loadYaml } from './yaml';

/** What the card shows of an article: a collection entry's data, or the same read from disk. */
export interface PreviewArticle {
  title: string;
  original: { outlet: Ref };
  claims: ClaimLike[];
}

export function articlePreview(article: PreviewArticle, lookup: Lookup, site: URL | string, base?: string): OgNode {
  const outlet = refId(article.original.outlet);
  return articleCard({
    title: article.title,
    outlet: lookup.sources.get(outlet)?.name ?? outlet,
    summary: sourcingSummary(article.claims, lookup),
    host: hostLabel(new URL(url('', base), site).href),
  });
}

/**
 * The cards of every article under `root` whose frontmatter passes its schema. The others are
 * left for the content checks to report; their pages draw their own cards if they render at all.
 */
export function previewsFromDisk(root: string, site: URL | string, base: string): OgNode[] {
  const dir = path.join(root, CONTENT_DIRS.articles);
  if (!existsSync(dir)) return [];
  const lookup = loadRegistry(root);
  // Outside Astro a reference is just an id, which is all the card needs.
  const schema = articleSchema(() => z.string().min(1));
  const cards: OgNode[] = [];
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]) {
    if (!file.endsWith('.md')) continue;
    try {
      const { yaml } = splitMarkdown(readFileSync(path.join(dir, file), 'utf8'));
      const parsed = schema.safeParse(yaml === undefined ? undefined : loadYaml(yaml));
      if (parsed.success) cards.push(articlePreview(parsed.data as PreviewArticle, lookup, site, base));
    } catch {
      // Broken YAML: validate-content reports it and fails the build.
    }
  }
  return cards;
}
