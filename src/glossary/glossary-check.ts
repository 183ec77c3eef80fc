/**
 * The validator's check of glossary aliases, with the line of each bad alias in its YAML file,
 * and of role phrases that two entries claim on the same days.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { aliasProblems, roleAliasOverlaps, type RoleAliasOverlap } from './aliases';
import { YamlLocator, relativePath, type ContentProblem } from '../lib/problems';
import { CONTENT_DIRS, type Registry } from '../collections/registry';

/** "from 2024-07-28", "until 2024-07-28", "from 2020-01-01 until 2024-07-28", "at every date". */
function rangeWords(r: { from?: string | undefined; until?: string | undefined }): string {
  const parts = [r.from && `from ${r.from}`, r.until && `until ${r.until}`].filter(Boolean);
  return parts.length ? parts.join(' ') : 'at every date';
}

function overlapProblem(o: RoleAliasOverlap, registry: Pick<Registry, 'root'>): ContentProblem {
  const abs = path.join(registry.root, CONTENT_DIRS.glossary, `${o.b.id}.yaml`);
  const at = existsSync(abs)
    ? new YamlLocator(readFileSync(abs, 'utf8')).locate(['roleAliases', o.b.range, 'phrases', o.b.phrase])
    : undefined;
  return {
    file: relativePath(abs, registry.root),
    line: at?.line,
    column: at?.column,
    id: o.b.id,
    message: `has the role phrase "${o.phrase}" ${rangeWords(o.b)}, but ${o.a.id} has it ${rangeWords(o.a)}: on the days both cover, the phrase would name both ${o.a.id} and ${o.b.id}.`,
    fix: `Make the ranges meet without overlapping: the "until" of the earlier holder is the "from" of the later one (content/glossary/${o.a.id}.yaml and content/glossary/${o.b.id}.yaml).`,
  };
}

export function checkGlossaryAliases(registry: Pick<Registry, 'root' | 'glossary'>): ContentProblem[] {
  const problems: ContentProblem[] = roleAliasOverlaps(registry.glossary.values()).map((o) =>
    overlapProblem(o, registry),
  );
  for (const entry of registry.glossary.values()) {
    const found = aliasProblems({ ...entry, aliases: Array.isArray(entry.aliases) ? entry.aliases : [] });
    if (!found.length) continue;
    const abs = path.join(registry.root, CONTENT_DIRS.glossary, `${entry.id}.yaml`);
    const locator = existsSync(abs) ? new YamlLocator(readFileSync(abs, 'utf8')) : undefined;
    for (const p of found) {
      const at = locator?.locate(['aliases', p.index]);
      problems.push({
        file: relativePath(abs, registry.root),
        line: at?.line,
        column: at?.column,
        id: entry.id,
        message: p.message,
        fix: p.fix,
      });
    }
  }
  return problems;
}
