/**
 * The validator's check of glossary aliases, with the line of each bad alias in its YAML file.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { aliasProblems } from './aliases';
import { YamlLocator, relativePath, type ContentProblem } from '../lib/problems';
import { CONTENT_DIRS, type Registry } from '../collections/registry';

export function checkGlossaryAliases(registry: Pick<Registry, 'root' | 'glossary'>): ContentProblem[] {
  const problems: ContentProblem[] = [];
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
