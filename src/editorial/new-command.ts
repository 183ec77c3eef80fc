/**
 * `npm run new -- article.txt --url … --outlet … --published YYYY-MM-DD [--headline …]
 * [--author …] [--slug …] [--create-stubs] [--force]`: drafts content/articles/<slug>.md.
 * Returns what to print and the exit code, so tests run it without a child process.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CONTENT_DIRS, loadRegistry } from '../collections/registry';
import { isCalendarDate } from '../lib/dates';
import { draftArticle } from './draft';
import { HEADLINE_NOT_KNOWN, headlineFromUrl, renderArticle, renderStub, slugFor, stubId, summarise } from './render';
import { splitByline, splitParagraphs } from './text';

export interface CommandResult {
  code: number;
  output: string;
}

const USAGE =
  'Usage: npm run new -- article.txt --url https://… --outlet <source-id> --published YYYY-MM-DD [--headline "…"] [--author "…"] [--slug …] [--create-stubs] [--force]';

const problem = (message: string, fix: string) => `${message}\n    Fix: ${fix}`;

export function runNew(argv: readonly string[], root: string = process.cwd(), today = new Date()): CommandResult {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        outlet: { type: 'string' },
        published: { type: 'string' },
        headline: { type: 'string' },
        author: { type: 'string' },
        slug: { type: 'string' },
        'create-stubs': { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    return { code: 2, output: problem((e as Error).message, USAGE) };
  }
  const { values: o, positionals } = parsed;
  const errors: string[] = [];
  const input = positionals[0];
  if (!input) errors.push(problem('No text file given.', USAGE));
  else if (!existsSync(path.resolve(root, input)))
    errors.push(
      problem(`The text file "${input}" does not exist.`, 'Give the path of a plain-text copy of the article.'),
    );
  else if (!statSync(path.resolve(root, input)).isFile())
    errors.push(problem(`"${input}" is not a file.`, 'Give the path of a plain-text copy of the article.'));
  else if (!splitParagraphs(readFileSync(path.resolve(root, input), 'utf8')).length)
    errors.push(
      problem(
        `The text file "${input}" has no text.`,
        'Paste the article into it: one paragraph a line, or paragraphs separated by blank lines.',
      ),
    );
  let url: URL | undefined;
  try {
    url = new URL(o.url ?? '');
    if (!/^https?:$/.test(url.protocol)) throw new Error();
  } catch {
    errors.push(
      problem(`--url "${o.url ?? ''}" is not a web address.`, 'Give the original article’s address, https://….'),
    );
  }
  if (!o.published || !isCalendarDate(o.published))
    errors.push(
      problem(
        `--published "${o.published ?? ''}" is not a date.`,
        'Give the original’s publication day as YYYY-MM-DD; relative dates in the text are resolved against it.',
      ),
    );
  const registry = loadRegistry(root);
  if (!o.outlet || !registry.sources.has(o.outlet)) {
    const known = [...registry.sources.keys()];
    const near = o.outlet ? known.filter((k) => k.includes(o.outlet!) || o.outlet!.includes(k.split('-')[0]!)) : [];
    errors.push(
      problem(
        `--outlet "${o.outlet ?? ''}" is not a source in ${CONTENT_DIRS.sources}/.${near.length ? ` Did you mean ${near.join(' or ')}?` : ''}`,
        `Use a source id (${known.slice(0, 8).join(', ')}${known.length > 8 ? ', …' : ''}), or add ${CONTENT_DIRS.sources}/<id>.yaml first.`,
      ),
    );
  }
  if (errors.length) return { code: 2, output: errors.join('\n\n') };

  // A byline is who wrote the article, not its text: it becomes the author unless --author is given.
  const { byline, paragraphs } = splitByline(splitParagraphs(readFileSync(path.resolve(root, input!), 'utf8')));
  const draft = draftArticle(paragraphs.join('\n\n'), registry, { published: o.published! });
  const notes: string[] = [];
  if (byline) notes.push(`Byline “${byline}” read as the author, and left out of the text.`);
  let headline = o.headline;
  if (!headline) {
    headline = headlineFromUrl(url!.href);
    if (headline === HEADLINE_NOT_KNOWN)
      notes.push(
        `No headline in the address: give it with --headline "…" (or edit title and original.headline)${o.slug ? '' : '; the file is named after the first claim'}.`,
      );
  }
  const slug = o.slug ?? (headline === HEADLINE_NOT_KNOWN && draft.claims[0] ? draft.claims[0].id : slugFor(headline));
  const rel = `${CONTENT_DIRS.articles}/${slug}.md`;
  const file = path.join(root, rel);
  if (existsSync(file) && !o.force)
    return {
      code: 2,
      output: problem(`${rel} already exists.`, 'Choose another name with --slug, or replace it with --force.'),
    };

  const stubs: string[] = [];
  if (o['create-stubs']) {
    mkdirSync(path.join(root, CONTENT_DIRS.glossary), { recursive: true });
    for (const m of draft.missing) {
      const stub = path.join(root, CONTENT_DIRS.glossary, `${stubId(m.name)}.yaml`);
      if (!existsSync(stub)) writeFileSync(stub, renderStub(m.name, m.person, m.aliases));
      stubs.push(m.name);
    }
    // A speaker whose entry is now a stub is named by it.
    for (const c of draft.claims) if (c.missingSpeaker) c.speaker = stubId(c.missingSpeaker);
  }
  const text = renderArticle(draft, {
    outlet: o.outlet!,
    outletName: registry.sources.get(o.outlet!)?.name ?? o.outlet!,
    url: url!.href,
    date: o.published!,
    headline,
    headlineGuessed: !o.headline,
    author: o.author ?? byline ?? 'unknown',
    today: today.toISOString().slice(0, 10),
  });
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  const summary = summarise(draft, rel, stubs).split('\n');
  return { code: 0, output: [summary[0]!, ...notes, ...summary.slice(1)].join('\n') };
}
