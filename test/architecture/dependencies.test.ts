/**
 * Folders of src/ import one way, down the layers in .dependency-cruiser.mjs, with no cycle.
 * The same rules run on small made-up trees to show that a violation fails them.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cruise, type IViolation } from 'dependency-cruiser';
import { ESLint } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';
import config from '../../.dependency-cruiser.mjs';

async function violations(files: string[], baseDir = process.cwd()): Promise<IViolation[]> {
  const { enhancedResolveOptions, ...options } = config.options ?? {};
  const result = await cruise(
    files,
    { ...options, baseDir, validate: true, ruleSet: { forbidden: config.forbidden ?? [] } },
    enhancedResolveOptions,
  );
  if (typeof result.output === 'string') throw new Error(result.output);
  return result.output.summary.violations;
}

const describeViolations = (list: IViolation[]) => list.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).join('\n');

let tree: string | undefined;
function makeTree(files: Record<string, string>): string {
  tree = mkdtempSync(path.join(tmpdir(), 'sourced-deps-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(tree, name)), { recursive: true });
    writeFileSync(path.join(tree, name), text);
  }
  return tree;
}
afterEach(() => {
  if (tree) rmSync(tree, { recursive: true, force: true });
  tree = undefined;
});

describe('dependency direction', () => {
  it('finds no upward import, no cycle and no unplaced folder in src/', async () => {
    const found = await violations(['src', 'astro.config.mjs']);
    expect(describeViolations(found)).toBe('');
  });

  it('fails when a lower folder imports a higher one', async () => {
    const dir = makeTree({
      'src/lib/dates.ts': "import { feed } from '../publishing/feed';\nexport const d = feed;\n",
      'src/publishing/feed.ts': 'export const feed = 1;\n',
    });
    const found = await violations(['src'], dir);
    expect(describeViolations(found)).toBe('lib-imports-down-only: src/lib/dates.ts → src/publishing/feed.ts');
  });

  it('fails when two modules import each other', async () => {
    const dir = makeTree({
      'src/analysis/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
      'src/analysis/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
    });
    const found = await violations(['src'], dir);
    expect(found.map((v) => v.rule.name)).toEqual(['no-cycle']);
    expect(found[0]!.cycle?.map((step) => step.name)).toEqual(['src/analysis/b.ts', 'src/analysis/a.ts']);
  });

  it('fails when a folder has no place in the layers', async () => {
    const dir = makeTree({
      'src/helpers/x.ts': "import { y } from '../lib/y';\nexport const x = y;\n",
      'src/lib/y.ts': 'export const y = 1;\n',
    });
    const found = await violations(['src'], dir);
    expect(describeViolations(found)).toBe('unplaced-folder: src/helpers/x.ts → src/lib/y.ts');
  });

  it('fails when an Astro component imports a folder above it, and not for one below (ESLint reads .astro files)', async () => {
    const eslint = new ESLint();
    const lint = async (specifier: string) => {
      const [result] = await eslint.lintText(
        `---\nimport { x } from '${specifier}';\nconst v = x;\n---\n<p>{String(v)}</p>\n`,
        { filePath: path.resolve('src/components/Upward.astro') },
      );
      return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
    };
    expect(await lint('../validation/validate')).toEqual([
      expect.stringContaining('src/components may import only lib, schemas, collections'),
    ]);
    expect(await lint('../analysis/describe')).toEqual([]);
    // Loading ESLint with its TypeScript and Astro parsers takes seconds, more on a busy machine.
  }, 120_000);
});
