// Reads the site's content straight from disk, independently of Astro, so browser tests can
// say what a page should show without asking the code under test.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './global-setup';

export const SEED_SLUG = 'putin-pezeshkian-ashgabat';
export const SEED_PATH = `/articles/${SEED_SLUG}/`;
const SEED_FILE = 'seed/000_cf0c7fcc810ad4bb.txt';

export interface FrontmatterClaim {
  id: string;
  kind: string;
  speaker: string;
  status: string;
  via?: string[];
  primary?: string;
  note: string;
  checked?: { source: string; finding: string; accessed: string }[];
  timeline?: { cite?: string[] }[];
}

export interface ArticleFrontmatter {
  title: string;
  original: { outlet: string; url: string; headline: string };
  sources: string[];
  claims: FrontmatterClaim[];
  since?: { date: string; claims?: string[]; text: string }[];
  corrections?: { date: string; type: string; claims?: string[]; text: string }[];
}

export function readArticle(slug = SEED_SLUG): ArticleFrontmatter {
  const raw = readFileSync(path.join(ROOT, 'content/articles', `${slug}.md`), 'utf8');
  const m = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(raw);
  if (!m) throw new Error(`content/articles/${slug}.md has no frontmatter`);
  return parse(m[1]!) as ArticleFrontmatter;
}

export interface SourceYaml {
  name: string;
  type: string;
  country?: string;
  ownership?: string;
  url?: string;
}

export const readSource = (id: string): SourceYaml =>
  parse(readFileSync(path.join(ROOT, 'content/sources', `${id}.yaml`), 'utf8')) as SourceYaml;

export const readGlossary = (id: string): { name: string } =>
  parse(readFileSync(path.join(ROOT, 'content/glossary', `${id}.yaml`), 'utf8')) as { name: string };

/** The name a reader should see for a claim's speaker. */
export function speakerDisplayName(claim: FrontmatterClaim, article: ArticleFrontmatter): string {
  if (claim.speaker === 'outlet') return readSource(article.original.outlet).name;
  if (claim.speaker === 'unnamed') return 'Unnamed source';
  return readGlossary(claim.speaker).name;
}

/**
 * The seed text the article reproduces. In CI the repository is cloned beside shared/, so the
 * path relative to the repository comes first; a missing seed is a failure, never a skip.
 */
export function seedText(): string {
  const candidates = [path.resolve(ROOT, '../shared', SEED_FILE), path.join('/work/shared', SEED_FILE)];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`Seed text not found; looked in:\n  ${candidates.join('\n  ')}`);
  return readFileSync(found, 'utf8');
}

/** Non-empty lines of the seed: one paragraph each. */
export const seedParagraphs = (): string[] =>
  seedText()
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** Sentences of one paragraph: split after . ! ? (and a closing quote) before a capital or opening quote. */
export const sentences = (paragraph: string): string[] =>
  paragraph.split(/(?<=[.!?][”’"]?)\s+(?=[“"‘A-Z])/u).filter(Boolean);

/**
 * Quotations of one paragraph, quote marks included. A quotation that runs on into the next
 * paragraph opens with “ and has no ” here; its part in this paragraph runs to the end.
 */
export function quotations(paragraph: string): string[] {
  const out: string[] = [];
  let from = paragraph.indexOf('“');
  while (from !== -1) {
    const close = paragraph.indexOf('”', from + 1);
    const end = close === -1 ? paragraph.length : close + 1;
    out.push(paragraph.slice(from, end));
    from = paragraph.indexOf('“', end);
  }
  return out;
}

export const normalise = (s: string): string => s.replace(/\s+/g, ' ').trim();
