// The global hash: what makes an incremental build cold, part by part.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { entryHashes, globalInputs } from '../../../src/integrations/incremental-build/inputs';

const roots: string[] = [];
function project(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'sourced-inputs-'));
  roots.push(root);
  mkdirSync(path.join(root, 'src'));
  mkdirSync(path.join(root, 'content/glossary'), { recursive: true });
  writeFileSync(path.join(root, 'src/page.ts'), 'export const a = 1;\n');
  writeFileSync(
    path.join(root, 'content/glossary/iran.yaml'),
    'name: "Iran"\nkind: country\naliases: ["Iran"]\ndescription: "A country."\n',
  );
  return root;
}
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

const changed = (a: ReturnType<typeof globalInputs>, b: ReturnType<typeof globalInputs>) =>
  Object.keys(a.parts).filter((k) => a.parts[k] !== b.parts[k]);

describe('the global inputs of a build', () => {
  it('change with a file under src/, and only in that part', () => {
    const root = project();
    const before = globalInputs(root, {});
    writeFileSync(path.join(root, 'src/page.ts'), 'export const a = 2;\n');
    const after = globalInputs(root, {});
    expect(after.hash).not.toBe(before.hash);
    expect(changed(before, after)).toEqual(['src']);
  });

  it('change with a setting that changes output, and not with one that does not', () => {
    const root = project();
    const base = globalInputs(root, { SITE_URL: 'https://a.example', HOME: '/x' });
    expect(changed(base, globalInputs(root, { SITE_URL: 'https://b.example', HOME: '/x' }))).toEqual(['settings']);
    expect(changed(base, globalInputs(root, { SITE_URL: 'https://a.example', PUBLIC_X: '1' }))).toEqual(['settings']);
    expect(globalInputs(root, { SITE_URL: 'https://a.example', HOME: '/y' }).hash).toBe(base.hash);
  });

  it('change with a glossary entry’s aliases, but not with its description, which only its articles use', () => {
    const root = project();
    const file = path.join(root, 'content/glossary/iran.yaml');
    const base = globalInputs(root, {});
    const entry = entryHashes(root).get('glossary:iran');
    writeFileSync(file, 'name: "Iran"\nkind: country\naliases: ["Iran"]\ndescription: "Another text."\n');
    expect(globalInputs(root, {}).hash).toBe(base.hash);
    expect(entryHashes(root).get('glossary:iran')).not.toBe(entry);
    writeFileSync(file, 'name: "Iran"\nkind: country\naliases: ["Iran", "Persia"]\ndescription: "Another text."\n');
    expect(changed(base, globalInputs(root, {}))).toEqual(['glossary names']);
  });
});
