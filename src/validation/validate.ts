/**
 * Validates all content on disk: schemas, references between collections, citation keys,
 * dates, and the marks in every article body. Returns every problem, not just the first.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import { loadYaml as parseYaml } from '../lib/yaml';
import { remarkPlugins } from '../markdown/index';
import { articleSchema } from '../schemas/article';
import { glossarySchema } from '../schemas/glossary';
import { sourceSchema } from '../schemas/source';
import { PENDING, SPEAKER_OUTLET, SPEAKER_UNNAMED } from '../schemas/taxonomy';
import { isDraft } from '../collections/drafts';
import {
  ContentError,
  YamlLocator,
  isWarning,
  frontmatterLocator,
  relativePath,
  splitMarkdown,
  type ContentProblem,
} from '../lib/problems';
import { CONTENT_DIRS, loadRegistry, type Registry } from '../collections/registry';
import { warningsOf } from '../lib/vfile-problems';
import { suggestion } from '../lib/suggest';
import { checkGlossaryAliases } from '../glossary/glossary-check';
import { checkMarkdownLimits } from './markdown-limits';
import { shown } from '../lib/text';
import { checkBibliography } from './bibliography-check';
import { checkEvidence } from './evidence-check';
import { citationKeys } from '../markdown/remark-citation-keys';
import { contentKey, KeyedCache } from '../lib/keyed-cache';

/** Outside Astro a reference is just an id; existence is checked below with positions. */
const plainRef = () => z.string().min(1);

type Key = string | number;

function zodProblems(
  error: z.ZodError,
  file: string,
  locator: YamlLocator,
  idAt: (p: readonly Key[]) => string | undefined,
): ContentProblem[] {
  return error.issues.map((issue) => {
    const p = issue.path.filter((k): k is Key => typeof k !== 'symbol');
    const at = locator.locate(p);
    const field = p.join('.') || '(top level)';
    let fix = `Correct "${field}" as the authoring guide describes (docs/authoring.md).`;
    const i = issue as z.core.$ZodIssue & { values?: unknown[]; keys?: string[]; input?: unknown };
    if (i.code === 'invalid_value' && i.values)
      fix =
        `${typeof i.input === 'string' ? suggestion(i.input, i.values.map(String)).trim() + ' ' : ''}Use one of: ${i.values.join(', ')}.`.trim();
    else if (i.code === 'unrecognized_keys' && i.keys)
      fix = `Remove or rename ${i.keys.map((k) => `"${k}"`).join(', ')}; allowed fields are listed in docs/authoring.md.`;
    else if (i.code === 'invalid_type' && i.input === undefined) fix = `Add the required field "${field}".`;
    return {
      file,
      line: at?.line,
      column: at?.column,
      id: idAt(p),
      message: `"${field}" ${issue.message.replace(/^Invalid (input|option): /, 'is invalid: ')}.`.replace(
        /\.\.$/,
        '.',
      ),
      fix,
    };
  });
}

function listFiles(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => path.join(dir, f));
}

function checkDataCollection(
  dir: string,
  schema: z.ZodType,
  registry: Registry,
  refs: (data: Record<string, unknown>) => { path: Key[]; collection: 'glossary' | 'sources'; id: unknown }[],
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const abs of listFiles(dir, '.yaml')) {
    const file = relativePath(abs, registry.root);
    const text = readFileSync(abs, 'utf8');
    const locator = new YamlLocator(text);
    const id = path.basename(abs, '.yaml');
    let data: unknown;
    try {
      data = parseYaml(text);
    } catch (e) {
      const at = (e as { linePos?: { line: number; col: number }[] }).linePos?.[0];
      problems.push({
        file,
        line: at?.line,
        column: at?.col,
        id,
        message: `is not valid YAML: ${(e as Error).message.split('\n')[0]}`,
        fix: 'Fix the YAML syntax at the position given (check quotes, colons and indentation).',
      });
      continue;
    }
    const result = schema.safeParse(data);
    if (!result.success) {
      problems.push(...zodProblems(result.error, file, locator, () => id));
      continue;
    }
    for (const ref of refs(data as Record<string, unknown>)) {
      if (typeof ref.id !== 'string') continue;
      if (!registry[ref.collection].has(ref.id)) {
        const at = locator.locate(ref.path);
        problems.push({
          file,
          line: at?.line,
          column: at?.column,
          id: ref.id,
          message: `refers to the unknown ${ref.collection === 'sources' ? 'source' : 'glossary entry'} "${ref.id}".${suggestion(ref.id, registry[ref.collection].keys())}`,
          fix: `Create content/${ref.collection}/${ref.id}.yaml, or use an existing id.`,
        });
      }
    }
  }
  return problems;
}

interface RawClaim {
  id?: unknown;
  status?: unknown;
  speaker?: unknown;
  via?: unknown;
  primary?: unknown;
  checked?: unknown;
  timeline?: { cite?: unknown }[];
}
interface RawArticle {
  original?: { outlet?: unknown; date?: unknown };
  claims?: RawClaim[];
  sources?: unknown;
  since?: { cite?: unknown; claims?: unknown }[];
  corrections?: { date?: unknown; claims?: unknown }[];
  published?: unknown;
  updated?: unknown;
  status?: unknown;
  inProgress?: unknown;
}

/**
 * A published article must not pass off unchecked claims as checked: with any claim pending it
 * declares itself in progress, and it stops doing so once every claim is checked.
 */
function checkArticleState(fm: RawArticle, file: string, locator: YamlLocator): ContentProblem[] {
  if (isDraft(fm)) return [];
  const claims = fm.claims ?? [];
  const pending = claims.flatMap((c, i) => (c?.status === PENDING ? [i] : []));
  const checked = claims.length - pending.length;
  if (pending.length > 0 && fm.inProgress !== true) {
    const first = pending[0]!;
    const at = locator.locate(['claims', first, 'status']);
    const ids = pending.map((i) => {
      const id = claims[i]?.id;
      return typeof id === 'string' || typeof id === 'number' ? String(id) : `claims[${i}]`;
    });
    return [
      {
        file,
        line: at?.line,
        column: at?.column,
        id: ids[0],
        message: `is published with ${pending.length} of ${claims.length} claims not yet checked (${ids.join(', ')}) but does not say it is in progress.`,
        fix: `Add "inProgress: true" to the frontmatter, so readers see "Analysis in progress: ${checked} of ${claims.length} claims checked"; or set "status: draft" until every claim is checked.`,
      },
    ];
  }
  if (pending.length === 0 && fm.inProgress === true) {
    const at = locator.locate(['inProgress']);
    return [
      {
        file,
        line: at?.line,
        column: at?.column,
        message: 'says "inProgress: true", but every claim is checked.',
        fix: 'Remove "inProgress" (or set it to false): the analysis is complete.',
      },
    ];
  }
  return [];
}

const asStrings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** The bibliography key of each finding in a claim's `checked` (undefined where it has none). */
const findingKeys = (v: unknown): (string | undefined)[] =>
  Array.isArray(v) ? v.map((f) => ((f as { source?: unknown })?.source as string | undefined) ?? undefined) : [];

/** Every bibliography key an article cites: its body, its findings, timelines and "since" notes. */
function citedKeys(fm: RawArticle, body: string): string[] {
  return [
    ...citationKeys(body),
    ...(fm.claims ?? []).flatMap((c) => [
      ...findingKeys(c?.checked).filter((k): k is string => typeof k === 'string'),
      ...(c?.timeline ?? []).flatMap((e) => asStrings(e?.cite)),
    ]),
    ...(fm.since ?? []).flatMap((s) => asStrings(s?.cite)),
  ];
}

function checkArticleReferences(
  fm: RawArticle,
  registry: Registry,
  file: string,
  locator: YamlLocator,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const add = (p: Key[], id: string, message: string, fix: string) => {
    const at = locator.locate(p);
    problems.push({ file, line: at?.line, column: at?.column, id, message, fix });
  };
  const needSource = (p: Key[], id: unknown) => {
    if (typeof id === 'string' && !registry.sources.has(id))
      add(
        p,
        id,
        `refers to the unknown source "${id}".${suggestion(id, registry.sources.keys())}`,
        `Create content/sources/${id}.yaml, or use an existing source id.`,
      );
  };
  const needCite = (p: Key[], key: string) => {
    if (!registry.bibliography.has(key))
      add(
        p,
        key,
        `cites "${key}", which is not in the bibliography.${suggestion(key, registry.bibliography.keys())}`,
        `Add an item with "id": "${key}" to content/bibliography.json, or correct the key.`,
      );
  };
  const listed = new Set(asStrings(fm.sources));
  needSource(['original', 'outlet'], fm.original?.outlet);
  asStrings(fm.sources).forEach((s, i) => needSource(['sources', i], s));

  const ids = new Map<string, number>();
  (fm.claims ?? []).forEach((c, i) => {
    const cid = typeof c.id === 'string' ? c.id : `claims[${i}]`;
    if (typeof c.id === 'string') {
      if (ids.has(c.id))
        add(
          ['claims', i, 'id'],
          c.id,
          `is a duplicate claim id (first used by claims[${ids.get(c.id)}]).`,
          'Give each claim a unique id.',
        );
      else ids.set(c.id, i);
    }
    if (
      typeof c.speaker === 'string' &&
      c.speaker !== SPEAKER_OUTLET &&
      c.speaker !== SPEAKER_UNNAMED &&
      !registry.glossary.has(c.speaker)
    ) {
      add(
        ['claims', i, 'speaker'],
        cid,
        `has the unknown speaker "${c.speaker}".${suggestion(c.speaker, [SPEAKER_OUTLET, SPEAKER_UNNAMED, ...registry.glossary.keys()])}`,
        `Use a glossary id (create content/glossary/${c.speaker}.yaml), "${SPEAKER_OUTLET}" or "${SPEAKER_UNNAMED}".`,
      );
    }
    const channels: [Key[], string][] = asStrings(c.via).map((s, j) => [['claims', i, 'via', j], s]);
    if (typeof c.primary === 'string') channels.push([['claims', i, 'primary'], c.primary]);
    for (const [p, s] of channels) {
      if (!registry.sources.has(s)) needSource(p, s);
      else if (!listed.has(s))
        add(
          p,
          cid,
          `uses the source "${s}", which is not listed in the article's "sources".`,
          `Add "${s}" to "sources" so it appears in the sources panel.`,
        );
    }
    findingKeys(c.checked).forEach((k, j) => {
      if (typeof k === 'string') needCite(['claims', i, 'checked', j, 'source'], k);
    });
    (c.timeline ?? []).forEach((e, j) =>
      asStrings(e?.cite).forEach((k, n) => needCite(['claims', i, 'timeline', j, 'cite', n], k)),
    );
  });
  (fm.since ?? []).forEach((s, i) => {
    asStrings(s?.cite).forEach((k, n) => needCite(['since', i, 'cite', n], k));
    asStrings(s?.claims).forEach((k, n) => {
      if (!ids.has(k))
        add(
          ['since', i, 'claims', n],
          k,
          `follows up the unknown claim "${k}".${suggestion(k, ids.keys())}`,
          'Use the id of a claim in this article.',
        );
    });
  });
  (fm.corrections ?? []).forEach((c, i) => {
    asStrings(c?.claims).forEach((k, n) => {
      if (!ids.has(k))
        add(
          ['corrections', i, 'claims', n],
          k,
          `is a correction to the unknown claim "${k}".`,
          'Use the id of a claim in this article, or leave "claims" empty for a change to the whole analysis.',
        );
    });
  });
  const latest = (fm.corrections ?? [])
    .map((c) => shown(c?.date))
    .sort()
    .at(-1);
  const updated = shown(fm.updated);
  if (shown(fm.published) > updated)
    add(['updated'], updated, 'is earlier than "published".', 'Set "updated" to the publication day or later.');
  if (latest && latest > updated)
    add(
      ['updated'],
      updated,
      `is earlier than the newest correction (${latest}).`,
      `Set "updated" to ${latest} or later: every correction bumps it.`,
    );
  return problems;
}

/** Runs the remark stage over one article body, as the build would, and collects its problems. */
async function checkBody(
  abs: string,
  body: string,
  frontmatter: unknown,
  registry: Registry,
): Promise<ContentProblem[]> {
  const file = new VFile({ path: abs, cwd: registry.root, value: body, data: { astro: { frontmatter } } as never });
  // Astro's plugin list type is wider than unified's; the entries are the same functions.
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkPlugins({ registry }) as PluggableList);
  try {
    await processor.run(processor.parse(file), file);
  } catch (e) {
    if (e instanceof ContentError) return [...e.problems, ...warningsOf(file)];
    return [
      {
        file: relativePath(abs, registry.root),
        message: `could not be processed: ${(e as Error).message}`,
        fix: 'See the message; the Markdown may be malformed.',
      },
    ];
  }
  return warningsOf(file);
}

export interface ValidateOptions {
  /**
   * Also run the Markdown stage over each body (default). The build turns this off: its own
   * render finds the same problems, and checkedGlob reports them (src/loaders/checked-glob.ts).
   */
  bodies?: boolean;
  /**
   * Each article's own result, kept between builds (the build's start-up check). An article's
   * problems depend on nothing but its file, the registry (glossary, sources, bibliography) and
   * the code, so its key is a hash of the first two and the cache's version names the code.
   * The checks across files (data collections, aliases, the bibliography) always run in full.
   */
  cache?: KeyedCache<ArticleResult> | undefined;
}

/** What checking one article yields, on its own. */
export interface ArticleResult {
  problems: ContentProblem[];
  /** The bibliography keys it cites. */
  cited: string[];
  /** False when its file could not be read far enough to know what it cites. */
  read: boolean;
}

async function checkArticle(
  abs: string,
  raw: string,
  root: string,
  registry: Registry,
  schema: ReturnType<typeof articleSchema>,
  bodies: boolean,
): Promise<ArticleResult> {
  const file = relativePath(abs, root);
  // Before any parser: a file past these limits could stall or crash the parse itself.
  const limits = checkMarkdownLimits(raw, file);
  if (limits.length) return { problems: limits, cited: [], read: false };
  const { yaml, body } = splitMarkdown(raw);
  if (yaml === undefined) {
    const problem = {
      file,
      line: 1,
      message: 'has no frontmatter.',
      fix: 'Start the file with a --- block holding title, dek, original, claims and sources.',
    };
    return { problems: [problem], cited: [], read: false };
  }
  const locator = frontmatterLocator(raw);
  let fm: RawArticle;
  try {
    fm = parseYaml(yaml) ?? {};
  } catch (e) {
    // The frontmatter starts after the opening "---" line.
    const at = (e as { linePos?: { line: number; col: number }[] }).linePos?.[0];
    const problem = {
      file,
      line: at ? at.line + 1 : undefined,
      column: at?.col,
      message: `has invalid YAML frontmatter: ${(e as Error).message.split('\n')[0]}`,
      fix: 'Fix the YAML syntax at the position given (check quotes, colons and indentation).',
    };
    return { problems: [problem], cited: [], read: false };
  }
  const problems: ContentProblem[] = [];
  const claimId = (p: readonly Key[]) =>
    p[0] === 'claims' && typeof p[1] === 'number' ? shown(fm.claims?.[p[1]]?.id ?? `claims[${p[1]}]`) : undefined;
  const parsed = schema.safeParse(fm);
  if (!parsed.success) problems.push(...zodProblems(parsed.error, file, locator, claimId));
  const refProblems = checkArticleReferences(fm, registry, file, locator);
  problems.push(...refProblems);
  if (parsed.success) problems.push(...checkArticleState(fm, file, locator));
  if (parsed.success) problems.push(...checkEvidence(fm.claims ?? [], registry, file, locator));
  if (bodies && parsed.success && refProblems.length === 0)
    problems.push(...(await checkBody(abs, body, fm, registry)));
  return { problems, cited: citedKeys(fm, body), read: true };
}

export async function contentProblems(
  root: string = process.cwd(),
  { bodies = true, cache }: ValidateOptions = {},
): Promise<ContentProblem[]> {
  const registry = loadRegistry(root);
  const problems: ContentProblem[] = [
    ...checkDataCollection(path.join(root, CONTENT_DIRS.sources), sourceSchema(plainRef), registry, (d) => [
      { path: ['country'], collection: 'glossary', id: d['country'] },
      { path: ['glossary'], collection: 'glossary', id: d['glossary'] },
    ]),
    ...checkDataCollection(path.join(root, CONTENT_DIRS.glossary), glossarySchema(), registry, () => []),
    ...checkGlossaryAliases(registry),
  ];
  // The bibliography is checked last, once every article's citations are known.
  const cited = new Set<string>();
  let allRead = true;
  const schema = articleSchema(plainRef);
  for (const abs of listFiles(path.join(root, CONTENT_DIRS.articles), '.md')) {
    const raw = readFileSync(abs, 'utf8');
    // The file's path is part of the key: problems name it.
    const key = cache && contentKey(`${registry.digest}\0${bodies}\0${relativePath(abs, root)}\0${raw}`);
    let result = key === undefined ? undefined : cache!.get(key);
    if (!result) {
      result = await checkArticle(abs, raw, root, registry, schema, bodies);
      if (key !== undefined) cache!.set(key, result);
    }
    problems.push(...result.problems);
    for (const k of result.cited) cited.add(k);
    if (!result.read) allRead = false;
  }
  problems.push(...checkBibliography(registry, { cited, complete: allRead }));
  return problems;
}

/**
 * The problems of articles that failed to render, found again by running the Markdown stage
 * over just those files (`files` are absolute paths).
 */
export async function bodyProblems(files: readonly string[], root: string = process.cwd()): Promise<ContentProblem[]> {
  const registry = loadRegistry(root);
  const problems: ContentProblem[] = [];
  for (const abs of files) {
    const { yaml, body } = splitMarkdown(readFileSync(abs, 'utf8'));
    let fm: unknown = {};
    try {
      fm = parseYaml(yaml ?? '') ?? {};
    } catch {
      // reported by contentProblems, which runs first
    }
    problems.push(...(await checkBody(abs, body, fm, registry)));
  }
  return problems;
}

/** Throws one ContentError listing every problem (warnings too, if there is an error). */
export async function assertValidContent(root?: string): Promise<void> {
  const problems = await contentProblems(root);
  if (problems.some((p) => !isWarning(p))) throw new ContentError(problems);
}
